import type { ScanReport } from './report.js';

/** The lowest severity that fails the run, or `never`. */
export type FailOn = 'error' | 'warning' | 'never';

/** Exit codes: 0 clean, 1 findings (or parse errors, or too many warnings), 2 usage/config/internal error. */
export const EXIT_CODES = { clean: 0, findings: 1, error: 2 } as const;

/**
 * The exit code of a finished scan: 1 when a finding is at or above
 * `failOn`, a file did not parse (unless disabled), or warnings (findings and
 * unexplained disables) exceed `maxWarnings`; otherwise 0.
 */
export function getScanExitCode(
  report: ScanReport,
  options: { failOn: FailOn; maxWarnings?: number | undefined; failOnParseError: boolean },
): 0 | 1 {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings =
    report.findings.length - errors + report.notices.filter((notice) => notice.kind === 'unexplained-disable').length;
  if (options.failOn === 'error' && errors > 0) return EXIT_CODES.findings;
  if (options.failOn === 'warning' && errors + warnings > 0) return EXIT_CODES.findings;
  if (options.failOnParseError && report.notices.some((notice) => notice.kind === 'parse-error' || notice.kind === 'analysis-error')) {
    return EXIT_CODES.findings;
  }
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) return EXIT_CODES.findings;
  return EXIT_CODES.clean;
}
