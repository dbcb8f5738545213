import { ts } from 'ts-morph';
import type { CodeSpan } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import { readOrmCall, readRecordConstruction, type OrmRead } from './orm-reads.js';
import { CalleeResolver, findEnclosingClass } from './resolve-callee.js';

const MAX_DEPTH = 5;
/** Record instance methods whose result is the record (Mongoose `save`/`populate`, Sequelize `reload`/`update`). */
const RECORD_SELF_METHODS = new Set(['save', 'reload', 'populate', 'update', 'increment', 'decrement', 'restore']);

/** A value that holds ORM records (shaped or not), and the functions it came through. */
export interface EntityValue {
  read: OrmRead;
  /** The ORM call. */
  source: CodeSpan;
  /** Project functions the value was returned from, outermost first. */
  via: { name: string; at: CodeSpan }[];
  /** Set when a mapper copied only these fields of the record into the value (`id: user.id`). */
  fields?: string[];
}

/**
 * Function summaries, computed on demand and memoised: "this function
 * returns an unshaped entity" — through local variables, `await`, and calls
 * to other project functions and injected services' methods.
 */
export class FunctionSummaries {
  private readonly returns = new Map<ts.Node, EntityValue | null>();
  private readonly callees: CalleeResolver;

  constructor(project: ProjectModel) {
    this.callees = new CalleeResolver(project);
  }

  /** What a value expression inside `fn` (in `file`) holds, when it is an unshaped record. */
  traceValue(expression: ts.Expression, fn: ts.Node, file: AnalyzedFile, depth = 0): EntityValue | undefined {
    const node = skipOuterExpressions(expression);
    const read = readOrmCall(node, getRepositoryEntities(fn)) ?? readRecordConstruction(node);
    if (read) return { read, source: getCodeSpan(node, file.sourceFile, file.relativePath), via: [] };
    if (ts.isConditionalExpression(node)) {
      return this.traceValue(node.whenTrue, fn, file, depth) ?? this.traceValue(node.whenFalse, fn, file, depth);
    }
    if (ts.isIdentifier(node)) {
      const declaration = findLocalDeclaration(node);
      if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || isStripped(node.text, fn)) return undefined;
      return this.traceValue(declaration.initializer, fn, file, depth);
    }
    if (ts.isCallExpression(node) && depth < MAX_DEPTH) {
      const callee = this.callees.resolve(node, fn, file);
      // `await member.save()`, `user.reload()`: a record's own methods resolve to the record.
      if (!callee) return isRecordInstanceCall(node) ? this.traceValue((node.expression as ts.PropertyAccessExpression).expression, fn, file, depth + 1) : undefined;
      const step = { name: callee.name, at: getCodeSpan(callee.node, callee.file.sourceFile, callee.file.relativePath) };
      const inner = this.summarize(callee.node, callee.file, depth + 1);
      if (inner) return { ...inner, via: [step, ...inner.via] };
      // A wrapper (`{ token, user }`) or a mapper (`dto.id = user.id`) hands on what its argument holds.
      for (const flow of getParameterFlows(callee.node)) {
        const argument = node.arguments[flow.index];
        const passed = argument && this.traceValue(argument, fn, file, depth + 1);
        if (passed) return { ...passed, ...(flow.fields ? { fields: flow.fields } : {}), via: [step, ...passed.via] };
      }
      return undefined;
    }
    return undefined;
  }

  /** Whether a function returns ORM records, and which (the first unshaped one when several returns differ). */
  summarize(fn: ts.Node, file: AnalyzedFile, depth = 0): EntityValue | undefined {
    const cached = this.returns.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.returns.set(fn, null); // recursion guard
    let result: EntityValue | undefined;
    for (const returned of getReturnedExpressions(fn)) {
      const traced = this.traceValue(returned, fn, file, depth);
      if (traced && (!result || (result.read.shaped && !traced.read.shaped))) result = traced;
    }
    this.returns.set(fn, result ?? null);
    return result;
  }
}

