export function renderProjectBarrel(ruleIds: string[]): string;
