// The analyzer in a worker thread: it loads and analyses the project while the
// main thread runs ESLint. Receives an AnalyzerRunInput, posts an AnalyzerRunOutput;
// a failure surfaces as the worker's `error` event.
import { parentPort, workerData } from 'node:worker_threads';
import { runAnalyzer, type AnalyzerRunInput } from './analyzer-run.js';

parentPort!.postMessage(await runAnalyzer(workerData as AnalyzerRunInput));
