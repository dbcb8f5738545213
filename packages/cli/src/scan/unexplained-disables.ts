import { PLUGIN_NAME } from '@redline/core';
import type { Notice } from '../report.js';
import type { SourceFile } from './source-file.js';

// `// eslint-disable-next-line a, b -- why` and `/* eslint-disable a */`; group 1 is everything after the directive.
const DISABLE_COMMENT = /\/\/[ \t]*eslint-disable(?:-next-line|-line)?(?![\w-])([^\n]*)|\/\*\s*eslint-disable(?:-next-line|-line)?(?![\w-])([\s\S]*?)\*\//g;

/**
 * Disable comments that silence redline rules (by name, or all rules) and
 * give no reason after `--`. They are reported as warnings so that every
 * silenced finding stays reviewable.
 */
export function findUnexplainedDisables(file: SourceFile): Notice[] {
  if (!file.text.includes('eslint-disable')) return [];
  const notices: Notice[] = [];
  for (const match of file.text.matchAll(DISABLE_COMMENT)) {
    const body = match[1] ?? match[2] ?? '';
    // ESLint's own separator between the rule list and the description: two or more dashes.
    const separator = /(?:^|\s)-{2,}(?:\s|$)/.exec(body);
    const ruleList = separator ? body.slice(0, separator.index) : body;
    const reason = separator ? body.slice(separator.index + separator[0].length) : '';
    const rules = ruleList.split(',').map((rule) => rule.trim()).filter(Boolean);
    const silencesRedline = rules.length === 0 || rules.some((rule) => rule.startsWith(`${PLUGIN_NAME}/`));
    const hasReason = reason.trim().length > 0;
    if (!silencesRedline || hasReason) continue;
    const { line, column } = getPosition(file.text, match.index);
    notices.push({
      kind: 'unexplained-disable',
      severity: 'warning',
      file: file.file,
      line,
      column,
      message:
        'This eslint-disable comment silences redline rules without a reason; add one after ` -- ` ' +
        '(`// eslint-disable-next-line redline/<rule> -- why`) so the suppression stays reviewable.',
    });
  }
  return notices;
}

function getPosition(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
