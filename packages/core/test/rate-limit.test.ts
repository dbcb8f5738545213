import { describe, expect, it } from 'vitest';
import { RATE_LIMITER_NAME, isCredentialPath } from '../src/vocabulary/rate-limit.js';

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
