import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runBin } from './helpers/run-bin.js';
import { createTempProject, writeFiles } from './helpers/temp-dir.js';

const APP = `import express from 'express';
import { authenticate } from './middleware/authenticate';
import orders from './routes/orders';

const app = express();
app.use(express.json());
app.use('/api/orders', authenticate, orders);
export default app;
`;
const AUTHENTICATE = `export function authenticate(req, res, next) {
  if (!req.session?.user) return res.sendStatus(401);
  next();
}
`;
const ORDERS = `import { Router } from 'express';
import { authenticate } from '../middleware/authenticate';
import { db } from '../db';

const router = Router();
router.post('/', authenticate, async (req, res) => {
  res.status(201).json(await db.order.create({ data: { total: req.body.total }, select: { id: true } }));
});
export default router;
`;
// The new route has no auth of its own, unlike its sibling: the file alone says "missing auth";
// app.ts mounts the whole router behind `authenticate`, which only the analyzer sees.
const ORDERS_WITH_DELETE = ORDERS.replace('export default router;', `router.delete('/:id', async (req, res) => {
  await db.order.delete({ where: { id: req.params.id } });
  res.sendStatus(204);
});
export default router;`);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd, encoding: 'utf8' });
}

/** A committed Express project (a package.json makes it one for the analyzer), scanned once so the cache exists. */
function createScannedRepository(): string {
  const root = createTempProject({
    'package.json': '{ "name": "shop", "private": true }\n',
    'src/app.ts': APP,
    'src/middleware/authenticate.ts': AUTHENTICATE,
    'src/routes/orders.ts': ORDERS,
    'src/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n",
    'src/lib/money.ts': 'export const cents = (value: number): number => Math.round(value * 100);\n',
  });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'base');
  expect(runBin(['scan'], { cwd: root }).code).toBe(0);
  return root;
}

function scanJson(root: string, ...args: string[]) {
  const run = runBin(['scan', '-f', 'json', ...args], { cwd: root });
  const output = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
  return { code: run.code, findings: output.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line })), stderr: run.stderr };
}

beforeAll(() => {
  buildCli();
}, 180_000);

describe('--staged runs the analyzer, with the cache the last scan wrote', () => {
  it('a route added to a router mounted behind auth in another file is not reported; the cache changes nothing but the work', () => {
    const root = createScannedRepository();
    const cacheFile = join(root, 'node_modules/.cache/redline/analyzer.json');
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({
      version: 2,
      files: { 'src/lib/money.ts': { records: 'none' }, 'src/middleware/authenticate.ts': { records: 'none' }, 'src/app.ts': { records: 'structural' } },
    });
    writeFiles(root, { 'src/routes/orders.ts': ORDERS_WITH_DELETE });
    git(root, 'add', 'src/routes/orders.ts');

    const cached = scanJson(root, '--staged', '--verbose');
    expect(cached).toMatchObject({ code: 0, findings: [] });
    // Walked: the app and the changed router; parsed besides: the middleware a resolution reaches; never: db.ts and the unused helper.
    expect(cached.stderr).toContain('analyzer: walked 2 and parsed 3 of 5 files (cache used)\n');

    const uncached = scanJson(root, '--staged', '--verbose', '--no-cache');
    expect(uncached).toMatchObject({ code: 0, findings: [] });
    expect(uncached.stderr).toContain('analyzer: walked 5 and parsed 5 of 5 files\n');
    // The routes of the files the cache skipped are counted too.
    expect(uncached.stderr).toContain('analyzer: 2 routes found\n');
    expect(cached.stderr).toContain('analyzer: 2 routes found\n');

    expect(scanJson(root, '--staged', '--no-analyzer')).toMatchObject({
      code: 1,
      findings: [{ ruleId: 'redline/require-route-auth', file: 'src/routes/orders.ts', line: 9 }],
    });
  }, 90_000);

  it('--cache-location puts the cache elsewhere (a folder gets analyzer.json); an unreadable or foreign cache means a full analysis', () => {
    const root = createScannedRepository();
    expect(runBin(['scan', '--cache-location', '.redline/'], { cwd: root }).code).toBe(0);
    expect(existsSync(join(root, '.redline/analyzer.json'))).toBe(true);

    writeFiles(root, { 'node_modules/.cache/redline/analyzer.json': '{"version":1,"key":' });
    expect(scanJson(root, '--verbose').stderr).toContain('analyzer: walked 5 and parsed 5 of 5 files\n');
    writeFiles(root, { 'node_modules/.cache/redline/analyzer.json': '{"version":2,"key":"another build","files":{},"environment":"","imports":{},"factFiles":[],"entities":""}' });
    expect(scanJson(root, '--verbose').stderr).toContain('analyzer: walked 5 and parsed 5 of 5 files (cache ignored: another redline build or vocabulary made it)\n');
    // That run wrote a good cache again.
    expect(scanJson(root, '--verbose').stderr).toContain('analyzer: walked 2 and parsed 3 of 5 files (cache used)\n');
  }, 90_000);
});
