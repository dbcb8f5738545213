import { dirname, sep } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { PLUGIN_NAME, type RedlineRuleMeta } from '@redline/core';
import type { Notice } from '../report.js';
import type { EngineFinding, EngineResult, ScanEngine } from './engine.js';
import { LintQueue } from './lint-queue.js';
import type { SourceFile } from './source-file.js';
import { UNEXPLAINED_DISABLE_RULE_ID, blanketDisableReaches, type UnexplainedDisable } from './unexplained-disables.js';

/** ESLint's message for an ESLint 8 environment comment (`eslint-env node`), which it no longer reads. */
const ESLINT_ENV_COMMENT = /^\/\* eslint-env \*\/ comments are no longer supported/;

/** Files per `lintFiles` call: small enough for a smooth progress bar, large enough to cost nothing. */
const BATCH_SIZE = 32;

/** Lints files on disk under `cwd` elsewhere (the analyzer's thread), with the scan's config. */
export type RemoteLint = (request: { paths: string[]; cwd: string }) => Promise<ESLint.LintResult[]>;

/** The ESLint engine, which also takes help: another thread that lints some of its files. */
export interface EslintEngine extends ScanEngine {
  /**
   * Lints the files the running scan has not taken yet with `remote`, alongside
   * the main thread, until none is left; resolves at once when no scan is
   * running. A batch `remote` fails on is linted here, and so is the rest.
   */
  acceptHelp(remote: RemoteLint): Promise<void>;
}

/**
 * The per-file engine: ESLint's Node API with redline's embedded config.
 * Files whose text is on disk go through `lintFiles` (ESLint's own fast path,
 * in batches for progress, shared with a helping thread); staged content goes
 * through `lintText`, so `--staged` lints the index, not the work tree.
 */
export function createEslintEngine(options: { config: Linter.Config[]; catalog: readonly RedlineRuleMeta[] }): EslintEngine {
  const metaByRuleId = new Map(options.catalog.map((rule) => [`${PLUGIN_NAME}/${rule.name}`, rule]));
  let help: ((remote: RemoteLint) => Promise<void>) | undefined;
  return {
    name: 'eslint',
    acceptHelp: (remote) => help?.(remote) ?? Promise.resolve(),
    async run(files, onFileDone) {
      const result: EngineResult = { findings: [], notices: [] };
      if (files.length === 0) return result;
      // ESLint ignores files outside its cwd, and scans may reach outside the user's cwd.
      const cwd = getCommonDirectory(files.map((file) => dirname(file.path)));
      const eslint = createRedlineEslint(cwd, options.config);
      const byPath = new Map(files.map((file) => [file.path, file]));
      const collect = (lintResults: ESLint.LintResult[]) => {
        for (const lintResult of lintResults) {
          const file = byPath.get(lintResult.filePath);
          if (!file) continue;
          const disables: Linter.LintMessage[] = [];
          for (const message of lintResult.messages) {
            // ESLint 10 declines an ESLint 8 environment comment (`eslint-env node`) with a fatal message, yet parses
            // and lints the file: not a parse error.
            if (message.fatal && message.ruleId === null && ESLINT_ENV_COMMENT.test(message.message)) continue;
            if (message.fatal) {
              result.notices.push(toNotice(file, message, 'parse-error'));
              continue;
            }
            if (message.ruleId === UNEXPLAINED_DISABLE_RULE_ID) {
              disables.push(message);
              continue;
            }
            const meta = message.ruleId ? metaByRuleId.get(message.ruleId) : undefined;
            if (meta) result.findings.push(toEngineFinding(file, message, meta));
          }
          // A bare `/* eslint-disable */` silences the check that reports it.
          disables.push(...lintResult.suppressedMessages.filter((message) => message.ruleId === UNEXPLAINED_DISABLE_RULE_ID));
          const silenced = lintResult.suppressedMessages.filter((message) => message.ruleId !== null && metaByRuleId.has(message.ruleId));
          for (const disable of disables) {
            if (silencesRedline(disable, silenced)) result.notices.push(toNotice(file, disable, 'unexplained-disable'));
          }
          onFileDone?.();
        }
      };
      // A rule that throws on one file must not cost the rest of the scan: that file gets a notice.
      const lintOne = async (file: SourceFile) => {
        try {
          collect(await eslint.lintText(file.text, { filePath: file.path }));
        } catch (error) {
          result.notices.push(toAnalysisError(file, error));
          onFileDone?.();
        }
      };
      const lintHere = async (batch: SourceFile[]) => {
        let results: ESLint.LintResult[] | undefined;
        try {
          results = await eslint.lintFiles(batch.map((file) => file.path));
        } catch {
          for (const file of batch) await lintOne(file);
        }
        if (results) collect(results);
      };
      const queue = new LintQueue(files.filter((file) => file.origin === 'disk'), BATCH_SIZE);
      help = (remote) => {
        let failed = false;
        return queue.drain(async (batch) => {
          if (!failed) {
            try {
              collect(await remote({ paths: batch.map((file) => file.path), cwd }));
              return;
            } catch {
              failed = true;
            }
          }
          await lintHere(batch);
        });
      };
      await queue.drain(lintHere);
      help = undefined;
      // A batch the helper took may still be on its way.
      await queue.settled();
      for (const file of files.filter((candidate) => candidate.origin === 'index')) await lintOne(file);
      return result;
    },
  };
}

