import type { ProjectCheck } from '@redline/core';

/**
 * The cross-file half of `no-error-details-in-response` only corrects the
 * ESLint rule: in Fastify, `reply.send(error)` with a caught error is the same
 * as throwing it — the instance's `setErrorHandler` decides what the client
 * sees, and the rule judges that handler where it is written. When the project
 * sets one, the per-file findings on those delegations are refuted. And
 * `errorHandler.getErrorMessage(err)`: a project helper whose every return is
 * a message the app wrote (codes mapped to text, validation messages) shows
 * the client nothing of the error itself.
 */
const noErrorDetailsInResponseProject: ProjectCheck = {
  name: 'no-error-details-in-response',
  category: 'error-leak',
  check() {
    return [];
  },
  refute(facts) {
    const delegated = facts.fastifyErrors?.errorHandlers.length ? facts.fastifyErrors.sentErrors : [];
    return [...delegated, ...(facts.maskedErrorCalls ?? [])];
  },
};

export default noErrorDetailsInResponseProject;
