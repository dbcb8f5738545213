export const RULES_TABLE_START: string;
export const RULES_TABLE_END: string;
export function renderRulesTable(rules: Record<string, { meta: { docs?: object } }>): string;
export function replaceRulesTable(readme: string, table: string): string;
