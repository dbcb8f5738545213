import { RATE_LIMITER_NAME, isCredentialPath, type ProjectCheck, type ProjectFinding, type RouteFact } from '@redline/core';

// `router.all('/login', methodNotAllowed)` is a fallback, not the attempt.
const ATTEMPT_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The cross-file half of `require-auth-rate-limit`: with a route's whole chain
 * known (the app that mounts its router, every `app.use` before it), a
 * credential route (login, sign-up, password reset, one-time code) with no rate
 * limiter anywhere in that chain. Express and Koa chains are judged route by
 * route. Nest's global `ThrottlerGuard` (an `APP_GUARD` provider) applies
 * outside the chains the analyzer records, so a Nest credential route is only
 * reported when no file of the project mentions throttling or a limiter at all
 * (`facts.rateLimitFiles` empty). Fastify's `@fastify/rate-limit` is left alone.
 * Routes in one file with their app are the ESLint half's to report.
 */
const requireAuthRateLimitProject: ProjectCheck = {
  name: 'require-auth-rate-limit',
  category: 'missing-rate-limit',
  check(facts) {
    const findings: ProjectFinding[] = [];
    // A Nest project where no file mentions a throttler or any limiter has none, global guard or not.
    const unthrottledNest = facts.rateLimitFiles !== undefined && facts.rateLimitFiles.length === 0;
    for (const route of facts.routes) {
      if (route.framework === 'nestjs') {
        if (unthrottledNest && isJudgedNest(route)) {
          findings.push({
            at: route.at,
            message: `\`${route.method} ${route.path}\` takes credentials, and this Nest project has no throttling anywhere (no \`ThrottlerModule\`, \`ThrottlerGuard\` or \`@Throttle()\`), so a client can try passwords or codes as fast as it can send requests. Register \`ThrottlerModule\` from @nestjs/throttler with \`ThrottlerGuard\` as an \`APP_GUARD\`, and set a strict \`@Throttle()\` on this route.`,
          });
        }
        continue;
      }
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

/**
 * A public Nest credential route (`@Post('login')` under `@Controller('auth')`).
 * Behind an authenticating guard it is an account action; the passport-local
 * guard (`LocalAuthGuard`, `AuthGuard('local')`) is the login itself.
 */
function isJudgedNest(route: RouteFact): boolean {
  if (!ATTEMPT_METHODS.has(route.method) || !isCredentialPath(route.path) || isProviderLogin(route.path)) return false;
  if (route.guards.some((guard) => RATE_LIMITER_NAME.test(guard.name))) return false;
  return route.isPublic || !route.guards.some((guard) => guard.authenticates && !/local/i.test(guard.name));
}

/**
 * `/auth/google/login`, `/auth/apple/login`: the client hands over a token the
 * provider signed, which the server verifies; there is no password or code to guess.
 */
function isProviderLogin(path: string): boolean {
  return /\/(?:google|facebook|apple|github|gitlab|twitter|microsoft|azure|linkedin|discord|oauth2?|sso|saml|oidc)(?:\/|$)/i.test(path);
}

function isJudged(route: RouteFact): boolean {
  return (
    (route.framework === 'express' || route.framework === 'koa') &&
    route.mountKnown &&
    route.mountedFromOtherFile &&
    ATTEMPT_METHODS.has(route.method) &&
    isCredentialPath(route.path)
  );
}
