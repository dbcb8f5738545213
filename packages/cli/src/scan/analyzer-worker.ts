// The analyzer in a worker thread (see analyzer-thread.ts): it loads the analyzer
// at once, then analyses the project it is sent (an AnalyzerRunInput) while the
// main thread runs ESLint, and posts an AnalyzerRunOutput; a failure surfaces as
// the worker's `error` event.
import { parentPort } from 'node:worker_threads';
import { loadAnalyzer, runAnalyzer, type AnalyzerRunInput } from './analyzer-run.js';

// Loading TypeScript and ts-morph takes a while: it happens while the scan gets its input ready.
loadAnalyzer().catch(() => undefined);
const input = await new Promise<AnalyzerRunInput>((resolve) => parentPort!.once('message', resolve));
parentPort!.postMessage(await runAnalyzer(input));
