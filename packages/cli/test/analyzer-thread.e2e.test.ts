import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fromRepo } from './helpers/paths.js';
import { buildCli } from './helpers/run-bin.js';

// The worker runs only from the build (dist/), as the bin does.
type ThreadModule = typeof import('../src/scan/analyzer-thread.js');
const APP = fromRepo('fixtures/apps/cli-e2e');

vi.setConfig({ testTimeout: 120_000 });

let AnalyzerThread: ThreadModule['AnalyzerThread'];
beforeAll(async () => {
  buildCli();
  ({ AnalyzerThread } = (await import(pathToFileURL(fromRepo('packages/cli/dist/scan/analyzer-thread.js')).href)) as ThreadModule);
}, 180_000);

describe("the analyzer's thread", () => {
  it('analyses, then lints the batches it is sent as the main thread would, with the scan config', async () => {
    const thread = new AnalyzerThread({ cacheLocation: null });
    try {
      const output = await thread.run({ root: APP, given: {}, ignores: { patterns: [], base: APP }, severities: {} });
      expect(output.summary.files).toBe(4);
      const paths = [join(APP, 'src/routes/users.ts'), join(APP, 'src/jobs/sync.ts')];
      const results = await thread.lint({ paths, cwd: APP, config: {} });
      expect(results.map((result) => [result.filePath, result.messages.filter((message) => message.ruleId?.startsWith('redline/')).map((message) => `${message.ruleId}:${message.line}`)]))
        .toEqual([[paths[0], ['redline/no-secret-logging:9']], [paths[1], ['redline/no-unbounded-retry:8']]]);
      // The scan's config reaches the thread: with the rule off, it reports nothing there.
      const quiet = await thread.lint({ paths: [paths[1]!], cwd: APP, config: { rules: { 'no-unbounded-retry': 'off' } } });
      expect(quiet[0]!.messages.filter((message) => message.ruleId?.startsWith('redline/'))).toEqual([]);
    } finally {
      thread.close();
    }
  });

  it('answers a batch it cannot lint with an error, and lints the next one', async () => {
    const thread = new AnalyzerThread({ cacheLocation: null });
    try {
      await thread.run({ root: APP, given: {}, ignores: { patterns: [], base: APP }, severities: {} });
      await expect(thread.lint({ paths: [join(APP, 'src/missing.ts')], cwd: APP, config: {} })).rejects.toThrow(/missing\.ts/);
      const results = await thread.lint({ paths: [join(APP, 'src/jobs/sync.ts')], cwd: APP, config: {} });
      expect(results).toHaveLength(1);
    } finally {
      thread.close();
    }
  });
});
