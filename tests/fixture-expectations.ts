import { readFileSync } from 'node:fs';

/** A finding a fixture expects: the rule (without prefix) on a 1-based line. */
export interface ExpectedFinding {
  line: number;
  ruleId: string;
}

const EXPECT_MARKER = /\/\/\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;
const CROSS_FILE_MARKER = /\/\/.*\bexpect-cross-file:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;
const OK_MARKER = /\/\/\s*ok:\s*\S/;

/**
 * Reads the inline expectations of a fixture file: `// expect: rule-id[, rule-id]`
 * at the end of the line a finding must be reported on, `// ok: why` on
 * each look-alike that must stay quiet, and `expect-cross-file: rule-id` (after
 * the other markers of a line) where only the analyzer, with the whole
 * project in view, reports.
 */
export function readFixtureExpectations(path: string): { expected: ExpectedFinding[]; crossFile: ExpectedFinding[]; okCount: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const expected: ExpectedFinding[] = [];
  const crossFile: ExpectedFinding[] = [];
  let okCount = 0;
  lines.forEach((text, index) => {
    for (const [marker, list] of [[EXPECT_MARKER, expected], [CROSS_FILE_MARKER, crossFile]] as const) {
      const match = marker.exec(text);
      if (match) for (const ruleId of match[1]!.split(',')) list.push({ line: index + 1, ruleId: ruleId.trim() });
    }
    if (OK_MARKER.test(text)) okCount++;
  });
  return { expected, crossFile, okCount };
}
