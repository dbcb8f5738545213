import { readFileSync } from 'node:fs';

/** A finding a fixture expects: the rule (without prefix) on a 1-based line. */
export interface ExpectedFinding {
  line: number;
  ruleId: string;
}

const EXPECT_MARKER = /\/\/\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;
const OK_MARKER = /\/\/\s*ok:\s*\S/;

/**
 * Reads the inline expectations of a fixture file: `// expect: rule-id[, rule-id]`
 * at the end of the line a finding must be reported on, and `// ok: why` on
 * each look-alike that must stay quiet.
 */
export function readFixtureExpectations(path: string): { expected: ExpectedFinding[]; okCount: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const expected: ExpectedFinding[] = [];
  let okCount = 0;
  lines.forEach((text, index) => {
    const match = EXPECT_MARKER.exec(text);
    if (match) {
      for (const ruleId of match[1]!.split(',')) expected.push({ line: index + 1, ruleId: ruleId.trim() });
    }
    if (OK_MARKER.test(text)) okCount++;
  });
  return { expected, okCount };
}
