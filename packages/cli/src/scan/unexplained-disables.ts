import type { Rule } from 'eslint';
import { PLUGIN_NAME } from '@redline/core';

/** The CLI's own rule, run in the same ESLint pass as redline's rules; its reports become notices. */
export const UNEXPLAINED_DISABLE_RULE_ID = 'redline-cli/unexplained-disable';

const UNEXPLAINED_DISABLE_MESSAGE =
  'This eslint-disable comment silences redline rules without a reason; add one after ` -- ` ' +
  '(`// eslint-disable-next-line redline/<rule> -- why`) so the suppression stays reviewable.';

// The text of a comment that is a disable directive; group 1 is everything after the directive.
const DISABLE_DIRECTIVE = /^\s*eslint-disable(?:-next-line|-line)?(?![\w-])([\s\S]*)$/;

/**
 * Whether a comment's text (without `//` or `/* *\/`) is a disable directive
 * that silences redline rules, by name or all rules, and gives no reason
 * after ESLint's `--` separator.
 */
export function isUnexplainedRedlineDisable(commentText: string): boolean {
  const directive = DISABLE_DIRECTIVE.exec(commentText);
  if (!directive) return false;
  const body = directive[1] ?? '';
  // ESLint's own separator between the rule list and the description: two or more dashes.
  const separator = /(?:^|\s)-{2,}(?:\s|$)/.exec(body);
  const ruleList = separator ? body.slice(0, separator.index) : body;
  const reason = separator ? body.slice(separator.index + separator[0].length) : '';
  const rules = ruleList.split(',').map((rule) => rule.trim()).filter(Boolean);
  const silencesRedline = rules.length === 0 || rules.some((rule) => rule.startsWith(`${PLUGIN_NAME}/`));
  return silencesRedline && reason.trim().length === 0;
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
    messages: { unexplained: UNEXPLAINED_DISABLE_MESSAGE },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (comment.loc && isUnexplainedRedlineDisable(comment.value)) {
            context.report({ loc: comment.loc, messageId: 'unexplained' });
          }
        }
      },
    };
  },
};
