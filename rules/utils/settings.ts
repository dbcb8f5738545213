import type { TSESLint } from '@typescript-eslint/utils';
import type { RedlineVocabulary } from '@redline/core';

/**
 * The team vocabulary shared by every rule, from ESLint's shared settings
 * (`settings: { redline: { … } }`); the CLI fills it from `redline.config.*`.
 * A rule's own options add to these names, they never replace the defaults.
 */
export type RedlineSettings = RedlineVocabulary;

/** One object for "no settings", so that what rules derive from settings can be kept per settings object. */
const NO_SETTINGS: Readonly<RedlineSettings> = Object.freeze({});

/** The `redline` shared settings of the running lint, or an empty object. */
export function getRedlineSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RedlineSettings {
  const settings = context.settings['redline'];
  return typeof settings === 'object' && settings !== null ? (settings as RedlineSettings) : NO_SETTINGS;
}
