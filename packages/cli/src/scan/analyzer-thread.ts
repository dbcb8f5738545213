import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ESLint } from 'eslint';
import type { AnalyzerRunInput, AnalyzerRunOutput } from './analyzer-run.js';
import type { ThreadLintRequest } from './thread-lint.js';

const WORKER = new URL('./analyzer-worker.js', import.meta.url);

/** What the worker posts: the analysis, then ESLint's results for each batch it is sent, or why a batch failed. */
export type AnalyzerThreadMessage =
  | { kind: 'analysis'; output: AnalyzerRunOutput }
  | { kind: 'linted'; results: ESLint.LintResult[] }
  | { kind: 'lint-failed'; message: string };

/**
 * The analyzer's worker thread: it starts loading the analyzer (TypeScript,
 * ts-morph) as soon as it exists, and analyses the project it is then sent.
 * Its analysis done, it lints the batches of files it is sent (see
 * lint-queue.ts) until it is closed. Until `run` it does not keep the process
 * alive, so a scan that never needs it (nothing staged, no project) exits
 * without waiting for it.
 */
export class AnalyzerThread {
  private readonly worker: Worker;
  private readonly output: Promise<AnalyzerRunOutput>;
  private pendingLint: { resolve: (results: ESLint.LintResult[]) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  /** @param hints what the scan will most likely ask for, to prepare while it gets ready (see analyzer-worker.ts) */
  constructor(hints: AnalyzerThreadHints = {}) {
    this.worker = new Worker(WORKER, { workerData: hints });
    this.output = new Promise((resolve, reject) => {
      this.worker.on('message', (message: AnalyzerThreadMessage) => {
        if (message.kind === 'analysis') resolve(message.output);
        else if (message.kind === 'linted') this.settleLint(undefined, message.results);
        else this.settleLint(new Error(message.message));
      });
      const fail = (error: Error) => {
        this.failure = error;
        reject(error);
        this.settleLint(error);
      };
      this.worker.once('error', fail);
      this.worker.once('exit', (code) => fail(new Error(`The analyzer stopped (exit code ${code}) without a result.`)));
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

  /** ESLint's results for one batch of files on disk, linted in this thread (one batch at a time). */
  lint(request: ThreadLintRequest): Promise<ESLint.LintResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pendingLint) return Promise.reject(new Error('The analyzer thread lints one batch at a time.'));
    return new Promise((resolve, reject) => {
      this.pendingLint = { resolve, reject };
      this.worker.postMessage(request);
    });
  }

  /** Ends the thread: its work for the scan is done. */
  close(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }

  private settleLint(error: Error | undefined, results?: ESLint.LintResult[]): void {
    const pending = this.pendingLint;
    this.pendingLint = undefined;
    if (error) pending?.reject(error);
    else pending?.resolve(results ?? []);
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
