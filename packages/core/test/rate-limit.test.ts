import { describe, expect, it } from 'vitest';
import { RATE_LIMITER_NAME, isCredentialPath, mentionsRateLimiting } from '../src/vocabulary/rate-limit.js';

describe('credential paths', () => {
  it('matches login, registration, password reset and one-time code endpoints', () => {
    for (const path of ['/login', '/api/auth/sign-in', '/register', '/users/signup', '/forgot-password', '/reset-password/:token', '/password/reset', '/verify-otp', '/2fa/verify', '/rest/2fa/verify']) {
      expect(isCredentialPath(path), path).toBe(true);
    }
  });
  it('leaves other paths alone', () => {
    for (const path of ['/logout', '/ai/agent/reset', '/account/2fa/setup', '/settings/password-policy', '/auth/refresh', '/login-history/:id/export']) {
      expect(isCredentialPath(path), path).toBe(false);
    }
  });
  it('recognises limiter names', () => {
    expect(RATE_LIMITER_NAME.test('loginLimiter')).toBe(true);
    expect(RATE_LIMITER_NAME.test('ThrottlerGuard')).toBe(true);
    expect(RATE_LIMITER_NAME.test('authenticate')).toBe(false);
  });
});

describe('mentionsRateLimiting', () => {
  it('sees Nest throttling, rate-limit packages and project limiters', () => {
    for (const text of [
      "import { ThrottlerModule } from '@nestjs/throttler';",
      'providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }]',
      "@Throttle({ default: { limit: 3, ttl: 60000 } })\n@Post('login')",
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
    ]) {
      expect(mentionsRateLimiting(text), text).toBe(false);
    }
  });
});
