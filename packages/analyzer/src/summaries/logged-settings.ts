import ts from '../project/typescript.cjs';
import { isSecretName, type LoggedSettingsFact, type RedlineVocabulary } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import { getWholeValues, type LogSinkCall } from './logged-records.js';

/** How deep nested settings (`{ oauth: { github: { clientSecret } } }`) and schema builder calls are searched. */
const MAX_DEPTH = 8;
/** Calls that return their input checked against a schema: `schema.parse(raw)`, `validator.validateSync(raw)`. */
const SCHEMA_CHECKS = new Set(['parse', 'safeParse', 'parseAsync', 'validate', 'validateSync', 'cast']);

/**
 * Log calls that write a whole settings object with a secret in it: the app's
 * `config` (`{ jwtSecret: process.env.JWT_SECRET, … }`, declared here or
 * imported), or what a schema with a secret key returned
 * (`JSON.stringify(schema.parse(raw))` where `schema = z.object({ secret: z.string() })`).
 * Startup code logs its configuration "to help debugging", and the log then
 * holds every key the app has.
 */
export function traceLoggedSettings(sinkCalls: readonly LogSinkCall[], project: ProjectModel, vocabulary: RedlineVocabulary): LoggedSettingsFact[] {
  const isSecret = (name: string) => isSecretName(name, vocabulary.secretWords ?? []);
  const facts: LoggedSettingsFact[] = [];
  for (const { call, file } of sinkCalls) {
    for (const { identifier, overridden, stringified } of call.arguments.flatMap((argument) => getWholeValues(argument))) {
      // Turned into a string without JSON.stringify, an object shows `[object Object]`.
      if (stringified) continue;
      const settings = resolveSettings(identifier, file, project);
      const secret = settings && findSecretKey(settings.node, (name) => !overridden.has(name) && isSecret(name), 0);
      if (!settings || !secret) continue;
      facts.push({
        at: getCodeSpan(call, file.sourceFile, file.relativePath),
        argument: identifier.text,
        sink: call.expression.getText(file.sourceFile),
        field: secret.getText(settings.file.sourceFile),
        declaredAt: getCodeSpan(secret, settings.file.sourceFile, settings.file.relativePath),
      });
      break;
    }
  }
  return facts;
}

/** The object literal a logged name holds (here or imported), or the schema literal a checked value was parsed with. */
function resolveSettings(identifier: ts.Identifier, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  const local = findLocalDeclaration(identifier);
  let initializer: ts.Node | undefined;
  let owner = file;
  if (local) {
    if (!ts.isVariableDeclaration(local)) return undefined;
    initializer = local.initializer;
  } else {
    const imported = project.resolveName(file, identifier.text);
    if (!imported) return undefined;
    initializer = ts.isVariableDeclaration(imported.node) ? imported.node.initializer : imported.node;
    owner = imported.file;
  }
  if (!initializer) return undefined;
  const value = skipOuterExpressions(initializer as ts.Expression);
  if (ts.isObjectLiteralExpression(value)) return { node: value, file: owner };
  const schema = getCheckingSchema(value);
  return schema ? { node: schema, file: owner } : undefined;
}

/** `schema.parse(raw)` → the schema's declaration (`z.object({ … })`), when it is a variable of the same file. */
function getCheckingSchema(value: ts.Expression): ts.Node | undefined {
  const call = ts.isAwaitExpression(value) ? skipOuterExpressions(value.expression) : value;
  if (!ts.isCallExpression(call)) return undefined;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !SCHEMA_CHECKS.has(callee.name.text)) return undefined;
  const target = skipOuterExpressions(callee.expression);
  const declaration = ts.isIdentifier(target) ? findLocalDeclaration(target) : undefined;
  return declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
}

/**
 * The first key naming a secret in an object literal (or in the object
 * literals a schema builder is given), nested objects included; a count or
 * flag (`secureCookies: true`, `tokenTtl: 3600`) is no secret.
 */
function findSecretKey(node: ts.Node, isSecret: (name: string) => boolean, depth: number): ts.PropertyName | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = property.name;
      const value = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
      if (!ts.isComputedPropertyName(name) && isSecret(name.getText().replace(/^['"]|['"]$/g, '')) && !isCountOrFlag(value)) return name;
      const nested = value && findSecretKey(value, isSecret, depth + 1);
      if (nested) return nested;
    }
    return undefined;
  }
  // A schema builder's arguments: `z.object({ … })`, `s.object({ … }).optional`.
  if (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) {
    let found: ts.PropertyName | undefined;
    ts.forEachChild(node, (child) => {
      found ??= findSecretKey(child, isSecret, depth + 1);
    });
    return found;
  }
  return undefined;
}

function isCountOrFlag(value: ts.Expression | undefined): boolean {
  return value !== undefined && (value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword || ts.isNumericLiteral(value) ||
    (ts.isPrefixUnaryExpression(value) && ts.isNumericLiteral(value.operand)));
}
