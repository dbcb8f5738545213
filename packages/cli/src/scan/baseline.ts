import { readFile, writeFile } from 'node:fs/promises';
import type { Finding } from '@redline/core';
import { CliError } from '../cli-error.js';
import { compareText } from '../rule-catalog.js';

/** Default baseline file name, in the cwd of the scan. */
export const BASELINE_FILE = '.redline-baseline.json';

/** One accepted finding; `ruleId` and `file` are there for the humans who review the file. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
}

/** The baseline file: fingerprints, never line numbers, so line moves do not invalidate it. */
export interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

/** The baseline's content for a set of findings, sorted so that rewriting it gives the same bytes. */
export function createBaseline(findings: readonly Finding[]): BaselineFile {
  const entries = findings
    .map(({ fingerprint, ruleId, file }) => ({ fingerprint, ruleId, file }))
    .sort((a, b) => compareText(a.file, b.file) || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint));
  return { version: 1, findings: entries };
}

/** Writes the baseline file. */
export async function writeBaseline(path: string, findings: readonly Finding[]): Promise<void> {
  await writeFile(path, `${JSON.stringify(createBaseline(findings), null, 2)}\n`);
}

/** The fingerprints of a baseline file; `undefined` when the file does not exist. */
export async function readBaseline(path: string): Promise<Set<string> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(`The baseline ${path} is not valid JSON; regenerate it with \`redline baseline\`.`);
  }
  const findings = (parsed as Partial<BaselineFile>).findings;
  if ((parsed as Partial<BaselineFile>).version !== 1 || !Array.isArray(findings)) {
    throw new CliError(`The baseline ${path} is not a redline baseline (version 1 with a findings list); regenerate it with \`redline baseline\`.`);
  }
  return new Set(findings.map((entry) => String((entry as BaselineEntry).fingerprint)));
}

/** Splits findings into those to report and the number the baseline accepts. */
export function applyBaseline(findings: readonly Finding[], fingerprints: ReadonlySet<string> | undefined): { reported: Finding[]; baselined: number } {
  if (!fingerprints) return { reported: [...findings], baselined: 0 };
  const reported = findings.filter((finding) => !fingerprints.has(finding.fingerprint));
  return { reported, baselined: findings.length - reported.length };
}
