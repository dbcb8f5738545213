import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Folders under rules/ that hold a rule (they have an eslint.ts); `utils` and build output do not. */
export function listRuleFolders(rulesDir) {
  return readdirSync(rulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(rulesDir, entry.name, 'eslint.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** `no-secret-logging` → `noSecretLogging`. */
export function toCamelCase(ruleId) {
  return ruleId.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}

/** Rule folders that also have a cross-file half (project.ts). */
export function listProjectRuleFolders(rulesDir) {
  return listRuleFolders(rulesDir).filter((name) => existsSync(join(rulesDir, name, 'project.ts')));
}
