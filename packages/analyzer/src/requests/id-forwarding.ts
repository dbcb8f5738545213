import ts from '../project/typescript.cjs';
import {
  BY_FILTER_LOOKUP_METHODS,
  BY_KEY_LOOKUP_METHODS,
  INSTANCE_WRITE_METHODS,
  PRISMA_LOOKUP_METHODS,
  REPOSITORY_LOOKUP_METHODS,
  isOwnerColumnName,
  looksLikeAccessCheckName,
  type ClientIdLookupFact,
  type RecordAction,
} from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, getEnclosingFunction, getLocalObjectLiteral, getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import { getRepositoryEntities } from '../summaries/function-summaries.js';
import { PRISMA_CLIENT, getRepositoryEntity } from '../summaries/orm-reads.js';
import { CalleeResolver } from '../summaries/resolve-callee.js';
import type { NodeVisitor } from '../walk/walker.js';
import { isUrlId } from './numeric-id-parameters.js';
import { findCallerScopedLookup } from './caller-scoped-lookups.js';
import { REQUEST_DECORATORS, getParameterDecoratorNames } from '../guards/caller-reads.js';

/** `Number(id)`, `parseInt(id, 10)`, `new ObjectId(id)`: the same id in another type. */
const CONVERSIONS = new Set(['Number', 'String', 'parseInt', 'BigInt', 'ObjectId', 'toObjectId']);
/**
 * A handler that reads the caller (`req.user`, `ctx.state.user`, `res.locals.user`,
 * a session, `const { auth } = await parseRequest(request)`): it can scope or
 * compare, and the per-file rule judges what it does with it.
 */
const READS_CALLER =
  /\b(?:req|request|ctx|c)\.(?:user|auth|session)\b|\.state\.user\b|\.locals\.user\b|\bgetServerSession\(|\bauth\(\)|\b(?:const|let|var)\s+(?:\{[^}]*\b)?(?:auth|user|session|currentUser|authentication|principal|caller)\b/;
/**
 * Names the caller goes by in a handler's parameters, and the tenant an auth wrapper resolved for them
 * (`withWorkspace(async ({ workspace, params }) => …)` checked the caller's membership before the handler).
 */
const CALLER_NAMES = new Set([
  'auth', 'user', 'session', 'currentUser', 'authentication', 'principal', 'caller', 'me',
  'workspace', 'tenant', 'organization', 'org', 'team', 'project', 'partner',
]);
/** An id in an expression: `id`, `user.id`, `order.userId`, `doc._id`. */
const ID_TEXT = /(?:^|\W)(?:id|_id|\w*Id)$/;

/**
 * Insecure direct object references in handlers that never read the caller:
 * a lookup by an id from the URL with no owner in the filter, made by the
 * handler itself (`Record.findOneAndDelete({ _id })`) or by a project
 * function it hands the id to (`usuarioService.actualizarUsuario(id, data)`
 * → `prisma.usuarios.update({ where: { idUsuario: id } })`). Records, in the
 * walk, the calls given a URL id; afterwards keeps those that are such a
 * lookup, or whose callee makes one with that parameter.
 */
export class IdForwardingAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  private readonly candidates: { call: ts.CallExpression; file: AnalyzedFile; index: number }[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    const index = call.arguments.findIndex((argument) => isClientId(argument) || holdsClientId(argument));
    if (index >= 0) this.candidates.push({ call, file, index });
  }

  /** The candidates whose callee looks up a record by that parameter without an owner, in handlers that never read the caller. */
  resolve(project: ProjectModel): ClientIdLookupFact[] {
    const resolver = new CalleeResolver(project);
    const facts: ClientIdLookupFact[] = [];
    for (const { call, file, index } of this.candidates) {
      const caller = getEnclosingFunction(call);
      // The handler and every callback the call sits in (`$transaction(async (tx) => …)`, `ids.map((id) => …)`).
      const scopes = getEnclosingFunctions(call);
      if (!caller || scopes.some((scope) => readsCaller(scope) || checksAccess(scope, call))) continue;
      // The handler's own lookup (`Record.findOneAndDelete({ _id: ctx.params.id })`), or a project function's.
      const own = readLookup(call, isClientId, getRepositoryEntities(caller));
      const callee = own ? undefined : resolver.resolve(call, caller, file);
      const lookup = own ?? (callee && ts.isFunctionLike(callee.node) ? findUnscopedLookup(callee.node, index) : undefined);
      if (!lookup) continue;
      const lookupFile = callee?.file ?? file;
      const scopedToCaller = own ? findCallerScopedLookup(file.sourceFile, lookup.model, call) : undefined;
      facts.push({
        at: getCodeSpan(call, file.sourceFile, file.relativePath),
        inFunction: getCodeSpan(caller, file.sourceFile, file.relativePath),
        ...(callee ? { helper: callee.name } : {}),
        model: lookup.model,
        // `const user = await User.findById(id); Object.assign(user, changes); await user.save()`: a read that leads to a write.
        action: lookup.action === 'read' ? getLoadedRecordWrite(lookup.call) ?? 'read' : lookup.action,
        lookup: getCodeSpan(lookup.call, lookupFile.sourceFile, lookupFile.relativePath),
        ...(scopedToCaller ? { scopedToCallerAt: getCodeSpan(scopedToCaller, file.sourceFile, file.relativePath) } : {}),
      });
    }
    return facts;
  }
}

