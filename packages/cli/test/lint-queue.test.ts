import { describe, expect, it } from 'vitest';
import { LintQueue } from '../src/scan/lint-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('LintQueue', () => {
  it('hands each item to exactly one loop, in batches, also to a loop that joins half-way', async () => {
    const queue = new LintQueue([1, 2, 3, 4, 5, 6, 7], 2);
    const taken: Record<string, number[][]> = { main: [], helper: [] };
    let helper: Promise<void> | undefined;
    const main = queue.drain(async (batch) => {
      taken.main!.push(batch);
      helper ??= queue.drain(async (other) => {
        taken.helper!.push(other);
        await tick();
      });
      await tick();
    });
    await main;
    await queue.settled();
    expect([...taken.main!, ...taken.helper!].flat().sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(taken.main![0]).toEqual([1, 2]);
    expect(taken.helper![0]).toEqual([3, 4]);
  });

  it('settles only once a batch a late loop took is done', async () => {
    const queue = new LintQueue(['a', 'b', 'c'], 1);
    const done: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const main = queue.drain(async (batch) => {
      if (batch[0] === 'a') {
        void queue.drain(async (late) => {
          await held;
          done.push(...late);
        });
      }
      await tick();
      done.push(...batch);
    });
    await main;
    let settled = false;
    const settling = queue.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    release();
    await settling;
    expect(done.sort()).toEqual(['a', 'b', 'c']);
  });

  it('a loop that joins after the last batch was taken has nothing to do', async () => {
    const queue = new LintQueue([1], 5);
    await queue.drain(async () => undefined);
    let called = false;
    await queue.drain(async () => {
      called = true;
    });
    expect(called).toBe(false);
  });
});
