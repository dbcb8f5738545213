import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The team vocabulary shared by every rule, from ESLint's shared settings
 * (`settings: { redline: { … } }`); the CLI fills it from `redline.config.*`.
 * A rule's own options add to these names, they never replace the defaults.
 */
export interface RedlineSettings {
  /** Middleware, guards and helpers that authenticate a request. */
  authMiddleware?: string[];
  /** Middleware and guards that check a role or permission. */
  roleChecks?: string[];
  /** Extra logger object names (`audit`, `telemetry`). */
  loggers?: string[];
  /** Functions that redact or mask a value. */
  redactionHelpers?: string[];
  /** Route paths that need no authentication; `*` and `**` globs. */
  publicRoutes?: string[];
  /** Field names that are internal and never belong in a response. */
  internalFields?: string[];
  /** Extra words that mark a name as a secret. */
  secretWords?: string[];
}

/** The `redline` shared settings of the running lint, or an empty object. */
export function getRedlineSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RedlineSettings {
  const settings = context.settings['redline'];
  return typeof settings === 'object' && settings !== null ? (settings as RedlineSettings) : {};
}
