import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { BROWSER_GLOBALS, CLIENT_SIDE_PACKAGES } from '@redline/core';

// Test files are the analyzer's business too (their routes are not the app's), so the test lives in core.
export { isTestFile } from '@redline/core';

/** Package prefixes of browser-only libraries: UI frameworks and rich-text editors. */
const CLIENT_SIDE_PREFIXES = ['@angular/', 'react-', 'prosemirror-', '@tiptap/', '@codemirror/', '@vue/'];
const COMPONENT_FILE = /\.[jt]sx$/;
const CLIENT_FOLDER = /(?:^|[\\/])(?:client|frontend|browser|components|hooks)[\\/]/;

/**
 * Whether a file looks like browser code rather than server code: a `'use client'`
 * directive, a `.tsx`/`.jsx` component (without `'use server'`), an import of a
 * browser-only package (React, Vue, zustand, …), a read of a browser global
 * (`window`, `document`, `localStorage`), Vite's `import.meta.env`, an import from a
 * `components`/`hooks` folder, or a `client`/`frontend`/`components`/`hooks` folder.
 */
export function isClientSideFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const program = context.sourceCode.ast;
  const directives = getDirectives(program);
  if (directives.includes('use client')) return true;
  if (directives.includes('use server')) return false;
  const filename = context.filename.replace(/\\/g, '/');
  if (COMPONENT_FILE.test(filename) || CLIENT_FOLDER.test(filename)) return true;
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const source = statement.source.value;
    if (isClientSidePackage(source)) return true;
    // A module that imports UI components or hooks (`../components/providers/AuthProvider`) is UI code itself.
    if (statement.importKind !== 'type' && /^(?:\.{1,2}|@|~)\/(?:.*\/)?(?:components|hooks)\//.test(source)) return true;
  }
  if (/\bimport\.meta\.env\b/.test(context.sourceCode.text)) return true;
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  return globalScope?.through.some((reference) => BROWSER_GLOBALS.has(reference.identifier.name)) ?? false;
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
