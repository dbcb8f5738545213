import type { Finding, RedlineRuleMeta, Severity } from '@redline/core';

/** Something about the scan itself that is not a rule's finding. */
export type NoticeKind = 'parse-error' | 'analysis-error' | 'unexplained-disable';

/**
 * A file that could not be parsed, a file a rule failed on (`analysis-error`:
 * the rest of the scan goes on), or an `eslint-disable` comment for redline
 * rules that gives no reason. Located like a finding (1-based, cwd-relative).
 */
export interface Notice {
  kind: NoticeKind;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Counts of a scan; `files`, `findings` and `durationMs` are the JSON contract's summary. */
export interface ScanSummary {
  files: number;
  findings: number;
  durationMs: number;
  /** Findings that matched the baseline and were not reported. */
  baselined: number;
}

/**
 * Everything a reporter needs, already filtered and sorted: reporters only
 * format it. `sources` holds the text of the files that have findings, so
 * reporters can draw code frames without IO.
 */
export interface ScanReport {
  /** Version of the tool that produced the report. */
  toolVersion: string;
  /** Reported findings, sorted by file, line, column, rule. */
  findings: Finding[];
  /** Parse errors and unexplained disable comments, sorted like findings. */
  notices: Notice[];
  /** Meta of the rules that ran, sorted by name. */
  rules: RedlineRuleMeta[];
  summary: ScanSummary;
  /** Source text by cwd-relative file, for the files that have findings or notices. */
  sources: Record<string, string>;
}