/**
 * What the function that made a read does to the record afterwards: `user.save()`, `Object.assign(user, …)` change
 * it, `doc.deleteOne()` and `repository.remove(doc)` delete it.
 */
function getLoadedRecordWrite(call: ts.CallExpression): RecordAction | undefined {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isIdentifier(declaration.name)) return undefined;
  const name = declaration.name.text;
  const scope = getEnclosingFunction(declaration);
  if (!scope) return undefined;
  let action: RecordAction | undefined;
  const visit = (current: ts.Node): void => {
    if (action) return;
    if (ts.isCallExpression(current)) {
      const callee = skipOuterExpressions(current.expression);
      const [first] = current.arguments;
      const passed = first !== undefined && ts.isIdentifier(skipOuterExpressions(first)) && (skipOuterExpressions(first) as ts.Identifier).text === name;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === name &&
        Object.hasOwn(INSTANCE_WRITE_METHODS, callee.name.text)) action = INSTANCE_WRITE_METHODS[callee.name.text];
      else if (passed && callee.getText() === 'Object.assign') action = 'change';
      else if (passed && ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        if (method === 'remove' || method === 'softRemove' || method === 'destroy') action = 'delete';
        else if (method === 'save') action = 'change';
      }
    }
    ts.forEachChild(current, visit);
  };
  visit(scope);
  return action;
}

function getEnclosingFunctions(node: ts.Node): ts.Node[] {
  const functions: ts.Node[] = [];
  for (let current = getEnclosingFunction(node); current; current = getEnclosingFunction(current)) functions.push(current);
  return functions;
}

/** Whether a handler has the caller in hand: reads it from the request or a session, or takes it from a Nest decorator. */
function readsCaller(fn: ts.Node): boolean {
  if (READS_CALLER.test(fn.getText())) return true;
  if (!ts.isFunctionLike(fn)) return false;
  // `({ authentication, params }) => …`, `(ctx, user) => …`
  if (fn.parameters.some((parameter) => getBindingNames(parameter.name).some((name) => CALLER_NAMES.has(name)))) return true;
  // Any Nest parameter decorator but the request's own (`@Usr()`, `@CurrentUser()`) hands over the caller.
  return getParameterDecoratorNames(fn).some((name) => !REQUEST_DECORATORS.has(name));
}

function getBindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : getBindingNames(element.name)));
}

/** Whether a handler checks access itself: a policy-named call besides `call`, or ids compared (`id !== user.id`). */
function checksAccess(fn: ts.Node, call: ts.CallExpression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node !== call && looksLikeAccessCheckName(getTrailingName(node.expression))) found = true;
    // `id !== user.id`, `order.ownerId === auth.userId`: ids compared.
    if (ts.isBinaryExpression(node) && /^[!=]==?$/.test(node.operatorToken.getText()) && [node.left, node.right].some((side) => ID_TEXT.test(side.getText()))) found = true;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** `{ _id }`, `{ where: { id: req.params.id } }`, or a `const query = { _id: … }` passed by name: a filter holding a client's id. */
function holdsClientId(argument: ts.Expression): boolean {
  const literal = getLocalObjectLiteral(argument);
  if (!literal) return false;
  return literal.properties.some((property) => {
    const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? property.initializer : undefined;
    return value !== undefined && (isClientId(value) || holdsClientId(value));
  });
}

