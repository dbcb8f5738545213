import ts from '../project/typescript.cjs';
import { LOG_METHODS, isConstantLabel, isLoggerObjectName, isRedactionHelperName, isSecretName, type LoggedArgumentFact, type RedlineVocabulary } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import type { NodeVisitor } from '../walk/walker.js';
import type { LogSinkCall } from './logged-records.js';

/** The sensitive value an argument carries, if any. */
type Sensitivity = LoggedArgumentFact['reason'];

/**
 * Secret logging through helpers: records, in the walk, calls that pass a
 * sensitive argument (a secret-named value, a whole request body, headers,
 * cookies, `process.env`) to a plain function; afterwards keeps those whose
 * callee is a project function that writes that parameter to a log sink.
 */
export class LogForwardingAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  private readonly candidates: { call: ts.CallExpression; file: AnalyzedFile; index: number; reason: Sensitivity; argument: string }[] = [];
  /** Direct log calls, for the records they may write (`traceLoggedRecords`). */
  readonly sinkCalls: LogSinkCall[] = [];

  constructor(private readonly vocabulary: RedlineVocabulary) {}

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    // Direct log calls of secret names are the ESLint rule's; here only calls into other functions.
    if (getLogSink(call, this.vocabulary)) {
      this.sinkCalls.push({ call, file });
      return;
    }
    call.arguments.forEach((argument, index) => {
      const reason = getSensitivity(argument, this.vocabulary);
      if (reason) this.candidates.push({ call, file, index, reason, argument: argument.getText(file.sourceFile).slice(0, 80) });
    });
  }

  /** The candidates whose callee forwards that parameter to a log sink. */
  resolve(project: ProjectModel): LoggedArgumentFact[] {
    const forwarding = new Map<ts.Node, Map<number, ts.CallExpression | null>>();
    const facts: LoggedArgumentFact[] = [];
    for (const candidate of this.candidates) {
      const callee = resolveFunction(candidate.call.expression, candidate.file, project);
      if (!callee) continue;
      let byIndex = forwarding.get(callee.node);
      if (!byIndex) forwarding.set(callee.node, (byIndex = new Map()));
      if (!byIndex.has(candidate.index)) byIndex.set(candidate.index, findLoggedParameter(callee.node, candidate.index, this.vocabulary) ?? null);
      const sink = byIndex.get(candidate.index);
      if (!sink) continue;
      facts.push({
        at: getCodeSpan(candidate.call, candidate.file.sourceFile, candidate.file.relativePath),
        argument: candidate.argument,
        reason: candidate.reason,
        helper: { name: callee.name, at: getCodeSpan(callee.node, callee.file.sourceFile, callee.file.relativePath) },
        sink: getCodeSpan(sink, callee.file.sourceFile, callee.file.relativePath),
      });
    }
    return facts;
  }
}

/** `console.info(...)`, `logger.warn(...)`, `this.logger.error(...)`, `req.log.info(...)`. */
function getLogSink(call: ts.CallExpression, vocabulary: RedlineVocabulary): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !LOG_METHODS.has(callee.name.text)) return false;
  const owner = callee.expression;
  const ownerName = ts.isPropertyAccessExpression(owner) ? owner.name.text : ts.isIdentifier(owner) ? owner.text : undefined;
  return ownerName !== undefined && isLoggerObjectName(ownerName, vocabulary.loggers ?? []);
}

function getSensitivity(argument: ts.Expression, vocabulary: RedlineVocabulary): Sensitivity | undefined {
  const node = skipOuterExpressions(argument);
  const text = node.getText();
  if (/^(?:req|request|ctx\.request)\.body$/.test(text)) return 'request-body';
  if (/^(?:req|request|ctx\.request|ctx)\.headers$/.test(text)) return 'request-headers';
  if (/^(?:req|request|ctx)\.cookies$/.test(text)) return 'cookies';
  if (text === 'process.env') return 'environment';
  // `createRedisClient(RedisInstanceType.SESSION)`: an enum's label names a kind of secret, it holds none.
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && isConstantLabel(node.expression.text, node.name.text)) return undefined;
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  return name !== undefined && isSecretName(name, vocabulary.secretWords ?? []) ? 'secret-name' : undefined;
}

