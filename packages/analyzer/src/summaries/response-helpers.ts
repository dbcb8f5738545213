import ts from '../project/typescript.cjs';
import type { CodeSpan } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, skipOuterExpressions } from '../project/lexical-scope.js';
import { getConstructorFlows, getParameterNames } from './parameter-flows.js';
import type { CalleeResolver } from './resolve-callee.js';
import { getSinkPayload, isResponseObjectArgument } from './response-sinks.js';
import { getStrippedFields } from './stripped-fields.js';

/**
 * What a response helper does with its parameters: it sends through `response` a body that carries `payloads`,
 * after taking `omitted` fields off them (`user.password = undefined` in `createSendToken(user, 200, res)`).
 */
interface HelperSummary {
  response: number;
  payloads: number[];
  omitted: string[];
}

/** What `read` finds: the response parameter, the payload parameters, and what an inner helper takes off them. */
interface SentParameters {
  response: number;
  payloads: number[];
  innerOmitted?: string[];
}

/** A call to a response helper: the arguments that end up in the response, the fields it takes off them, and the helper. */
export interface ResponseHelperCall {
  payloads: ts.Expression[];
  omitted: string[];
  helper: { name: string; at: CodeSpan };
}

const MAX_DEPTH = 4;

/**
 * Project functions that send their argument as the response:
 * `sendResponse(res, 200, user)` → `res.status(status).json(data)`,
 * `successResponse(res, { user })` → `res.json({ success: true, ...payload })`,
 * `apiResponse.ok(res, data)` → `return send(res, 200, { data })`. The summary
 * (which parameter is the response object, which end up in its body, whole
 * or wrapped) is learnt once per function, across files, like log forwarding.
 */
export class ResponseHelpers {
  private readonly summaries = new Map<ts.Node, HelperSummary | null>();

  constructor(private readonly callees: CalleeResolver) {}

  /** When `call` (inside `fn`) hands the handler's response object to a helper that sends some of its arguments. */
  match(call: ts.CallExpression, fn: ts.Node, file: AnalyzedFile, depth = 0): ResponseHelperCall | undefined {
    if (!call.arguments.some(isResponseObjectArgument)) return undefined;
    const callee = this.callees.resolve(call, fn, file);
    const summary = callee && this.summarize(callee.node, callee.file, depth);
    if (!callee || !summary || !call.arguments[summary.response]) return undefined;
    const payloads = summary.payloads.flatMap((index) => call.arguments[index] ?? []);
    if (payloads.length === 0) return undefined;
    return { payloads, omitted: summary.omitted, helper: { name: callee.name, at: getCodeSpan(callee.node, callee.file.sourceFile, callee.file.relativePath) } };
  }

  private summarize(fn: ts.Node, file: AnalyzedFile, depth: number): HelperSummary | undefined {
    const cached = this.summaries.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.summaries.set(fn, null); // recursion guard
    const summary = depth < MAX_DEPTH && ts.isFunctionLike(fn) ? withStrippedFields(this.read(fn, file, depth), fn) : undefined;
    this.summaries.set(fn, summary ?? null);
    return summary;
  }

  /** The first response the function sends through one of its parameters with a body built from others. */
  private read(fn: ts.SignatureDeclaration, file: AnalyzedFile, depth: number): SentParameters | undefined {
    const names = getParameterNames(fn);
    let found: SentParameters | undefined;
    const visit = (node: ts.Node): void => {
      if (found || (node !== fn && (ts.isFunctionLike(node) || ts.isClassLike(node)))) return;
      const sink = getSinkPayload(node);
      if (sink && names.includes(sink.receiver)) {
        const payloads = this.getCarriedParameters(sink.value, fn, file, names, 0);
        if (payloads.length > 0) found = { response: names.indexOf(sink.receiver), payloads };
      } else if (ts.isCallExpression(node)) {
        // A helper that delegates to another: `ok(res, data) { return send(res, 200, { data }) }`.
        const inner = this.match(node, fn, file, depth + 1);
        const response = inner && node.arguments.find((argument): argument is ts.Identifier => isResponseObjectArgument(argument) && names.includes((argument as ts.Identifier).text));
        if (inner && response) {
          const payloads = inner.payloads.flatMap((payload) => this.getCarriedParameters(payload, fn, file, names, 0));
          // What the inner helper takes off is taken off here too.
          if (payloads.length > 0) found = { response: names.indexOf(response.text), payloads, innerOmitted: inner.omitted };
        }
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn, visit);
    return found;
  }

  /**
   * The parameters a response body carries whole: the parameter itself, a
   * local built from it, an object that wraps it (`{ success: true, data }`,
   * `{ ...payload }`), or a wrapper class that keeps it (`new ApiResponse(status, data)`).
   */
  private getCarriedParameters(value: ts.Expression, fn: ts.Node, file: AnalyzedFile, names: readonly (string | undefined)[], depth: number): number[] {
    if (depth > MAX_DEPTH) return [];
    const node = skipOuterExpressions(value);
    const recurse = (child: ts.Expression) => this.getCarriedParameters(child, fn, file, names, depth + 1);
    if (ts.isIdentifier(node)) {
      if (names.includes(node.text)) return [names.indexOf(node.text)];
      const declaration = findLocalDeclaration(node);
      return declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? recurse(declaration.initializer) : [];
    }
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.flatMap((property) => {
        if (ts.isShorthandPropertyAssignment(property)) return recurse(property.name);
        if (ts.isPropertyAssignment(property)) return recurse(property.initializer);
        if (ts.isSpreadAssignment(property)) return recurse(property.expression);
        return [];
      });
    }
    if (ts.isConditionalExpression(node)) return [...recurse(node.whenTrue), ...recurse(node.whenFalse)];
    if (ts.isNewExpression(node)) {
      const classNode = this.callees.resolveClass(node, fn, file);
      const flows = classNode ? getConstructorFlows(classNode.node).filter((flow) => !flow.fields) : [];
      return flows.flatMap((flow) => (node.arguments?.[flow.index] ? recurse(node.arguments[flow.index]!) : []));
    }
    return [];
  }
}

/**
 * The summary with the fields the helper takes off its payload parameters
 * before sending (`user.password = undefined`); a payload it reshapes whole
 * (`const { password, ...rest } = user`) is no longer sent as the record.
 */
function withStrippedFields(found: SentParameters | undefined, fn: ts.SignatureDeclaration): HelperSummary | undefined {
  if (!found) return undefined;
  const names = getParameterNames(fn);
  const omitted = [...(found.innerOmitted ?? [])];
  const payloads: number[] = [];
  for (const index of found.payloads) {
    const name = names[index];
    const stripped = name === undefined ? [] : getStrippedFields(name, fn);
    if (stripped === 'all') continue;
    payloads.push(index);
    omitted.push(...stripped);
  }
  return payloads.length > 0 ? { response: found.response, payloads, omitted } : undefined;
}
