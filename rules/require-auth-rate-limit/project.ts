import { RATE_LIMITER_NAME, describeCredentialAbuse, describeRouteFact, hasCredentialParameter, isCredentialPath, isSignUpCollection, type ProjectCheck, type ProjectFinding, type RouteFact } from '@redline/core';

// `router.all('/login', methodNotAllowed)` is a fallback, not the attempt.
const ATTEMPT_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The cross-file half of `require-auth-rate-limit`: with a route's whole chain
 * known (the app that mounts its router, every `app.use` before it, the
 * middleware routers it passes through), a credential route (login, sign-up,
 * password reset, one-time code) with no rate limiter anywhere in that chain.
 * Express, Koa and Hono chains are judged route by route. Nest's `ThrottlerGuard`
 * and a Next.js limiter may apply outside any chain the analyzer records (an
 * `APP_GUARD` factory, a helper several calls deep), so a Nest or Next.js
 * credential route is only reported when no file of the project mentions a
 * limiter at all (`facts.rateLimitFiles` empty; Nest's `ThrottlerModule`
 * without a `ThrottlerGuard` limits nothing and does not count). Fastify's
 * `@fastify/rate-limit` hooks every route wherever it is registered, so a
 * Fastify credential route is judged the same way. Routes in one file with
 * their app are the ESLint half's to report.
 */
