import ts from '../project/typescript.cjs';
import { RECORD_INSTANCE_METHODS, RECORD_SERIALIZE_METHODS, type CodeSpan } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, getLocalObjectLiteral, getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import { findBindingDeclaration, type BindingDeclaration } from './binding-elements.js';
import { getCallerLookupKeys } from './caller-lookup-keys.js';
import type { IncludedRelation } from './orm-options.js';
import { readOrmCall, readRecordConstruction, type OrmRead } from './orm-reads.js';
import { readQueryBuilder } from './query-builders.js';
import { readDrizzleQuery } from './drizzle-reads.js';
import { getConstructorFlows, getParameterFlows, getReturnedExpressions, type ParameterFlow } from './parameter-flows.js';
import { getRequestPropertyPath, type RequestAssignment } from './request-records.js';
import { isCallerParameter } from '../guards/caller-reads.js';
import { ResponseHelpers } from './response-helpers.js';
import { CalleeResolver, findEnclosingClass } from './resolve-callee.js';
import { getStrippedFields } from './stripped-fields.js';

const MAX_DEPTH = 5;
/** Record instance methods whose result is the record (Mongoose `save`/`populate`/`toObject`, Sequelize `reload`/`update`). */
const RECORD_SELF_METHODS: ReadonlySet<string> = new Set([...RECORD_INSTANCE_METHODS, ...RECORD_SERIALIZE_METHODS]);

/** A value that holds ORM records (shaped or not), and the functions it came through. */
export interface EntityValue {
  read: OrmRead;
  /** The ORM call. */
  source: CodeSpan;
  /** Project functions the value was returned from, outermost first. */
  via: { name: string; at: CodeSpan }[];
  /** Set when a mapper copied only these fields of the record into the value (`id: user.id`). */
  fields?: string[];
  /** Columns the code took off the record before it left (`delete user.resetToken`, `{ ...user, password: undefined }`). */
  omitted?: string[];
  /** The project wrapper that carried the record on without shaping it (`new ApiResponse(200, user)`). */
  carriedBy?: { name: string; at: CodeSpan };
  /** The key of the object literal the record sits under (`return { meta, data: users }`): `result.data` is the record again. */
  wrapperKey?: string;
}

/**
 * Function summaries, computed on demand and memoised: "this function
 * returns an unshaped entity" — through local variables, `await`, objects
 * that wrap a record, wrapper classes, and calls to other project functions
 * and services (see `CalleeResolver` for the shapes services take).
 */
export class FunctionSummaries {
  private readonly returns = new Map<ts.Node, EntityValue | null>();
  readonly callees: CalleeResolver;
  /** Project helpers that send their argument as the response (`sendResponse(res, 200, user)`). */
  readonly responseHelpers: ResponseHelpers;

  /** What middleware puts on the request (`req.user = await User.findById(id)`), by property path. */
  private requestAssignments: ReadonlyMap<string, readonly RequestAssignment[]> = new Map();

  constructor(project: ProjectModel) {
    this.callees = new CalleeResolver(project);
    this.responseHelpers = new ResponseHelpers(this.callees);
  }

  /** Lets `req.user` in a handler stand for what the project's middleware assigns to it. */
  useRequestAssignments(assignments: ReadonlyMap<string, readonly RequestAssignment[]>): void {
    this.requestAssignments = assignments;
  }

