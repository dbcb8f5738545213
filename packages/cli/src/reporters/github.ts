import type { Severity } from '@redline/core';
import type { Reporter } from './reporter.js';
import { plural } from './summary-counts.js';

/** GitHub shows at most 10 annotations of each level per step; the rest are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

interface Annotation {
  level: Severity;
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  title: string;
  message: string;
}

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped,
 * at most ten per level, with one notice that counts what was left out.
 */
export const githubReporter: Reporter = (report) => {
  const annotations: Annotation[] = [
    ...report.findings.map((finding) => ({ ...finding, level: finding.severity, title: finding.ruleId })),
    ...report.notices.map((notice) => ({
      ...notice,
      level: notice.severity,
      endLine: notice.line,
      endColumn: notice.column,
      title: `redline ${notice.kind}`,
    })),
  ];
  const shown = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  const lines: string[] = [];
  for (const annotation of annotations) {
    if (shown[annotation.level] >= ANNOTATIONS_PER_LEVEL) {
      hidden[annotation.level]++;
      continue;
    }
    shown[annotation.level]++;
    lines.push(formatAnnotation(annotation));
  }
  if (hidden.error + hidden.warning > 0) {
    const counts = [hidden.error && plural(hidden.error, 'more error'), hidden.warning && plural(hidden.warning, 'more warning')]
      .filter(Boolean)
      .join(' and ');
    lines.push(
      `::notice title=redline::${escapeData(`${counts} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); see the SARIF or Markdown report for all ${report.findings.length + report.notices.length}.`)}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

function formatAnnotation(annotation: Annotation): string {
  const properties = [
    `file=${escapeProperty(annotation.file)}`,
    `line=${annotation.line}`,
    `endLine=${annotation.endLine}`,
    `col=${annotation.column}`,
    // GitHub accepts endColumn only on one-line annotations.
    ...(annotation.line === annotation.endLine ? [`endColumn=${annotation.endColumn}`] : []),
    `title=${escapeProperty(annotation.title)}`,
  ];
  return `::${annotation.level} ${properties.join(',')}::${escapeData(annotation.message)}`;
}

/** Escapes a workflow command's message. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value, where `:` and `,` are separators. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
