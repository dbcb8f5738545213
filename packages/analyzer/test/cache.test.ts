import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { analyze, parseAhead, parseAnalyzerCache, type AnalyzerCache, type AnalyzeResult, type ParsedAhead } from '@redline/analyzer';
import { projectChecks } from '@redline/rules/project';

const projectsDir = fileURLToPath(new URL('../../../fixtures/projects', import.meta.url));
const severities = Object.fromEntries(projectChecks.map((check) => [check.name, 'error' as const]));

/** Analyses a folder; `texts` replace files' contents as a staged version would. */
function analyzeFolder(root: string, options: { cache?: AnalyzerCache; texts?: Record<string, string>; parsedAhead?: ParsedAhead } = {}): AnalyzeResult {
  const texts = options.texts ?? {};
  const files = fg.sync('**/*.{ts,tsx,js,mjs,cjs}', { cwd: root }).sort().map((path) =>
    path in texts ? { path: join(root, path), text: texts[path]! } : join(root, path));
  const prismaSchemas = fg.sync('**/*.prisma', { cwd: root, absolute: true });
  const { cache, parsedAhead } = options;
  return analyze({ root, files, prismaSchemas, checks: projectChecks, severities, ...(cache ? { cache } : {}), ...(parsedAhead ? { parsedAhead } : {}) });
}

/** What must not depend on the cache: findings, refutations and every fact. */
function outcome(result: AnalyzeResult) {
  return { findings: result.findings, refuted: result.refuted, facts: result.facts };
}

function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'redline-analyzer-cache-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const listScenarios = () =>
  readdirSync(projectsDir).flatMap((check) =>
    readdirSync(join(projectsDir, check))
      .filter((scenario) => existsSync(join(projectsDir, check, scenario, 'expected.json')))
      .map((scenario) => join(projectsDir, check, scenario)));

describe('a cached analysis gives what a full one gives, on every fixture project', () => {
  for (const dir of listScenarios()) {
    const name = dir.slice(projectsDir.length + 1);
    it(`${name}: unchanged, and after each file alone changed`, () => {
      const full = analyzeFolder(dir);
      expect(outcome(analyzeFolder(dir, { cache: full.cache }))).toEqual(outcome(full));

      // Each file in turn was different when the cache was made (an edit since): it is walked again,
      // the other files are judged by what the cache says, and the outcome is still the full one.
      for (const path of fg.sync('**/*.{ts,tsx,js,mjs,cjs}', { cwd: dir })) {
        const before = analyzeFolder(dir, { texts: { [path]: '' } });
        expect(outcome(analyzeFolder(dir, { cache: before.cache })), path).toEqual(outcome(full));
        const after = analyzeFolder(dir, { texts: { [path]: '' }, cache: full.cache });
        expect(outcome(after), `${path} emptied`).toEqual(outcome(before));
      }
    });
  }
});

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
import { listOrders } from '../services/orders';

const router = Router();
router.get('/', async (req, res) => {
  res.json(await listOrders(req.session.user.id));
});
export default router;
`;
const ORDERS_SERVICE = `import { db } from '../db';

