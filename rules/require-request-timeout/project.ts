import type { ProjectCheck } from '@redline/core';

/**
 * The cross-file half of `require-request-timeout`: a timeout set on axios's
 * default instance in another file (`axios.defaults.timeout = 10_000` in
 * `lib/http.ts`) covers every request made through it, and a module that only
 * browser code imports (an SWR fetcher in `lib/`) makes its requests from the
 * browser, so what the per-file half reports there is refuted. It reports nothing itself.
 */
const requireRequestTimeoutProject: ProjectCheck = {
  name: 'require-request-timeout',
  category: 'missing-timeout',
  check() {
    return [];
  },
  refute(facts) {
    return facts.clientDefaultTimeout?.calls ?? [];
  },
  refuteWithin(facts) {
    return facts.clientOnlyModules ?? [];
  },
};

export default requireRequestTimeoutProject;
