// How fast `redline scan --staged` is with the analyzer, one file changed, with
// and without the analyzer cache. Issue 4 asks for under 3 s on a backend of
// 150k+ lines.
//
//   node bench/staged.mjs [--tree <dir>] [--lines 60000] [--runs 3] [--file <path in the tree>]
//
// The tree is copied to a temporary folder (its node_modules, if any, is linked,
// not copied, and never written to), made a git repository and committed. One
// full `redline scan` writes the cache; then one server file gets a new route and
// is staged (`--file`, default: the first file that creates a `router`), and
// `redline scan --staged` runs as a child process, interleaved with the same
// command with `--no-cache`, and with `--no-analyzer` (the floor: node, ESLint
// and git). Each cached run starts from the cache the full scan wrote, so each
// sees one changed file. Needs the built packages (`pnpm build`); it runs a copy
// of them, so a rebuild meanwhile does not change the analyzer's cache key.
// Prints numbers; asserts nothing but that both analyzer variants report the same.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { generateTree } from './generate-tree.mjs';
import { formatRatio, median } from './stats.mjs';

const { values } = parseArgs({
  options: {
    tree: { type: 'string' },
    lines: { type: 'string', default: '60000' },
    runs: { type: 'string', default: '3' },
    file: { type: 'string' },
  },
});

const repository = fileURLToPath(new URL('..', import.meta.url));
const measure = join(repository, 'bench', 'measure-child.mjs');
const source = values.tree ?? join(repository, 'bench', '.trees', `generated-${values.lines}`);
if (!values.tree && !existsSync(source)) console.error(`generated ${generateTree(source, { lines: Number(values.lines) })} lines in ${source}`);

const workspace = mkdtempSync(join(tmpdir(), 'redline-staged-'));
const tree = join(workspace, 'tree');
// Outside the tree, so that neither git nor discovery sees it, and a linked node_modules is never written to.
const cacheFile = join(workspace, 'cache', 'analyzer.json');
const warmCache = join(workspace, 'warm-analyzer.json');
const env = { ...process.env, CI: 'true', NO_COLOR: '1' };
const bin = snapshotRedline(join(workspace, 'redline'));

try {
  cpSync(source, tree, { recursive: true, filter: (path) => !/[\\/](?:node_modules|\.git)$/.test(path) });
  if (hasDependencies(source)) symlinkSync(join(source, 'node_modules'), join(tree, 'node_modules'), 'dir');
  const git = (...args) => execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', ...args], { cwd: tree, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '--no-verify', '-m', 'tree');

  /** One scan as a child process: wall time, the JSON report, and the analyzer's --verbose lines. */
  const redline = (...args) => {
    const started = performance.now();
    const child = spawnSync(process.execPath, [measure, bin, 'scan', '--no-baseline', '--format', 'json', '--verbose', ...args], { cwd: tree, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = performance.now() - started;
    // Exit code 1 means findings: a result, not a failure.
    if (child.status !== 0 && child.status !== 1) throw new Error(`redline scan ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
    const analyzer = child.stderr.split('\n').filter((line) => /^analyzer: (?:walked|\d+ of the parsed)/.test(line));
    const cpuMs = Number(/CPU_MS (\d+)/.exec(child.stderr)?.[1]);
    return { ms, cpuMs, report: JSON.parse(child.stdout), analyzer };
  };

  // The full scan a developer ran before: it writes the cache.
  const full = redline('--cache-location', cacheFile);
  copyFileSync(cacheFile, warmCache);

  const changed = values.file ?? findRouterFile(tree);
  appendFileSync(join(tree, changed), "\nrouter.post('/bench-staged/:id', async (req, res) => {\n  res.json({ id: req.params.id });\n});\n");
  git('add', changed);

  const cachedRuns = [];
  const variants = {
    'cached': () => {
      copyFileSync(warmCache, cacheFile);
      const run = redline('--staged', '--cache-location', cacheFile);
      cachedRuns.push(run);
      return run;
    },
    '--no-cache': () => redline('--staged', '--no-cache'),
    '--no-analyzer': () => redline('--staged', '--no-analyzer'),
  };
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const reports = {};
  for (let run = 0; run < Number(values.runs); run++) {
    const names = run % 2 === 0 ? Object.keys(variants) : Object.keys(variants).reverse();
    for (const name of names) {
      const result = variants[name]();
      samples[name].push(result);
      reports[name] = result;
    }
  }
  const findings = (name) => JSON.stringify(reports[name].report.findings);
  if (findings('cached') !== findings('--no-cache')) throw new Error('the cached and uncached staged scans report different findings');

  const ignored = cachedRuns.filter((run) => !run.analyzer.some((line) => line.endsWith('(cache used)')));
  if (ignored.length > 0) console.warn(`warning: ${ignored.length} cached run(s) could not use the cache: ${ignored[0].analyzer.join('; ')}`);

  const wall = (name) => median(samples[name].map((sample) => sample.ms));
  const cpu = (name) => median(samples[name].map((sample) => sample.cpuMs));
  console.log(`tree: ${source} (${full.report.summary.files} files, ${countLines(tree)} lines, dependencies ${hasDependencies(source) ? 'installed' : 'not installed'})`);
  console.log(`full scan (writes the cache): ${full.ms.toFixed(0)} ms; staged: ${changed} with one route added; ${values.runs} runs each, medians`);
  for (const name of Object.keys(samples)) {
    const ratio = formatRatio(wall(name) / wall('--no-cache'));
    console.log(`redline scan --staged ${name.padEnd(14)} wall ${wall(name).toFixed(0).padStart(6)} ms  ${ratio}  cpu ${cpu(name).toFixed(0).padStart(6)} ms  findings: ${reports[name].report.summary.findings}`);
  }
  for (const name of ['cached', '--no-cache']) console.log(`  ${name}: ${reports[name].analyzer.join('; ')}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

/**
 * A copy of the built redline (dist, package.json, the workspace links) that
 * the bench runs, so that a rebuild in the repository while it runs (which
 * would change the analyzer's cache key) does not reach it.
 */
function snapshotRedline(target) {
  for (const folder of ['packages', 'rules']) {
    cpSync(join(repository, folder), join(target, folder), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (path) => !/[\\/](?:src|test)$/.test(path) && !/\.tsbuildinfo$/.test(path),
    });
  }
  symlinkSync(join(repository, 'node_modules'), join(target, 'node_modules'), 'dir');
  return join(target, 'packages/cli/bin/redline.js');
}

/** node_modules with packages in it (a tool's `.cache` alone is not an install). */
function hasDependencies(directory) {
  return existsSync(join(directory, 'node_modules')) && readdirSync(join(directory, 'node_modules')).some((name) => !name.startsWith('.'));
}

function listSources(directory) {
  return fg.sync('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', { cwd: directory, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
}

/** The first source file (by path) that creates a `router`: where a developer adds a route. */
function findRouterFile(directory) {
  const found = listSources(directory).find((path) => /\b(?:const|let)\s+router\s*=/.test(readFileSync(join(directory, path), 'utf8')));
  if (!found) throw new Error('no file creates a `router`; name one with --file');
  return found;
}

function countLines(directory) {
  return listSources(directory).reduce((total, path) => total + readFileSync(join(directory, path), 'utf8').split('\n').length, 0);
}
