import type { Category } from './categories.js';

export type Severity = 'error' | 'warning';

/** A place in a file: `file` relative to the scan's working directory, `/`-separated; 1-based. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Another file involved in a cross-file finding (the mount, the service, the schema line). */
export interface RelatedLocation extends Location {
  message: string;
}

/** One problem reported by one rule, in the shape of the JSON output contract. */
export interface Finding extends Location {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  fingerprint: string;
  relatedLocations?: RelatedLocation[];
}
