import ts from '../project/typescript.cjs';
import { ORM_WRITE_METHODS, type BodyWriteFact, type EntityFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, getEnclosingFunction, skipOuterExpressions } from '../project/lexical-scope.js';
import { findEntity } from '../summaries/response-tracer.js';
import type { NodeVisitor } from '../walk/walker.js';

/** Model statics that write what they are given, beyond the shared create/update shapes. */
const MODEL_WRITE_METHODS: ReadonlySet<string> = new Set([...ORM_WRITE_METHODS, 'replaceOne', 'findOneAndReplace']);
/** The object literal keys of a Prisma write that hold what is stored. */
const PRISMA_PAYLOAD_KEYS: ReadonlySet<string> = new Set(['data', 'create', 'update']);
const PRISMA_CLIENT = /(?:^|\.)(?:prisma|prismaService|prismaClient|db|client|database|tx|trx)$/i;

interface RecordedWrite {
  payload: ts.Expression;
  model: string;
  orm: 'prisma' | 'model';
  pinnedKeys: string[];
  fn: ts.Node;
  file: AnalyzedFile;
}

/**
 * ORM writes that store the request body whole or spread: `Brand.create(req.body)`,
 * `Product.findByIdAndUpdate(id, req.body)`, `new Brand(req.body)`,
 * `Address.create({ ...req.body, userId })`, `prisma.brand.update({ data: req.body })`,
 * and a `const` holding the body. The per-file rule reports these; the
 * project half judges them against the routes that reach them and the
 * columns of the model written (`resolve`, once the entities are known).
 */
export class BodyWriteAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression] as const;
  private readonly writes: RecordedWrite[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const target = ts.isNewExpression(node) ? getConstructedModel(node) : getWriteTarget(node as ts.CallExpression);
    if (!target) return;
    const fn = getEnclosingFunction(node);
    if (!fn) return;
    for (const argument of target.payloads) {
      for (const { payload, pinnedKeys } of getBodyPayloads(argument)) {
        this.writes.push({ payload, model: target.model, orm: target.orm, pinnedKeys, fn, file });
      }
    }
  }

  /** The writes whose model is a known entity. */
  resolve(entities: readonly EntityFact[]): BodyWriteFact[] {
    return this.writes.flatMap(({ payload, model, orm, pinnedKeys, fn, file }) => {
      const entity = findEntity(model, orm, entities);
      if (!entity) return [];
      return [{
        at: getCodeSpan(payload, file.sourceFile, file.relativePath),
        entity: entity.name,
        pinnedKeys,
        inFunction: getCodeSpan(fn, file.sourceFile, file.relativePath),
      }];
    });
  }
}

export interface WriteTarget {
  model: string;
  orm: 'prisma' | 'model';
  payloads: readonly ts.Expression[];
}

/** `Model.create(x)`, `Model.findByIdAndUpdate(id, x)` on a PascalCase model, or `prisma.model.create({ data: x })`. */
export function getWriteTarget(call: ts.CallExpression): WriteTarget | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !MODEL_WRITE_METHODS.has(callee.name.text)) return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  if (ts.isIdentifier(receiver) && /^[A-Z]/.test(receiver.text)) return { model: receiver.text, orm: 'model', payloads: call.arguments };
  // `this.usersRepository.update(id, dto)`: a TypeORM repository the class was given for an entity.
  const repositoryEntity = getInjectedRepositoryEntity(receiver);
  if (repositoryEntity) return { model: repositoryEntity, orm: 'model', payloads: call.arguments };
  const [options] = call.arguments;
  if (ts.isPropertyAccessExpression(receiver) && PRISMA_CLIENT.test(receiver.expression.getText()) && options) {
    const literal = skipOuterExpressions(options);
    if (!ts.isObjectLiteralExpression(literal)) return undefined;
    const payloads = literal.properties.flatMap((property) => {
      if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && PRISMA_PAYLOAD_KEYS.has(property.name.text)) return [property.initializer];
      // `{ data }`: a variable or parameter named after the key.
      return ts.isShorthandPropertyAssignment(property) && PRISMA_PAYLOAD_KEYS.has(property.name.text) ? [property.name] : [];
    });
    return { model: receiver.name.text, orm: 'prisma', payloads };
  }
  return undefined;
}

/**
 * The entity of a repository a class holds: `this.usersRepository` where the
 * constructor takes `@InjectRepository(User) private usersRepository: Repository<User>`
 * (or a field typed `Repository<User>`).
 */
function getInjectedRepositoryEntity(receiver: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(receiver) || receiver.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let owner: ts.Node | undefined = receiver.parent;
  while (owner && !ts.isClassLike(owner)) owner = owner.parent;
  if (!owner) return undefined;
  const name = receiver.name.text;
  const constructor = owner.members.find(ts.isConstructorDeclaration);
  const holders: (ts.ParameterDeclaration | ts.PropertyDeclaration)[] = [
    ...(constructor?.parameters ?? []),
    ...owner.members.filter(ts.isPropertyDeclaration),
  ];
  const holder = holders.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
  if (!holder) return undefined;
  const type = holder.type;
  if (type && ts.isTypeReferenceNode(type) && /^(?:Mongo|Tree)?Repository$/.test(type.typeName.getText())) {
    const entity = type.typeArguments?.[0];
    if (entity && ts.isTypeReferenceNode(entity)) return entity.typeName.getText();
  }
  for (const decorator of ts.getDecorators(holder) ?? []) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && call.expression.getText() === 'InjectRepository' && call.arguments[0] && ts.isIdentifier(call.arguments[0])) {
      return call.arguments[0].text;
    }
  }
  return undefined;
}

