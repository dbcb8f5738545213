/**
 * The failure-mode categories from DESIGN.md. The ids are a contract: reports,
 * baselines and evaluations key on them, so they never change meaning.
 */
export const CATEGORIES = [
  { id: 'unbounded-retry', family: 'resilience', title: 'Unbounded retry' },
  { id: 'retry-without-backoff', family: 'resilience', title: 'Retry without backoff' },
  { id: 'missing-timeout', family: 'resilience', title: 'Missing timeout' },
  { id: 'secret-logging', family: 'secrets', title: 'Secret in logs' },
  { id: 'hardcoded-secret', family: 'secrets', title: 'Hard-coded secret' },
  { id: 'internal-id-exposure', family: 'exposure', title: 'Internal id exposed' },
  { id: 'error-leak', family: 'exposure', title: 'Error details leaked' },
  { id: 'missing-auth', family: 'access', title: 'Missing authentication' },
  { id: 'missing-ownership-check', family: 'access', title: 'Missing ownership check' },
  { id: 'missing-rate-limit', family: 'access', title: 'Missing rate limit' },
  { id: 'jwt-misuse', family: 'access', title: 'JWT misuse' },
  { id: 'entity-leak', family: 'data', title: 'Entity leaked to client' },
  { id: 'mass-assignment', family: 'data', title: 'Mass assignment' },
  { id: 'upload-without-limits', family: 'data', title: 'Upload without limits' },
] as const;

export type Category = (typeof CATEGORIES)[number]['id'];
export type CategoryFamily = (typeof CATEGORIES)[number]['family'];

const CATEGORY_IDS: ReadonlySet<string> = new Set(CATEGORIES.map((category) => category.id));

/** Whether `value` is one of the contract's category ids. */
export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && CATEGORY_IDS.has(value);
}