export async function listOrders(userId: string) {
  return db.order.findMany({ where: { userId }, select: { id: true, total: true } });
}
`;
const SCHEMA = `model Order {
  id      String @id @default(uuid())
  total   Int
  userId  String
  paymentToken String
}
`;
/** Files nothing imports and the walk records nothing from: a cached run never parses them. */
const UNUSED = {
  'src/lib/money.ts': 'export const cents = (value: number): number => Math.round(value * 100);\n',
  'src/lib/dates.ts': 'export const days = (count: number): number => count * 86_400_000;\n',
};
const BASE = {
  'src/app.ts': APP,
  'src/middleware/authenticate.ts': AUTHENTICATE,
  'src/routes/orders.ts': ORDERS,
  'src/services/orders.ts': ORDERS_SERVICE,
  'src/db.ts': "export { db } from './prisma';\n",
  'src/prisma.ts': "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n",
  'prisma/schema.prisma': SCHEMA,
  ...UNUSED,
};

/** The project before a commit, cached; then the commit's change: the cached analysis of it and a full one. */
function analyzeChange(before: Record<string, string>, change: Record<string, string>) {
  const root = writeProject(before);
  const cache = analyzeFolder(root).cache;
  for (const [path, text] of Object.entries(change)) writeFileSync(join(root, path), text);
  return { cached: analyzeFolder(root, { cache }), full: analyzeFolder(root) };
}

const pick = (result: AnalyzeResult) => ({
  findings: result.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line })),
  refuted: result.refuted,
});

describe('the changes a commit makes, analysed with the cache of the commit before', () => {
  it('a route added to a router that another file mounts behind auth is refuted as unauthenticated', () => {
    const ordersWithDelete = ORDERS.replace('export default router;', `router.delete('/:id', async (req, res) => {
  res.sendStatus(204);
});
export default router;`);
    const { cached, full } = analyzeChange(BASE, { 'src/routes/orders.ts': ordersWithDelete });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).refuted).toContainEqual({ ruleId: 'redline/require-route-auth', file: 'src/routes/orders.ts', line: 8 });
    // Walked: the app and the router (they record routes); the changed file is one of them. Parsed besides: the
    // middleware and the service, which resolutions reach. Never parsed: the unused helpers and the db re-exports.
    expect(cached.stats).toEqual({ files: 8, walked: 2, parsed: 4, parsedAhead: 0, cacheUsed: true });
  });

  it('a service that starts returning the whole record leaks it through the unchanged route', () => {
    const wholeRecord = ORDERS_SERVICE.replace(', select: { id: true, total: true }', '');
    const { cached, full } = analyzeChange(BASE, { 'src/services/orders.ts': wholeRecord });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).findings).toContainEqual({ ruleId: 'redline/no-entity-leak', file: 'src/routes/orders.ts', line: 6 });
  });

  it('a guard nothing used before, imported by the change, protects the route', () => {
    const requireUser = `export function requireUser(req, res, next) {
  if (!req.session?.user) return res.sendStatus(401);
  next();
}
`;
    const refunds = (guard: string) => `import { Router } from 'express';
${guard ? "import { requireUser } from '../middleware/require-user';\n" : ''}
const router = Router();
router.post('/refunds',${guard} async (req, res) => {
  res.sendStatus(202);
});
export default router;
`;
    const app = APP.replace("import orders from './routes/orders';", "import orders from './routes/orders';\nimport refunds from './routes/refunds';")
      .replace('export default app;', "app.use('/api', refunds);\nexport default app;");
    const ordersWithPost = ORDERS.replace('export default router;', "router.post('/', async (req, res) => {\n  res.sendStatus(201);\n});\nexport default router;");
    const before = { ...BASE, 'src/app.ts': app, 'src/routes/orders.ts': ordersWithPost, 'src/middleware/require-user.ts': requireUser, 'src/routes/refunds.ts': refunds('') };
    expect(pick(analyzeFolder(writeProject(before))).findings).toContainEqual({ ruleId: 'redline/require-route-auth', file: 'src/routes/refunds.ts', line: 4 });

    const { cached, full } = analyzeChange(before, { 'src/routes/refunds.ts': refunds(' requireUser,') });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).findings).not.toContainEqual(expect.objectContaining({ file: 'src/routes/refunds.ts' }));
  });

  it('a log wrapper nothing called before, called with a password by the change, is followed', () => {
    const audit = `import pino from 'pino';
const logger = pino();
export function audit(event: string, detail: unknown) {
  logger.info({ event, detail });
}
`;
    const signup = (call: string) => `import { audit } from '../lib/audit';
export function signUp(email: string, password: string) {
  ${call}
}
`;
    const { cached, full } = analyzeChange(
      { ...BASE, 'src/lib/audit.ts': audit, 'src/services/signup.ts': signup('audit("signup", email);') },
      { 'src/services/signup.ts': signup('audit("signup", password);') },
    );
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).findings).toContainEqual({ ruleId: 'redline/no-secret-logging', file: 'src/services/signup.ts', line: 3 });
  });
});

describe('call sites left unwalked while nothing they import changed', () => {
  const audit = (logged: string) => `import pino from 'pino';
const logger = pino();
export function audit(event: string, detail: unknown) {
  logger.info({ event, ${logged} });
}
`;
  const CALL_SITES = {
    // Passes a token to the audit helper: a call site that only matters if the helper logs it.
    'src/jobs/rotate.ts': `import { audit } from '../lib/audit';
export function rotate(apiToken: string) {
  audit('rotate', apiToken);
}
`,
    // Logs without any import of the helper.
    'src/jobs/cleanup.ts': `import pino from 'pino';
