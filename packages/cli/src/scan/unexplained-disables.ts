import type { Rule } from 'eslint';
import { PLUGIN_NAME } from '@redline/core';

/** The CLI's own rule, run in the same ESLint pass as redline's rules; its reports become notices. */
export const UNEXPLAINED_DISABLE_RULE_ID = 'redline-cli/unexplained-disable';

const UNEXPLAINED_DISABLE_MESSAGE =
  'This eslint-disable comment silences redline rules without a reason; add one after ` -- ` ' +
  '(`// eslint-disable-next-line redline/<rule> -- why`) so the suppression stays reviewable.';

// The text of a comment that is a disable directive; group 1 is its suffix (`-line`, `-next-line`), group 2 everything after it.
const DISABLE_DIRECTIVE = /^\s*eslint-disable(-next-line|-line)?(?![\w-])([\s\S]*)$/;

/**
 * What an unexplained disable directive silences, or undefined for a comment that is
 * no such directive: `named` when it lists a redline rule (the team wrote it for
 * redline), otherwise the reach of a blanket directive (no rule list), which only
 * matters where it happens to silence a redline finding.
 */
export type UnexplainedDisable = 'named' | 'blanketLine' | 'blanketNextLine' | 'blanketBlock';

/** How a comment's text (without `//` or `/* *\/`) silences redline rules with no reason after ESLint's `--` separator, if it does. */
export function classifyUnexplainedDisable(commentText: string): UnexplainedDisable | undefined {
  const directive = DISABLE_DIRECTIVE.exec(commentText);
  if (!directive) return undefined;
  const body = directive[2] ?? '';
  // ESLint's own separator between the rule list and the description: two or more dashes.
  const separator = /(?:^|\s)-{2,}(?:\s|$)/.exec(body);
  const ruleList = separator ? body.slice(0, separator.index) : body;
  const reason = separator ? body.slice(separator.index + separator[0].length) : '';
  if (reason.trim().length > 0) return undefined;
  const rules = ruleList.split(',').map((rule) => rule.trim()).filter(Boolean);
  if (rules.some((rule) => rule.startsWith(`${PLUGIN_NAME}/`))) return 'named';
  if (rules.length > 0) return undefined;
  return directive[1] === '-line' ? 'blanketLine' : directive[1] === '-next-line' ? 'blanketNextLine' : 'blanketBlock';
}

/**
 * Whether a blanket directive reported at `line` reaches `findingLine`: its own line, the next
 * one, or (a block `/* eslint-disable *\/`) every line after it.
 */
export function blanketDisableReaches(kind: Exclude<UnexplainedDisable, 'named'>, line: number, findingLine: number): boolean {
  if (kind === 'blanketLine') return findingLine === line;
  if (kind === 'blanketNextLine') return findingLine === line + 1;
  return findingLine >= line;
}

/**
 * Reports unexplained disable comments. It reads the parser's comments, so
 * text that only looks like a directive inside a string is never reported.
 * A bare `/* eslint-disable *\/` also silences this rule; the engine reads
 * ESLint's suppressed messages too, so those are reported all the same.
 */
export const unexplainedDisableRule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require a reason on disable comments that silence redline rules' },
    // One message id per kind, so the engine can tell a blanket directive's reach (see blanketDisableReaches).
    messages: { named: UNEXPLAINED_DISABLE_MESSAGE, blanketLine: UNEXPLAINED_DISABLE_MESSAGE, blanketNextLine: UNEXPLAINED_DISABLE_MESSAGE, blanketBlock: UNEXPLAINED_DISABLE_MESSAGE },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const kind = classifyUnexplainedDisable(comment.value);
          if (comment.loc && kind) context.report({ loc: comment.loc, messageId: kind });
        }
      },
    };
  },
};
