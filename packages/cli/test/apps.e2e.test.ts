import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fg from 'fast-glob';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFixtureExpectations } from '../../../tests/fixture-expectations.js';
import { fromRepo } from './helpers/paths.js';
import { buildCli, runBin } from './helpers/run-bin.js';
import { createTempProject } from './helpers/temp-dir.js';

const APPS = readdirSync(fromRepo('fixtures/apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const validateReport = new Ajv({ strict: true }).compile(JSON.parse(readFileSync(fromRepo('packages/cli/schema/report.schema.json'), 'utf8')));

vi.setConfig({ testTimeout: 120_000 });

beforeAll(() => {
  buildCli();
}, 180_000);

describe('redline scan on every app in fixtures/apps (strict preset)', () => {
  for (const app of APPS) {
    it(`${app}: exactly the findings its // expect: and expect-cross-file: markers list, as contract JSON`, () => {
      const cwd = fromRepo(`fixtures/apps/${app}`);
      // The fixture harness lints fixtures with the strict config; the scan does the same.
      const config = join(createTempProject(), 'redline.config.json');
      writeFileSync(config, JSON.stringify({ preset: 'strict' }));
      const run = runBin(['scan', '--format', 'json', '--config', config, '--fail-on', 'never'], { cwd });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const output = JSON.parse(run.stdout);
      expect(validateReport(output), JSON.stringify(validateReport.errors)).toBe(true);

      const expected = fg
        .sync('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', { cwd, ignore: ['**/node_modules/**'] })
        .sort()
        .flatMap((file) => {
          const { expected: perFile, crossFile } = readFixtureExpectations(join(cwd, file));
          return [...perFile, ...crossFile].map(({ line, ruleId }) => `${file}:${line} redline/${ruleId}`);
        })
        .sort();
      const actual = output.findings.map((finding: { file: string; line: number; ruleId: string }) => `${finding.file}:${finding.line} ${finding.ruleId}`).sort();
      expect(actual).toEqual(expected);
    });
  }
});
