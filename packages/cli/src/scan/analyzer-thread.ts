import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzerRunInput, AnalyzerRunOutput } from './analyzer-run.js';

const WORKER = new URL('./analyzer-worker.js', import.meta.url);

/**
 * The analyzer's worker thread: it starts loading the analyzer (TypeScript,
 * ts-morph) as soon as it exists, and analyses the project it is then sent.
 * Until `run` it does not keep the process alive, so a scan that never
 * needs it (nothing staged, no project) exits without waiting for it.
 */
export class AnalyzerThread {
  private readonly worker: Worker;
  private readonly output: Promise<AnalyzerRunOutput>;

  /** @param hints what the scan will most likely ask for, to prepare while it gets ready (see analyzer-worker.ts) */
  constructor(hints: AnalyzerThreadHints = {}) {
    this.worker = new Worker(WORKER, { workerData: hints });
    this.output = new Promise((resolve, reject) => {
      let output: AnalyzerRunOutput | undefined;
      this.worker.once('message', (message: AnalyzerRunOutput) => (output = message));
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => (output ? resolve(output) : reject(new Error(`The analyzer stopped (exit code ${code}) without a result.`))));
    });
    // A thread that fails before anyone runs it must not crash the scan: `run` hands the failure on.
    this.output.catch(() => undefined);
    this.worker.unref();
  }

  run(input: AnalyzerRunInput): Promise<AnalyzerRunOutput> {
    this.worker.ref();
    this.worker.postMessage(input);
    return this.output;
  }
}

let started: AnalyzerThread | undefined;

/**
 * Starts the analyzer's thread when `argv` (without node and script) is a
 * scan with the analyzer, before the CLI and ESLint load: the two load on
 * two cores at once instead of one after the other. Called by the bin.
 */
export function prestartAnalyzerThread(argv: readonly string[]): void {
  if (argv[0] === 'scan' && !argv.includes('--no-analyzer') && !started && hasBuiltWorker()) started = new AnalyzerThread(readHints(argv));
}

/** What the worker may prepare before it is sent its input; a wrong hint costs only the preparation. */
export interface AnalyzerThreadHints {
  /** The `--cache-location` given, or null with `--no-cache` (no cache to prepare from). */
  cacheLocation?: string | null;
}

/** The cache options of a scan's command line, read the simple way (yargs reads them for the scan itself). */
function readHints(argv: readonly string[]): AnalyzerThreadHints {
  if (argv.includes('--no-cache')) return { cacheLocation: null };
  const at = argv.findIndex((arg) => arg === '--cache-location' || arg.startsWith('--cache-location='));
  if (at < 0) return {};
  const location = argv[at]!.includes('=') ? argv[at]!.slice(argv[at]!.indexOf('=') + 1) : argv[at + 1];
  return location === undefined ? {} : { cacheLocation: location };
}

/**
 * The thread `prestartAnalyzerThread` started, else a new one; undefined
 * where there is no built worker (the TypeScript sources, in tests).
 */
export function takeAnalyzerThread(): AnalyzerThread | undefined {
  const thread = started ?? (hasBuiltWorker() ? new AnalyzerThread() : undefined);
  started = undefined;
  return thread;
}

function hasBuiltWorker(): boolean {
  return existsSync(fileURLToPath(WORKER));
}
