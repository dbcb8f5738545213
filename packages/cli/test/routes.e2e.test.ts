import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fromRepo } from './helpers/paths.js';
import { buildCli, runBin } from './helpers/run-bin.js';
import { copyToTemp } from './helpers/temp-dir.js';

vi.setConfig({ testTimeout: 120_000 });

beforeAll(() => {
  buildCli();
}, 180_000);

interface Row {
  method: string;
  path: string;
  location: string;
  auth: string;
  role: string;
  returnsEntity: string;
}

describe('redline routes', () => {
  it('lists the demo app endpoints with their full paths, auth, role check and returned entities', () => {
    const run = runBin(['routes', 'fixtures/apps/demo-api', '--format', 'json'], { cwd: fromRepo('.') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { routes: Row[] }).routes;
    const byRoute = new Map(rows.map((row) => [`${row.method} ${row.path}`, row]));
    expect(rows).toHaveLength(10);
    // The router is mounted at /api in app.ts; its DELETE skipped `authenticate`.
    expect(byRoute.get('DELETE /api/orders/:publicId')).toMatchObject({ location: 'fixtures/apps/demo-api/src/routes/orders.ts:37', auth: 'none' });
    // `usersRouter.use(authenticate)` protects every users route registered after it.
    expect(byRoute.get('GET /api/users/:publicId')).toMatchObject({ auth: 'authenticate', returnsEntity: 'User' });
    expect(byRoute.get('GET /api/admin/users')).toMatchObject({ auth: 'authenticate', role: 'requireRole(…)', returnsEntity: '-' });
    expect(byRoute.get('GET /health')?.auth).toBe('public');
    expect(byRoute.get('POST /auth/login')?.auth).toBe('public');
  });

  it('lists Next.js pages-router API routes per method, with the session check each method makes', () => {
    const run = runBin(['routes', 'fixtures/projects/require-auth-rate-limit/next-pages-credentials', '--format', 'json'], { cwd: fromRepo('.') });
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { routes: Row[] }).routes;
    const byRoute = new Map(rows.map((row) => [`${row.method} ${row.path}`, row]));
    const at = (file: string) => `fixtures/projects/require-auth-rate-limit/next-pages-credentials/pages/api/${file}`;
    // `if (req.method === 'POST')` / `else if (req.method === 'GET')`: one route per branch, each with its own auth.
    expect(byRoute.get('POST /api/users')).toMatchObject({ location: `${at('users/index.ts')}:8`, auth: 'public' });
    expect(byRoute.get('GET /api/users')).toMatchObject({ location: `${at('users/index.ts')}:12`, auth: 'verifyUser' });
    // `switch (req.method)` after a session check that covers both cases.
    expect(byRoute.get('POST /api/links')).toMatchObject({ location: `${at('links/index.ts')}:11`, auth: 'verifyUser' });
    // A handler that branches on no method serves them all; `[...nextauth]` is a catch-all.
    expect(byRoute.get('ALL /api/auth/mobile-google')?.location).toBe(`${at('auth/mobile-google.ts')}:4`);
    expect(byRoute.get('ALL /api/auth/*nextauth')?.location).toBe(`${at('auth/[...nextauth].ts')}:6`);
    // NextAuth's credentials sign-in is the provider's `authorize`.
    expect(byRoute.get('POST /api/auth/callback/credentials')?.location).toBe(`${at('auth/[...nextauth].ts')}:13`);
  });

  it('follows an app handed through loaders in objects ({ expressApp: app } → { app }) to a mount path kept in the settings object', () => {
    const dir = 'fixtures/projects/require-route-auth/express-loader-hand-offs';
    const run = runBin(['routes', dir, '--format', 'json'], { cwd: fromRepo('.') });
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { routes: (Row & { mounted: boolean })[] }).routes;
    // `app.use(config.api.prefix, routes())` with `api: { prefix: '/api' }` in config/index.ts; every router mounted.
    expect(rows.map((row) => `${row.method} ${row.path} ${row.auth}${row.mounted ? '' : ' (router not mounted)'}`)).toEqual([
      'POST /api/contact/add public',
      'GET /api/orders isAuth',
      'POST /api/orders isAuth',
      'POST /api/reports/rebuild none',
      // A loader nothing calls is listed on its own rather than lost.
      'POST /legacy/import none (router not mounted)',
      'GET /status public',
    ]);
  });

  it('shows a Nest route that opts out of the global guard with @Public() as public', () => {
    const run = runBin(['routes', '.', '--format', 'json'], { cwd: fromRepo('fixtures/projects/require-route-auth/nest-global-guard') });
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { routes: Row[] }).routes;
    const byRoute = new Map(rows.map((row) => [`${row.method} ${row.path}`, row]));
    expect(byRoute.get('POST /auth/token')?.auth).toBe('public');
    expect(byRoute.get('DELETE /orders/:id')?.auth).toBe('JwtAuthGuard');
  });

  it('mounts module routers from a [{ path, route }] loop, and leaves out what tests register', () => {
    const run = runBin(['routes', '.', '--format', 'json'], { cwd: fromRepo('fixtures/projects/require-route-auth/express-module-routes-array') });
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { routes: Row[] }).routes;
    expect(rows.map((row) => `${row.method} ${row.path} ${row.auth}`)).toEqual([
      'GET /api/v1/patients none',
      'PATCH /api/v1/patients checkAuth(…)',
      'DELETE /api/v1/patients/:id none',
      'GET /api/v1/user checkAuth(…)',
      'PATCH /api/v1/user/:id/status checkAuth(…)',
    ]);
  });

  it('mounts routers a folder load (require-directory) hands to the app', () => {
    const run = runBin(['routes', '.'], { cwd: fromRepo('fixtures/projects/require-route-auth/koa-require-directory') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/POST\s+\/api\/v1\/admin\/register\s+app\/api\/v1\/admin\.js:10\s+none\s/);
    expect(run.stdout).toMatch(/PUT\s+\/api\/v1\/user\/profile\s+app\/api\/v1\/user\.js:17\s+new Auth\(AUTH_USER\)\.m\s/);
    expect(run.stdout).not.toContain('router not mounted');
  });

  it('lists @hono/zod-openapi routes: configs and handlers from other files, factory-made routers mounted in loops, middleware from the route config', () => {
    const run = runBin(['routes', 'fixtures/projects/require-route-auth/hono-openapi-starter', '--format', 'json'], { cwd: fromRepo('.') });
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { routes: (Row & { mounted: boolean })[] }).routes;
    const byRoute = new Map(rows.map((row) => [`${row.method} ${row.path}`, row]));
    const at = (file: string) => `fixtures/projects/require-route-auth/hono-openapi-starter/src/routes/${file}`;
    expect(rows).toHaveLength(15);
    // `app.use('/api/*', requireSession)` in createApp() guards the tasks router mounted by `routes.forEach`.
    expect(byRoute.get('PATCH /api/tasks/:id')).toMatchObject({ location: `${at('tasks/tasks.index.ts')}:8`, auth: 'requireSession' });
    // `middleware: [requireAuth()]`, `memberOnly` and `[...memberOnly]` in the route configs; `{id}` is `:id`.
    expect(byRoute.get('POST /projects')?.auth).toBe('requireAuth(…)');
    expect(byRoute.get('PUT /projects/:id')?.auth).toBe('requireAuth(…)');
    expect(byRoute.get('GET /projects')?.auth).toBe('requireAuth(…)');
    expect(byRoute.get('DELETE /admin/projects/:id')).toMatchObject({ auth: 'requireAuth(…)', role: 'requireRole(…)' });
    expect(byRoute.get('DELETE /projects/:id')).toMatchObject({ location: `${at('projects/projects.index.ts')}:12`, auth: 'none', mounted: true });
    // A spread of a list only known at run time: the chain is not known.
    expect(byRoute.get('POST /projects/:id/archive')?.mounted).toBe(false);
    // `registerSessionRoutes(app)` on what createApp() returned: `app.on(['GET', 'POST'], '/auth/session/*', …)`.
    expect(byRoute.get('POST /auth/session/*')).toMatchObject({ location: 'fixtures/projects/require-route-auth/hono-openapi-starter/src/lib/session-routes.ts:6', auth: 'public' });
    expect(byRoute.get('GET /auth/session/*')?.auth).toBe('public');
    // Mounted at /v1 by `for (const route of publicRoutes)`.
    expect(byRoute.get('GET /v1/health')).toMatchObject({ location: `${at('health/health.index.ts')}:4`, auth: 'public' });
    expect(byRoute.get('POST /v1/auth/login')?.auth).toBe('public');
  });

  it('lists only the endpoints a change touches with --changed-since', () => {
    const app = copyToTemp(fromRepo('fixtures/apps/demo-api'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: app, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    const health = join(app, 'src/routes/health.ts');
    writeFileSync(health, `${readFileSync(health, 'utf8')}\nhealthRouter.post('/health/reset', async (_req, res) => {\n  res.status(204).end();\n});\n`);
    const run = runBin(['routes', '--changed-since', 'HEAD', '--format', 'markdown'], { cwd: app });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| POST | `/health/reset` |');
    expect(run.stdout).toContain('1 endpoint, 0 without authentication.');
    expect(run.stdout).not.toContain('/api/orders');
  });
});
