/**
 * Work shared by loops that each take a batch at a time until none is left:
 * ESLint's files, linted by the main thread and, once its analysis is done,
 * by the analyzer's thread too (on two cores, ESLint's half of a scan is the
 * longer one, and the analyzer's core would otherwise sit idle).
 */
export class LintQueue<T> {
  private next = 0;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly items: readonly T[],
    private readonly batchSize: number,
  ) {}

  /** Runs `work` on batch after batch until none is left; resolves when this loop has finished its last one. */
  drain(work: (batch: T[]) => Promise<void>): Promise<void> {
    const loop = (async () => {
      for (let batch = this.take(); batch.length > 0; batch = this.take()) await work(batch);
    })();
    this.loops.push(loop);
    return loop;
  }

  /** Resolves when every loop started so far, including one started while waiting, has finished. */
  async settled(): Promise<void> {
    let awaited: number;
    do {
      awaited = this.loops.length;
      await Promise.all(this.loops.slice(0, awaited));
    } while (this.loops.length > awaited);
  }

  private take(): T[] {
    const batch = this.items.slice(this.next, this.next + this.batchSize);
    this.next += batch.length;
    return batch;
  }
}
