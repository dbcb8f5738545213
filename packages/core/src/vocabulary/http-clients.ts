/** Packages that make outbound HTTP calls, and what their timeout option is called. */
export const HTTP_CLIENT_PACKAGES: ReadonlySet<string> = new Set([
  'axios', 'got', 'undici', 'node-fetch', 'ky', 'superagent', 'needle', 'http', 'https',
  'node:http', 'node:https', 'cross-fetch', 'isomorphic-fetch', 'ofetch',
]);

/** Option names that bound how long an outbound call may take. */
export const TIMEOUT_OPTION_NAMES: ReadonlySet<string> = new Set([
  'timeout', 'signal', 'headersTimeout', 'bodyTimeout', 'connectTimeout', 'requestTimeout',
]);
