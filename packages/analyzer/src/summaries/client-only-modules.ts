import { posix } from 'node:path';
import type { CodeSpan } from '@redline/core';
import { readDirectivePrologue } from '../project/directive-prologue.js';
import type { ProjectFile } from '../project/project-file.js';
import type { ProjectModel } from '../project/project-model.js';

/** Text that may make an outbound request: what the per-file timeout rule reports on. */
const OUTBOUND = /\bfetch\s*\(|\baxios\b|\bgot\b|\bky\b|\bundici\b/;
/** Files the per-file rules already take for browser code by their path: components, hooks, `.tsx`/`.jsx`, client folders. */
const CLIENT_PATH = /\.[jt]sx$|(?:^|\/)(?:components|hooks|client|frontend)\//;
/** `server-only` modules run on the server, whoever imports them. */
const SERVER_ONLY_IMPORT = /\bimport\s+['"]server-only['"]/;
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
const MAX_DEPTH = 3;

/**
 * Modules only browser code imports: the SWR fetcher in `lib/fetcher.ts` that
 * components and hooks use, an API client in `services/api.ts` that only
 * pages import. A request they make runs in the browser, whatever folder they
 * sit in; the per-file half cannot know who imports a file. Only files that
 * mention an outbound client are looked at, and only the imports that name
 * them are resolved, so the cost stays small on large trees.
 */
export function findClientOnlyModules(project: ProjectModel): CodeSpan[] {
  const files = [...project.files.values()];
  const candidates = files.filter((file) => OUTBOUND.test(file.text) && !isClientFile(file) && !isServerOnly(file));
  if (candidates.length === 0) return [];
  // Who names a module in an import, by the module's name (`@/lib/fetcher` → `fetcher`); resolved only when asked.
  const specifiersByName = new Map<string, { file: ProjectFile; specifier: string }[]>();
  for (const file of files) {
    for (const match of file.text.matchAll(IMPORT_SPECIFIER)) {
      const name = getModuleName(match[1]!);
      specifiersByName.set(name, [...(specifiersByName.get(name) ?? []), { file, specifier: match[1]! }]);
    }
  }
  const findImporters = (module: ProjectFile): ProjectFile[] =>
    (specifiersByName.get(getModuleName(module.relativePath)) ?? [])
      .filter(({ file, specifier }) => file !== module && project.resolveModule(file, specifier) === module)
      .map(({ file }) => file);
  // A module imported only by browser code, or by modules only browser code imports (`hooks/useTeams.ts` →
  // `lib/teams-api.ts` → `lib/fetcher.ts`), a few levels up.
  const verdicts = new Map<ProjectFile, boolean>();
  const isClientOnly = (module: ProjectFile, depth: number): boolean => {
    const known = verdicts.get(module);
    if (known !== undefined) return known;
    verdicts.set(module, false); // an import cycle proves nothing
    const importers = findImporters(module);
    const verdict = importers.length > 0 && importers.every((importer) => isClientFile(importer) || (depth < MAX_DEPTH && isClientOnly(importer, depth + 1)));
    verdicts.set(module, verdict);
    return verdict;
  };
  return candidates.filter((file) => isClientOnly(file, 0)).map((file) => {
    const lines = file.text.split('\n');
    return { file: file.relativePath, line: 1, column: 1, endLine: lines.length, endColumn: (lines.at(-1)?.length ?? 0) + 1, code: '' };
  });
}

function isClientFile(file: ProjectFile): boolean {
  return CLIENT_PATH.test(file.relativePath) || readDirectivePrologue(file.text).includes('use client');
}

/** Server actions (`'use server'`) and `server-only` modules run on the server, whoever imports them. */
function isServerOnly(file: ProjectFile): boolean {
  return readDirectivePrologue(file.text).includes('use server') || SERVER_ONLY_IMPORT.test(file.text);
}

/** `lib/fetcher.ts`, `@/lib/fetcher`, `../lib/fetcher.js` → `fetcher`; `lib/api/index.ts` → `api`. */
function getModuleName(path: string): string {
  const base = posix.basename(path).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? posix.basename(posix.dirname(path)) : base;
}
