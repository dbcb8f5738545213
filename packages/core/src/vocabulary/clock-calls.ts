/** Calls that read the clock: a deadline is computed from them, and a value built from them is no secret. */
export const CLOCK_CALLS: ReadonlySet<string> = new Set([
  'Date.now', 'performance.now', 'process.hrtime', 'process.uptime', 'hrtime.bigint', 'process.hrtime.bigint',
]);
