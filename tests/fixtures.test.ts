import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import redline from 'eslint-plugin-redline';
import { readFixtureExpectations, type ExpectedFinding } from './fixture-expectations.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtureFiles = fg.sync('fixtures/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', {
  cwd: root,
  absolute: true,
  // fixtures/projects/ are the analyzer's multi-file scenarios, checked by their expected.json.
  ignore: ['**/node_modules/**', 'fixtures/reports/**', 'fixtures/projects/**'],
});

// Every fixture runs through every rule (the strict config is a superset of
// recommended), so a look-alike for one rule also proves the others stay quiet.
const linter = new Linter({ configType: 'flat' });

function lint(path: string): ExpectedFinding[] {
  const messages = linter.verify(readFileSync(path, 'utf8'), [redline.configs.strict], path);
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${relative(root, path)} does not parse: ${fatal.message}`);
  return messages.map((message) => ({ line: message.line, ruleId: (message.ruleId ?? '').replace(/^redline\//, '') }));
}

const byPosition = (a: ExpectedFinding, b: ExpectedFinding) => a.line - b.line || a.ruleId.localeCompare(b.ruleId);

describe('fixtures: the exact (line, rule) set of every fixture file', () => {
  it('finds fixture files', () => {
    expect(fixtureFiles.length).toBeGreaterThan(0);
  });
  for (const path of fixtureFiles) {
    it(relative(root, path), () => {
      const { expected } = readFixtureExpectations(path);
      expect(lint(path).sort(byPosition)).toEqual([...expected].sort(byPosition));
    });
  }
});
