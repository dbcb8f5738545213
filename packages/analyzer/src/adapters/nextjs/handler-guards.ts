import type { ts } from 'ts-morph';
import type { GuardFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import type { HandlerInspector } from '../../guards/handler-checks.js';
import { readOwnRateLimit } from '../../guards/own-rate-limit.js';

/**
 * What a Next.js handler checks itself before its work, as the guards Express
 * would write as middleware: each call that reads the caller's session or
 * verifies their token (`getServerSession(…)`, `verifyUser({ req, res })`)
 * authenticates; an answer of 429 / "too many requests", or a limiter it calls, limits the rate.
 * `excluded` are the branches of other methods.
 */
export function readHandlerGuards(handler: ts.Node, file: AnalyzedFile, inspector: HandlerInspector, excluded: readonly ts.Node[] = []): GuardFact[] {
  const guards: GuardFact[] = [];
  const seen = new Set<string>();
  for (const call of inspector.findSessionReads(handler, file, excluded)) {
    const name = call.expression.getText(file.sourceFile);
    if (seen.has(name)) continue;
    seen.add(name);
    guards.push({ name, scope: 'route', authenticates: true, checksRole: false, at: getCodeSpan(call, file.sourceFile, file.relativePath) });
  }
  return [...guards, ...readOwnRateLimit(handler, file, inspector, excluded)];
}
