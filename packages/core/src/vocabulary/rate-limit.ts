/** Packages whose middleware, plugin or guard limits request rates. */
export const RATE_LIMIT_MODULES: ReadonlySet<string> = new Set([
  'express-rate-limit', 'express-slow-down', 'rate-limiter-flexible', 'express-brute', 'express-limiter',
  '@fastify/rate-limit', 'fastify-rate-limit', 'koa-ratelimit', 'koa2-ratelimit', 'hono-rate-limiter',
  '@hono-rate-limiter/redis', '@nestjs/throttler', '@upstash/ratelimit', 'rate-limit-redis',
]);

/** Names that say "this limits rates" (`loginLimiter`, `rateLimit(…)`, `ThrottlerGuard`, `bruteforce.prevent`). */
export const RATE_LIMITER_NAME = /rate_?limit|limiter|throttl|brute|slow_?down/i;

/**
 * Paths of public credential endpoints: login, registration, password reset,
 * one-time codes. Matched against the path without `:params` and trailing `/`.
 * `reset` alone or `register` under an account page are not enough
 * (`/ai/agent/reset`); routes behind authentication are excluded by callers.
 */
export const CREDENTIAL_PATH = new RegExp(
  [
    String.raw`(?:^|/)(?:log-?in|sign-?in|authenticate|sign-?up|register|forgot(?:-?password)?|(?:reset|forgot|change|recover)-?password|password-?(?:reset|forgot|recovery))(?:/|$)`,
    String.raw`(?:^|/)password/(?:reset|forgot|recover|request-otp)(?:/|$)`,
    String.raw`(?:^|/)(?:verify-?otp|otp(?:/verify)?|(?:2fa|mfa|totp|two-?factor)(?:/(?:verify|login|totp|validate))?)$`,
  ].join('|'),
  'i',
);

/** Whether a route path is a public credential endpoint (`/api/auth/login`, `/reset-password/:token`, `/2fa/verify`). */
export function isCredentialPath(path: string): boolean {
  const clean = path.split('?')[0]!.replace(/\/:[^/]+/g, '').replace(/\/+$/, '');
  return CREDENTIAL_PATH.test(clean);
}

/**
 * Whether source text mentions rate limiting at all: a rate-limit package, Nest's
 * throttler (`@nestjs/throttler`, `ThrottlerModule`, `ThrottlerGuard`, `@Throttle()`),
 * or a limiter of the project's own (`loginLimiter`, `RateLimitGuard`). Deliberately
 * broad: it only tells a project with no limiting anywhere from one that has some.
 * Lodash's `throttle(fn)` is not a rate limiter; `@Throttle(` with a capital is Nest's.
 * Comments do not count (`// TODO: rate limit` is a limiter nobody wrote).
 */
export function mentionsRateLimiting(text: string): boolean {
  if (!/limit|throttl|brute|slow/i.test(text)) return false;
  // `// TODO: add rate limiting` is the opposite of a limiter: drop comments (roughly) first.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  return /rate[-_ ]?limit|limiter|throttler|brute|slow[-_]?down/i.test(code) || /@Throttle\s*\(/.test(code);
}
