// Regenerates what is derived from the rule folders and rule meta:
// rules/eslint.ts and rules/project.ts (the barrels) and the README rules table.
// The consistency test fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { listProjectRuleFolders, listRuleFolders } from './rule-folders.mjs';
import { renderProjectBarrel } from './render-project-barrel.mjs';
import { renderEslintBarrel } from './render-barrel.mjs';
import { renderRulesTable, replaceRulesTable } from './render-rules-table.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = join(root, 'rules');

writeFileSync(join(rulesDir, 'eslint.ts'), renderEslintBarrel(listRuleFolders(rulesDir)));
writeFileSync(join(rulesDir, 'project.ts'), renderProjectBarrel(listProjectRuleFolders(rulesDir)));

if (!process.argv.includes('--barrel-only')) {
  // The table reads meta from the built rules, so build first (`pnpm build`).
  const { rules } = await import(join(rulesDir, 'dist', 'eslint.js'));
  const readmePath = join(root, 'README.md');
  writeFileSync(readmePath, replaceRulesTable(readFileSync(readmePath, 'utf8'), renderRulesTable(rules)));
}
