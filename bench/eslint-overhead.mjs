// How much redline adds to an ESLint run: ESLint with the TypeScript parser and
// no rules (the baseline) against the same with one core rule, with `recommended`
// and with `strict`, on the same tree, in the same process, interleaved, median of N runs.
//
//   node bench/eslint-overhead.mjs [--lines 60000] [--runs 3] [--tree <dir>]
//
// Without --tree it lints a generated backend tree (bench/generate-tree.mjs).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import redline from '../packages/eslint-plugin/dist/index.js';
import { generateTree } from './generate-tree.mjs';
import { median, formatRatio } from './stats.mjs';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '60000' },
    runs: { type: 'string', default: '3' },
    tree: { type: 'string' },
  },
});

const root = fileURLToPath(new URL('..', import.meta.url));
const tree = values.tree ?? join(root, 'bench', '.trees', `generated-${values.lines}`);
if (!values.tree && !existsSync(tree)) {
  const written = generateTree(tree, { lines: Number(values.lines) });
  console.error(`generated ${written} lines in ${tree}`);
}

const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const IGNORES = { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/*.min.js', '**/*.d.ts'] };
const variants = {
  'no rules (baseline)': { files: FILES, languageOptions: { parser: tsParser, sourceType: 'module' }, rules: {} },
  // What any rule costs: with one rule on, ESLint walks every AST and runs its code-path analysis, which it skips
  // with none. The distance from this line to redline's is what redline's own rules cost.
  'one core rule': { files: FILES, languageOptions: { parser: tsParser, sourceType: 'module' }, rules: { 'no-debugger': 'error' } },
  'redline recommended': redline.configs.recommended,
  'redline strict': redline.configs.strict,
};

async function lintOnce(config) {
  const eslint = new ESLint({ cwd: tree, overrideConfigFile: true, overrideConfig: [IGNORES, config], cache: false });
  const started = performance.now();
  const results = await eslint.lintFiles(FILES);
  const elapsed = performance.now() - started;
  const lines = results.reduce((sum, result) => sum + (result.source ?? '').split('\n').length, 0);
  return { elapsed, files: results.length, findings: results.reduce((sum, result) => sum + result.messages.length, 0), lines };
}

// Warm-up: module loading and JIT are paid once, not by whichever variant runs first.
await lintOnce(variants['no rules (baseline)']);

const timings = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const findings = {};
let fileCount = 0;
for (let run = 0; run < Number(values.runs); run++) {
  // Rotate the order each run so no variant always benefits from a warm cache.
  const names = Object.keys(variants);
  const order = names.slice(run % names.length).concat(names.slice(0, run % names.length));
  for (const name of order) {
    const result = await lintOnce(variants[name]);
    timings[name].push(result.elapsed);
    findings[name] = result.findings;
    fileCount = result.files;
  }
}

const baseline = median(timings['no rules (baseline)']);
console.log(`tree: ${tree} (${fileCount} files), ${values.runs} runs each, median wall time (fastest–slowest run)`);
for (const [name, samples] of Object.entries(timings)) {
  // The spread says how noisy the machine was: a ratio is only as good as the runs behind it.
  const spread = `${(Math.min(...samples) / 1000).toFixed(1)}–${(Math.max(...samples) / 1000).toFixed(1)} s`;
  console.log(`${name.padEnd(22)} ${median(samples).toFixed(0).padStart(7)} ms  ${formatRatio(median(samples) / baseline)}  (${spread})  findings: ${findings[name]}`);
}
