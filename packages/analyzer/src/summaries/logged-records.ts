import { ts } from 'ts-morph';
import type { EntityFact, LoggedRecordFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import type { FunctionSummaries } from './function-summaries.js';
import { findEntity } from './response-tracer.js';

/** A log call found in the walk (`logger.info(…)`, `this.logger.log(…)`). */
export interface LogSinkCall {
  call: ts.CallExpression;
  file: AnalyzedFile;
}

/**
 * Log calls that write a whole record: `this.logger.log(JSON.stringify(user))`
 * where `user` came from `userService.findByEmail()` and that service returns
 * `prisma.user.findUnique(…)`. Only whole values count (the identifier itself,
 * in a template, in `JSON.stringify`, as an object value or spread); a field
 * (`user.email`) or a helper's result (`redact(user)`) is not the record.
 */
export function traceLoggedRecords(sinkCalls: readonly LogSinkCall[], summaries: FunctionSummaries, entities: readonly EntityFact[]): LoggedRecordFact[] {
  const facts: LoggedRecordFact[] = [];
  for (const { call, file } of sinkCalls) {
    const fn = getEnclosingFunction(call);
    if (!fn) continue;
    for (const value of call.arguments.flatMap(getWholeValues)) {
      const traced = summaries.traceValue(value, fn, file);
      if (!traced || traced.fields || (traced.read.shaped && !traced.read.selected)) continue;
      const entity = findEntity(traced.read.model, traced.read.orm, entities);
      if (!entity) continue;
      facts.push({
        at: getCodeSpan(call, file.sourceFile, file.relativePath),
        argument: value.getText(file.sourceFile),
        sink: call.expression.getText(file.sourceFile),
        entity: entity.name,
        ...(traced.read.selected ? { selected: traced.read.selected } : {}),
        source: traced.source,
        via: traced.via,
      });
      break;
    }
  }
  return facts;
}

/** The identifiers an argument writes whole. */
function getWholeValues(argument: ts.Expression): ts.Identifier[] {
  const node = skipOuterExpressions(argument);
  if (ts.isIdentifier(node)) return [node];
  if (ts.isTemplateExpression(node)) return node.templateSpans.flatMap((span) => getWholeValues(span.expression));
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...getWholeValues(node.left), ...getWholeValues(node.right)];
  }
  if (ts.isCallExpression(node) && node.expression.getText() === 'JSON.stringify' && node.arguments[0]) {
    return getWholeValues(node.arguments[0]);
  }
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((property) => {
      if (ts.isShorthandPropertyAssignment(property)) return [property.name];
      if (ts.isPropertyAssignment(property)) return getWholeValues(property.initializer);
      if (ts.isSpreadAssignment(property)) return getWholeValues(property.expression);
      return [];
    });
  }
  return [];
}

function getEnclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}
