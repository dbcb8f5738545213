import type { Category, Finding } from '@redline/core';
import { CATEGORIES } from '@redline/core';

/** Finding counts per category, in the contract's category order, zero counts left out. */
export function countByCategory(findings: readonly Finding[]): Array<{ category: Category; title: string; count: number }> {
  return CATEGORIES.map((category) => ({
    category: category.id,
    title: category.title,
    count: findings.filter((finding) => finding.category === category.id).length,
  })).filter((entry) => entry.count > 0);
}

/** `1 finding`, `2 findings`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
