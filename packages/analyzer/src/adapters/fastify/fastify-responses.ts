import type { ResponseFact } from '@redline/core';

/**
 * The responses traced from Fastify handlers that are not already known: a
 * `reply.send(user)` in a handler the Express adapter also saw (it reads
 * `(fastify) => fastify.get(…)` as a router parameter) is reported once.
 */
export function withoutKnownResponses(known: readonly ResponseFact[], traced: readonly ResponseFact[]): ResponseFact[] {
  const key = (fact: ResponseFact): string => `${fact.at.file}:${fact.at.line}:${fact.at.column}:${JSON.stringify(fact.payload)}`;
  const seen = new Set(known.map(key));
  return traced.filter((fact) => !seen.has(key(fact)));
}
