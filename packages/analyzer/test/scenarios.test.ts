import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { analyze } from '@redline/analyzer';
import { projectChecks } from '@redline/rules/project';

const projectsDir = fileURLToPath(new URL('../../../fixtures/projects', import.meta.url));
const severities = Object.fromEntries(projectChecks.map((check) => [check.name, 'error' as const]));

interface ExpectedFinding {
  ruleId: string;
  file: string;
  line: number;
}

/** Every `fixtures/projects/<check>/<scenario>/` with its `expected.json`: the exact cross-file findings. */
function listScenarios(): { name: string; dir: string }[] {
  return readdirSync(projectsDir).flatMap((check) =>
    readdirSync(join(projectsDir, check))
      .filter((scenario) => existsSync(join(projectsDir, check, scenario, 'expected.json')))
      .map((scenario) => ({ name: `${check}/${scenario}`, dir: join(projectsDir, check, scenario) })),
  );
}

const byPosition = (a: ExpectedFinding, b: ExpectedFinding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);

describe('analyzer scenarios: the exact {ruleId, file, line} list of each multi-file project (and of its refutations)', () => {
  for (const scenario of listScenarios()) {
    it(scenario.name, () => {
      const files = fg.sync('**/*.{ts,tsx,js,mjs,cjs}', { cwd: scenario.dir, absolute: true });
      const prismaSchemas = fg.sync('**/*.prisma', { cwd: scenario.dir, absolute: true });
      const { findings, refuted } = analyze({ root: scenario.dir, files, prismaSchemas, checks: projectChecks, severities });
      const actual = findings.map(({ ruleId, file, line }) => ({ ruleId, file, line })).sort(byPosition);
      const expected = (JSON.parse(readFileSync(join(scenario.dir, 'expected.json'), 'utf8')) as ExpectedFinding[]).sort(byPosition);
      expect(actual).toEqual(expected);
      // `refuted.json`, when present: the exact per-file findings the project facts show to be wrong.
      const refutedPath = join(scenario.dir, 'refuted.json');
      if (existsSync(refutedPath)) {
        const expectedRefuted = (JSON.parse(readFileSync(refutedPath, 'utf8')) as ExpectedFinding[]).sort(byPosition);
        expect([...refuted].sort(byPosition)).toEqual(expectedRefuted);
      }
    });
  }
});