/** An ESLint instance with redline's embedded config, for files under `cwd`. */
export function createRedlineEslint(cwd: string, config: Linter.Config[]): ESLint {
  return withoutEslintIgnoreWarning(() => new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false }));
}

function toEngineFinding(file: SourceFile, message: Linter.LintMessage, meta: RedlineRuleMeta): EngineFinding {
  return {
    ruleId: `${PLUGIN_NAME}/${meta.name}`,
    category: meta.category,
    severity: message.severity === 2 ? 'error' : 'warning',
    file: file.file,
    line: message.line,
    column: message.column,
    endLine: message.endLine ?? message.line,
    endColumn: message.endColumn ?? message.column,
    message: message.message,
  };
}

/**
 * ESLint warns on stderr when the scanned project still has a legacy
 * `.eslintignore`; redline never reads it (discovery has its own ignores), so
 * the warning would only confuse. ESLint takes `process.emitWarning` when it
 * is constructed, so filtering it around construction is enough.
 */
function withoutEslintIgnoreWarning<T>(create: () => T): T {
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'ESLintIgnoreWarning') return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return create();
  } finally {
    process.emitWarning = original;
  }
}

/** ESLint's message for a crashing rule names the rule and the line (`Rule: "redline/x"`, `Occurred while linting …:12`). */
function toAnalysisError(file: SourceFile, error: unknown): Notice {
  const text = error instanceof Error ? error.message : String(error);
  const rule = /Rule: "([^"]+)"/.exec(text)?.[1];
  const line = Number(/:(\d+)\s*$/m.exec(text.split('\n').find((row) => row.startsWith('Occurred while linting')) ?? '')?.[1] ?? 1);
  return {
    kind: 'analysis-error',
    severity: 'error',
    file: file.file,
    line,
    column: 1,
    message: `${rule ?? 'A rule'} failed on this file (${text.split('\n')[0]}); the rest of the scan went on. Please report it.`,
  };
}

/**
 * Whether an unexplained disable matters: one naming a redline rule always does; a blanket one
 * (`// eslint-disable-next-line` with no rule list, written for some other linter) only where it
 * silenced a redline finding.
 */
function silencesRedline(disable: Linter.LintMessage, silenced: readonly Linter.LintMessage[]): boolean {
  const kind = disable.messageId as UnexplainedDisable | undefined;
  if (kind === undefined || kind === 'named') return true;
  return silenced.some((message) => blanketDisableReaches(kind, disable.line, message.line));
}

function toNotice(file: SourceFile, message: Linter.LintMessage, kind: Notice['kind']): Notice {
  return {
    kind,
    severity: kind === 'parse-error' ? 'error' : 'warning',
    file: file.file,
    line: message.line,
    column: message.column,
    message: message.message,
  };
}

/** The deepest folder that contains every given folder. */
export function getCommonDirectory(directories: readonly string[]): string {
  const [first, ...rest] = directories;
  if (first === undefined) return process.cwd();
  let common = first.split(sep);
  for (const directory of rest) {
    const parts = directory.split(sep);
    let length = 0;
    while (length < common.length && length < parts.length && common[length] === parts[length]) length++;
    common = common.slice(0, length);
  }
  return common.join(sep) || sep;
}