const logger = pino();
export function cleanup(count: number) {
  logger.info({ removed: count });
}
`,
  };

  it('a helper that starts logging its argument: the call site that imports it is walked again, the unrelated one is not', () => {
    const { cached, full } = analyzeChange({ ...BASE, ...CALL_SITES, 'src/lib/audit.ts': audit('at: Date.now()') }, { 'src/lib/audit.ts': audit('detail') });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).findings).toContainEqual({ ruleId: 'redline/no-secret-logging', file: 'src/jobs/rotate.ts', line: 3 });
    // Walked: the app and the router (structural), the changed helper, and the call site that imports it.
    expect(cached.stats).toEqual({ files: 11, walked: 4, parsed: 6, parsedAhead: 0, cacheUsed: true });
    expect(cached.cache.files['src/jobs/cleanup.ts']).toMatchObject({ records: 'site' });
  });

  it('what a cache learned carries over to the next: an unrelated change first, then the helper', () => {
    const root = writeProject({ ...BASE, ...CALL_SITES, 'src/lib/audit.ts': audit('at: Date.now()') });
    const first = analyzeFolder(root, { cache: analyzeFolder(root).cache, texts: { 'src/lib/money.ts': 'export const cents = 1;\n' } });
    expect(first.stats.walked).toBe(3);
    writeFileSync(join(root, 'src/lib/audit.ts'), audit('detail'));
    const second = analyzeFolder(root, { cache: first.cache });
    expect(outcome(second)).toEqual(outcome(analyzeFolder(root)));
    expect(pick(second).findings).toContainEqual({ ruleId: 'redline/no-secret-logging', file: 'src/jobs/rotate.ts', line: 3 });
  });

  it('entities that changed (a schema is not imported by anything) make every call site walked again', () => {
    const exportJob = `import pino from 'pino';
import { db } from '../db';
const logger = pino();
export async function exportOrders() {
  const orders = await db.order.findMany();
  logger.info(JSON.stringify(orders));
}
`;
    const schema = (column: string) => `model Order {\n  id String @id @default(uuid())\n  total Int\n  ${column}\n}\n`;
    const { cached, full } = analyzeChange(
      { ...BASE, ...CALL_SITES, 'src/jobs/export.ts': exportJob, 'prisma/schema.prisma': schema('note String') },
      { 'prisma/schema.prisma': schema('paymentToken String') },
    );
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).findings).toContainEqual({ ruleId: 'redline/no-secret-logging', file: 'src/jobs/export.ts', line: 6 });
    expect(cached.stats.walked).toBe(5);
  });

  it('a new file (module resolution may change) makes every call site walked again', () => {
    const { cached, full } = analyzeChange({ ...BASE, ...CALL_SITES }, { 'src/lib/audit.ts': audit('detail') });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).findings).toContainEqual({ ruleId: 'redline/no-secret-logging', file: 'src/jobs/rotate.ts', line: 3 });
    expect(cached.stats.walked).toBe(5);
  });
});

describe('calls that hand a caught error to a helper, left unwalked while the helper is the same', () => {
  const errors = (returned: string) => `export function describeError(error: unknown): string {
  return ${returned};
}
`;
  const CATCHING = {
    // Answers with what the helper makes of the error: masked or not is the helper's body.
    'src/controllers/refunds.ts': `import { describeError } from '../lib/errors';
export async function refund(req, res) {
  try {
    await req.refund();
  } catch (err) {
    res.status(500).json({ error: describeError(err) });
  }
}
`,
    // Hands its caught error to a local function: nothing the helper does reaches it.
    'src/jobs/sync.ts': `function retryLater(error: unknown): void {
  setTimeout(() => undefined, 1000, error);
}
export async function sync(run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    retryLater(error);
  }
}
`,
  };

  it('a helper that starts masking the error: the call that imports it is walked again and refuted, the unrelated one is not walked', () => {
    const before = { ...BASE, ...CATCHING, 'src/lib/errors.ts': errors('error instanceof Error ? error.message : String(error)') };
    const cache = analyzeFolder(writeProject(before)).cache;
    expect(cache.files['src/controllers/refunds.ts']).toMatchObject({ records: 'site' });
    expect(cache.files['src/jobs/sync.ts']).toMatchObject({ records: 'site' });

    const { cached, full } = analyzeChange(before, { 'src/lib/errors.ts': errors("'Something went wrong'") });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(pick(cached).refuted).toContainEqual({ ruleId: 'redline/no-error-details-in-response', file: 'src/controllers/refunds.ts', line: 6 });
    // Walked: the app and the router (structural), the changed helper, and the call that imports it.
    expect(cached.stats).toMatchObject({ walked: 4, cacheUsed: true });
  });
});

describe('calls on an imported name, left unwalked while it is no router', () => {
  const reports = (creation: string) => `${creation}