/** An id the client chose: from the URL (`req.params.id`, `const { id } = req.params`), converted or not; a Nest `@Param('id')` parameter. */
function isClientId(argument: ts.Expression): boolean {
  const node = skipOuterExpressions(argument);
  if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.[0] && CONVERSIONS.has(getTrailingName(node.expression))) {
    return isClientId(node.arguments[0]);
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.PlusToken) return isClientId(node.operand);
  if (isUrlId(node)) return true;
  if (!ts.isIdentifier(node)) return false;
  const declaration = findLocalDeclaration(node);
  if (declaration && ts.isParameter(declaration)) {
    return (ts.getDecorators(declaration) ?? []).some((decorator) => /^Param\(\s*['"]\w*(?:id|Id|ID)['"]/.test(decorator.expression.getText()));
  }
  // `const id = parseInt(ctx.params.id)`
  return declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined &&
    ts.isIdentifier(declaration.name) && !ts.isIdentifier(skipOuterExpressions(declaration.initializer)) && isClientId(declaration.initializer);
}

interface Lookup {
  call: ts.CallExpression;
  model: string;
  action: RecordAction;
}

/** The first ORM call in `fn` that picks a record by its parameter `index` with no owner column in the filter. */
function findUnscopedLookup(fn: ts.SignatureDeclaration, index: number): Lookup | undefined {
  const parameter = fn.parameters[index];
  if (!parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const name = parameter.name.text;
  const repositories = getRepositoryEntities(fn);
  let found: Lookup | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) found = readLookup(node, (value) => isKey(value, name), repositories);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/**
 * `prisma.order.update({ where: { id } })`, `Order.findById(id)`,
 * `Order.deleteOne({ _id: id })`, `Order.destroy({ where: { id } })`,
 * `this.orders.findOneBy({ id })`, `this.orders.delete(id)`: a lookup keyed
 * by `name` whose filter names no owner.
 */
function readLookup(call: ts.CallExpression, isKeyValue: (value: ts.Expression) => boolean, repositories: ReadonlyMap<string, string>): Lookup | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = skipOuterExpressions(callee.expression);
  const [first] = call.arguments;
  if (!first) return undefined;
  if (ts.isPropertyAccessExpression(receiver) && PRISMA_CLIENT.test(receiver.expression.getText()) && Object.hasOwn(PRISMA_LOOKUP_METHODS, method)) {
    const where = getProperty(first, 'where');
    return where && isUnscopedFilter(where, isKeyValue) ? { call, model: receiver.name.text, action: PRISMA_LOOKUP_METHODS[method]! } : undefined;
  }
  const entity = getRepositoryEntity(receiver, repositories);
  if (entity !== undefined && Object.hasOwn(REPOSITORY_LOOKUP_METHODS, method)) {
    const filter = getProperty(first, 'where') ?? first;
    return isKeyValue(first) || isUnscopedFilter(filter, isKeyValue) ? { call, model: entity, action: REPOSITORY_LOOKUP_METHODS[method]! } : undefined;
  }
  if (!ts.isIdentifier(receiver) || !/^[A-Z]/.test(receiver.text)) return undefined;
  if (Object.hasOwn(BY_KEY_LOOKUP_METHODS, method)) {
    return isKeyValue(first) ? { call, model: receiver.text, action: BY_KEY_LOOKUP_METHODS[method]! } : undefined;
  }
  if (Object.hasOwn(BY_FILTER_LOOKUP_METHODS, method)) {
    const filter = getProperty(first, 'where') ?? first;
    return isUnscopedFilter(filter, isKeyValue) ? { call, model: receiver.text, action: BY_FILTER_LOOKUP_METHODS[method]! } : undefined;
  }
  return undefined;
}

/** `{ id }`, `{ _id: id }`, `{ idUsuario: Number(id) }` keyed by the id, with no owner column (`userId`, `tenantId`) beside it. */
function isUnscopedFilter(filter: ts.Expression, isKeyValue: (value: ts.Expression) => boolean): boolean {
  const literal = getLocalObjectLiteral(filter);
  if (!literal) return false;
  let keyed = false;
  for (const property of literal.properties) {
    const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (key === undefined || isOwnerColumnName(key)) return false;
    const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? property.initializer : undefined;
    if (value && isKeyValue(value)) keyed = true;
  }
  return keyed;
}

/** The parameter itself, converted or not (`id`, `Number(id)`, `new ObjectId(id)`). */
function isKey(expression: ts.Expression, name: string): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return node.text === name;
  if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.[0] && CONVERSIONS.has(getTrailingName(node.expression))) return isKey(node.arguments[0], name);
  return false;
}

function getProperty(expression: ts.Expression, key: string): ts.Expression | undefined {
  const literal = skipOuterExpressions(expression);
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === key) return property.initializer;
  }
  return undefined;
}

