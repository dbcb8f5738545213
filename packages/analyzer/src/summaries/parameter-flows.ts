import ts from '../project/typescript.cjs';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import { getStrippedFields } from './stripped-fields.js';

/** A parameter a function hands on: whole, or only some of its fields. */
export interface ParameterFlow {
  index: number;
  /** Set when only these fields of the parameter are copied (`{ id: user.id }`). */
  fields?: string[];
  /** Fields the function takes off the parameter before handing it back (`delete user.tempToken`). */
  omitted?: string[];
}

/**
 * What a function returns of its parameters: a parameter itself or
 * wrapped in an object (`{ accessToken, user }`), or fields copied off it
 * into an object or a DTO (`{ id: user.id }`, `dto.id = user.id; return dto`).
 */
export function getParameterFlows(fn: ts.Node): ParameterFlow[] {
  if (!ts.isFunctionLike(fn)) return [];
  const names = getParameterNames(fn);
  const flows: ParameterFlow[] = [];
  for (const returned of getReturnedExpressions(fn)) {
    const node = skipOuterExpressions(returned);
    const index = indexOfParameter(node, names);
    // `sanitizeUser(user) { delete user.credential; delete user.tempToken; return user }` hands the record back without them.
    const stripped = index !== -1 && ts.isIdentifier(node) ? getStrippedFields(node.text, fn) : [];
    if (index !== -1 && stripped !== 'all') flows.push(stripped.length > 0 ? { index, omitted: stripped } : { index });
    const literal = ts.isNewExpression(node) ? node.arguments?.[0] : node;
    if (literal && ts.isObjectLiteralExpression(literal)) flows.push(...getObjectFlows(literal, names));
    if (ts.isIdentifier(node)) {
      const fields = getFieldsAssignedFrom(fn, node.text, names);
      if (fields) flows.push(fields);
    }
  }
  return flows;
}

/**
 * What a class's constructor keeps of its parameters: `this.data = data`,
 * `constructor(public readonly data: T)`, `Object.assign(this, partial)`
 * keep one whole; `this.id = user.id` copies fields. A response wrapper
 * (`new ApiResponse(200, user, 'ok')`) hands its record on this way.
 */
export function getConstructorFlows(classNode: ts.ClassLikeDeclaration): ParameterFlow[] {
  const constructor = classNode.members.find(ts.isConstructorDeclaration);
  if (!constructor?.body) return [];
  const names = getParameterNames(constructor);
  const flows: ParameterFlow[] = [];
  constructor.parameters.forEach((parameter, index) => {
    // `constructor(public readonly data: T)` keeps the parameter as a property.
    if (ts.getModifiers(parameter)?.length) flows.push({ index });
  });
  const copied = new Map<number, string[]>();
  for (const statement of constructor.body.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = statement.expression;
    // Object.assign(this, partial)
    if (ts.isCallExpression(expression) && expression.expression.getText() === 'Object.assign' && expression.arguments[0]?.kind === ts.SyntaxKind.ThisKeyword) {
      for (const argument of expression.arguments.slice(1)) {
        const index = indexOfParameter(skipOuterExpressions(argument), names);
        if (index !== -1) flows.push({ index });
      }
      continue;
    }
    if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    if (!ts.isPropertyAccessExpression(expression.left) || expression.left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    const value = skipOuterExpressions(expression.right);
    const index = indexOfParameter(value, names);
    if (index !== -1) flows.push({ index });
    if (ts.isPropertyAccessExpression(value)) {
      const owner = indexOfParameter(skipOuterExpressions(value.expression), names);
      if (owner !== -1) copied.set(owner, [...(copied.get(owner) ?? []), value.name.text]);
    }
  }
  for (const [index, fields] of copied) flows.push({ index, fields });
  return flows;
}

/** `return x` statements of a function (not of functions nested in it), or an arrow's expression body. */
export function getReturnedExpressions(fn: ts.Node): ts.Expression[] {
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

export function getParameterNames(fn: ts.SignatureDeclaration): (string | undefined)[] {
  return fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
}

function indexOfParameter(node: ts.Node, names: readonly (string | undefined)[]): number {
  return ts.isIdentifier(node) ? names.indexOf(node.text) : -1;
}

/** `{ user }`, `{ data: user }`, `{ ...user }` hand a parameter on whole; `{ id: user.id }` copies fields. */
function getObjectFlows(literal: ts.ObjectLiteralExpression, names: readonly (string | undefined)[]): ParameterFlow[] {
  const flows: ParameterFlow[] = [];
  const copied = new Map<number, string[]>();
  for (const property of literal.properties) {
    if (ts.isShorthandPropertyAssignment(property) && indexOfParameter(property.name, names) !== -1) flows.push({ index: indexOfParameter(property.name, names) });
    if (ts.isSpreadAssignment(property) && indexOfParameter(skipOuterExpressions(property.expression), names) !== -1) {
      flows.push({ index: indexOfParameter(skipOuterExpressions(property.expression), names) });
    }
    if (!ts.isPropertyAssignment(property)) continue;
    const value = skipOuterExpressions(property.initializer);
    if (indexOfParameter(value, names) !== -1) flows.push({ index: indexOfParameter(value, names) });
    if (ts.isPropertyAccessExpression(value) && indexOfParameter(value.expression, names) !== -1) {
      const index = indexOfParameter(value.expression, names);
      copied.set(index, [...(copied.get(index) ?? []), value.name.text]);
    }
  }
  for (const [index, fields] of copied) flows.push({ index, fields });
  return flows;
}

/** `response.id = entity.id; response.email = entity.email;` → the parameter `entity` and `['id', 'email']`. */
function getFieldsAssignedFrom(fn: ts.Node, target: string, parameters: (string | undefined)[]): ParameterFlow | undefined {
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
