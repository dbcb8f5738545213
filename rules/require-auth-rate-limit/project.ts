import { RATE_LIMITER_NAME, isCredentialPath, type ProjectCheck, type ProjectFinding, type RouteFact } from '@redline/core';

// `router.all('/login', methodNotAllowed)` is a fallback, not the attempt.
const ATTEMPT_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The cross-file half of `require-auth-rate-limit`: with a route's whole chain
 * known (the app that mounts its router, every `app.use` before it), a
 * credential route (login, sign-up, password reset, one-time code) with no rate
 * limiter anywhere in that chain. Only Express and Koa chains are judged:
 * Nest's global `ThrottlerGuard` (an `APP_GUARD` provider) and Fastify's
 * `@fastify/rate-limit` plugin apply outside the chains the analyzer records.
 * Routes in one file with their app are the ESLint half's to report.
 */
const requireAuthRateLimitProject: ProjectCheck = {
  name: 'require-auth-rate-limit',
  category: 'missing-rate-limit',
  check(facts) {
    const findings: ProjectFinding[] = [];
    for (const route of facts.routes) {
      if (!isJudged(route)) continue;
      if (route.guards.some((guard) => RATE_LIMITER_NAME.test(guard.name))) continue;
      // Behind authentication it is an account action, not a public guessing target.
      // (`passport.authenticate('local')` is the login itself.)
      if (route.guards.some((guard) => guard.authenticates && !guard.name.startsWith('passport.authenticate'))) continue;
      findings.push({
        at: route.at,
        message: `\`${route.method} ${route.path}\` takes credentials, and no rate limiter runs anywhere in its chain from the app down, so a client can try passwords or codes as fast as it can send requests. Add a limiter (express-rate-limit, koa-ratelimit, …) to the route, its router or the app.`,
      });
    }
    return findings;
  },
};

export default requireAuthRateLimitProject;

function isJudged(route: RouteFact): boolean {
  return (
    (route.framework === 'express' || route.framework === 'koa') &&
    route.mountKnown &&
    route.mountedFromOtherFile &&
    ATTEMPT_METHODS.has(route.method) &&
    isCredentialPath(route.path)
  );
}
