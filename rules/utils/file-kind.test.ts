import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
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
  const linter = new Linter({ configType: 'flat' });
  linter.verify(code, [{
    files: ['**/*.{ts,tsx}'],
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
    // A local variable named window is not the browser global.
    expect(probe(`const window = { size: 10 }; export const n = window.size;`)).toBe(false);
  });
});
