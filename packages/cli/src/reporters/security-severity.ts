import type { Category } from '@redline/core';

/**
 * GitHub code scanning's `security-severity` (a CVSS-like 0–10 score that
 * sets the alert's critical/high/medium/low) for each category: what an
 * attacker gains when the finding is real.
 */
export const SECURITY_SEVERITY: Readonly<Record<Category, number>> = {
  'missing-auth': 8.8,
  'missing-ownership-check': 8.1,
  'hardcoded-secret': 8.0,
  'jwt-misuse': 8.0,
  'mass-assignment': 7.5,
  'secret-logging': 7.0,
  'entity-leak': 6.5,
  'error-leak': 5.3,
  'internal-id-exposure': 5.0,
  'missing-rate-limit': 5.0,
  'upload-without-limits': 5.0,
  'unbounded-retry': 4.0,
  'missing-timeout': 4.0,
  'retry-without-backoff': 3.5,
};