export const reports = createRouter();
`;
  const EXPRESS_ROUTER = "import { Router as createRouter } from 'express';";
  // A route on a router another module creates: a call on an imported name, which only resolving it tells apart
  // from `cache.get(key)`.
  const REPORT_EXPORT = `import { reports } from './reports';
reports.get('/export', async (req, res) => {
  res.json({ rows: [] });
});
`;
  const mountReports = APP.replace("import orders from './routes/orders';", "import orders from './routes/orders';\nimport { reports } from './routes/reports';")
    .replace('export default app;', "app.use('/api/reports', reports);\nexport default app;");

  it('a module that starts exporting a router: the call on its export is walked again and is a route', () => {
    const before = { ...BASE, 'src/app.ts': mountReports, 'src/routes/reports.ts': reports("import { createRouter } from '@acme/http';"), 'src/routes/report-export.ts': REPORT_EXPORT };
    const cache = analyzeFolder(writeProject(before)).cache;
    expect(cache.files['src/routes/report-export.ts']).toMatchObject({ records: 'site' });

    const { cached, full } = analyzeChange(before, { 'src/routes/reports.ts': reports(EXPRESS_ROUTER) });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(cached.facts.routes.map((route) => `${route.method} ${route.path} ${route.at.file}:${route.at.line}`)).toContain('GET /api/reports/export src/routes/report-export.ts:2');
  });

  it('a call that resolved to a router is structural, walked every time: mounting the router elsewhere adds its route', () => {
    const before = { ...BASE, 'src/routes/reports.ts': reports(EXPRESS_ROUTER), 'src/routes/report-export.ts': REPORT_EXPORT };
    const cache = analyzeFolder(writeProject(before)).cache;
    expect(cache.files['src/routes/report-export.ts']).toMatchObject({ records: 'structural' });

    // The change is in the app, which the call's file does not import.
    const { cached, full } = analyzeChange(before, { 'src/app.ts': mountReports });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(cached.facts.routes.map((route) => `${route.method} ${route.path} ${route.at.file}:${route.at.line}`)).toContain('GET /api/reports/export src/routes/report-export.ts:2');
  });
});

describe('calls on what a project function returns, left unwalked while it makes no router', () => {
  const factory = (made: string) => `import { Hono } from 'hono';
export function createRouter() {
  return ${made};
}
`;
  const HONO_PROJECT = {
    'src/app.ts': `import { Hono } from 'hono';
import health from './routes/health';
const app = new Hono();
app.route('/api', health);
export default app;
`,
    // Routes on what the project's factory returns: a router or not is the factory's body.
    'src/routes/health.ts': `import { createRouter } from '../lib/create-router';
const health = createRouter();
health.get('/health', (c) => c.json({ ok: true }));
export default health;
`,
  };

  it('a factory that starts making a router: the call on its result is walked again and is a route', () => {
    const before = { ...HONO_PROJECT, 'src/lib/create-router.ts': factory('new Map<string, unknown>()') };
    const cache = analyzeFolder(writeProject(before)).cache;
    expect(cache.files['src/routes/health.ts']).toMatchObject({ records: 'site' });

    const { cached, full } = analyzeChange(before, { 'src/lib/create-router.ts': factory('new Hono()') });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(cached.facts.routes.map((route) => `${route.method} ${route.path} ${route.at.file}:${route.at.line}`)).toContain('GET /api/health src/routes/health.ts:3');
    expect(cached.cache.files['src/routes/health.ts']).toMatchObject({ records: 'structural' });
  });
});

describe('files whose walk only sets a value', () => {
  it("Nest's global prefix in main.ts: the file is walked every time, and the routes keep the prefix", () => {
    const root = writeProject({
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  await app.listen(3000);
}
void bootstrap();
`,
      'src/users.controller.ts': `import { Controller, Get } from '@nestjs/common';

@Controller('users')
export class UsersController {
  @Get('me')
  me() {
    return { ok: true };
  }
}
`,
    });
    const full = analyzeFolder(root);
    expect(full.cache.files['src/main.ts']).toMatchObject({ records: 'structural' });
    const cached = analyzeFolder(root, { cache: full.cache });
    expect(outcome(cached)).toEqual(outcome(full));
    expect(cached.facts.routes.map((route) => route.path)).toEqual(['/api/users/me']);
  });
});

