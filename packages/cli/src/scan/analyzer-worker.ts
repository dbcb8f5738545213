// The analyzer in a worker thread (see analyzer-thread.ts): it loads the analyzer
// and reads the project at once, then analyses what it is sent (an AnalyzerRunInput)
// while the main thread runs ESLint, and posts an AnalyzerRunOutput; a failure
// surfaces as the worker's `error` event.
import { parentPort } from 'node:worker_threads';
import { findAnalyzerRoot } from './analyzer-engine.js';
import { loadAnalyzer, runAnalyzer, type AnalyzerRunInput } from './analyzer-run.js';
import { readProjectEarly } from './project-read.js';

// Loading TypeScript and ts-morph, and reading the project (most scans are of the working directory), take a
// while: both happen while the scan gets its input ready. A scan of another root reads that one instead.
loadAnalyzer().catch(() => undefined);
const root = findAnalyzerRoot(process.cwd(), []);
if (root) readProjectEarly(root);
const input = await new Promise<AnalyzerRunInput>((resolve) => parentPort!.once('message', resolve));
parentPort!.postMessage(await runAnalyzer(input));
