import type { RedlineRuleDocs, RedlineRuleMeta } from '@redline/core';
import { getRuleDocsUrl, isCategory } from '@redline/core';

/** The slice of an ESLint rule module the catalog reads. */
interface RuleModuleWithMeta {
  meta?: { docs?: Partial<RedlineRuleDocs> & { description?: string; url?: string } };
}

/**
 * The meta of every redline rule, sorted by name. Derived from the plugin's
 * rule modules so that `redline rules`, SARIF rule lists and severities never
 * disagree with the rules themselves.
 */
export function buildRuleCatalog(rules: Record<string, unknown>): RedlineRuleMeta[] {
  return Object.entries(rules as Record<string, RuleModuleWithMeta>)
    .map(([name, rule]) => toRuleMeta(name, rule))
    .sort((a, b) => compareText(a.name, b.name));
}

function toRuleMeta(name: string, rule: RuleModuleWithMeta): RedlineRuleMeta {
  const docs = rule.meta?.docs ?? {};
  if (!isCategory(docs.category)) {
    throw new Error(`Rule ${name} declares no valid category in meta.docs.`);
  }
  return {
    name,
    description: docs.description ?? '',
    url: docs.url ?? getRuleDocsUrl(name),
    category: docs.category,
    cwe: docs.cwe ?? [],
    recommended: docs.recommended ?? false,
    severity: docs.severity ?? 'error',
    requiresTypeChecking: docs.requiresTypeChecking ?? false,
  };
}

/** Locale-independent string order, so output bytes never depend on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
