export function renderEslintBarrel(ruleIds: string[]): string;
