// What packages/analyzer/src/project/typescript.cts is to the built analyzer, for the tests: Vite runs
// the sources as ES modules and does not load a CommonJS TypeScript module (see vitest.config.ts).
import { ts } from 'ts-morph';

export default ts;