  /** What a value expression inside `fn` (in `file`) holds, when it is (or wraps) ORM records. */
  traceValue(expression: ts.Expression, fn: ts.Node, file: AnalyzedFile, depth = 0): EntityValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = skipOuterExpressions(expression);
    const repositories = getRepositoryEntities(fn);
    const read = readOrmCall(node, repositories) ?? readQueryBuilder(node, fn, repositories) ?? readDrizzleQuery(node);
    if (read) return { read: this.withEmbeddedRecords(read, node, fn, file, depth), source: getCodeSpan(node, file.sourceFile, file.relativePath), via: [] };
    if (ts.isConditionalExpression(node)) {
      return this.traceValue(node.whenTrue, fn, file, depth) ?? this.traceValue(node.whenFalse, fn, file, depth);
    }
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return this.traceValue(node.left, fn, file, depth) ?? this.traceValue(node.right, fn, file, depth);
    }
    if (ts.isIdentifier(node)) {
      const declaration = findLocalDeclaration(node);
      if (!declaration) {
        const binding = findBindingDeclaration(node);
        return binding && this.traceBinding(binding, fn, file, depth);
      }
      // `@CurrentUser() user`: Nest hands the handler what authentication put on `req.user`.
      if (ts.isParameter(declaration) && isCallerParameter(declaration)) return this.traceRequestProperty(node, 'user', depth);
      // `User.findByIdAndUpdate(id, update, function (err, user) { res.json(user) })`: Mongoose's callback gets the records.
      if (ts.isParameter(declaration)) {
        const call = getCallbackCall(declaration);
        const callbackRead = call && readOrmCall(call, repositories);
        if (call && callbackRead) return { read: callbackRead, source: getCodeSpan(call, file.sourceFile, file.relativePath), via: [] };
      }
      if (!ts.isVariableDeclaration(declaration)) return undefined;
      const stripped = getStrippedFields(node.text, fn);
      if (stripped === 'all') return undefined;
      // One step deeper per variable: `action = action || fallback` leads back to itself.
      const traced = this.traceValues(getAssignedValues(declaration, fn), fn, file, depth + 1);
      return traced && stripped.length > 0 ? { ...traced, omitted: [...(traced.omitted ?? []), ...stripped] } : traced;
    }
    if (ts.isPropertyAccessExpression(node)) {
      const path = getRequestPropertyPath(node);
      if (path) return this.traceRequestProperty(node, path, depth);
      // `res.json(result.data)` where the service returned `{ meta, data: users }`.
      const owner = ts.isIdentifier(node.expression) ? this.traceValue(node.expression, fn, file, depth + 1) : undefined;
      if (owner?.wrapperKey === node.name.text) return unwrap(owner);
    }
    // Mongoose's `doc._doc` and Sequelize's `instance.dataValues` are the record's plain columns.
    if (ts.isPropertyAccessExpression(node) && (node.name.text === '_doc' || node.name.text === 'dataValues')) return this.traceValue(node.expression, fn, file, depth);
    // `rows[0]`: one of the records a query returned.
    if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression)) {
      const rows = this.traceValue(node.expression, fn, file, depth + 1);
      return rows && !rows.fields ? { ...rows, read: { ...rows.read, many: false } } : undefined;
    }
    if (ts.isObjectLiteralExpression(node)) return this.traceObject(node, fn, file, depth);
    if (ts.isNewExpression(node)) return this.traceConstruction(node, fn, file, depth);
    if (ts.isCallExpression(node)) return this.traceCall(node, fn, file, depth);
    return undefined;
  }

  /** What one of several values holds: the first unshaped record among them. */
  private traceValues(values: readonly ts.Expression[], fn: ts.Node, file: AnalyzedFile, depth: number): EntityValue | undefined {
    let result: EntityValue | undefined;
    for (const value of values) {
      const traced = this.traceValue(value, fn, file, depth);
      if (traced && (!result || (isShaped(result) && !isShaped(traced)))) result = traced;
    }
    return result;
  }

  /** Whether a function returns ORM records, and which (the first unshaped one when several returns differ). */
  summarize(fn: ts.Node, file: AnalyzedFile, depth = 0): EntityValue | undefined {
    const cached = this.returns.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.returns.set(fn, null); // recursion guard
    const result = this.traceValues(getReturnedExpressions(fn), fn, file, depth);
    this.returns.set(fn, result ?? null);
    return result;
  }

  /**
   * TypeORM's `save(entity)` returns the object it was given: records set on
   * it (`save({ ...dto, author: user })`) go out with it, as loaded relations do.
   */
  private withEmbeddedRecords(read: OrmRead, node: ts.Expression, fn: ts.Node, file: AnalyzedFile, depth: number): OrmRead {
    if (read.orm !== 'typeorm' || !ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'save') return read;
    const saved = node.arguments.at(-1);
    const literal = saved && getLocalObjectLiteral(saved);
    if (!literal) return read;
    const embedded = literal.properties.flatMap((property): IncludedRelation[] => {
      const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? property.initializer : undefined;
      const traced = value && !ts.isComputedPropertyName(property.name!) ? this.traceValue(value, fn, file, depth + 1) : undefined;
      if (!traced || traced.fields) return [];
      return [{ name: property.name!.getText(), model: traced.read.model, shaped: traced.read.shaped, ...(traced.omitted ? { omitted: traced.omitted } : {}), ...(traced.read.relations ? { relations: traced.read.relations } : {}) }];
    });
    return embedded.length > 0 ? { ...read, relations: [...(read.relations ?? []), ...embedded] } : read;
  }

  /**
   * A destructured name: `const { user } = await authService.login(…)` is the
   * `user` the service's returned object holds; `const [items, total] =
   * await repo.findAndCount()` and `Promise.all([...])` elements are records;
   * `const { password, ...rest } = user` is the record without what was taken.
   */
  private traceBinding(binding: BindingDeclaration, fn: ts.Node, file: AnalyzedFile, depth: number): EntityValue | undefined {
    const { key } = binding;
    const initializer = skipOuterExpressions(binding.initializer);
    if ('rest' in key) {
      const traced = this.traceValue(initializer, fn, file, depth + 1);
      return traced && !traced.fields ? { ...traced, omitted: [...(traced.omitted ?? []), ...key.rest] } : undefined;
    }
    if ('index' in key) {
      if (ts.isCallExpression(initializer) && initializer.expression.getText() === 'Promise.all') {
        const [list] = initializer.arguments;
        const element = list && ts.isArrayLiteralExpression(list) ? list.elements[key.index] : undefined;
        return element && this.traceValue(element, fn, file, depth + 1);
      }
      // `const [user] = await db.select().from(users)…`: the first row.
      const rows = key.index === 0 ? readDrizzleQuery(initializer) : undefined;
      if (rows) return { read: { ...rows, many: false }, source: getCodeSpan(initializer, file.sourceFile, file.relativePath), via: [] };
      // `[records, count]` from findAndCount / getManyAndCount
      return key.index === 0 && ts.isCallExpression(initializer) && TUPLE_METHODS.test(getTrailingName(initializer.expression)) ? this.traceValue(initializer, fn, file, depth + 1) : undefined;
    }
    return this.traceMember(initializer, key.property, fn, file, depth + 1);
  }

  /** What property `property` of a value holds: of an object literal, a local, or what a project function returns. */
  private traceMember(expression: ts.Expression, property: string, fn: ts.Node, file: AnalyzedFile, depth: number): EntityValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = skipOuterExpressions(expression);
    if (ts.isObjectLiteralExpression(node)) {
      for (const member of node.properties) {
        if (member.name?.getText().replace(/^['"]|['"]$/g, '') !== property) continue;
        if (ts.isShorthandPropertyAssignment(member)) return this.traceValue(member.name, fn, file, depth + 1);
        if (ts.isPropertyAssignment(member)) return this.traceValue(member.initializer, fn, file, depth + 1);
      }
      return undefined;
    }
    if (ts.isIdentifier(node)) {
      const declaration = findLocalDeclaration(node);
      return declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? this.traceMember(declaration.initializer, property, fn, file, depth + 1) : undefined;
    }
    if (ts.isConditionalExpression(node)) return this.traceMember(node.whenTrue, property, fn, file, depth) ?? this.traceMember(node.whenFalse, property, fn, file, depth);
    if (!ts.isCallExpression(node)) return undefined;
    // Sequelize's `{ rows, count }` and mongoose-paginate's `{ docs }` hold the records.
    const read = readOrmCall(node, getRepositoryEntities(fn));
    if (read) return PAGE_PROPERTIES.has(property) ? { read: { ...read, many: true }, source: getCodeSpan(node, file.sourceFile, file.relativePath), via: [] } : undefined;
    const callee = this.callees.resolve(node, fn, file);
    if (!callee) return undefined;
    const step = { name: callee.name, at: getCodeSpan(callee.node, callee.file.sourceFile, callee.file.relativePath) };
    for (const returned of getReturnedExpressions(callee.node)) {
      const traced = this.traceMember(returned, property, callee.node, callee.file, depth + 1);
      if (traced) return { ...traced, via: [step, ...traced.via] };
    }
    return undefined;
  }

  /**
   * `req.user` in a handler: what every middleware that sets it assigns,
   * when each of those is the same entity's records, whole. One that shapes
   * them (`.select('-password')`) or sets something else leaves it unknown.
   */
  private traceRequestProperty(node: ts.Expression, path: string, depth: number): EntityValue | undefined {
    const assignments = this.requestAssignments.get(path) ?? [];
    const traced = assignments.map((assignment) => this.traceValue(assignment.value, assignment.fn, assignment.file, depth + 1));
    const [first] = traced;
    if (!first || traced.some((value) => !value || isShaped(value) || value.read.model !== first.read.model)) return undefined;
    const omitted = traced.reduce<string[]>((common, value) => common.filter((name) => value!.omitted?.includes(name)), first.omitted ?? []);
    const { value, file } = assignments[0]!;
    const at = getCodeSpan(value.parent, file.sourceFile, file.relativePath);
    return { ...first, omitted, carriedBy: { name: node.getText().replace(/\s+/g, ''), at } };
  }

  /** A call to a project function (its summary, or what it hands on of its arguments), or a record's own method. */
  private traceCall(call: ts.CallExpression, fn: ts.Node, file: AnalyzedFile, depth: number): EntityValue | undefined {
    // `prisma.$transaction(async (tx) => { …; return user; })` resolves to what its callback returns.
    const [callback] = call.arguments;
    if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === '$transaction' && callback && ts.isFunctionLike(callback)) {
      return this.summarize(callback, file, depth + 1);
    }
    const callee = this.callees.resolve(call, fn, file);
    // `await member.save()`, `user.toJSON()`: a record's own methods resolve to the record.
    if (!callee) return isRecordInstanceCall(call) ? this.traceValue((call.expression as ts.PropertyAccessExpression).expression, fn, file, depth + 1) : undefined;
    const step = { name: callee.name, at: getCodeSpan(callee.node, callee.file.sourceFile, callee.file.relativePath) };
    const inner = this.summarize(callee.node, callee.file, depth + 1);
    if (inner) {
      // What the caller looked the record up by, it already has: `getInvitation({ token })` sending `token` back.
      const known = inner.fields ? [] : getCallerLookupKeys(call);
      return { ...inner, via: [step, ...inner.via], ...(known.length ? { omitted: [...(inner.omitted ?? []), ...known] } : {}) };
    }
    // A wrapper (`{ token, user }`) or a mapper (`dto.id = user.id`) hands on what its argument holds.
    return this.traceFlows(getParameterFlows(callee.node), call.arguments, fn, file, depth, (passed) => ({ ...passed, via: [step, ...passed.via] }));
  }

  /** `new ApiResponse(200, user)`: a project class that keeps its argument; otherwise `new User(body)`, a record being built. */
  private traceConstruction(node: ts.NewExpression, fn: ts.Node, file: AnalyzedFile, depth: number): EntityValue | undefined {
    const classNode = this.callees.resolveClass(node, fn, file);
    if (classNode) {
      const carrier = { name: classNode.node.name?.text ?? node.expression.getText(), at: getCodeSpan(classNode.node, classNode.file.sourceFile, classNode.file.relativePath) };
      const carried = this.traceFlows(getConstructorFlows(classNode.node), node.arguments ?? [], fn, file, depth, (passed) => ({ ...passed, carriedBy: passed.carriedBy ?? carrier }));
      if (carried) return carried;
    }
    const built = readRecordConstruction(node);
    return built ? { read: built, source: getCodeSpan(node, file.sourceFile, file.relativePath), via: [] } : undefined;
  }

  /** The first argument a function or constructor hands on that holds records (whole ones before copied fields). */
  private traceFlows(
    flows: readonly ParameterFlow[],
    args: readonly ts.Expression[],
    fn: ts.Node,
    file: AnalyzedFile,
    depth: number,
    wrap: (value: EntityValue) => EntityValue,
  ): EntityValue | undefined {
    for (const flow of [...flows].sort((a, b) => Number(a.fields !== undefined) - Number(b.fields !== undefined))) {
      const argument = args[flow.index];
      const passed = argument && this.traceValue(argument, fn, file, depth + 1);
      if (!passed) continue;
      const kept = flow.omitted ? { ...passed, omitted: [...(passed.omitted ?? []), ...flow.omitted] } : passed;
      return wrap(flow.fields ? { ...kept, fields: flow.fields } : kept);
    }
    return undefined;
  }

  /**
   * An object that wraps records: `{ user, token }`, `{ data: users }`,
   * `{ ...user, password: undefined }` (whole, with what it overrides taken
   * off), or fields copied off one (`{ id: user.id, name: user.name }`).
   */
  private traceObject(literal: ts.ObjectLiteralExpression, fn: ts.Node, file: AnalyzedFile, depth: number): EntityValue | undefined {
    const keys = literal.properties.flatMap((property) => (property.name && !ts.isComputedPropertyName(property.name) ? [property.name.getText()] : []));
    const copied = new Map<ts.Node, string[]>();
    let fielded: EntityValue | undefined;
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) {
        const traced = this.traceValue(property.expression, fn, file, depth + 1);
        if (traced && !traced.fields) return { ...traced, omitted: [...(traced.omitted ?? []), ...keys] };
        continue;
      }
      const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
      if (!value) continue;
      if (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && !getRequestPropertyPath(value)) {
        copied.set(value.expression, [...(copied.get(value.expression) ?? []), value.name.text]);
        continue;
      }
      const traced = this.traceValue(value, fn, file, depth + 1);
      // A whole record under one key wins over fields copied under another (`{ meta: { total: rows.length }, data: rows }`).
      if (traced && !traced.fields) return { ...traced, wrapperKey: property.name!.getText() };
      fielded ??= traced;
    }
    if (fielded) return fielded;
    for (const [owner, fields] of copied) {
      const traced = this.traceValue(owner as ts.Expression, fn, file, depth + 1);
      // `{ data: result.data }` where `result` is `{ meta, data: users }`: the record itself, not a copied column.
      if (traced?.wrapperKey !== undefined && fields.includes(traced.wrapperKey)) return unwrap(traced);
      if (traced && !traced.fields) return { ...traced, fields };
    }
    return undefined;
  }
}