/**
 * What a function returns of its parameters: a parameter itself or
 * wrapped in an object (`{ accessToken, user }`), or fields copied off it
 * into an object or a DTO (`{ id: user.id }`, `dto.id = user.id; return dto`).
 */
function getParameterFlows(fn: ts.Node): { index: number; fields?: string[] }[] {
  if (!ts.isFunctionLike(fn)) return [];
  const names = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
  const indexOf = (node: ts.Node | undefined) => (node && ts.isIdentifier(node) ? names.indexOf(node.text) : -1);
  const flows: { index: number; fields?: string[] }[] = [];
  for (const returned of getReturnedExpressions(fn)) {
    const node = skipOuterExpressions(returned);
    if (indexOf(node) !== -1) flows.push({ index: indexOf(node) });
    const literal = ts.isNewExpression(node) ? node.arguments?.[0] : node;
    if (literal && ts.isObjectLiteralExpression(literal)) {
      const copied = new Map<number, string[]>();
      for (const property of literal.properties) {
        if (ts.isShorthandPropertyAssignment(property) && indexOf(property.name) !== -1) flows.push({ index: indexOf(property.name) });
        if (!ts.isPropertyAssignment(property)) continue;
        const value = skipOuterExpressions(property.initializer);
        if (indexOf(value) !== -1) flows.push({ index: indexOf(value) });
        if (ts.isPropertyAccessExpression(value) && indexOf(value.expression) !== -1) {
          copied.set(indexOf(value.expression), [...(copied.get(indexOf(value.expression)) ?? []), value.name.text]);
        }
      }
      for (const [index, fields] of copied) flows.push({ index, fields });
    }
    if (ts.isIdentifier(node)) {
      const fields = getFieldsAssignedFrom(fn, node.text, names);
      if (fields) flows.push(fields);
    }
  }
  return flows;
}

/** `response.id = entity.id; response.email = entity.email;` → the parameter `entity` and `['id', 'email']`. */
function getFieldsAssignedFrom(fn: ts.Node, target: string, parameters: (string | undefined)[]): { index: number; fields: string[] } | undefined {
  const pattern = new RegExp(`\\b${target}\\.\\w+\\s*=\\s*(\\w+)\\.(\\w+)`, 'g');
  let index = -1;
  const fields: string[] = [];
  for (const match of fn.getText().matchAll(pattern)) {
    const parameterIndex = parameters.indexOf(match[1]);
    if (parameterIndex === -1 || (index !== -1 && parameterIndex !== index)) continue;
    index = parameterIndex;
    fields.push(match[2]!);
  }
  return index === -1 ? undefined : { index, fields };
}

/** `return x` statements of a function (not of functions nested in it), or an arrow's expression body. */
function getReturnedExpressions(fn: ts.Node): ts.Expression[] {
  if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return [fn.body];
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** `doc.save()`, `user.reload()`: methods of a record that resolve to the record itself. */
function isRecordInstanceCall(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && RECORD_SELF_METHODS.has(call.expression.name.text);
}

/** `delete user.password` or `user.password = undefined` before the value leaves: the code shaped it by hand. */
function isStripped(name: string, fn: ts.Node): boolean {
  return new RegExp(`delete\\s+${name}\\.|${name}\\.\\w+\\s*=\\s*(?:undefined|null)\\b|omit\\(\\s*${name}\\b|\\.\\.\\.\\s*\\w+\\s*}\\s*=\\s*${name}\\b`).test(fn.getText());
}

/**
 * Repositories in reach of `fn`: the class's injected ones
 * (`@InjectRepository(User) private users: Repository<User>` → users → User),
 * and local ones (`const users = getManager().getRepository(User)`).
 */
function getRepositoryEntities(fn: ts.Node): Map<string, string> {
  const entities = new Map<string, string>();
  for (const match of fn.getText().matchAll(/\b(?:const|let)\s+(\w+)(?:\s*:[^=]+)?=\s*[\w.()]*getRepository\(\s*(\w+)\s*\)/g)) {
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

