import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fromRepo } from './helpers/paths.js';
import { buildCli, runBin } from './helpers/run-bin.js';
import { runInProcess } from './helpers/run-in-process.js';
import { copyToTemp, createTempProject } from './helpers/temp-dir.js';

const APP = fromRepo('fixtures/apps/cli-e2e');

interface JsonOutput {
  findings: Array<{ ruleId: string; file: string; line: number; column: number; severity: string; fingerprint: string }>;
  notices?: Array<{ kind: string; file: string; line: number }>;
  summary: { files: number; findings: number; durationMs: number };
}

const parseJson = (stdout: string) => JSON.parse(stdout) as JsonOutput;
const positions = (output: JsonOutput) => output.findings.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }));

/** What the recommended rules find in fixtures/apps/cli-e2e (its `// expect:` markers). */
const APP_FINDINGS = [
  { ruleId: 'redline/no-unbounded-retry', file: 'src/jobs/sync.ts', line: 8, column: 3 },
  { ruleId: 'redline/no-secret-logging', file: 'src/routes/users.ts', line: 9, column: 15 },
];

// Each spawn starts node and loads ESLint: seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

beforeAll(() => {
  buildCli();
}, 180_000);

describe('redline scan on fixtures/apps/cli-e2e', () => {
  it('pretty report on stdout, exit code 1 for errors', () => {
    const run = runBin(['scan'], { cwd: APP });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\x1b[');
    expect(run.stdout).toContain('src/jobs/sync.ts\n  8:3  error    `while (true)` retries');
    expect(run.stdout).toContain('    >  9 |   logger.info(`logi****`); // expect: no-secret-logging');
    expect(run.stdout).not.toContain('with password ${password}');
    expect(run.stdout).toContain('✖ 2 findings (2 errors, 0 warnings) in 2 files');
    expect(run.stdout).toContain('1 eslint-disable comment without a reason');
  });

  it('json: the contract, exact rules and lines, sorted; the unexplained disable as a notice', () => {
    const run = runBin(['scan', '--format', 'json'], { cwd: APP });
    const output = parseJson(run.stdout);
    expect(run.code).toBe(1);
    expect(positions(output)).toEqual(APP_FINDINGS);
    expect(output.notices).toEqual([
      expect.objectContaining({ kind: 'unexplained-disable', severity: 'warning', file: 'src/routes/users.ts', line: 16, column: 3 }),
    ]);
    expect(output.summary).toMatchObject({ files: 4, findings: 2 });
  });

  it('same input, same bytes (apart from the duration)', () => {
    const withoutDuration = (stdout: string) => stdout.replace(/"durationMs": \d+/, '');
    const first = runBin(['scan', '--format', 'json'], { cwd: APP });
    const second = runBin(['scan', '--format', 'json'], { cwd: APP });
    expect(withoutDuration(second.stdout)).toBe(withoutDuration(first.stdout));
    const sarif = [runBin(['scan', '-f', 'sarif'], { cwd: APP }).stdout, runBin(['scan', '-f', 'sarif'], { cwd: APP }).stdout];
    expect(sarif[1]).toBe(sarif[0]);
  });

  it('several formats: SARIF to a file while pretty goes to the terminal', () => {
    const out = createTempProject();
    const run = runBin(['scan', '--format', 'sarif', '-o', join(out, 'redline.sarif'), '--format', 'pretty'], { cwd: APP });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ 2 findings');
    const sarif = JSON.parse(readFileSync(join(out, 'redline.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }) => [
      result.ruleId,
      result.locations[0]!.physicalLocation.artifactLocation.uri,
      result.locations[0]!.physicalLocation.region.startLine,
    ])).toEqual(APP_FINDINGS.map((finding) => [finding.ruleId, finding.file, finding.line]));
  });

  it('two formats on the terminal is a usage error (exit 2)', () => {
    const run = runBin(['scan', '-f', 'json', '-f', 'pretty'], { cwd: APP });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Only one --format can write to the terminal');
  });

  it('github annotations and the markdown summary', () => {
    const github = runBin(['scan', '-f', 'github'], { cwd: APP }).stdout.trimEnd().split('\n');
    expect(github).toEqual([
      expect.stringMatching(/^::error file=src\/jobs\/sync.ts,line=8,endLine=8,col=3,endColumn=15,title=redline\/no-unbounded-retry::/),
      expect.stringMatching(/^::error file=src\/routes\/users.ts,line=9,endLine=9,col=15,endColumn=\d+,title=redline\/no-secret-logging::/),
      expect.stringMatching(/^::warning file=src\/routes\/users.ts,line=16,endLine=16,col=3,endColumn=3,title=redline unexplained-disable::/),
    ]);
    const markdown = runBin(['scan', '-f', 'markdown'], { cwd: APP, env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc' } });
    expect(markdown.stdout).toContain('[`src/jobs/sync.ts:8`](https://github.com/o/r/blob/abc/src/jobs/sync.ts#L8)');
  });

  it('works from any folder on any path, including a copy outside the repository', () => {
    const copy = copyToTemp(APP);
    const fromParent = parseJson(runBin(['scan', 'app', '-f', 'json'], { cwd: join(copy, '..') }).stdout);
    expect(positions(fromParent)).toEqual(APP_FINDINGS.map((finding) => ({ ...finding, file: `app/${finding.file}` })));
    const fromInside = parseJson(runBin(['scan', '../jobs', '-f', 'json'], { cwd: join(copy, 'src', 'routes') }).stdout);
    expect(positions(fromInside)).toEqual([{ ...APP_FINDINGS[0]!, file: '../jobs/sync.ts' }]);
  });

  it('a path that does not exist is an error (exit 2)', () => {
    const run = runBin(['scan', 'nope'], { cwd: APP });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('redline: No such file or folder: nope\n');
  });
});

describe('exit codes', () => {
  it.each([
    [['--fail-on', 'never'], 0],
    [['--fail-on', 'warning'], 1],
    [['--fail-on', 'never', '--max-warnings', '0'], 1],
    [['--fail-on', 'never', '--max-warnings', '1'], 0],
    [['--fail-on', 'sometimes'], 2],
    [['--no-such-flag'], 2],
  ])('scan %j → %i', async (args, code) => {
    expect((await runInProcess(['scan', ...args], { cwd: APP })).code).toBe(code);
  });

  it('a clean project exits 0', () => {
    const root = createTempProject({ 'src/ok.ts': 'export const add = (a: number, b: number) => a + b;\n' });
    const run = runBin(['scan'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ No findings in 1 file.\n');
  });
});

describe('the analyzer', () => {
  const loginApp = {
    'redline.json': JSON.stringify({ preset: 'strict' }),
    'backend/src/app.ts': "import express from 'express';\nimport { authRouter } from './auth.routes';\n\nexport const app = express();\napp.use('/api/auth', authRouter);\n",
    'backend/src/auth.routes.ts': "import { Router } from 'express';\n\nexport const authRouter = Router();\nauthRouter.post('/login', (req, res) => res.json({ ok: true }));\n",
  };

  it('runs from the top of a repository that keeps its projects in subfolders (backend/, frontend/)', async () => {
    const root = createTempProject({
      ...loginApp,
      'backend/package.json': JSON.stringify({ dependencies: { express: '^5' } }),
      'frontend/package.json': JSON.stringify({ dependencies: { react: '^19', 'react-dom': '^19' } }),
    });
    const run = await runInProcess(['scan', '-c', 'redline.json', '-f', 'json', '--fail-on', 'never'], { cwd: root });
    expect(positions(parseJson(run.stdout))).toEqual([{ ruleId: 'redline/require-auth-rate-limit', file: 'backend/src/auth.routes.ts', line: 4, column: 1 }]);
  });

  it('runs on a scanned subfolder (backend/src) of a repository whose package.json is above it', async () => {
    const root = createTempProject({ ...loginApp, 'package.json': JSON.stringify({ dependencies: { express: '^5' } }) });
    const run = await runInProcess(['scan', 'backend/src', '-c', 'redline.json', '-f', 'json', '--fail-on', 'never'], { cwd: root });
    expect(positions(parseJson(run.stdout))).toEqual([{ ruleId: 'redline/require-auth-rate-limit', file: 'backend/src/auth.routes.ts', line: 4, column: 1 }]);
  });

  it('is skipped, and says so (without --verbose too), where no folder holds a project', async () => {
    const root = createTempProject(loginApp);
    const run = await runInProcess(['scan', '-c', 'redline.json', '-f', 'json', '--fail-on', 'never'], { cwd: root });
    expect(positions(parseJson(run.stdout))).toEqual([]);
    expect(run.stderr).toContain('the cross-file analyzer did not run');
    // --no-analyzer asked for it: nothing to say.
    const quiet = await runInProcess(['scan', '-c', 'redline.json', '-f', 'json', '--fail-on', 'never', '--no-analyzer'], { cwd: root });
    expect(quiet.stderr).toBe('');
  });
});

describe('files that do not parse', () => {
  const files = {
    'src/broken.ts': 'export const a = 1;\nconst = ;\n',
    'src/retry.ts': 'export async function poll() {\n  while (true) {\n    try {\n      await fetch("/x");\n      return;\n    } catch {}\n  }\n}\n',
  };

  it('are listed, the scan goes on, and the exit code says so', () => {
    const root = createTempProject(files);
    const run = runBin(['scan', '-f', 'json', '--fail-on', 'never'], { cwd: root });
    const output = parseJson(run.stdout);
    expect(run.code).toBe(1);
    expect(output.notices).toEqual([expect.objectContaining({ kind: 'parse-error', file: 'src/broken.ts', line: 2, column: 6 })]);
    expect(positions(output)).toEqual([{ ruleId: 'redline/no-unbounded-retry', file: 'src/retry.ts', line: 2, column: 3 }]);
  });

  it('do not include an ESLint 8 environment comment, which ESLint 10 only declines to read', () => {
    const root = createTempProject({ 'src/legacy.js': `/* eslint-env node, browser */\n${files['src/retry.ts']}` });
    const run = runBin(['scan', '-f', 'json', '--fail-on', 'never'], { cwd: root });
    const output = parseJson(run.stdout);
    expect(run.code).toBe(0);
    expect(output.notices ?? []).toEqual([]);
    expect(positions(output)).toEqual([{ ruleId: 'redline/no-unbounded-retry', file: 'src/legacy.js', line: 3, column: 3 }]);
  });

  it('--no-fail-on-parse-error only lists them', () => {
    const root = createTempProject(files);
    expect(runBin(['scan', '--fail-on', 'never', '--no-fail-on-parse-error'], { cwd: root }).code).toBe(0);
  });

  it('appear in SARIF as tool execution notifications', () => {
    const root = createTempProject(files);
    const sarif = JSON.parse(runBin(['scan', '-f', 'sarif'], { cwd: root }).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', descriptor: { id: 'parse-error' } }),
    ]);
  });
});

describe('routes the analyzer cannot list', () => {
  it('are counted in --verbose: registrations with a computed method, as a table of routes makes them', () => {
    const root = createTempProject({
      'package.json': '{ "name": "table-routes", "dependencies": { "koa-router": "^12.0.0" } }',
      'src/router.js': [
        "const Router = require('koa-router');",
        'const router = new Router();',
        "const table = [{ method: 'post', path: '/user/del' }, { method: 'get', path: '/user/list' }];",
        'for (const item of table) router[item.method](`/api${item.path}`, async (ctx) => { ctx.body = item.path; });',
        'module.exports = router;',
        '',
      ].join('\n'),
    });
    const run = runBin(['scan', '--verbose', '--fail-on', 'never', '--no-cache'], { cwd: root });
    expect(run.stderr).toContain('analyzer: 1 route registrations with a computed method (router[method](…)) were not listed\n');
    // The table's routes are all there is: the route checks had nothing to judge, and --verbose says so.
    expect(run.stderr).toContain('analyzer: no routes found, so the route checks (missing-auth, entity-leak, ownership) judged none');
  });
});

describe('discovery', () => {
  it('skips node_modules, vendored code, build output, declarations, minified, generated and git-ignored files', () => {
    const retry = 'export async function f() {\n  while (true) {\n    try {\n      await fetch("/x");\n      return;\n    } catch {}\n  }\n}\n';
    const root = createTempProject({
      '.gitignore': 'tmp/\n',
      'src/a.ts': retry,
      'node_modules/pkg/index.js': retry,
      'dist/a.js': retry,
      'tmp/a.ts': retry,
      'src/types.d.ts': retry,
      'src/vendor.min.js': retry,
      'src/client.ts': `// @generated by prisma, do not edit\n${retry}`,
      'src/bundle.js': `${'x'.repeat(2000)}\n${retry}`,
      'public/vendor/chart.js': retry,
      'public/js/editor.js': `/*! editor v2 | MIT */\n${'x'.repeat(2000)}\n${retry}`,
    });
    const output = parseJson(runBin(['scan', '-f', 'json'], { cwd: root }).stdout);
    expect(output.findings.map((finding) => finding.file)).toEqual(['src/a.ts']);
    expect(output.summary.files).toBe(1);
  });
});

describe('configuration', () => {
  it('an invalid config names the key and what is allowed (exit 2)', async () => {
    const root = createTempProject({
      'src/a.ts': 'export {};\n',
      'redline.config.json': JSON.stringify({ preset: 'all', rules: { 'no-secret-logging': 'warn' }, vocabulary: { loggers: 'audit' }, colour: true }),
    });
    const run = await runInProcess(['scan'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Invalid redline config in ${join(root, 'redline.config.json')}:`);
    expect(run.stderr).toContain('colour: unknown key; allowed keys are $schema, preset, rules, ignores, vocabulary');
    expect(run.stderr).toContain('preset: must be one of "recommended", "strict"');
    expect(run.stderr).toContain('rules.no-secret-logging: must be "off", "error", "warning" or ["error" | "warning", { …options }]');
    expect(run.stderr).toContain('vocabulary.loggers: must be array');
  });

  it('an unknown rule is named, with the known ones (exit 2)', async () => {
    const root = createTempProject({ 'package.json': JSON.stringify({ redline: { rules: { 'no-such-rule': 'off' } } }) });
    const run = await runInProcess(['scan'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rules\.no-such-rule: unknown rule; known rules are .*no-secret-logging/);
  });

  it('redline.config.ts turns a rule off and adds ignores', async () => {
    const copy = copyToTemp(APP);
    writeFileSync(
      join(copy, 'redline.config.ts'),
      "import type { RedlineConfig } from '@redline/cli';\n\nconst config: RedlineConfig = { rules: { 'no-unbounded-retry': 'off' }, ignores: ['src/routes/'] };\nexport default config;\n",
    );
    const output = parseJson((await runInProcess(['scan', '-f', 'json'], { cwd: copy })).stdout);
    expect(output.findings).toEqual([]);
    // The three app files left and the config file itself.
    expect(output.summary.files).toBe(4);
    expect(readdirSync(copy).filter((name) => name.endsWith('.mjs'))).toEqual([]);
  });

  it('package.json#redline sets severities; --config picks a file', async () => {
    const copy = copyToTemp(APP);
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ name: 'x', redline: { rules: { 'no-secret-logging': 'warning' } } }));
    const output = parseJson((await runInProcess(['scan', '-f', 'json'], { cwd: copy })).stdout);
    expect(output.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['redline/no-unbounded-retry', 'error'],
      ['redline/no-secret-logging', 'warning'],
    ]);
    writeFileSync(join(copy, 'other.mjs'), "export default { rules: { 'no-secret-logging': 'off' } };\n");
    const picked = parseJson((await runInProcess(['scan', '-f', 'json', '--config', 'other.mjs'], { cwd: copy })).stdout);
    expect(picked.findings.map((finding) => finding.ruleId)).toEqual(['redline/no-unbounded-retry']);
  });
});

describe('other commands', () => {
  it.each(['scan', 'rules', 'init', 'baseline'])('%s --help shows examples', async (command) => {
    const run = await runInProcess([command, '--help'], { cwd: APP });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain(`redline ${command}`);
  });

  it('--version (the real bin)', () => {
    expect(runBin(['--version'], { cwd: APP }).stdout).toBe('0.1.0\n');
  });

  it('no command is a usage error', async () => {
    const run = await runInProcess([], { cwd: APP });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Name a command');
  });

  it('rules: every rule with its category, severity and docs, from meta', async () => {
    const rules = JSON.parse((await runInProcess(['rules', '--format', 'json'], { cwd: APP })).stdout) as Array<{ name: string; category: string; url: string }>;
    expect(rules.find((rule) => rule.name === 'no-secret-logging')).toMatchObject({
      category: 'secret-logging',
      url: 'https://github.com/redline-dev/redline/blob/main/docs/rules/no-secret-logging.md',
    });
    const table = (await runInProcess(['rules'], { cwd: APP })).stdout;
    expect(table.split('\n')[0]).toMatch(/^rule\s+category\s+severity\s+config\s+docs$/);
    expect(table).toMatch(/redline\/no-secret-logging\s+secret-logging\s+error\s+recommended\s+https:/);
  });

  it('init writes a file once, and overwrites it only with --force', async () => {
    const root = createTempProject();
    expect(await runInProcess(['init', 'husky'], { cwd: root })).toMatchObject({ code: 0, stdout: 'Wrote .husky/pre-commit: a husky pre-commit hook that scans staged lines.\n' });
    expect(readFileSync(join(root, '.husky/pre-commit'), 'utf8')).toBe('npx --no-install redline scan --staged\n');
    writeFileSync(join(root, '.husky/pre-commit'), 'mine\n');
    const again = await runInProcess(['init', 'husky'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('.husky/pre-commit exists; not overwriting it');
    expect(readFileSync(join(root, '.husky/pre-commit'), 'utf8')).toBe('mine\n');
    expect((await runInProcess(['init', 'husky', '--force'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, '.husky/pre-commit'), 'utf8')).toBe('npx --no-install redline scan --staged\n');
  });

  it.each([
    ['flat-config', 'eslint.config.mjs', 'redline.configs.recommended'],
    ['pre-commit', '.pre-commit-config.yaml', 'id: redline'],
    ['github-action', '.github/workflows/redline.yml', 'security-events: write'],
  ])('init %s writes %s', async (kind, path, content) => {
    const root = createTempProject();
    expect((await runInProcess(['init', kind], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, path), 'utf8')).toContain(content);
  });
});