/** Calls that return `[records, count]`. */
const TUPLE_METHODS = /^(?:findAndCount|findAndCountBy|getManyAndCount)$/;
/** Properties of a page object that hold its records. */
const PAGE_PROPERTIES = new Set(['rows', 'docs']);

/** Whether a value no longer carries the whole record: a `select`, or copied fields. */
function isShaped(value: EntityValue): boolean {
  return value.read.shaped || value.fields !== undefined;
}

/** `doc.save()`, `user.reload()`: methods of a record that resolve to the record itself. */
function isRecordInstanceCall(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && RECORD_SELF_METHODS.has(call.expression.name.text);
}

const repositoryEntitiesByFunction = new WeakMap<ts.Node, Map<string, string>>();

/** An object literal, directly or through a local: `save({ ...dto, author })`, `const post = { … }; save(post)`. */
/**
 * Repositories in reach of `fn`: the class's injected ones
 * (`@InjectRepository(User) private users: Repository<User>` → users → User),
 * and local ones (`const users = getManager().getRepository(User)`).
 */
export function getRepositoryEntities(fn: ts.Node): Map<string, string> {
  const known = repositoryEntitiesByFunction.get(fn);
  if (known) return known;
  const entities = new Map<string, string>();
  repositoryEntitiesByFunction.set(fn, entities);
  for (const match of fn.getText().matchAll(/\b(?:const|let)\s+(\w+)(?:\s*:[^=]+)?\s*=\s*[\w.()]*getRepository\(\s*(\w+)\s*\)/g)) {
    entities.set(match[1]!, match[2]!);
  }
  const classNode = findEnclosingClass(fn);
  if (!classNode) return entities;
  for (const member of classNode.members) {
    const parameters = ts.isConstructorDeclaration(member) ? member.parameters : [];
    for (const parameter of parameters) {
      if (!ts.isIdentifier(parameter.name)) continue;
      for (const decorator of ts.getDecorators(parameter) ?? []) {
        const match = /^@?Inject(?:Repository|Model)\(\s*(\w+)/.exec(decorator.getText().replace(/^@/, ''));
        if (match) entities.set(parameter.name.text, match[1]!);
      }
    }
    // repo = dataSource.getRepository(User)
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.initializer) {
      const match = /getRepository\(\s*(\w+)\s*\)/.exec(member.initializer.getText());
      if (match) entities.set(member.name.text, match[1]!);
    }
  }
  return entities;
}

