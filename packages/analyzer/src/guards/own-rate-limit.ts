import type { ts } from 'ts-morph';
import type { GuardFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import type { HandlerInspector } from './handler-checks.js';

/** The name a handler's own limit goes by among guards (a rate limiter, see RATE_LIMITER_NAME). */
export const HANDLER_TOO_MANY_REQUESTS = 'too many requests (429) in the handler';

/**
 * A handler that limits its callers itself — answers 429 / "too many requests", or calls a limiter
 * (`await checkRateLimit(ip)`) — as the guard a framework would write as middleware. `excluded` are
 * parts of the handler that serve other requests.
 */
export function readOwnRateLimit(handler: ts.Node | undefined, file: AnalyzedFile, inspector: HandlerInspector, excluded: readonly ts.Node[] = []): GuardFact[] {
  const limited = inspector.findOwnRateLimit(handler, excluded);
  return limited
    ? [{ name: HANDLER_TOO_MANY_REQUESTS, scope: 'route', authenticates: false, checksRole: false, at: getCodeSpan(limited, file.sourceFile, file.relativePath) }]
    : [];
}
