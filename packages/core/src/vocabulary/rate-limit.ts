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
