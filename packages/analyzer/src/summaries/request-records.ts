import ts from '../project/typescript.cjs';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { findLocalDeclaration, getEnclosingFunction, getExtendedExpression } from '../project/lexical-scope.js';
import type { NodeVisitor } from '../walk/walker.js';

/** `req.user = <value>` inside a middleware: the value, the function it is computed in, and its file. */
export interface RequestAssignment {
  value: ts.Expression;
  fn: ts.Node;
  file: AnalyzedFile;
}

/**
 * Values middleware puts on the request for later handlers: `req.user = await
 * User.findById(decoded.id)` in an auth middleware, `ctx.state.user = …` in
 * Koa. A handler that sends `req.user` sends what the middleware loaded,
 * from another file. Keyed by the property path (`user`, `state.user`).
 */
export class RequestAssignmentAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.BinaryExpression, ts.SyntaxKind.ClassDeclaration] as const;
  readonly assignments = new Map<string, RequestAssignment[]>();

  visit(node: ts.Node, file: AnalyzedFile): void {
    if (ts.isClassDeclaration(node)) {
      this.readPassportStrategy(node, file);
      return;
    }
    const assignment = node as ts.BinaryExpression;
    if (assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const path = getRequestPropertyPath(assignment.left);
    const fn = path && getEnclosingFunction(assignment);
    if (!path || !fn) return;
    this.assignments.set(path, [...(this.assignments.get(path) ?? []), { value: assignment.right, fn, file }]);
  }

  /**
   * `class JwtStrategy extends PassportStrategy(Strategy) { validate(payload) { return this.users.findOneById(payload.id); } }`:
   * passport puts what `validate` returns on `req.user`, for every route the strategy's guard lets in.
   */
  private readPassportStrategy(node: ts.ClassDeclaration, file: AnalyzedFile): void {
    const base = getExtendedExpression(node);
    if (!base || !ts.isCallExpression(base) || !ts.isIdentifier(base.expression) || base.expression.text !== 'PassportStrategy') return;
    const validate = node.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === 'validate');
    if (!validate?.body) return;
    const returned: ts.Expression[] = [];
    const collect = (child: ts.Node): void => {
      if (ts.isReturnStatement(child) && child.expression) returned.push(child.expression);
      if (!ts.isFunctionLike(child)) ts.forEachChild(child, collect);
    };
    ts.forEachChild(validate.body, collect);
    const values = returned.map((value) => ({ value, fn: validate, file }));
    if (values.length > 0) this.assignments.set('user', [...(this.assignments.get('user') ?? []), ...values]);
  }
}

/**
 * `req.user` → `user`, `ctx.state.user` → `state.user`: a property of the
 * request (or Koa context) a function received as a parameter.
 */
export function getRequestPropertyPath(node: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const names: string[] = [node.name.text];
  let owner = node.expression;
  while (ts.isPropertyAccessExpression(owner)) {
    names.unshift(owner.name.text);
    owner = owner.expression;
  }
  if (!ts.isIdentifier(owner) || !REQUEST_NAMES.has(owner.text) || REQUEST_INPUTS.has(names[0]!)) return undefined;
  const declaration = findLocalDeclaration(owner);
  return declaration && ts.isParameter(declaration) ? names.join('.') : undefined;
}

/** Names a handler's request or Koa context goes by. */
const REQUEST_NAMES = new Set(['req', 'request', 'ctx', 'context']);
/** What the client sent: never a record the server loaded. */
const REQUEST_INPUTS = new Set(['body', 'params', 'query', 'headers', 'cookies', 'request', 'response']);
