import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { BROWSER_GLOBALS, CLIENT_SIDE_PACKAGES } from '@redline/core';
import { getPackageKind } from './package-kind.js';

// Test files are the analyzer's business too (their routes are not the app's), so the test lives in core.
export { isTestFile } from '@redline/core';

/** Package prefixes of browser-only libraries: UI frameworks and rich-text editors. */
const CLIENT_SIDE_PREFIXES = ['@angular/', 'react-', 'prosemirror-', '@tiptap/', '@codemirror/', '@vue/'];
const COMPONENT_FILE = /\.[jt]sx$/;
/** `hooks/` is left out: a server keeps its webhooks and lifecycle hooks there (`lib/hooks/slack.ts`); React hooks import React. */
const CLIENT_FOLDER = /(?:^|[\\/])(?:client|frontend|browser|components)[\\/]/;
/** Plain scripts an Express app serves to browsers (`public/js/cart.js`, `static/app.js`). */
const SERVED_SCRIPT = /(?:^|\/)(?:public|static|wwwroot)\/(?:[^/]+\/)*[^/]+\.m?js$/;
/** Server folders that may hold a `public` module (`routes/public/…`), which is server code. */
const SERVER_FOLDER = /(?:^|\/)(?:routes|controllers|modules|api|handlers|services)\//;
/** Environment variables that bundlers inline into browser code (Create React App, Vue CLI, Expo). */
const BROWSER_ENV = /\bprocess\.env\.(?:REACT_APP|VUE_APP|EXPO_PUBLIC)_/;

/**
 * Whether a file looks like browser code rather than server code: a `'use client'`
 * directive, a `.tsx`/`.jsx` component (without `'use server'`), an import of a
 * browser-only package (React, Vue, zustand, …), a read of a browser global
 * (`window`, `document`, `localStorage`), Vite's `import.meta.env` or a CRA/Vue/Expo
 * `process.env` variable, an import from a `components`/`hooks` folder, a
 * `client`/`frontend`/`components` folder, a script served from `public/`,
 * or a package whose package.json depends on a UI runtime and no server runtime.
 */
export function isClientSideFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  // Several rules ask about the same file.
  let answer = clientSideAnswers.get(context.sourceCode);
  if (answer === undefined) {
    answer = readIsClientSide(context);
    clientSideAnswers.set(context.sourceCode, answer);
  }
  return answer;
}

const clientSideAnswers = new WeakMap<Readonly<TSESLint.SourceCode>, boolean>();

function readIsClientSide(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const program = context.sourceCode.ast;
  const directives = getDirectives(program);
  if (directives.includes('use client')) return true;
  if (directives.includes('use server')) return false;
  const filename = context.filename.replace(/\\/g, '/');
  if (COMPONENT_FILE.test(filename) || CLIENT_FOLDER.test(filename)) return true;
  if (isServedScript(filename)) return true;
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const source = statement.source.value;
    if (isClientSidePackage(source)) return true;
    // A module that imports UI components or hooks (`../components/providers/AuthProvider`) is UI code itself.
    if (statement.importKind !== 'type' && /^(?:\.{1,2}|@|~)\/(?:.*\/)?(?:components|hooks)\//.test(source)) return true;
  }
  if (/\bimport\.meta\.env\b/.test(context.sourceCode.text) || BROWSER_ENV.test(context.sourceCode.text)) return true;
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  if (globalScope?.through.some((reference) => BROWSER_GLOBALS.has(reference.identifier.name))) return true;
  return getPackageKind(context.filename) === 'frontend';
}

/** A script under `public/` or `static/`, unless that folder sits in a server folder (`routes/public/users.js`). */
function isServedScript(filename: string): boolean {
  const served = SERVED_SCRIPT.exec(filename);
  return served !== null && !SERVER_FOLDER.test(filename.slice(0, served.index + 1));
}

function isClientSidePackage(source: string): boolean {
  return CLIENT_SIDE_PACKAGES.has(source) || CLIENT_SIDE_PREFIXES.some((prefix) => source.startsWith(prefix));
}

function getDirectives(program: TSESTree.Program): string[] {
  const directives: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    directives.push(statement.directive);
  }
  return directives;
}
