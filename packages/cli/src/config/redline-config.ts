import type { RedlineVocabulary, Severity } from '@redline/core';

export type { RedlineVocabulary };

/** A rule override: `off`, a severity, or a severity with the rule's options. */
export type RuleSetting = 'off' | Severity | [Severity, Record<string, unknown>];

/** The user's configuration, as `schema/redline-config.schema.json` describes it. */
export interface RedlineConfig {
  preset?: 'recommended' | 'strict';
  rules?: Record<string, RuleSetting>;
  ignores?: string[];
  /** Becomes ESLint's shared `settings.redline`, which every rule reads. */
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
