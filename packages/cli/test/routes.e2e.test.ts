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
