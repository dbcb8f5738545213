import ts from '../project/typescript.cjs';
import type { CodeSpan } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import type { ProjectModel } from '../project/project-model.js';
import { findEnclosingClass, getThisFieldName } from '../project/lexical-scope.js';
import type { LogSinkCall } from './logged-records.js';

/**
 * What a logger module does to what it is given before it writes: a call of a masking helper
 * (`hashSensitiveFields(data)`, `redactSecrets(meta)`, `maskSensitive(value)`, `sanitize(args)`). Not pino's
 * `redact:` paths, which cover only what they list (`req.headers.authorization`, not a logged body).
 */
const MASKING = /\b(?:redact|mask|sanitiz|sanitis|scrub|censor|obfuscat|hashSensitive|filterSensitive|stripSensitive|removeSensitive)\w*\s*\(/i;

/**
 * Log calls through a logger the project imports from a module of its own that masks what it writes (a
 * `logger.server.ts` whose formatter hashes sensitive fields and bearer-looking values), or through an injected
 * logger class whose method writes in development only: the per-file rule sees only `logger.info(…)` and cannot
 * tell. The call spans, for refuting its findings there.
 */
export function findMaskedLogCalls(sinkCalls: readonly LogSinkCall[], project: ProjectModel): CodeSpan[] {
  const masks = new Map<AnalyzedFile, boolean>();
  const spans: CodeSpan[] = [];
  for (const { call, file } of sinkCalls) {
    const owner = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
    if (owner && ts.isPropertyAccessExpression(call.expression) && writesInDevelopmentOnly(owner, call.expression.name.text, file, project)) {
      spans.push(getCodeSpan(call, file.sourceFile, file.relativePath));
      continue;
    }
    if (!owner || !ts.isIdentifier(owner)) continue;
    const declared = getLoggerModule(owner.text, file, project);
    if (!declared) continue;
    let masking = masks.get(declared);
    if (masking === undefined) masks.set(declared, (masking = MASKING.test(declared.text)));
    if (masking) spans.push(getCodeSpan(call, file.sourceFile, file.relativePath));
  }
  return spans;
}

/**
 * The project module a logger comes from: the one it is imported from (`import { logger } from '~/logger'`),
 * or the one whose factory made it here (`const logger = createScopedLogger('webhook')`).
 */
function getLoggerModule(name: string, file: AnalyzedFile, project: ProjectModel): AnalyzedFile | undefined {
  if (file.imports.has(name)) {
    const declared = project.resolveName(file, name)?.file;
    return declared === file ? undefined : declared;
  }
  // A top-level `const`'s entry is its initialiser.
  const initializer = file.declarations.get(name);
  if (!initializer || !ts.isCallExpression(initializer) || !ts.isIdentifier(initializer.expression)) return undefined;
  const factory = initializer.expression.text;
  return file.imports.has(factory) ? getLoggerModule(factory, file, project) : undefined;
}

/** `isDevelopment`, `process.env.NODE_ENV === 'development'`, `isDev`: a test that holds in development only. */
const DEVELOPMENT_TEST = /^(?:!?\s*\(?\s*)?(?:is[_]?dev(?:elopment)?\b|process\.env\.NODE_ENV\s*===?\s*['"](?:development|dev)['"])/i;

/**
 * `this.logger.log(…)` where `constructor(private readonly logger: AppLoggerService)` and that class's `log` only
 * writes `if (isDevelopment || forceLog)`: the production log never gets it.
 */
function writesInDevelopmentOnly(owner: ts.Expression, method: string, file: AnalyzedFile, project: ProjectModel): boolean {
  const field = getThisFieldName(owner);
  const ownerClass = field !== undefined ? findEnclosingClass(owner) : undefined;
  const typeName = ownerClass && field !== undefined ? getFieldTypeName(ownerClass, field) : undefined;
  const loggerClass = typeName ? project.resolveName(file, typeName)?.node : undefined;
  if (!loggerClass || !ts.isClassDeclaration(loggerClass)) return false;
  const declared = loggerClass.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === method);
  const statements = declared?.body?.statements;
  return statements !== undefined && statements.length > 0 && statements.every((statement) =>
    ts.isIfStatement(statement) && !statement.elseStatement && DEVELOPMENT_TEST.test(statement.expression.getText().trim()));
}

/** The type a class gives `this.<field>`: a constructor parameter property or a property declaration. */
function getFieldTypeName(owner: ts.ClassLikeDeclaration, field: string): string | undefined {
  for (const member of owner.members) {
    const candidates: readonly (ts.ParameterDeclaration | ts.PropertyDeclaration)[] = ts.isConstructorDeclaration(member) ? member.parameters
      : ts.isPropertyDeclaration(member) ? [member] : [];
    for (const candidate of candidates) {
      if (!ts.isIdentifier(candidate.name) || candidate.name.text !== field) continue;
      const type = candidate.type;
      return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
    }
  }
  return undefined;
}