const requireAuthRateLimitProject: ProjectCheck = {
  name: 'require-auth-rate-limit',
  category: 'missing-rate-limit',
  check(facts) {
    const findings: ProjectFinding[] = [];
    // A Nest or Next.js project where no file mentions a throttler guard or any limiter has none.
    const limitsNowhere = facts.rateLimitFiles !== undefined && facts.rateLimitFiles.length === 0;
    // Apps that authenticate some route: there, a public `POST /users` is sign-up (and not a CRUD demo with no accounts).
    const appsWithAuth = new Set(facts.routes.filter((route) => route.handlerChecksAuth || route.guards.some((guard) => guard.authenticates)).map((route) => route.app));
    for (const route of facts.routes) {
      if (route.framework === 'nestjs') {
        if (limitsNowhere && isJudgedNest(route)) {
          findings.push({
            at: route.at,
            message: `${describeRouteFact(route)} takes credentials, and this Nest project applies no throttling anywhere (no \`ThrottlerGuard\` as an \`APP_GUARD\` or in \`@UseGuards()\`, no other limiter; \`ThrottlerModule\` alone limits nothing), so ${describeCredentialAbuse(route.path)}. Register \`ThrottlerGuard\` as an \`APP_GUARD\` (with \`ThrottlerModule\` from @nestjs/throttler), and set a strict \`@Throttle()\` on this route.`,
          });
        }
        continue;
      }
      if (route.framework === 'fastify') {
        if (limitsNowhere && isJudgedFastify(route)) {
          findings.push({
            at: route.at,
            message: `${describeRouteFact(route)} takes credentials, and this Fastify app limits request rates nowhere (no file registers @fastify/rate-limit or mentions another limiter), so ${describeCredentialAbuse(route.path)}. Register @fastify/rate-limit and give this route a strict \`config: { rateLimit: … }\`.`,
          });
        }
        continue;
      }
      if (route.framework === 'nextjs') {
        if (limitsNowhere && isJudgedNext(route, appsWithAuth.has(route.app))) {
          findings.push({
            at: route.at,
            message: `${describeRouteFact(route)} takes credentials, and this Next.js app limits request rates nowhere (not in the handler, its wrappers or middleware.ts, and no file mentions a limiter), so ${describeCredentialAbuse(route.path)}. Rate-limit it by client IP and account (e.g. @upstash/ratelimit) in the handler or middleware.ts.`,
          });
        }
        continue;
      }
      if (!isJudged(route, appsWithAuth.has(route.app))) continue;
      if (route.guards.some((guard) => RATE_LIMITER_NAME.test(guard.name))) continue;
      // Behind authentication it is an account action, not a public guessing target.
      // (`passport.authenticate('local')`, or a handler that calls it, is the login itself.)
      if (route.guards.some((guard) => guard.authenticates && !guard.name.startsWith('passport.authenticate') && !guard.signsIn)) continue;
      findings.push({
        at: route.at,
        message: `${describeRouteFact(route)} takes credentials, and no rate limiter runs anywhere in its chain from the app down, so ${describeCredentialAbuse(route.path)}. Add a limiter (express-rate-limit, koa-ratelimit, hono-rate-limiter, …) to the route, its router or the app.`,
      });
    }
    return findings;
  },
  refute(facts) {
    // A Nest route behind a global `ThrottlerGuard` (an `APP_GUARD`) is limited, even without a stricter `@Throttle()` of
    // its own: the per-file half, which sees only the controller, cannot tell. So is a route whose app or router runs a
    // limiter before it in another file (`app.use(ratelimit)` in index.ts) while its file compares it with siblings
    // that carry a stricter one.
    return facts.routes
      .filter((route) => route.guards.some((guard) => guard.scope !== 'route' && guard.scope !== 'guard' && RATE_LIMITER_NAME.test(guard.name)) ||
        (route.framework === 'nestjs' && route.guards.some((guard) => guard.scope === 'global' && RATE_LIMITER_NAME.test(guard.name))))
      .map((route) => route.at);
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
 * A public Fastify credential route in a plugin registered from another file.
 * `@fastify/rate-limit` hooks every route once registered, wherever that is,
 * so only a project with no limiter anywhere is judged; routes in one file
 * with their app are the ESLint half's.
 */
function isJudgedFastify(route: RouteFact): boolean {
  if (!ATTEMPT_METHODS.has(route.method) || !route.mountKnown || !route.mountedFromOtherFile) return false;
  if (!isCredentialPath(route.path) || isProviderLogin(route.path)) return false;
  return !route.guards.some((guard) => guard.authenticates || RATE_LIMITER_NAME.test(guard.name));
}

/**
 * `/auth/google/login`, `/auth/apple/login`: the client hands over a token the
 * provider signed, which the server verifies; there is no password or code to guess.
 */
function isProviderLogin(path: string): boolean {
  return /\/(?:google|facebook|apple|github|gitlab|twitter|microsoft|azure|linkedin|discord|oauth2?|sso|saml|oidc)(?:\/|$)/i.test(path);
}

function isJudged(route: RouteFact, appHasAuth: boolean): boolean {
  return (
    (route.framework === 'express' || route.framework === 'koa' || route.framework === 'hono') &&
    route.mountKnown &&
    route.mountedFromOtherFile &&
    ATTEMPT_METHODS.has(route.method) &&
    (isCredentialPath(route.path) || isSelfSignUp(route, appHasAuth) || isSignInByAnotherName(route))
  );
}

/**
 * `POST /users/session` behind `passport.authenticate('local')`, `POST /api/users/auth` whose handler reads
 * `{ email, password }` from the body and knows no caller: a sign-in whatever its path says.
 */
function isSignInByAnotherName(route: RouteFact): boolean {
  // (Such a handler answers 401 to a wrong password, so `handlerChecksAuth` says nothing here.)
  // A token in the path (`/reset/:token`, `/signup/:token`) is the credential: the password is set, not tried.
  return route.guards.some((guard) => guard.signsIn) || (route.handlerTakesCredentials === true && !hasCredentialParameter(route.path));
}

/**
 * A Next.js credential route: a pages-router handler that branches on no
 * method serves POST too (`ALL`). Its own session check (`getServerSession`,
 * `verifyUser(…)`), an auth wrapper or middleware.ts make it an account
 * action; a limiter or a 429 answer of its own limits it.
 */
function isJudgedNext(route: RouteFact, appHasAuth: boolean): boolean {
  if (!ATTEMPT_METHODS.has(route.method) && route.method !== 'ALL') return false;
  if (!(isCredentialPath(route.path) && !isProviderLogin(route.path)) && !isSelfSignUp(route, appHasAuth)) return false;
  return !route.guards.some((guard) => guard.authenticates || RATE_LIMITER_NAME.test(guard.name));
}

/**
 * `POST /api/users` that creates an account for anyone: public, checking
 * no caller itself, in an app that authenticates other routes (so it has accounts).
 */
function isSelfSignUp(route: RouteFact, appHasAuth: boolean): boolean {
  return route.method === 'POST' && isSignUpCollection(route.path) && route.isPublic && appHasAuth &&
    (route.framework === 'nextjs' || !route.handlerChecksAuth);
}
