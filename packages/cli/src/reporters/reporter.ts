import type { ScanReport } from '../report.js';

/** Output settings a reporter may vary on; never IO. */
export interface ReporterContext {
  /** Whether ANSI colours may be used (pretty only). */
  color: boolean;
  /**
   * Prefix that turns a report path into a link to the file, e.g.
   * `https://github.com/o/r/blob/<sha>/` (Markdown). Without it, paths are plain text.
   */
  sourceLinkBase?: string;
}

/** A reporter is pure: the same report and context give the same string. */
export type Reporter = (report: ScanReport, context: ReporterContext) => string;
