import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run on the TypeScript sources; the built dist/ is for the bin and for users.
    alias: [
      { find: /^@redline\/core$/, replacement: fromRoot('./packages/core/src/index.ts') },
      { find: /^@redline\/rules\/eslint$/, replacement: fromRoot('./rules/eslint.ts') },
      { find: /^@redline\/rules\/project$/, replacement: fromRoot('./rules/project.ts') },
      { find: /^@redline\/analyzer$/, replacement: fromRoot('./packages/analyzer/src/index.ts') },
      { find: /^eslint-plugin-redline$/, replacement: fromRoot('./packages/eslint-plugin/src/index.ts') },
      // The analyzer's CommonJS module that loads the TypeScript compiler (Vite does not run CommonJS sources).
      { find: /^(?:\.\.?\/)+(?:project\/)?typescript\.cjs$/, replacement: fromRoot('./packages/analyzer/test/setup/typescript.ts') },
    ],
  },
  test: {
    include: ['rules/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    setupFiles: [fromRoot('./tests/setup/rule-tester.ts')],
    testTimeout: 30_000,
  },
});
