import type { Category, Location, RefutedPlace, RelatedLocation, Severity } from '@redline/core';
import type { Notice } from '../report.js';
import type { SourceFile } from './source-file.js';

/** A finding as an engine reports it; `runScan` adds the fingerprint. */
export interface EngineFinding extends Location {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  relatedLocations?: RelatedLocation[];
}

/** What an engine returns for the files it was given. */
export interface EngineResult {
  findings: EngineFinding[];
  /** Files it could not parse (`kind: 'parse-error'`). */
  notices: Notice[];
  /** Other engines' findings this engine knows to be wrong (by rule, file and line or range of lines); they are dropped. */
  refuted?: RefutedPlace[];
}

/**
 * One way of producing findings. ESLint (per file) is the first; the
 * cross-file analyzer joins as a second engine later, and `runScan` merges
 * their findings by fingerprint.
 */
export interface ScanEngine {
  name: string;
  run(files: readonly SourceFile[], onFileDone?: () => void): Promise<EngineResult>;
}
