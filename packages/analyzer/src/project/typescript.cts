// The TypeScript compiler API the analyzer parses and walks with: the one ts-morph bundles, loaded with
// `require`. Importing ts-morph from an ES module makes Node scan its CommonJS build for export names first,
// about a sixth of a second of every scan's start-up; required from a CommonJS module it is only loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module's typed import: what makes it cheap
import tsMorph = require('ts-morph');

export = tsMorph.ts;
