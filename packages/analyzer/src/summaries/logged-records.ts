import ts from '../project/typescript.cjs';
import { isSecretName, type EntityFact, type LoggedRecordFact, type LoggedTypedValueFact, type RedlineVocabulary } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, skipOuterExpressions, getEnclosingFunction } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
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
    for (const { identifier: value, overridden, stringified } of call.arguments.flatMap((argument) => getWholeValues(argument))) {
      const traced = summaries.traceValue(value, fn, file);
      if (!traced || traced.fields || (traced.read.shaped && !traced.read.selected)) continue;
      const entity = findEntity(traced.read.model, traced.read.orm, entities);
      // `'user:' + user` writes `[object Object]` for a plain row; only a Mongoose document prints its fields as a string.
      if (!entity || (stringified && entity.orm !== 'mongoose')) continue;
      // Columns the query or a rest destructuring left out (`omit: { password: true }`) are not in the record, like ones a later key overrides.
      const dropped = new Set([...overridden, ...(traced.read.omitted ?? []), ...(traced.omitted ?? [])]);
      facts.push({
        at: getCodeSpan(call, file.sourceFile, file.relativePath),
        argument: value.getText(file.sourceFile),
        sink: call.expression.getText(file.sourceFile),
        entity: entity.name,
        ...(traced.read.selected ? { selected: traced.read.selected } : {}),
        ...(dropped.size > 0 ? { overridden: [...dropped] } : {}),
        source: traced.source,
        via: traced.via,
      });
      break;
    }
  }
  return facts;
}

/**
 * An identifier an argument writes whole, the keys a later property overrides
 * (`{ ...dto, password: '[REDACTED]' }`), and whether it is turned into a string
 * on the way (`'user: ' + user`, `${user}`), which shows an object's fields only
 * when it defines its own `toString`.
 */
export interface WholeValue {
  identifier: ts.Identifier;
  overridden: ReadonlySet<string>;
  stringified: boolean;
}

const NOTHING_OVERRIDDEN: ReadonlySet<string> = new Set();

