import { createHash } from 'node:crypto';

/**
 * A stable identity for a finding that survives line moves and unrelated
 * edits: rule, file and the whitespace-normalised code of the flagged span,
 * plus an occurrence index when the same code repeats in a file. Never the line.
 */
export function computeFingerprint(input: {
  ruleId: string;
  file: string;
  code: string;
  occurrence?: number;
}): string {
  const normalisedCode = input.code.replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(`${input.ruleId}\0${input.file}\0${normalisedCode}\0${input.occurrence ?? 0}`)
    .digest('hex')
    .slice(0, 32);
}
