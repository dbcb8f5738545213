import ts from '../project/typescript.cjs';
import { isValidatorName, type BodyWriteFact, type EntityFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { getEnclosingFunction, getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import { CalleeResolver } from '../summaries/resolve-callee.js';
import { findEntity } from '../summaries/response-tracer.js';
import type { NodeVisitor } from '../walk/walker.js';
import { getConstructedModel, getKeysAfter, getNestDtoBody, getWriteTarget, isRequestBody, type WriteTarget } from './body-writes.js';

/** A parameter written whole or spread into a model, inside a project function. */
interface ParameterWrite {
  model: string;
  orm: WriteTarget['orm'];
  pinnedKeys: string[];
  write: ts.Node;
}

/**
 * Mass assignment one call away: a handler hands the request body to a
 * project function (`userService.create(req.body)`) that writes that
 * parameter whole or spread into a model (`new User({ _id, ...data })`,
 * `User.create(data)`, `prisma.user.create({ data })`). Records, in the walk,
 * the calls given the body; afterwards keeps those whose callee writes that
 * parameter, as body writes at the call (`through` names the write).
 */
export class BodyForwardingAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  /** Calls given the body; `dto` when it is a Nest DTO, which counts only where the ValidationPipe keeps unknown keys. */
  private readonly candidates: { call: ts.CallExpression; file: AnalyzedFile; index: number; dto?: string }[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    // A write given the body itself is the direct case (`BodyWriteAdapter`).
    if (getWriteTarget(call)) return;
    call.arguments.forEach((argument, index) => {
      if (isRequestBody(argument)) {
        this.candidates.push({ call, file, index });
        return;
      }
      const dto = getNestDtoBody(argument);
      if (dto) this.candidates.push({ call, file, index, dto });
    });
  }

  /**
   * The candidates whose callee writes that parameter into a known entity;
   * DTO bodies only when `dtosKeepUnknownKeys` (see `keepsUnknownDtoKeys`).
   */
  resolve(project: ProjectModel, entities: readonly EntityFact[], dtosKeepUnknownKeys = false): BodyWriteFact[] {
    const resolver = new CalleeResolver(project);
    const facts: BodyWriteFact[] = [];
    for (const { call, file, index, dto } of this.candidates) {
      if (dto && !dtosKeepUnknownKeys) continue;
      const caller = getEnclosingFunction(call);
      if (!caller || validatesBodyBefore(caller, call)) continue;
      const callee = resolver.resolve(call, caller, file);
      if (!callee) continue;
      for (const write of findParameterWrites(callee.node, index)) {
        const entity = findEntity(write.model, write.orm, entities);
        if (!entity) continue;
        facts.push({
          at: getCodeSpan(call.arguments[index]!, file.sourceFile, file.relativePath),
          entity: entity.name,
          pinnedKeys: write.pinnedKeys,
          inFunction: getCodeSpan(caller, file.sourceFile, file.relativePath),
          through: { helper: callee.name, write: getCodeSpan(write.write, callee.file.sourceFile, callee.file.relativePath) },
          ...(dto ? { unstrippedDto: dto } : {}),
        });
      }
    }
    return facts;
  }
}

/** `await schema.validateAsync(req.body)` earlier in the handler: the body was checked before it was handed on. */
function validatesBodyBefore(fn: ts.Node, call: ts.CallExpression): boolean {
  let validated = false;
  const visit = (node: ts.Node): void => {
    if (validated || node.getStart() >= call.getStart()) return;
    if (ts.isCallExpression(node) && isValidatorName(getTrailingName(node.expression)) && node.arguments.some((argument) => isRequestBody(argument))) {
      validated = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return validated;
}

/** The model writes in `fn` given its parameter `index` whole or spread. */
function findParameterWrites(fn: ts.Node, index: number): ParameterWrite[] {
  if (!ts.isFunctionLike(fn)) return [];
  const parameter = fn.parameters[index];
  if (!parameter || !ts.isIdentifier(parameter.name)) return [];
  const name = parameter.name.text;
  const writes: ParameterWrite[] = [];
  const visit = (node: ts.Node): void => {
    const target = ts.isNewExpression(node) ? getConstructedModel(node) : ts.isCallExpression(node) ? getWriteTarget(node) : undefined;
    for (const payload of target?.payloads ?? []) {
      const pinned = getParameterPayload(payload, name);
      if (pinned) writes.push({ model: target!.model, orm: target!.orm, pinnedKeys: pinned.pinnedKeys, write: node });
    }
    // A nested function has parameters of its own.
    if (node === fn || !ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  visit(fn);
  return writes;
}

/** The parameter `name` as a write payload: itself, or spread with the keys written after it. */
function getParameterPayload(argument: ts.Expression, name: string): { pinnedKeys: string[] } | undefined {
  const node = skipOuterExpressions(argument);
  if (ts.isIdentifier(node)) return node.text === name ? { pinnedKeys: [] } : undefined;
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const index = node.properties.findIndex((property) => {
    if (!ts.isSpreadAssignment(property)) return false;
    const spread = skipOuterExpressions(property.expression);
    return ts.isIdentifier(spread) && spread.text === name;
  });
  return index < 0 ? undefined : { pinnedKeys: getKeysAfter(node, index) };
}
