const VISIBLE_PREFIX = 4;

/**
 * Masks a secret for display: at most the first four characters survive, and
 * never more than a quarter of the value (`hunter2` → `h****`). Output of every
 * format goes through this before it shows evidence.
 */
export function redact(value: string): string {
  const visible = Math.min(VISIBLE_PREFIX, Math.floor(value.length / 4));
  return `${value.slice(0, visible)}****`;
}
