import { hasCredentialParameter } from './route-intent.js';

/** Packages whose middleware, plugin or guard limits request rates. */
export const RATE_LIMIT_MODULES: ReadonlySet<string> = new Set([
  'express-rate-limit', 'express-slow-down', 'rate-limiter-flexible', 'express-brute', 'express-limiter',
  '@fastify/rate-limit', 'fastify-rate-limit', 'koa-ratelimit', 'koa2-ratelimit', 'hono-rate-limiter',
  '@hono-rate-limiter/redis', '@nestjs/throttler', '@upstash/ratelimit', 'rate-limit-redis',
]);

/**
 * Names that say "this limits rates" (`loginLimiter`, `rateLimit(…)`, `ThrottlerGuard`, `bruteforce.prevent`,
 * `tooManyRequests`, and the analyzer's "too many requests (429) in the handler").
 */
export const RATE_LIMITER_NAME = /rate_?limit|limiter|throttl|brute|slow_?down|too[_ ]?many[_ ]?requests/i;

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
    // SMS and e-mail code sign-in: `/verify-pin`, `/send-otp` (each send costs money), and under an auth segment
    // `/auth/check-code`, `/auth/send-code`, `/auth/check-password` (a coupon's `/promo/check-code` is not sign-in).
    String.raw`(?:^|/)(?:(?:check|verify|confirm|validate)-?(?:(?:login|signin|email|phone|sms)-?)?(?:otp|pin)|send-?(?:(?:login|signin)-?)?otp)$`,
    String.raw`(?:^|/)(?:auth|otp|sms|phone|mfa|2fa)/(?:(?:check|verify|confirm|validate|send)-?code|(?:check|verify)-?password)$`,
    // The second step of a sign-in that mailed or texted a code: `POST /auth/verify` (e-mail links are GETs, not judged).
    String.raw`(?:^|/)(?:auth|otp|sms|phone|mfa|2fa)/(?:verify|confirm|validate)$`,
    // `POST /api/v1/session`, `POST /tokens`: creating a session or a token is signing in (REST style), unless it sits
    // under another resource (`/users/:id/tokens` makes an API key for a signed-in user).
    String.raw`^(?:/api)?(?:/v\d+)?(?:/auth)?/(?:sessions?|tokens?)$`,
    // NextAuth's credentials sign-in (`CredentialsProvider({ authorize })`).
    String.raw`(?:^|/)callback/credentials$`,
  ].join('|'),
  'i',
);

/** Whether a route path is a public credential endpoint (`/api/auth/login`, `/reset-password/:token`, `/2fa/verify`). */
export function isCredentialPath(path: string): boolean {
  const clean = path.split('?')[0]!.replace(/\/:[^/]+/g, '').replace(/\/+$/, '');
  // `/login/callback`, `/auth/saml/callback`: an identity provider posts a signed assertion there; there is no password to guess.
  if (/\/callback$/i.test(clean)) return false;
  // `/users/:id/login` (an admin signs in as that user), `/users/:id/2fa` (that user's second factor is set up): an action
  // on one record, by a caller already signed in.
  if (/\/:[^/]+\/(?:log-?in|sign-?in|2fa|mfa|totp|two-?factor)$/i.test(path.split('?')[0]!.replace(/\/+$/, ''))) return false;
  // `/signup/check`, `/register/validate`: the sign-up form checks its fields before it is sent; no credential is tried.
  if (/\/(?:sign-?up|register)\/(?:check|validate|validation)$/i.test(clean)) return false;
  // `/merchant/signup/:token`, `/register/:invitationToken`: a sign-up an emailed secret opens; the password is set, not tried.
  if (/(?:^|\/)(?:sign-?up|register)$/i.test(clean) && hasCredentialParameter(path.split('?')[0]!)) return false;
  return CREDENTIAL_PATH.test(clean);
}

/**
 * What a client does to a credential route with no limiter, for messages:
 * sign-up is abused by creating accounts in bulk, a reset or code request by
 * sending mail or texts (and guessing the code), a sign-in by guessing.
 */
export function describeCredentialAbuse(path: string): string {
  const clean = path.split('?')[0]!.replace(/\/:[^/]+/g, '').replace(/\/+$/, '');
  if (/(?:^|\/)(?:sign-?up|register|registration)(?:\/|$)/i.test(clean) || isSignUpCollection(clean)) {
    return 'a client can create accounts in bulk (spam and fake sign-ups) as fast as it can send requests';
  }
  if (/(?:^|\/)(?:forgot|send)[\w-]*|(?:reset|recover)-?password(?:\/|$)|password\/(?:reset|forgot|recover|request-otp)(?:\/|$)|password-?(?:reset|forgot|recovery)(?:\/|$)/i.test(clean)) {
    return 'a client can send reset mail or codes to anyone, and guess the codes, as fast as it can send requests';
  }
  return 'a client can try passwords or codes as fast as it can send requests';
}

/**
 * `POST /users`, `POST /api/v1/accounts`: creating a user in the collection is
 * sign-up when the route is public (callers check that it is).
 */
export function isSignUpCollection(path: string): boolean {
  return /^(?:\/api)?(?:\/v\d+)?\/(?:users|accounts?)\/?$/i.test(path);
}

/**
 * Whether source text mentions rate limiting that may apply to requests: a
 * rate-limit package, a limiter of the project's own (`loginLimiter`,
 * `RateLimitGuard`), or Nest's `ThrottlerGuard` (which may be registered in ways
 * no chain shows, such as a `useFactory` provider). Nest's `ThrottlerModule` and
 * its options alone do not count: the module limits nothing until a
 * `ThrottlerGuard` runs, and `@Throttle()` only configures that guard.
 * Deliberately broad otherwise: it only tells a project with no limiting
 * anywhere from one that has some. Lodash's `throttle(fn)` is not a rate limiter.
 * Comments do not count (`// TODO: rate limit` is a limiter nobody wrote).
 */
export function mentionsRateLimiting(text: string): boolean {
  if (!/limit|Throttler\w*Guard|brute|slow/i.test(text)) return false;
  // `// TODO: add rate limiting` is the opposite of a limiter: drop comments (roughly) first.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  // `limiter`, `loginLimiter`, `RATE_LIMITER`, but not the `delimiter` of a lint or CSV option.
  return /rate[-_ ]?limit|brute|slow[-_]?down/i.test(code) || /(?<![A-Za-z])[Ll]imiter|[a-z]Limiter|LIMITER|Throttler\w*Guard/.test(code);
}
