import { computeFingerprint, type Finding } from '@redline/core';
import type { EngineFinding } from './engine.js';
import { compareByLocation } from './order.js';

/**
 * Merges the findings of every engine into the report's findings: sorted,
 * one per rule and span, each with a fingerprint made from the rule, the file
 * and the flagged code (never the line), so it survives line moves.
 */
export function mergeFindings(findings: readonly EngineFinding[], sources: ReadonlyMap<string, string>): Finding[] {
  const sorted = [...findings].sort(compareByLocation);
  const seenSpans = new Set<string>();
  const occurrences = new Map<string, number>();
  const merged: Finding[] = [];
  for (const finding of sorted) {
    const span = `${finding.ruleId}\0${finding.file}\0${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
    if (seenSpans.has(span)) continue;
    seenSpans.add(span);

    const code = getFlaggedCode(sources.get(finding.file) ?? '', finding);
    const key = `${finding.ruleId}\0${finding.file}\0${code.replace(/\s+/g, ' ').trim()}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    merged.push({ ...finding, fingerprint: computeFingerprint({ ruleId: finding.ruleId, file: finding.file, code, occurrence }) });
  }
  return merged;
}

/**
 * The flagged code, cut at the end of its first line: a finding on a whole
 * loop or handler keeps its identity when the body below it is edited.
 */
export function getFlaggedCode(text: string, location: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lineText = getLine(text, location.line);
  const end = location.endLine === location.line ? location.endColumn - 1 : lineText.length;
  return lineText.slice(location.column - 1, Math.max(end, location.column - 1));
}

function getLine(text: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
}
