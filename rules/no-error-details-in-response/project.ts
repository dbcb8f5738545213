import type { ProjectCheck } from '@redline/core';

/**
 * The cross-file half of `no-error-details-in-response` only corrects the
 * ESLint rule: in Fastify, `reply.send(error)` with a caught error is the same
 * as throwing it — the instance's `setErrorHandler` decides what the client
 * sees, and the rule judges that handler where it is written. When the project
 * sets one, the per-file findings on those delegations are refuted.
 */
const noErrorDetailsInResponseProject: ProjectCheck = {
  name: 'no-error-details-in-response',
  category: 'error-leak',
  check() {
    return [];
  },
  refute(facts) {
    if (!facts.fastifyErrors?.errorHandlers.length) return [];
    return facts.fastifyErrors.sentErrors;
  },
};

export default noErrorDetailsInResponseProject;