/** The log call inside `fn` that writes parameter `index` (as itself, in a template, an object, a spread, `JSON.stringify`). */
function findLoggedParameter(fn: ts.Node, index: number, vocabulary: RedlineVocabulary): ts.CallExpression | undefined {
  if (!ts.isFunctionLike(fn)) return undefined;
  const parameter = fn.parameters[index];
  if (!parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const name = parameter.name.text;
  // A secret-named parameter (`sendSmsOtp(phone, otp)`) is reported where it is logged, by the per-file rule:
  // that line is the one fix, not every call that hands the value over.
  if (isSecretName(name, vocabulary.secretWords ?? [])) return undefined;
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    // `if (value.startsWith('/')) { try { … readFileSync(value) } catch { log(`Error reading ${value}`) } }`: there the
    // value is a file's path (the secret may be given as one), and the path is what is logged.
    if (ts.isIfStatement(node) && testsForPath(node.expression, name)) {
      if (node.elseStatement) visit(node.elseStatement);
      return;
    }
    // The same when the `catch` can only catch what the path branch threw.
    if (ts.isTryStatement(node) && onlyPathBranchThrows(node.tryBlock, name)) {
      visit(node.tryBlock);
      if (node.finallyBlock) visit(node.finallyBlock);
      return;
    }
    if (ts.isCallExpression(node) && getLogSink(node, vocabulary) && node.arguments.some((argument) => mentionsUnredacted(argument, name, vocabulary))) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/** `value.startsWith('/')`, `value.startsWith('./')`, `path.isAbsolute(value)`, `existsSync(value)`: a test that `name` holds a file path. */
function testsForPath(condition: ts.Expression, name: string): boolean {
  const text = condition.getText();
  const escaped = name.replace(/[$]/g, '\\$&');
  return new RegExp(`\\b${escaped}\\.startsWith\\(\\s*['"\`](?:\\.{0,2}/|file:)`).test(text) ||
    new RegExp(`\\b(?:isAbsolute|existsSync)\\(\\s*${escaped}\\s*\\)`).test(text);
}

/** `try { if (value.startsWith('/')) { … } return value; }`: the block's only statement that can throw is the path branch. */
function onlyPathBranchThrows(block: ts.Block, name: string): boolean {
  const isPathBranch = (statement: ts.Statement) => ts.isIfStatement(statement) && !statement.elseStatement && testsForPath(statement.expression, name);
  return block.statements.some(isPathBranch) && block.statements.every((statement) =>
    isPathBranch(statement) || (ts.isReturnStatement(statement) && (!statement.expression || ts.isIdentifier(statement.expression))));
}

/** Whether an expression uses the identifier `name` other than through a redaction helper or a non-secret property. */
function mentionsUnredacted(node: ts.Node, name: string, vocabulary: RedlineVocabulary): boolean {
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (isRedactionHelperName(calleeName, vocabulary.redactionHelpers ?? [])) return false;
  }
  // `{ payload: redact(payload) }`: the key is a name, only the value is logged.
  if (ts.isPropertyAssignment(node)) return mentionsUnredacted(node.initializer, name, vocabulary);
  // `data.id`, `user.email`: a property of the parameter, not the parameter.
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) return false;
  if (ts.isIdentifier(node) && node.text === name) return true;
  let mentions = false;
  ts.forEachChild(node, (child) => {
    if (!mentions) mentions = mentionsUnredacted(child, name, vocabulary);
  });
  return mentions;
}

function resolveFunction(callee: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile; name: string } | undefined {
  const node = skipOuterExpressions(callee);
  if (ts.isIdentifier(node)) {
    const resolved = project.resolveName(file, node.text);
    return resolved && ts.isFunctionLike(resolved.node) ? { node: resolved.node, file: resolved.file, name: node.text } : undefined;
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    const binding = file.imports.get(node.expression.text);
    const target = binding?.imported === '*' ? project.resolveModule(file, binding.specifier) : undefined;
    const exported = target ? project.resolveExport(target, node.name.text) : undefined;
    if (exported && ts.isFunctionLike(exported.node)) return { node: exported.node, file: exported.file, name: `${node.expression.text}.${node.name.text}` };
  }
  return undefined;
}
