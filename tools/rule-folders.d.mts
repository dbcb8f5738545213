export function listRuleFolders(rulesDir: string): string[];
export function toCamelCase(ruleId: string): string;
