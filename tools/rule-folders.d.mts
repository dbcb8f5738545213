export function listRuleFolders(rulesDir: string): string[];
export function toCamelCase(ruleId: string): string;
export function listProjectRuleFolders(rulesDir: string): string[];
