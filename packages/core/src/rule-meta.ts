import type { Category } from './categories.js';
import type { Severity } from './finding.js';

/** Which shipped config turns a rule on: `strict` includes everything in `recommended`. */
export type RecommendedLevel = 'recommended' | 'strict' | false;

/**
 * redline's additions to an ESLint rule's `meta.docs`. Configs, the rules
 * table, SARIF rule lists and `redline rules` are all derived from these.
 */
export interface RedlineRuleDocs {
  /** The failure mode this rule reports; one of DESIGN.md's categories. */
  category: Category;
  /** CWE ids, e.g. `['CWE-532']`. */
  cwe: string[];
  recommended: RecommendedLevel;
  /** The severity the shipped configs give the rule and findings carry by default. */
  severity: Severity;
  /** Whether the rule needs type information; declared, never detected. */
  requiresTypeChecking: boolean;
}

/** The part of a rule's meta that every engine (ESLint, analyzer, CLI) shares. */
export interface RedlineRuleMeta extends RedlineRuleDocs {
  /** Rule name without the plugin prefix, e.g. `no-secret-logging`. */
  name: string;
  description: string;
  /** Documentation URL. */
  url: string;
}

export const PLUGIN_NAME = 'redline';

/** Base URL of the rule docs; a rule's page is `${RULE_DOCS_BASE_URL}/<name>.md`. */
export const RULE_DOCS_BASE_URL = 'https://github.com/redline-dev/redline/blob/main/docs/rules';

/** The URL of a rule's documentation page. */
export function getRuleDocsUrl(name: string): string {
  return `${RULE_DOCS_BASE_URL}/${name}.md`;
}
