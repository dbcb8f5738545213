import { describe, expect, it } from 'vitest';
import type { GuardFact, ProjectFacts, RouteFact } from '@redline/core';
import check from './project.js';

const span = (file: string, line: number) => ({ file, line, column: 1, endLine: line, endColumn: 40, code: '' });
const guard = (name: string, authenticates = false): GuardFact => ({ name, scope: 'route', authenticates, checksRole: false, at: span('src/app.ts', 1) });
const route = (path: string, overrides: Partial<RouteFact> = {}): RouteFact => ({
  framework: 'express', app: 'src/app.ts:3', method: 'POST', path, at: span('src/routes/auth.ts', 10), guards: [],
  isPublic: true, handlerChecksAuth: false, handlerChecksRole: false, mountedFromOtherFile: true, mountKnown: true, ...overrides,
});
const facts = (routes: RouteFact[], rateLimitFiles?: string[]): ProjectFacts => ({
  routes, entities: [], responses: [], loggedArguments: [], unresolved: { imports: 0, mounts: 0, routes: 0 }, ...(rateLimitFiles ? { rateLimitFiles } : {}),
});
const next = (path: string, overrides: Partial<RouteFact> = {}): RouteFact =>
  route(path, { framework: 'nextjs', app: 'nextjs', mountedFromOtherFile: false, at: span('pages/api/auth.ts', 5), ...overrides });
const nest = (path: string, overrides: Partial<RouteFact> = {}): RouteFact =>
  route(path, { framework: 'nestjs', mountedFromOtherFile: false, at: span('src/auth/auth.controller.ts', 12), ...overrides });

describe('require-auth-rate-limit (project)', () => {
  it('reports a credential route mounted from another file with no limiter in its chain', () => {
    const findings = check.check(facts([route('/api/users/login')]), {});
    expect(findings.map((finding) => finding.at.line)).toEqual([10]);
    expect(findings[0]!.message).toContain('`POST /api/users/login`');
  });
  it('stays quiet when a limiter runs anywhere in the chain', () => {
    expect(check.check(facts([route('/api/auth/login', { guards: [{ ...guard('authLimiter'), scope: 'mount' }] })]), {})).toEqual([]);
    expect(check.check(facts([route('/api/auth/register', { guards: [{ ...guard('rateLimit({ max: 5 })'), scope: 'global' }] })]), {})).toEqual([]);
  });
  it('ignores routes it cannot judge: unmounted, same-file, Nest/Fastify, non-credential, authenticated, ALL', () => {
    const quiet = [
      route('/login', { mountKnown: false }),
      route('/login', { mountedFromOtherFile: false }),
      route('/auth/login', { framework: 'nestjs' }),
      route('/auth/login', { framework: 'fastify' }),
      route('/api/orders'),
      route('/account/2fa/verify', { guards: [guard('isAuthenticated', true)] }),
      route('/auth/login', { method: 'ALL' }),
      route('/auth/login', { method: 'GET' }),
    ];
    expect(check.check(facts(quiet), {})).toEqual([]);
  });
  it("treats passport.authenticate('local') as the login, not as authentication", () => {
    const findings = check.check(facts([route('/login', { guards: [guard("passport.authenticate('local')", true)] })]), {});
    expect(findings).toHaveLength(1);
  });
  it('reports public Nest credential routes when no file of the project mentions throttling', () => {
    const findings = check.check(facts([nest('/auth/login'), nest('/auth/register', { method: 'PUT' })], []), {});
    expect(findings.map((finding) => finding.message.slice(0, 22))).toEqual(['`POST /auth/login` tak', '`PUT /auth/register` t']);
    expect(findings[0]!.message).toContain('ThrottlerModule');
  });
  it('treats the passport-local guard of a Nest login as the login itself', () => {
    expect(check.check(facts([nest('/auth/login', { guards: [guard('LocalAuthGuard', true)] })], []), {})).toHaveLength(1);
  });
  it('stays quiet on Nest when throttling exists anywhere, is unknown, or the route is not a public credential attempt', () => {
    expect(check.check(facts([nest('/auth/login')], ['src/app.module.ts']), {})).toEqual([]);
    expect(check.check(facts([nest('/auth/login')]), {})).toEqual([]);
    const quiet = [
      nest('/auth/login', { method: 'GET' }),
      nest('/auth/profile'),
      nest('/auth/change-password', { isPublic: false, guards: [guard('JwtAuthGuard', true)] }),
      nest('/auth/google/login'),
      nest('/auth/login', { guards: [guard('LoginRateLimitGuard')] }),
    ];
    expect(check.check(facts(quiet, []), {})).toEqual([]);
  });
  it('reports Next.js credential routes when no file of the project mentions a limiter', () => {
    const findings = check.check(facts([
      next('/api/v1/session'),
      next('/api/auth/login', { method: 'ALL' }),
      next('/api/auth/callback/credentials'),
    ], []), {});
    expect(findings.map((finding) => finding.message.slice(0, 30))).toEqual([
      '`POST /api/v1/session` takes c', '`ALL /api/auth/login` takes cr', '`POST /api/auth/callback/crede',
    ]);
    expect(findings[0]!.message).toContain('Next.js');
  });
  it('stays quiet on Next.js routes that limit, authenticate, are not attempts, or when a limiter exists somewhere', () => {
    expect(check.check(facts([next('/api/auth/login')], ['lib/ratelimit.ts']), {})).toEqual([]);
    expect(check.check(facts([next('/api/auth/login')]), {})).toEqual([]);
    const quiet = [
      next('/api/auth/forgot-password', { guards: [guard('too many requests (429) in the handler')] }),
      next('/api/user/change-password', { isPublic: false, guards: [guard('getServerSession', true)] }),
      next('/api/auth/login', { method: 'GET' }),
      next('/api/auth/callback/google'),
      next('/api/auth/google/login'),
    ];
    expect(check.check(facts(quiet, []), {})).toEqual([]);
  });
  it('reads a public POST to the users collection as sign-up only in an app that authenticates other routes', () => {
    const signedIn = next('/api/v1/users', { method: 'GET', isPublic: false, guards: [guard('verifyUser', true)] });
    expect(check.check(facts([next('/api/v1/users'), signedIn], []), {}).map((finding) => finding.at.line)).toEqual([5]);
    expect(check.check(facts([next('/api/v1/users')], []), {})).toEqual([]);
    expect(check.check(facts([next('/api/v1/users', { isPublic: false }), signedIn], []), {})).toEqual([]);
    // Express: the chain decides, and a handler that checks the caller itself is not sign-up.
    const express = route('/api/users', { guards: [] });
    const authenticated = route('/api/orders', { guards: [guard('authenticate', true)] });
    expect(check.check(facts([express, authenticated]), {})).toHaveLength(1);
    expect(check.check(facts([{ ...express, handlerChecksAuth: true }, authenticated]), {})).toEqual([]);
    expect(check.check(facts([express]), {})).toEqual([]);
  });
});

