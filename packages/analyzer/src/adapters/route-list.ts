import type { ts } from 'ts-morph';
import type { RouteFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';

/** `src/app.ts:12`: the id of an app (where it is created), so a monorepo's apps are judged apart. */
export function describeAppLocation(file: AnalyzedFile, creation: ts.Node): string {
  const { line } = file.sourceFile.getLineAndCharacterOfPosition(creation.getStart());
  return `${file.relativePath}:${line + 1}`;
}

/**
 * A route reached through two apps (or listed unmounted and mounted) is kept once, preferring the mounted view;
 * one registration mounted under two prefixes (`/api/users` for sessions, `/api/admin/users` for admin keys)
 * is two routes, each with its own chain.
 */
export function dedupeRoutes(routes: RouteFact[]): RouteFact[] {
  const byLocation = new Map<string, RouteFact[]>();
  for (const route of routes) {
    const key = `${route.at.file}:${route.at.line}:${route.at.column}:${route.method}`;
    byLocation.set(key, [...(byLocation.get(key) ?? []), route]);
  }
  return [...byLocation.values()].flatMap((found) => {
    const mounted = found.filter((route) => route.mountKnown);
    if (mounted.length === 0) return [found[0]!];
    const byPath = new Map<string, RouteFact>();
    for (const route of mounted) if (!byPath.has(route.path)) byPath.set(route.path, route);
    return [...byPath.values()];
  });
}
