import redline from 'eslint-plugin-redline';
import type { ESLint } from 'eslint';
import type { RedlineConfig } from '../config/redline-config.js';
import { buildRuleCatalog } from '../rule-catalog.js';
import { buildEmbeddedEslintConfig } from './embedded-eslint-config.js';
import { createRedlineEslint } from './eslint-engine.js';

/** A batch of files on disk for the analyzer's thread to lint, with what it needs to lint them as the main thread does. */
export interface ThreadLintRequest {
  paths: string[];
  /** ESLint's working directory (see eslint-engine.ts). */
  cwd: string;
  config: RedlineConfig;
}

let linter: { eslint: ESLint; key: string } | undefined;

/**
 * Lints a batch in the analyzer's thread, with the same embedded config as the
 * main thread (built here: a plugin cannot be sent between threads). The
 * ESLint instance is made once per scan: every batch of a scan has the same
 * working directory and config.
 */
export function lintInThread(request: ThreadLintRequest): Promise<ESLint.LintResult[]> {
  const key = JSON.stringify([request.cwd, request.config]);
  if (linter?.key !== key) {
    const config = buildEmbeddedEslintConfig({ plugin: redline, catalog: buildRuleCatalog(redline.rules), config: request.config });
    linter = { eslint: createRedlineEslint(request.cwd, config), key };
  }
  return linter.eslint.lintFiles(request.paths);
}
