import { describe, expect, it } from 'vitest';
import { RATE_LIMITER_NAME, isCredentialPath, isSignUpCollection, mentionsRateLimiting } from '../src/vocabulary/rate-limit.js';

describe('credential paths', () => {
  it('matches login, registration, password reset and one-time code endpoints', () => {
    for (const path of ['/login', '/api/auth/sign-in', '/register', '/users/signup', '/forgot-password', '/reset-password/:token', '/password/reset', '/verify-otp', '/2fa/verify', '/rest/2fa/verify',
      '/api/v1/session', '/sessions', '/tokens', '/api/v1/token', '/api/auth/session', '/api/auth/callback/credentials', '/api/auth/check-code', '/auth/send-code', '/sms/verify-code',
      '/auth/check-password', '/otp/send-otp', '/verify-pin', '/api/auth/verify', '/mfa/confirm', '/verify-login-otp', '/auth/send-login-otp']) {
      expect(isCredentialPath(path), path).toBe(true);
    }
  });
  it('leaves other paths alone', () => {
    for (const path of ['/logout', '/ai/agent/reset', '/account/2fa/setup', '/settings/password-policy', '/auth/refresh', '/login-history/:id/export',
      '/api/chat/sessions', '/users/:id/sessions', '/users/:id/tokens', '/api/tokens/refresh', '/api/auth/callback/google', '/promo/check-code', '/coupons/verify-code', '/codes/:id', '/send-coded-message', '/orders/verify', '/auth/verify/resend', '/login/callback', '/auth/saml/callback', '/users/:user_id/login', '/users/:user_id/2fa', '/secure/signup/check', '/register/validate', '/merchant/signup/:token', '/register/:invitationToken']) {
      expect(isCredentialPath(path), path).toBe(false);
    }
  });
  it('recognises limiter names', () => {
    expect(RATE_LIMITER_NAME.test('loginLimiter')).toBe(true);
    expect(RATE_LIMITER_NAME.test('ThrottlerGuard')).toBe(true);
    expect(RATE_LIMITER_NAME.test('tooManyRequests')).toBe(true);
    expect(RATE_LIMITER_NAME.test('authenticate')).toBe(false);
  });
  it('reads POST to the users or accounts collection as sign-up', () => {
    for (const path of ['/users', '/api/users', '/api/v1/users', '/accounts']) expect(isSignUpCollection(path), path).toBe(true);
    for (const path of ['/users/:id', '/admin/users', '/api/users/invite']) expect(isSignUpCollection(path), path).toBe(false);
  });
});

describe('mentionsRateLimiting', () => {
  it("sees Nest's ThrottlerGuard, rate-limit packages and project limiters", () => {
    for (const text of [
      'providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }]',
      "@UseGuards(ThrottlerGuard)\n@Post('login')",
      'export class GqlThrottlerGuard extends ThrottlerGuard {}',
      'providers: [{ provide: APP_GUARD, useClass: ThrottlerBehindProxyGuard }]',
      "import rateLimit from 'express-rate-limit';",
      'export const loginLimiter = new RateLimiterRedis(opts);',
    ]) {
      expect(mentionsRateLimiting(text), text).toBe(true);
    }
  });
  it('ignores lodash throttle, comments and unrelated limits', () => {
    for (const text of [
      "import throttle from 'lodash/throttle'; const onScroll = throttle(save, 200);",
      '// TODO: add rate limiting to login\nexport class AuthController {}',
      '/* no ThrottlerGuard yet */ const url = "http://example.com"; // limiter later',
      'const page = await prisma.user.findMany({ take: limit });',
      "'@stylistic/member-delimiter-style': ['error', { multiline: { delimiter: 'semi' } }]",
      // Nest's throttler module and its options limit nothing until a ThrottlerGuard runs; @Throttle() only configures it.
      "import { ThrottlerModule } from '@nestjs/throttler';\nThrottlerModule.forRootAsync({ useFactory: (config) => ({ throttlers: [config.throttlerConfigs] }) })",
      "get throttlerConfigs(): ThrottlerOptions { return { ttl: this.getNumber('THROTTLER_TTL'), limit: this.getNumber('THROTTLER_LIMIT') }; }",
      "@Throttle({ default: { limit: 3, ttl: 60000 } })\n@Post('login')",
    ]) {
      expect(mentionsRateLimiting(text), text).toBe(false);
    }
  });
});
