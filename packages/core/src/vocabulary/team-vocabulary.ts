/**
 * The names a team uses, shared by every rule and both engines: ESLint reads
 * it from `settings.redline`, the analyzer gets it from the CLI's config.
 * Every list adds to redline's defaults; none replaces them.
 */
export interface RedlineVocabulary {
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
