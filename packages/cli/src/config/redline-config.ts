import type { Severity } from '@redline/core';

/** A rule override: `off`, a severity, or a severity with the rule's options. */
export type RuleSetting = 'off' | Severity | [Severity, Record<string, unknown>];

/**
 * The team vocabulary; it becomes ESLint's shared `settings.redline`, which
 * every rule reads (`RedlineSettings` in rules/utils/settings.ts, same keys).
 */
export interface RedlineVocabulary {
  authMiddleware?: string[];
  roleChecks?: string[];
  loggers?: string[];
  redactionHelpers?: string[];
  publicRoutes?: string[];
  internalFields?: string[];
  secretWords?: string[];
}

/** The user's configuration, as `schema/redline-config.schema.json` describes it. */
export interface RedlineConfig {
  preset?: 'recommended' | 'strict';
  rules?: Record<string, RuleSetting>;
  ignores?: string[];
  vocabulary?: RedlineVocabulary;
}

/** A loaded configuration and where it came from (`undefined` when none was found). */
export interface LoadedConfig {
  config: RedlineConfig;
  /** Absolute path of the file it was read from. */
  filepath: string | undefined;
}

/** Typed identity for `redline.config.ts`/`.mjs`: `export default defineConfig({ … })`. */
export function defineConfig(config: RedlineConfig): RedlineConfig {
  return config;
}
