const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const WIDTH = 24;

/** A stream that may be a terminal. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A progress bar on stderr for scans that take longer than a second; it
 * draws only on a terminal outside CI, so piped output and CI logs never see it.
 */
export function createProgressBar(stream: OutputStream, env: NodeJS.ProcessEnv, now: () => number = Date.now) {
  const enabled = stream.isTTY === true && !env['CI'];
  const startedAt = now();
  let lastDrawAt = 0;
  let drawn = false;
  return {
    update(done: number, total: number): void {
      const time = now();
      if (!enabled || time - startedAt < SHOW_AFTER_MS || time - lastDrawAt < REDRAW_EVERY_MS) return;
      lastDrawAt = time;
      drawn = true;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} files`);
    },
    stop(): void {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
