// The analyzer in a worker thread (see analyzer-thread.ts): it loads the analyzer
// and reads the project at once, then analyses what it is sent (an AnalyzerRunInput)
// while the main thread runs ESLint, and posts an AnalyzerRunOutput; a failure
// surfaces as the worker's `error` event. Then it lints the batches of ESLint's
// files it is sent (a ThreadLintRequest each), to finish ESLint's half sooner.
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedAhead } from '@redline/analyzer';
import { findAnalyzerRoot } from './analyzer-engine.js';
import { getAnalyzerCachePath, readAnalyzerCache } from './analyzer-cache.js';
import { loadAnalyzer, runAnalyzer, type AnalyzerRunInput } from './analyzer-run.js';
import type { AnalyzerThreadHints, AnalyzerThreadMessage } from './analyzer-thread.js';
import type { ThreadLintRequest } from './thread-lint.js';
import { readProjectEarly } from './project-read.js';

const hints = (workerData ?? {}) as AnalyzerThreadHints;
const input = new Promise<AnalyzerRunInput>((resolve) => parentPort!.once('message', resolve));

// Loading TypeScript and ts-morph, and reading the project (most scans are of the working directory), take a
// while: both happen while the scan gets its input ready. A scan of another root reads that one instead.
loadAnalyzer().catch(() => undefined);
const root = findAnalyzerRoot(process.cwd(), []);
let ahead: { trees: ParsedAhead; stop: () => void } | undefined;
let started = false;
if (root) {
  const project = readProjectEarly(root);
  // Then, until the input comes, the files the cached analysis parsed are parsed (see parseAhead).
  if (hints.cacheLocation !== null) {
    const cachePath = getAnalyzerCachePath({ cwd: process.cwd(), root, ...(hints.cacheLocation ? { location: hints.cacheLocation } : {}) });
    Promise.all([loadAnalyzer(), project, readAnalyzerCache(cachePath)])
      .then(([{ parseAhead }, { texts }, cache]) => {
        if (cache && !started) ahead = parseAhead(root, cache, texts);
      })
      .catch(() => undefined);
  }
}
const received = await input;
started = true;
ahead?.stop();
const analysis: AnalyzerThreadMessage = { kind: 'analysis', output: await runAnalyzer(received, received.root === root ? ahead?.trees : undefined) };
parentPort!.postMessage(analysis);

// Then the batches of files the main thread has not linted yet, one at a time, until the thread is closed.
// ESLint loads only now: before, it would have slowed the analysis down.
const threadLint = import('./thread-lint.js');
parentPort!.on('message', (request: ThreadLintRequest) => {
  threadLint.then(({ lintInThread }) => lintInThread(request)).then(
    (results): AnalyzerThreadMessage => ({ kind: 'linted', results }),
    (error: unknown): AnalyzerThreadMessage => ({ kind: 'lint-failed', message: error instanceof Error ? error.message : String(error) }),
  ).then((message) => parentPort!.postMessage(message));
});