/** `new Brand(req.body)`: a document built from the body, saved later. */
export function getConstructedModel(node: ts.NewExpression): WriteTarget | undefined {
  const [first] = node.arguments ?? [];
  return ts.isIdentifier(node.expression) && /^[A-Z]/.test(node.expression.text) && first
    ? { model: node.expression.text, orm: 'model', payloads: [first] }
    : undefined;
}

/**
 * Where a write argument holds the body: the argument itself, a spread of it
 * with the keys written after it (`{ ...req.body, userId }`), or Mongo's
 * `{ $set: req.body }`.
 */
function getBodyPayloads(argument: ts.Expression): { payload: ts.Expression; pinnedKeys: string[] }[] {
  const node = skipOuterExpressions(argument);
  if (!ts.isObjectLiteralExpression(node)) return isRequestBody(node) ? [{ payload: node, pinnedKeys: [] }] : [];
  return node.properties.flatMap((property, index) => {
    if (ts.isSpreadAssignment(property)) {
      return isRequestBody(property.expression) ? [{ payload: property.expression, pinnedKeys: getKeysAfter(node, index) }] : [];
    }
    if (ts.isPropertyAssignment(property) && /^['"]?\$set(?:OnInsert)?['"]?$/.test(property.name.getText())) return getBodyPayloads(property.initializer);
    return [];
  });
}

/** The keys an object literal sets after property `index` (`{ ...body, userId: id, status }` → `userId`, `status`). */
export function getKeysAfter(literal: ts.ObjectLiteralExpression, index: number): string[] {
  return literal.properties.slice(index + 1).flatMap((property) => {
    if (ts.isShorthandPropertyAssignment(property)) return [property.name.text];
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      return [property.name.text];
    }
    return [];
  });
}

/**
 * The request body itself: `req.body`, `request.body`, `ctx.request.body`,
 * `await c.req.json()`, `await request.json()`, a `const` initialised with
 * one of those, or a NestJS `@Body()` parameter no DTO class describes.
 */
export function isRequestBody(expression: ts.Expression, depth = 0): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'body') {
    const owner = skipOuterExpressions(node.expression);
    const ownerName = ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) ? owner.name.text : '';
    return ownerName === 'req' || ownerName === 'request';
  }
  if (ts.isCallExpression(node) && node.arguments.length === 0 && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const owner = skipOuterExpressions(node.expression.expression);
    const ownerName = ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) ? owner.name.text : '';
    return (method === 'json' || method === 'parseBody') && (ownerName === 'req' || ownerName === 'request');
  }
  if (ts.isIdentifier(node) && depth === 0) {
    const declaration = findLocalDeclaration(node);
    if (declaration !== undefined && ts.isParameter(declaration)) return isUntypedNestBody(declaration);
    return declaration !== undefined && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) &&
      declaration.initializer !== undefined && isRequestBody(declaration.initializer, depth + 1);
  }
  return false;
}

/**
 * `@Body() body: any` (no type, `any`, `object`, `Record<…>`, an inline object
 * type): nothing the ValidationPipe can check, so every key the client sends
 * arrives. A DTO class is trusted, as in the per-file rule (but see
 * `getNestDtoBody`). `@Body('email')` or `@Body(pipe)` is a property or a parsed body.
 */
function isUntypedNestBody(parameter: ts.ParameterDeclaration): boolean {
  if (!isWholeNestBody(parameter)) return false;
  const type = parameter.type;
  return type === undefined || type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.ObjectKeyword || ts.isTypeLiteralNode(type) ||
    (ts.isTypeReferenceNode(type) && isUncheckedTypeName(type.typeName.getText()));
}

/** `Record<…>`, and Prisma's generated input types (`Prisma.UserUpdateInput`): types only, nothing validates them at run time. */
function isUncheckedTypeName(name: string): boolean {
  return name === 'Record' || name.startsWith('Prisma.');
}

/**
 * `@Body() dto: UpdateUserDto`: the DTO class the whole body is declared as.
 * The ValidationPipe strips the keys the class does not declare only when told
 * to (`whitelist: true`); without it, they reach whatever the DTO is written to.
 */
export function getNestDtoBody(expression: ts.Expression): string | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = findLocalDeclaration(node);
  if (!declaration || !ts.isParameter(declaration) || !isWholeNestBody(declaration)) return undefined;
  const type = declaration.type;
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName.getText();
  return isUncheckedTypeName(name) ? undefined : name;
}

function isWholeNestBody(parameter: ts.ParameterDeclaration): boolean {
  const body = (ts.getDecorators(parameter) ?? []).find((decorator) =>
    ts.isCallExpression(decorator.expression) && ts.isIdentifier(decorator.expression.expression) && decorator.expression.expression.text === 'Body');
  return body !== undefined && (body.expression as ts.CallExpression).arguments.length === 0;
}
