import ts from '../project/typescript.cjs';
import {
  RECONNECT_OPTION,
  RETRY_ATTEMPT_OPTIONS,
  UNBOUNDED_NUMBER_NAMES,
  UNBOUNDED_RETRY_STRINGS,
  isAttemptCountName,
  type UnboundedRetryCountFact,
} from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { getEnclosingFunction, getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import type { NodeVisitor } from '../walk/walker.js';
import { resolveConstant, type ConstantValue } from './constant-values.js';
import { CalleeResolver } from './resolve-callee.js';

/** A count given to a call, by position or as an option of an object argument. */
interface CountArgument {
  call: ts.CallExpression;
  file: AnalyzedFile;
  index: number;
  option: string | undefined;
  /** The argument, or the option property. */
  at: ts.Node;
  value: ts.Expression;
}

/** A retry option (`retries: RETRY_FOREVER`) set from a name, not a literal. */
interface NamedOption {
  property: ts.ObjectLiteralElementLike;
  file: AnalyzedFile;
  option: string;
  value: ts.Expression;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
]);
/** Names a count that means "never stop" goes by: `RETRY_FOREVER`, `INFINITE_ATTEMPTS`, `config.maxRetries`. */
const UNLIMITED_WORDS = /forever|infinit|unlimited/i;
/** How many helpers deep a count is followed (`withRetry` → `retryWithPolicy` → its loop). */
const MAX_HELPER_DEPTH = 2;

/**
 * Unbounded retries one file cannot see: a count that means "never stop"
 * given to a project helper whose body bounds its retries with it
 * (`resilientCall(job, Infinity)` where `resilientCall` loops while
 * `attempt < maxAttempts`, or hands it to p-retry as `retries`), and a retry
 * option set from a constant another file makes infinite. Records candidate
 * calls and options in the walk; afterwards resolves their values and callees.
 */
export class RetryBoundAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.PropertyAssignment, ts.SyntaxKind.ShorthandPropertyAssignment] as const;
  private readonly candidates: CountArgument[] = [];
  private readonly options: NamedOption[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    if (ts.isCallExpression(node)) {
      this.recordArguments(node, file);
      return;
    }
    const property = node as ts.PropertyAssignment | ts.ShorthandPropertyAssignment;
    const option = property.name.getText();
    const value = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : property.name;
    if (!RETRY_ATTEMPT_OPTIONS.has(option) || !(ts.isIdentifier(value) || ts.isPropertyAccessExpression(value))) return;
    if (isReconnectOptions(property.parent)) return;
    this.options.push({ property, file, option, value });
  }

  private recordArguments(call: ts.CallExpression, file: AnalyzedFile): void {
    call.arguments.forEach((argument, index) => {
      const node = skipOuterExpressions(argument);
      if (ts.isObjectLiteralExpression(node)) {
        if (isReconnectOptions(node)) return;
        for (const property of node.properties) {
          const option = property.name?.getText();
          if (option === undefined || !isAttemptCountName(option)) continue;
          const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
          if (value && mayBeUnbounded(value, true)) this.candidates.push({ call, file, index, option, at: property, value });
        }
      } else if (mayBeUnbounded(node, false)) {
        this.candidates.push({ call, file, index, option: undefined, at: argument, value: argument });
      }
    });
  }

  resolve(project: ProjectModel): UnboundedRetryCountFact[] {
    const resolver = new CalleeResolver(project);
    const facts: UnboundedRetryCountFact[] = [];
    const reported = new Set<ts.Node>();
    for (const candidate of this.candidates) {
      const value = resolveConstant(candidate.value, candidate.file, project);
      if (!isUnboundedCount(value.node)) continue;
      const callee = resolver.resolve(candidate.call, getEnclosingFunction(candidate.call) ?? candidate.file.sourceFile, candidate.file);
      const bound = callee && findRetryBound(callee.node, candidate.index, candidate.option, callee.file, resolver, 0);
      if (!callee || !bound) continue;
      reported.add(candidate.at);
      facts.push({
        at: getCodeSpan(candidate.at, candidate.file.sourceFile, candidate.file.relativePath),
        value: candidate.value.getText(candidate.file.sourceFile),
        ...(candidate.option ? { option: candidate.option } : {}),
        helper: { name: callee.name, bound: getCodeSpan(bound, callee.file.sourceFile, callee.file.relativePath) },
        ...definedElsewhere(value, candidate.file),
      });
    }
    for (const option of this.options) {
      const value = resolveConstant(option.value, option.file, project);
      // A constant of the same file is the ESLint rule's to read.
      if (reported.has(option.property) || value.file === option.file || !isUnboundedCount(value.node)) continue;
      facts.push({
        at: getCodeSpan(option.property, option.file.sourceFile, option.file.relativePath),
        value: option.value.getText(option.file.sourceFile),
        option: option.option,
        ...definedElsewhere(value, option.file),
      });
    }
    return facts;
  }
}