describe('trees parsed ahead, while the scan gets its input ready', () => {
  it('are the structural files, then what their imports reach; a file whose text changed since is parsed again', async () => {
    const root = writeProject(BASE);
    const { cache } = analyzeFolder(root);
    const texts = new Map(fg.sync('**/*.ts', { cwd: root, absolute: true }).map((path) => [path, readFileSync(path, 'utf8')]));
    const ahead = parseAhead(root, cache, texts);
    for (let turn = 0; turn < 100 && ahead.trees.size < 4; turn++) await new Promise(setImmediate);
    ahead.stop();
    expect([...ahead.trees.keys()].map((fileName) => relative(root, fileName))).toEqual(['src/app.ts', 'src/routes/orders.ts', 'src/middleware/authenticate.ts', 'src/services/orders.ts']);

    // The change the scan is then sent: a route added to the router, whose tree parsed ahead is of the text before.
    const change = { 'src/routes/orders.ts': ORDERS.replace('export default router;', "router.delete('/:id', async (req, res) => {\n  res.sendStatus(204);\n});\nexport default router;") };
    const withTrees = analyzeFolder(root, { cache, texts: change, parsedAhead: ahead.trees });
    const full = analyzeFolder(root, { texts: change });
    expect(outcome(withTrees)).toEqual(outcome(full));
    expect(pick(withTrees).refuted).toContainEqual({ ruleId: 'redline/require-route-auth', file: 'src/routes/orders.ts', line: 8 });
    expect(withTrees.stats).toEqual({ files: 8, walked: 2, parsed: 4, parsedAhead: 3, cacheUsed: true });
  });
});

describe('what the cache holds, and when it is not used', () => {
  const root = writeProject(BASE);
  const full = analyzeFolder(root);

  it('says what the walk recorded from each file, by the hash of what it read', () => {
    const records = Object.fromEntries(Object.entries(full.cache.files).map(([path, entry]) => [path, entry.records]));
    expect(records).toEqual({
      'src/app.ts': 'structural',
      'src/db.ts': 'none',
      'src/lib/dates.ts': 'none',
      'src/lib/money.ts': 'none',
      'src/middleware/authenticate.ts': 'none',
      'src/prisma.ts': 'none',
      'src/routes/orders.ts': 'structural',
      'src/services/orders.ts': 'none',
    });
    expect(full.cache.files['src/lib/money.ts']!.hash).toMatch(/^[0-9a-f]{40}$/);
    // What the analysis resolved: the router and the middleware from the app, the service from the router, and on.
    expect(full.cache.imports).toEqual({
      'src/app.ts': ['src/middleware/authenticate.ts', 'src/routes/orders.ts'],
      'src/routes/orders.ts': ['src/services/orders.ts'],
    });
    expect(full.stats).toEqual({ files: 8, walked: 8, parsed: 8, parsedAhead: 0, cacheUsed: false });
  });

  it('a file whose content changed is walked again', () => {
    const changed = analyzeFolder(root, { cache: full.cache, texts: { 'src/lib/money.ts': 'export const cents = 1;\n' } });
    expect(changed.stats.walked).toBe(3);
  });

  it('a cache made under another key (another vocabulary, another analyzer build) is ignored', () => {
    const files = fg.sync('**/*.ts', { cwd: root, absolute: true });
    const other = analyze({ root, files, checks: projectChecks, severities, vocabulary: { loggers: ['audit'] }, cache: full.cache });
    expect(other.stats).toMatchObject({ walked: 8, cacheUsed: false });
    expect(analyzeFolder(root, { cache: { ...full.cache, key: 'another' } }).stats).toMatchObject({ walked: 8, cacheUsed: false });
  });

  it('reads back what it wrote, and nothing that is not a cache', () => {
    expect(parseAnalyzerCache(JSON.stringify(full.cache))).toEqual(full.cache);
    expect(parseAnalyzerCache(JSON.stringify(full.cache).slice(0, -10))).toBeUndefined();
    expect(parseAnalyzerCache(JSON.stringify({ ...full.cache, version: 1 }))).toBeUndefined();
    expect(parseAnalyzerCache(JSON.stringify({ ...full.cache, files: { 'a.ts': { hash: 'x', records: 'some' } } }))).toBeUndefined();
    expect(parseAnalyzerCache(JSON.stringify({ ...full.cache, imports: { 'a.ts': [1] } }))).toBeUndefined();
    expect(parseAnalyzerCache('null')).toBeUndefined();
  });
});
