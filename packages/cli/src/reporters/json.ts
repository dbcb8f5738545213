import type { Finding } from '@redline/core';
import type { Reporter } from './reporter.js';

/** The contract's key order, so the JSON is byte-stable whatever order engines built findings in. */
function toContractFinding(finding: Finding): Finding {
  const { ruleId, category, severity, file, line, column, endLine, endColumn, message, fingerprint, relatedLocations } = finding;
  return {
    ruleId, category, severity, file, line, column, endLine, endColumn, message, fingerprint,
    ...(relatedLocations?.length ? { relatedLocations } : {}),
  };
}

/**
 * The JSON output contract of DESIGN.md (`schema/report.schema.json`):
 * `version`, `findings`, `summary`; `notices` (parse errors, unexplained
 * disable comments) only when there are some.
 */
export const jsonReporter: Reporter = (report) => {
  const output = {
    version: 1,
    findings: report.findings.map(toContractFinding),
    summary: { files: report.summary.files, findings: report.summary.findings, durationMs: report.summary.durationMs },
    ...(report.notices.length > 0 ? { notices: report.notices } : {}),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};
