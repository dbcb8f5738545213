#!/usr/bin/env node
import { prestartAnalyzerThread } from '../dist/scan/analyzer-thread.js';

const argv = process.argv.slice(2);
// A scan's analyzer thread starts loading TypeScript now, while this thread loads the CLI and ESLint.
prestartAnalyzerThread(argv);
const { runCli } = await import('../dist/cli.js');
await runCli(argv);