/** The record a wrapper object held, without the wrapper's key. */
function unwrap(value: EntityValue): EntityValue {
  const record = { ...value };
  delete record.wrapperKey;
  return record;
}

/**
 * The values a variable holds in `fn`: its initializer or, for a `let` declared
 * without one, what the branches assign to it (`let user; if (…) user = await
 * tx.user.update(…); else user = …`). A reassignment after an initializer
 * usually reshapes the value (`user = toDto(user)`), so the initializer stands alone.
 */
function getAssignedValues(declaration: ts.VariableDeclaration, fn: ts.Node): ts.Expression[] {
  if (declaration.initializer) return [declaration.initializer];
  if (!ts.isIdentifier(declaration.name)) return [];
  const name = declaration.name.text;
  const values: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && node.left.text === name &&
      findLocalDeclaration(node.left) === declaration) {
      values.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return values;
}

/** The call whose last argument is the `(err, result)` callback that declares `parameter` as its result. */
function getCallbackCall(parameter: ts.ParameterDeclaration): ts.CallExpression | undefined {
  const callback = parameter.parent;
  if (!ts.isFunctionExpression(callback) && !ts.isArrowFunction(callback)) return undefined;
  if (callback.parameters.indexOf(parameter) !== 1) return undefined;
  const call = callback.parent;
  return ts.isCallExpression(call) && call.arguments.at(-1) === callback ? call : undefined;
}