/** Whether an argument is worth resolving: a global infinity, or a name that may hold one (`RETRY_FOREVER`, `config.maxRetries`). */
function mayBeUnbounded(expression: ts.Expression, isCountOption: boolean): boolean {
  const node = skipOuterExpressions(expression);
  if (isUnboundedCount(node)) return true;
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return false;
  // As an option the key says it is a count; by position the name has to.
  const name = getTrailingName(node);
  return isCountOption || isAttemptCountName(name) || UNLIMITED_WORDS.test(name);
}

function isUnboundedCount(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node)) return UNBOUNDED_RETRY_STRINGS.has(node.text);
  return UNBOUNDED_NUMBER_NAMES.has(node.getText().replace(/\s+/g, ''));
}

function isReconnectOptions(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some((property) => property.name !== undefined && RECONNECT_OPTION.test(property.name.getText()));
}

function definedElsewhere(value: ConstantValue, file: AnalyzedFile): Pick<UnboundedRetryCountFact, 'definedAt'> {
  return value.file === file ? {} : { definedAt: getCodeSpan(value.node, value.file.sourceFile, value.file.relativePath) };
}

/**
 * Where `fn` uses its parameter `index` (or that parameter's `option`) as the
 * bound of a retry: compared with a counter in a function that catches
 * failures, set as a retry library's count option, or handed to another
 * helper that does one of these. Only a parameter or option named as a count
 * (`maxAttempts`, `retries`) is followed: a page limit compared in a loop is
 * no retry.
 */
function findRetryBound(fn: ts.Node, index: number, option: string | undefined, file: AnalyzedFile, resolver: CalleeResolver, depth: number): ts.Node | undefined {
  if (!ts.isFunctionLike(fn) || !('body' in fn) || !fn.body) return undefined;
  const parameter = fn.parameters[index];
  if (!parameter) return undefined;
  const counts = new Set<string>();
  let options: string | undefined;
  if (option === undefined) {
    if (!ts.isIdentifier(parameter.name) || !isAttemptCountName(parameter.name.text)) return undefined;
    counts.add(parameter.name.text);
  } else if (ts.isObjectBindingPattern(parameter.name)) {
    const element = parameter.name.elements.find((candidate) => (candidate.propertyName ?? candidate.name).getText() === option);
    if (!element || !ts.isIdentifier(element.name)) return undefined;
    counts.add(element.name.text);
  } else if (ts.isIdentifier(parameter.name)) {
    options = parameter.name.text;
  } else {
    return undefined;
  }
  const isCount = (node: ts.Node): boolean => {
    const expression = ts.isExpression(node) ? skipOuterExpressions(node) : node;
    if (ts.isIdentifier(expression)) return counts.has(expression.text);
    return options !== undefined && ts.isPropertyAccessExpression(expression) && expression.name.text === option &&
      ts.isIdentifier(expression.expression) && expression.expression.text === options;
  };
  const mentionsCount = (node: ts.Node): boolean => isCount(node) || (ts.forEachChild(node, (child) => mentionsCount(child) || undefined) ?? false);

  let comparison: ts.Node | undefined;
  let forwarded: ts.Node | undefined;
  let catches = false;
  const visit = (node: ts.Node): void => {
    if (forwarded) return;
    if (ts.isCatchClause(node) || (ts.isCallExpression(node) && getTrailingName(node.expression) === 'catch')) catches = true;
    // `const { maxAttempts = 3 } = options`, `const limit = options.retries ?? 5`: the count under another name.
    if (ts.isVariableDeclaration(node) && node.initializer) addAlias(node, option, options, isCount, counts);
    if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind) && (mentionsCount(node.left) || mentionsCount(node.right))) comparison ??= node;
    if (ts.isPropertyAssignment(node) && RETRY_ATTEMPT_OPTIONS.has(node.name.getText()) && mentionsCount(node.initializer)) forwarded = node;
    if (ts.isShorthandPropertyAssignment(node) && RETRY_ATTEMPT_OPTIONS.has(node.name.text) && isCount(node.name)) forwarded = node;
    if (ts.isCallExpression(node) && depth < MAX_HELPER_DEPTH) {
      const position = node.arguments.findIndex((argument) => isCount(argument));
      const callee = position >= 0 ? resolver.resolve(node, fn, file) : undefined;
      if (callee && findRetryBound(callee.node, position, undefined, callee.file, resolver, depth + 1)) forwarded = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return forwarded ?? (catches ? comparison : undefined);
}

/** Adds the local names a declaration gives the count: destructured from the options, or copied with a fallback. */
function addAlias(declaration: ts.VariableDeclaration, option: string | undefined, options: string | undefined, isCount: (node: ts.Node) => boolean, counts: Set<string>): void {
  const initializer = skipOuterExpressions(declaration.initializer!);
  if (ts.isObjectBindingPattern(declaration.name)) {
    if (option === undefined || !ts.isIdentifier(initializer) || initializer.text !== options) return;
    const element = declaration.name.elements.find((candidate) => (candidate.propertyName ?? candidate.name).getText() === option);
    if (element && ts.isIdentifier(element.name)) counts.add(element.name.text);
    return;
  }
  const source = ts.isBinaryExpression(initializer) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(initializer.operatorToken.kind)
    ? initializer.left
    : initializer;
  if (ts.isIdentifier(declaration.name) && isCount(source)) counts.add(declaration.name.text);
}