/** The identifiers an argument writes whole. */
export function getWholeValues(argument: ts.Expression, stringified = false): WholeValue[] {
  const node = skipOuterExpressions(argument);
  if (ts.isIdentifier(node)) return [{ identifier: node, overridden: NOTHING_OVERRIDDEN, stringified }];
  if (ts.isTemplateExpression(node)) return node.templateSpans.flatMap((span) => getWholeValues(span.expression, true));
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...getWholeValues(node.left, true), ...getWholeValues(node.right, true)];
  }
  if (ts.isCallExpression(node) && node.expression.getText() === 'JSON.stringify' && node.arguments[0]) {
    return getWholeValues(node.arguments[0]);
  }
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((property, index) => {
      if (ts.isShorthandPropertyAssignment(property)) return [{ identifier: property.name, overridden: NOTHING_OVERRIDDEN, stringified }];
      if (ts.isPropertyAssignment(property)) return getWholeValues(property.initializer, stringified);
      if (!ts.isSpreadAssignment(property)) return [];
      const later = node.properties.slice(index + 1).flatMap((other) => (other.name && !ts.isComputedPropertyName(other.name) ? [other.name.getText().replace(/^['"]|['"]$/g, '')] : []));
      return getWholeValues(property.expression, stringified).map((value) => ({ ...value, overridden: new Set([...value.overridden, ...later]) }));
    });
  }
  return [];
}


/**
 * Log calls that write a whole value whose declared type (a parameter's or a
 * variable's annotation) is a project class, interface or type with a secret
 * member: `console.log('user', entity)` with `entity: UserEntity` declared in
 * the domain layer with a `password`. A class with its own `toJSON()` decides
 * what it shows and is left alone.
 */
export function traceLoggedTypedValues(sinkCalls: readonly LogSinkCall[], project: ProjectModel, vocabulary: RedlineVocabulary): LoggedTypedValueFact[] {
  const facts: LoggedTypedValueFact[] = [];
  for (const { call, file } of sinkCalls) {
    for (const { identifier: value, overridden, stringified } of call.arguments.flatMap((argument) => getWholeValues(argument))) {
      // Turned into a string, an object shows `[object Object]`, not its members.
      if (stringified) continue;
      const declaration = findLocalDeclaration(value);
      const type = declaration && (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration)) ? declaration.type : undefined;
      if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) continue;
      const resolved = resolveTypeDeclaration(file, type.typeName.text, project);
      const member = resolved && findSecretMember(resolved.node, vocabulary, overridden);
      if (!resolved || !member) continue;
      facts.push({
        at: getCodeSpan(call, file.sourceFile, file.relativePath),
        argument: value.text,
        sink: call.expression.getText(file.sourceFile),
        type: type.typeName.text,
        field: member.name,
        declaredAt: getCodeSpan(member.node, resolved.file.sourceFile, resolved.file.relativePath),
      });
      break;
    }
  }
  return facts;
}

type TypeDeclaration = ts.ClassDeclaration | ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

/** A class, interface or type alias declared in `file` or imported into it from a project file. */
function resolveTypeDeclaration(file: AnalyzedFile, name: string, project: ProjectModel): { node: TypeDeclaration; file: AnalyzedFile } | undefined {
  const local = findTypeStatement(file.sourceFile, name);
  if (local) return { node: local, file };
  const binding = file.imports.get(name);
  const target = binding && binding.imported !== '*' ? project.resolveModule(file, binding.specifier) : undefined;
  const imported = target && findTypeStatement(target.sourceFile, binding!.imported === 'default' ? name : binding!.imported);
  return target && imported ? { node: imported, file: target } : undefined;
}

function findTypeStatement(sourceFile: ts.SourceFile, name: string): TypeDeclaration | undefined {
  return sourceFile.statements.find(
    (statement): statement is TypeDeclaration =>
      (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name?.text === name,
  );
}

/**
 * The first secret-named member (property, accessor, constructor parameter
 * property) that is not a count or flag (`refreshTokens: number`) and not
 * overridden where it is logged; none when a class has `toJSON()`.
 */
function findSecretMember(declaration: TypeDeclaration, vocabulary: RedlineVocabulary, overridden: ReadonlySet<string>): { name: string; node: ts.Node } | undefined {
  const members: readonly ts.Node[] = ts.isTypeAliasDeclaration(declaration)
    ? (ts.isTypeLiteralNode(declaration.type) ? declaration.type.members : [])
    : declaration.members;
  const named: { name: string; node: ts.Node }[] = [];
  for (const member of members) {
    const name = (member as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) && !isCountOrFlag(member)) named.push({ name: name.text.replace(/^#/, ''), node: member });
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.getModifiers(parameter)?.length && ts.isIdentifier(parameter.name)) named.push({ name: parameter.name.text, node: parameter });
      }
    }
  }
  const isSecret = (name: string) => !overridden.has(name) && isSecretName(name, vocabulary.secretWords ?? []);
  const toJSON = named.find((member) => member.name === 'toJSON')?.node;
  if (toJSON) return findSecretInToJSON(toJSON, isSecret);
  return named.find((member) => isSecret(member.name));
}

/** A class's own `toJSON()` decides what it shows: a secret key in the object it returns (or `...this`), if any. */
function findSecretInToJSON(method: ts.Node, isSecret: (name: string) => boolean): { name: string; node: ts.Node } | undefined {
  if (!ts.isMethodDeclaration(method) || !method.body) return undefined;
  for (const statement of method.body.statements) {
    if (!ts.isReturnStatement(statement) || !statement.expression) continue;
    const returned = skipOuterExpressions(statement.expression);
    if (!ts.isObjectLiteralExpression(returned)) continue;
    for (const property of returned.properties) {
      if (ts.isSpreadAssignment(property) && property.expression.kind === ts.SyntaxKind.ThisKeyword) return { name: '…this', node: property };
      const name = property.name && !ts.isComputedPropertyName(property.name) ? property.name.getText() : undefined;
      if (name !== undefined && isSecret(name)) return { name, node: property };
    }
  }
  return undefined;
}

/** A member declared `number`, `boolean` or `Date` holds no secret, whatever its name. */
function isCountOrFlag(member: ts.Node): boolean {
  const type = (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member) || ts.isParameter(member)) ? member.type : undefined;
  if (!type) return false;
  if (type.kind === ts.SyntaxKind.NumberKeyword || type.kind === ts.SyntaxKind.BooleanKeyword) return true;
  return ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Date';
}
