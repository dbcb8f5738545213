import type { ts } from 'ts-morph';
import type { RouteFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';

/** `src/app.ts:12`: the id of an app (where it is created), so a monorepo's apps are judged apart. */
export function describeAppLocation(file: AnalyzedFile, creation: ts.Node): string {
  const { line } = file.sourceFile.getLineAndCharacterOfPosition(creation.getStart());
  return `${file.relativePath}:${line + 1}`;
}

/** A route reached through two apps (or listed unmounted and mounted) is kept once, preferring the mounted view. */
export function dedupeRoutes(routes: RouteFact[]): RouteFact[] {
  const byKey = new Map<string, RouteFact>();
  for (const route of routes) {
    const key = `${route.at.file}:${route.at.line}:${route.at.column}:${route.method}`;
    const existing = byKey.get(key);
    if (!existing || (!existing.mountKnown && route.mountKnown)) byKey.set(key, route);
  }
  return [...byKey.values()];
}
