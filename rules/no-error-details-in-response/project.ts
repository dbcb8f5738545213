import { isAdminName, type ProjectCheck } from '@redline/core';

/**
 * The cross-file half of `no-error-details-in-response` only corrects the
 * ESLint rule: in Fastify, `reply.send(error)` with a caught error is the same
 * as throwing it — the instance's `setErrorHandler` decides what the client
 * sees, and the rule judges that handler where it is written. When the project
 * sets one, the per-file findings on those delegations are refuted. And
 * `errorHandler.getErrorMessage(err)`: a project helper whose every return is
 * a message the app wrote (codes mapped to text, validation messages) shows
 * the client nothing of the error itself. Handlers behind an admin check
 * shown in another file serve administrators, who may read their errors.
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
  // A handler only administrators reach (an admin check in its chain, mounted in another file) may show them its
  // errors: they read them to fix their setup. Another role (`hasRole('agent')`) is any signed-in member's.
  // The per-file rule sees only the checks in its own file.
  refuteWithin(facts) {
    return facts.routes.flatMap((route) => (route.handler && route.guards.some((guard) => guard.checksRole && isAdminName(guard.name)) ? [route.handler] : []));
  },
};

export default noErrorDetailsInResponseProject;
