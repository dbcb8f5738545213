import type { Finding, Location, RedlineRuleMeta } from '@redline/core';
import { PLUGIN_NAME } from '@redline/core';
import type * as Sarif from 'sarif';
import type { Notice, ScanReport } from '../report.js';
import { getSecretLines, maskLine } from './mask-secrets.js';
import type { Reporter } from './reporter.js';
import { SECURITY_SEVERITY } from './security-severity.js';
import { splitLines } from './source-lines.js';

const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/redline-dev/redline';
/** Key of our fingerprint in `partialFingerprints`: rule, path and flagged code, never the line. */
const FINGERPRINT_KEY = 'redlineFingerprint/v1';

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules that ran from
 * meta, results with `%SRCROOT%`-relative URIs, masked snippets and stable
 * fingerprints; parse errors and unexplained disables as tool notifications.
 */
export const sarifReporter: Reporter = (report) => {
  const ruleIndex = new Map(report.rules.map((rule, index) => [`${PLUGIN_NAME}/${rule.name}`, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'redline',
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            informationUri: INFORMATION_URI,
            rules: report.rules.map(toReportingDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notices.map(toNotification),
          },
        ],
        results: report.findings.map((finding) => toResult(finding, ruleIndex, report)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function toReportingDescriptor(rule: RedlineRuleMeta): Sarif.ReportingDescriptor {
  return {
    id: `${PLUGIN_NAME}/${rule.name}`,
    name: rule.name.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: rule.url,
    help: { text: `${rule.description}. See ${rule.url}`, markdown: `${rule.description}. [Documentation](${rule.url})` },
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ['security', rule.category, ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      precision: 'high',
      'problem.severity': rule.severity,
      'security-severity': SECURITY_SEVERITY[rule.category].toFixed(1),
    },
  };
}

function toResult(finding: Finding, ruleIndex: ReadonlyMap<string, number>, report: ScanReport): Sarif.Result {
  const lines = splitLines(report.sources[finding.file] ?? '');
  const fileFindings = report.findings.filter((other) => other.file === finding.file);
  const snippet = maskLine(lines[finding.line - 1] ?? '', finding.line, getSecretLines(fileFindings));
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: finding.severity,
    message: { text: finding.message },
    locations: [{ physicalLocation: toPhysicalLocation(finding, snippet) }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.relatedLocations?.length
      ? {
          relatedLocations: finding.relatedLocations.map((related, id) => ({
            id,
            message: { text: related.message },
            physicalLocation: toPhysicalLocation(related),
          })),
        }
      : {}),
    properties: { category: finding.category },
  };
}

function toNotification(notice: Notice): Sarif.Notification {
  return {
    level: notice.severity,
    message: { text: `${notice.file}: ${notice.message}` },
    descriptor: { id: notice.kind },
    locations: [{ physicalLocation: toPhysicalLocation({ ...notice, endLine: notice.line, endColumn: notice.column }) }],
  };
}

function toPhysicalLocation(location: Location, snippet?: string): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: encodeURI(location.file), uriBaseId: SRCROOT },
    region: {
      startLine: location.line,
      startColumn: location.column,
      endLine: location.endLine,
      endColumn: Math.max(location.endColumn, location.endLine === location.line ? location.column : 1),
      ...(snippet === undefined ? {} : { snippet: { text: snippet } }),
    },
  };
}
