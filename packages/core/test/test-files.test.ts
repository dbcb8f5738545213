import { describe, expect, it } from 'vitest';
import { isTestFile } from '../src/index.js';

describe('isTestFile', () => {
  it.each([
    'src/orders.test.ts',
    'src/__tests__/orders.ts',
    'integration-tests/helpers/api.ts',
    'src/utils/testing/testRouters.ts',
    'packages/backend/test-server/entry.ts',
    'packages/backend/test-federation/test/utils.ts',
    'test-int/bot.js',
    'web/src/features/automations/components/automationForm.clienttest.tsx',
    'src/test-utils.ts',
    'jest.setup.ts',
    'app/server/lib/TestingHooks.ts',
    'packages/jsreport-authentication/authServerTest/authServer.js',
  ])('%s is test code', (file) => {
    expect(isTestFile(file)).toBe(true);
  });

  it.each([
    'src/routes/orders.ts',
    'src/test-email/send.ts',
    'src/ab-test/variant.ts',
    'src/contest/entries.ts',
    'src/webhooks/hooks.ts',
    'src/latestReleases/index.ts',
  ])('%s is app code', (file) => {
    expect(isTestFile(file)).toBe(false);
  });
});
