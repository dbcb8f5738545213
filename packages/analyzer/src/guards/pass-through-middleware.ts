import ts from '../project/typescript.cjs';
import { getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';


/**
 * Whether a middleware ends by letting the request on whatever happened
 * before (a bare `next()` as its last statement) and none of its early exits
 * turns a caller away:
 *
 *     function sessionlessAuth(req, res, next) {
 *       if (req.isAuthenticated()) return next();
 *       if (req.headers.authorization) return passport.authenticate('jwt', done)(req, res, next);
 *       next(); // no credentials: on we go, anonymous
 *     }
 *
 * It authenticates whoever brings credentials and lets everyone else in: no
 * route behind it alone is protected.
 */
export function fallsThroughToNext(fn: ts.Node): boolean {
  if (!ts.isFunctionLike(fn)) return false;
  const body = (fn as ts.FunctionLikeDeclaration).body;
  const next = (fn as ts.FunctionLikeDeclaration).parameters.at(-1)?.name;
  if (!body || !ts.isBlock(body) || !next || !ts.isIdentifier(next) || (fn as ts.FunctionLikeDeclaration).parameters.length < 3) return false;
  const last = body.statements.at(-1);
  if (!last || !ts.isExpressionStatement(last) || !isBareCall(last.expression, next.text)) return false;
  let rejects = false;
  const visit = (node: ts.Node): void => {
    if (rejects || ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      // An early exit stops the request unless it goes on (`return next()`) or hands it on (`return authenticate(…)(req, res, next)`).
      if (!node.expression || !handsOn(node.expression, next.text)) rejects = true;
      return;
    }
    if (ts.isThrowStatement(node) || (ts.isCallExpression(node) && turnsAway(node, next.text))) {
      rejects = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return !rejects;
}

function handsOn(expression: ts.Expression, name: string): boolean {
  const call = skipOuterExpressions(expression);
  return ts.isCallExpression(call) && (isBareCall(call, name) || call.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === name));
}

/**
 * A call that turns a caller away: an error status (`res.status(401)`, `reply.code(403)`), an error handed
 * to `next` (`next(new Unauthorized())`), or a check that throws for a caller without credentials (`jwt.verify(token, key)`).
 */
function turnsAway(call: ts.CallExpression, next: string): boolean {
  const name = getTrailingName(call.expression);
  if (name === next) return call.arguments.length > 0;
  if (STATUS_METHODS.has(name)) return /^4\d\d$/.test(call.arguments[0]?.getText() ?? '');
  return THROWING_CHECK.test(name);
}

const STATUS_METHODS = new Set(['status', 'code', 'sendStatus']);
/** Checks that throw for a caller without credentials: `jwt.verify`, `assertSignedIn`, `requireUser`, `ensureAuth`. */
const THROWING_CHECK = /^(?:verify|assert|require|ensure|authenticate|authorize)/i;

function isBareCall(expression: ts.Expression, name: string): boolean {
  const call = skipOuterExpressions(expression);
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === name && call.arguments.length === 0;
}

/**
 * Whether a Nest guard class lets every request through: its `canActivate`
 * returns nothing but `true`, and any check that could throw sits in a `try`
 * whose `catch` swallows the failure:
 *
 *     async canActivate(context) {
 *       try { await super.canActivate(context); request.isAdmin = true } catch {}
 *       return true
 *     }
 *
 * Such a guard labels the caller for the handlers; it protects no route.
 */
export function alwaysActivates(guard: ts.ClassDeclaration): boolean {
  const method = guard.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === 'canActivate');
  if (!method?.body) return false;
  let rejects = false;
  const visit = (node: ts.Node): void => {
    if (rejects || ts.isFunctionLike(node)) return;
    if (ts.isTryStatement(node) && node.catchClause && !containsThrow(node.catchClause.block)) {
      // What fails inside is caught and dropped: only the handler and what follows can turn anyone away.
      visit(node.catchClause.block);
      if (node.finallyBlock) visit(node.finallyBlock);
      return;
    }
    if (ts.isReturnStatement(node)) {
      if (!node.expression || skipOuterExpressions(node.expression).kind !== ts.SyntaxKind.TrueKeyword) rejects = true;
      return;
    }
    if (ts.isThrowStatement(node) || (ts.isCallExpression(node) && (THROWING_CHECK.test(getTrailingName(node.expression)) || getTrailingName(node.expression) === 'canActivate'))) {
      rejects = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(method.body);
  return !rejects;
}

function containsThrow(block: ts.Block): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isThrowStatement(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}
