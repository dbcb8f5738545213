import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '@redline/core';
import type { Notice, ScanReport } from '../report.js';
import { compareByLocation } from '../scan/order.js';
import { renderCodeFrame } from './code-frame.js';
import { getSecretLines } from './mask-secrets.js';
import type { Reporter } from './reporter.js';
import { splitLines } from './source-lines.js';
import { countByCategory, plural } from './summary-counts.js';

type Item = { finding: Finding; notice?: undefined } | { notice: Notice; finding?: undefined };

/**
 * The terminal report: findings and notices grouped by file, each finding
 * with a code frame, then a summary by category and severity.
 */
export const prettyReporter: Reporter = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const output: string[] = [];
  for (const [file, items] of groupByFile(report)) {
    const lines = splitLines(report.sources[file] ?? '');
    const secretLines = getSecretLines(items.flatMap((item) => (item.finding ? [item.finding] : [])));
    output.push(chalk.underline(file));
    for (const item of items) {
      if (item.notice) {
        output.push(formatHeadline(chalk, item.notice, item.notice.kind), '');
        continue;
      }
      output.push(formatHeadline(chalk, item.finding, item.finding.ruleId));
      output.push(...renderCodeFrame({ lines, location: item.finding, secretLines, chalk, indent: '    ' }));
      output.push(...formatRelated(chalk, item.finding), '');
    }
  }
  output.push(...formatSummary(chalk, report));
  return `${output.join('\n')}\n`;
};

function groupByFile(report: ScanReport): Map<string, Item[]> {
  const items: Item[] = [
    ...report.findings.map((finding): Item => ({ finding })),
    ...report.notices.map((notice): Item => ({ notice })),
  ].sort((a, b) => compareByLocation(a.finding ?? a.notice!, b.finding ?? b.notice!));
  const byFile = new Map<string, Item[]>();
  for (const item of items) {
    const file = (item.finding ?? item.notice!).file;
    byFile.set(file, [...(byFile.get(file) ?? []), item]);
  }
  return byFile;
}

function formatHeadline(chalk: ChalkInstance, item: Finding | Notice, label: string): string {
  const severity = item.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
  return `  ${chalk.dim(`${item.line}:${item.column}`)}  ${severity}  ${item.message}  ${chalk.dim(label)}`;
}

/** The other places a cross-file finding involves (the mount, the service, the schema line), one per line. */
function formatRelated(chalk: ChalkInstance, finding: Finding): string[] {
  return (finding.relatedLocations ?? []).map((related) => `    ${chalk.dim('↳')} ${chalk.cyan(`${related.file}:${related.line}:${related.column}`)}  ${related.message}`);
}

function formatSummary(chalk: ChalkInstance, report: ScanReport): string[] {
  const { findings, notices, summary } = report;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const parseErrors = notices.filter((notice) => notice.kind === 'parse-error').length;
  const unexplained = notices.length - parseErrors;
  const lines: string[] = [];
  if (findings.length === 0) {
    lines.push(chalk.green(`✔ No findings in ${plural(summary.files, 'file')}.`));
  } else {
    const files = new Set(findings.map((finding) => finding.file)).size;
    const headline = `✖ ${plural(findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')}`;
    lines.push(chalk.bold(errors > 0 ? chalk.red(headline) : chalk.yellow(headline)));
    lines.push(`  ${countByCategory(findings).map((entry) => `${entry.category}: ${entry.count}`).join(' · ')}`);
  }
  if (summary.baselined > 0) lines.push(chalk.dim(`  ${plural(summary.baselined, 'finding')} accepted by the baseline not shown`));
  if (parseErrors > 0) lines.push(chalk.red(`  ${plural(parseErrors, 'file')} could not be parsed`));
  if (unexplained > 0) lines.push(chalk.yellow(`  ${plural(unexplained, 'eslint-disable comment')} without a reason`));
  return lines;
}
