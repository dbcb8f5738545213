import fg from 'fast-glob';
import { analyze } from '@redline/analyzer';
import { projectChecks } from '@redline/rules/project';
import type { RedlineRuleMeta } from '@redline/core';
import type { RedlineConfig } from '../config/redline-config.js';
import type { EngineResult, ScanEngine } from './engine.js';

/**
 * The cross-file engine: the analyzer loads the whole project under `cwd`
 * (routes with their mounts, entities, function summaries) and runs the
 * rules' project halves. Given only some files (`--staged`, `--changed-since`),
 * it still reads the rest of the project, with the given texts in place of
 * what is on disk; `runScan` then keeps the findings on changed lines.
 */
export function createAnalyzerEngine(options: {
  cwd: string;
  config: RedlineConfig;
  rules: readonly RedlineRuleMeta[];
  /** Every source file of the project, as discovery would scan it. */
  discoverProjectFiles: () => Promise<string[]>;
}): ScanEngine {
  const severities = Object.fromEntries(options.rules.map((rule) => [rule.name, rule.severity]));
  return {
    name: 'analyzer',
    async run(files, onFileDone) {
      const result: EngineResult = { findings: [], notices: [] };
      const given = new Map(files.map((file) => [file.path, file.text]));
      const projectFiles = new Set([...(await options.discoverProjectFiles()), ...given.keys()]);
      const prismaSchemas = await fg('**/*.prisma', { cwd: options.cwd, absolute: true, ignore: ['**/node_modules/**'] });
      const { findings } = analyze({
        root: options.cwd,
        files: [...projectFiles].map((path) => (given.has(path) ? { path, text: given.get(path)! } : path)),
        prismaSchemas,
        checks: projectChecks,
        severities,
        ...(options.config.vocabulary ? { vocabulary: options.config.vocabulary } : {}),
      });
      for (const { fingerprint: _fingerprint, ...finding } of findings) result.findings.push(finding);
      for (let index = 0; index < files.length; index++) onFileDone?.();
      return result;
    },
  };
}
