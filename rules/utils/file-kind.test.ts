import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClientSideFile, isTestFile } from './file-kind.js';

/** Runs `isClientSideFile` on `code` as file `filename` through a probe rule. */
function probe(code: string, filename = 'src/service.ts'): boolean {
  let result: boolean | undefined;
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return { 'Program:exit'() { result = isClientSideFile(context); } };
    },
  };
  // cwd `/` lets the probe lint absolute paths in a temporary folder.
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  linter.verify(code, [{
    files: ['**/*.{js,ts,tsx}'],
    plugins: { probe: { rules: { rule } } as never },
    languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: { 'probe/rule': 'error' },
  }], filename);
  return result!;
}

describe('isTestFile', () => {
  it('knows test names and folders', () => {
    expect(isTestFile('src/users.test.ts')).toBe(true);
    expect(isTestFile('src/users.spec.js')).toBe(true);
    expect(isTestFile('test/e2e/app.e2e-spec.ts')).toBe(true);
    expect(isTestFile('src/__tests__/users.ts')).toBe(true);
    expect(isTestFile('apps/web/playwright/utils/helper.ts')).toBe(true);
    expect(isTestFile('src/users.service.ts')).toBe(false);
    expect(isTestFile('src/testimonials/routes.ts')).toBe(false);
    expect(isTestFile('integration-tests/helpers/api.ts')).toBe(true);
    expect(isTestFile('src/test-utils/server.ts')).toBe(true);
    expect(isTestFile('src/latest-news/routes.ts')).toBe(false);
    expect(isTestFile('src/contests/routes.ts')).toBe(false);
    expect(isTestFile('tests-e2e/orders.ts')).toBe(true);
    expect(isTestFile('e2e_tests/orders.ts')).toBe(true);
    expect(isTestFile('apps/api/src/features/test-email/test-email.routes.ts')).toBe(false);
    expect(isTestFile('src/modules/ab-test/routes.ts')).toBe(false);
    // Test support beside the code it tests.
    expect(isTestFile('src/TestUtils.js')).toBe(true);
    expect(isTestFile('src/test-utils.ts')).toBe(true);
    expect(isTestFile('src/testHelpers.ts')).toBe(true);
    expect(isTestFile('jest.setup.ts')).toBe(true);
    expect(isTestFile('src/setupTests.ts')).toBe(true);
    expect(isTestFile('apps/api/global-setup.ts')).toBe(true);
    expect(isTestFile('src/testing/factories.ts')).toBe(true);
    expect(isTestFile('src/attestation/verify.ts')).toBe(false);
    expect(isTestFile('src/contest-setup.ts')).toBe(false);
  });
});

describe('isClientSideFile', () => {
  it('sees browser code', () => {
    expect(probe(`'use client';\nexport const x = 1;`)).toBe(true);
    expect(probe(`export const X = () => <div />;`, 'src/X.tsx')).toBe(true);
    expect(probe(`import { useState } from 'react';`)).toBe(true);
    expect(probe(`import { Plugin } from 'prosemirror-state';`)).toBe(true);
    expect(probe(`export const href = () => window.location.href;`)).toBe(true);
    expect(probe(`export const x = 1;`, 'apps/client/src/main.ts')).toBe(true);
    expect(probe(`import { getToken } from '../components/providers/AuthProvider';`)).toBe(true);
    expect(probe(`export const api = import.meta.env.VITE_API_URL;`)).toBe(true);
  });
  it('leaves server code alone', () => {
    expect(probe(`import express from 'express'; export const app = express();`)).toBe(false);
    expect(probe(`'use server';\nexport async function save() {}`, 'app/actions.tsx')).toBe(false);
    // A server's webhooks live in `hooks/` too; React hooks import React.
    expect(probe(`import axios from 'axios'; export const notify = (url) => axios.post(url, {});`, 'packages/director/src/lib/hooks/slack.ts')).toBe(false);
    expect(probe(`import { useState } from 'react'; export const useFlag = () => useState(false);`, 'src/hooks/useFlag.ts')).toBe(true);
    // A local variable named window is not the browser global.
    expect(probe(`const window = { size: 10 }; export const n = window.size;`)).toBe(false);
  });
});

describe('isClientSideFile by package', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'redline-package-kind-'));
    const write = (path: string, text: string): void => {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('web/package.json', JSON.stringify({ dependencies: { react: '^19', 'react-dom': '^19' } }));
    write('sdk/package.json', JSON.stringify({ dependencies: { preact: '^10' } }));
    write('api/package.json', JSON.stringify({ dependencies: { express: '^5', 'react-dom': '^19' } }));
    write('broken/package.json', '{ not json');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sees every file of a package that depends on a UI runtime and no server', () => {
    expect(probe(`export const list = () => fetch('https://api.example.com/orders');`, join(root, 'web/src/api/orders.ts'))).toBe(true);
    expect(probe(`export const send = () => 1;`, join(root, 'sdk/src/lib/api-client.ts'))).toBe(true);
  });
  it('leaves a server package alone, even one that renders React (emails, SSR)', () => {
    expect(probe(`export const x = 1;`, join(root, 'api/src/mail.ts'))).toBe(false);
    expect(probe(`export const x = 1;`, join(root, 'broken/src/x.ts'))).toBe(false);
  });
});

describe('isClientSideFile by path and variables', () => {
  it('sees served scripts and bundler-inlined variables', () => {
    expect(probe(`export const x = 1;`, 'public/js/cart.js')).toBe(true);
    expect(probe(`export const api = process.env.REACT_APP_API_URL;`)).toBe(true);
    expect(probe(`export const api = process.env.EXPO_PUBLIC_API_URL;`)).toBe(true);
  });
  it('leaves a public module of the routes and server variables alone', () => {
    expect(probe(`export const x = 1;`, 'src/routes/public/users.js')).toBe(false);
    expect(probe(`export const api = process.env.NEXT_PUBLIC_APP_URL;`)).toBe(false);
  });
});
