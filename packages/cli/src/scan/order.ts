import { compareText } from '../rule-catalog.js';

interface Ordered {
  file: string;
  line: number;
  column: number;
  ruleId?: string;
  kind?: string;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** The report order: file, line, column, rule, then the rest so that ties never depend on engine order. */
export function compareByLocation(a: Ordered, b: Ordered): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId ?? a.kind ?? '', b.ruleId ?? b.kind ?? '') ||
    (a.endLine ?? 0) - (b.endLine ?? 0) ||
    (a.endColumn ?? 0) - (b.endColumn ?? 0) ||
    compareText(a.message, b.message)
  );
}
