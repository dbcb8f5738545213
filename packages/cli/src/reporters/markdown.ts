import type { Finding } from '@redline/core';
import { PLUGIN_NAME } from '@redline/core';
import type { ScanReport } from '../report.js';
import type { Reporter, ReporterContext } from './reporter.js';
import { countByCategory, plural } from './summary-counts.js';

/** Findings listed in full; the rest go into a collapsed block so the comment stays readable. */
export const MARKDOWN_VISIBLE_FINDINGS = 20;

/**
 * A pull-request comment: counts by category, then the findings with links to
 * their lines and rule docs, collapsed past the first twenty.
 */
export const markdownReporter: Reporter = (report, context) => {
  const { findings, notices, summary } = report;
  const lines: string[] = ['## redline', ''];
  if (findings.length === 0) {
    lines.push(`✅ No new findings in ${plural(summary.files, 'scanned file')}.`);
  } else {
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    lines.push(
      `❌ ${plural(findings.length, 'new finding')} (${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}) in ${plural(summary.files, 'scanned file')}.`,
      '',
      '| category | findings |',
      '| --- | ---: |',
      ...countByCategory(findings).map((entry) => `| ${entry.title} (\`${entry.category}\`) | ${entry.count} |`),
      '',
    );
    const rows = findings.map((finding) => formatFinding(finding, report, context));
    lines.push(...rows.slice(0, MARKDOWN_VISIBLE_FINDINGS));
    if (rows.length > MARKDOWN_VISIBLE_FINDINGS) {
      lines.push('', `<details><summary>${plural(rows.length - MARKDOWN_VISIBLE_FINDINGS, 'more finding')}</summary>`, '');
      lines.push(...rows.slice(MARKDOWN_VISIBLE_FINDINGS), '', '</details>');
    }
  }
  const notes: string[] = [];
  if (summary.baselined > 0) notes.push(`${plural(summary.baselined, 'finding')} accepted by the baseline not shown.`);
  const parseErrors = notices.filter((notice) => notice.kind === 'parse-error');
  if (parseErrors.length > 0) {
    notes.push(`${plural(parseErrors.length, 'file')} could not be parsed: ${parseErrors.map((notice) => `\`${escapeMarkdown(notice.file)}\``).join(', ')}.`);
  }
  const unexplained = notices.length - parseErrors.length;
  if (unexplained > 0) notes.push(`${plural(unexplained, 'eslint-disable comment')} for redline rules without a reason (\`-- why\`).`);
  if (notes.length > 0) lines.push('', ...notes.map((note) => `> ${note}`));
  return `${lines.join('\n')}\n`;
};

function formatFinding(finding: Finding, report: ScanReport, context: ReporterContext): string {
  const rule = report.rules.find((meta) => `${PLUGIN_NAME}/${meta.name}` === finding.ruleId);
  const ruleLink = rule ? `[\`${finding.ruleId}\`](${rule.url})` : `\`${finding.ruleId}\``;
  const icon = finding.severity === 'error' ? '🔴' : '🟡';
  const related = (finding.relatedLocations ?? []).map((location) => `\n  - ${formatPlace(location, context)}: ${escapeMarkdown(location.message)}`);
  return `- ${icon} ${formatPlace(finding, context)} ${ruleLink}: ${escapeMarkdown(finding.message)}${related.join('')}`;
}

/** `file:line`, linked to the line when the report knows where the sources are browsed. */
function formatPlace(location: { file: string; line: number }, context: ReporterContext): string {
  const place = `${location.file}:${location.line}`;
  return context.sourceLinkBase
    ? `[\`${escapeMarkdown(place)}\`](${context.sourceLinkBase}${encodeURI(location.file)}#L${location.line})`
    : `\`${escapeMarkdown(place)}\``;
}

/** Keeps a message from opening HTML or breaking the list (`<`, `>`, `|`, leading markers). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\<>|]/g, (char) => `\\${char}`).replace(/\n/g, ' ');
}
