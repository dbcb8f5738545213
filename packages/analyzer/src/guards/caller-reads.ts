import ts from '../project/typescript.cjs';
import { splitIdentifierWords } from '@redline/core';
import { getTrailingName } from '../project/lexical-scope.js';

/**
 * The signed-in caller as an auth step before the handler leaves it on the
 * request: `req.user.id`, `request.auth`, `req.session.userId`,
 * `ctx.state.user`, `res.locals.user`, Hono's `c.get('userId')` / `c.var.user`.
 */
const CALLER_ON_REQUEST =
  /\b(?:req|request|ctx|context)\.(?:user|userId|auth|currentUser|session\.(?:user|uid|\w*(?:[a-z]I|_i)d))\b|\.state\.(?:user|userId)\b|\.locals\.(?:user|userId)\b|\bc\.get\(\s*['"](?:user|userId|session|auth|currentUser|jwtPayload)['"]\s*\)|\bc\.var\.(?:user|userId|session|auth)\b/;
/** Nest parameter decorators that read the request itself. */
export const REQUEST_DECORATORS: ReadonlySet<string> = new Set([
  'Param', 'Body', 'Query', 'Headers', 'Req', 'Request', 'Res', 'Response', 'Next', 'Ip', 'HostParam', 'UploadedFile', 'UploadedFiles',
]);
/** Words of a Nest parameter decorator that hands over the caller: `@CurrentUser()`, `@GetUser()`, `@AuthUser()`, `@JwtPayload()`. */
const CALLER_DECORATOR_WORDS: ReadonlySet<string> = new Set(['user', 'caller', 'principal', 'session', 'auth', 'account', 'member', 'jwt', 'me', 'usr']);

/** The names of a function's Nest parameter decorators (`@CurrentUser() user` → `CurrentUser`). */
export function getParameterDecoratorNames(fn: ts.Node): string[] {
  if (!ts.isFunctionLike(fn)) return [];
  return fn.parameters.flatMap((parameter) =>
    (ts.getDecorators(parameter) ?? []).map((decorator) => getTrailingName(ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression)));
}

/**
 * Whether a handler works with the caller that authentication before it
 * provides: reads it from the request, or takes it from a Nest decorator
 * that names it. Such a handler was written for signed-in callers; when no
 * step in the chain that the analyzer sees authenticates, the step is one it
 * cannot see (without it, every call would fail on the missing user).
 */
export function readsCallerFromRequest(fn: ts.Node): boolean {
  const text = fn.getText();
  // `req.user?.id || 'system'`: a handler that copes without a caller expects anonymous requests.
  if (/\b(?:req|request|ctx|context)\.(?:user|userId|auth|currentUser)\s*(?:\?\.|\?\?|\|\|)/.test(text)) return false;
  if (CALLER_ON_REQUEST.test(text)) return true;
  if (!ts.isFunctionLike(fn)) return false;
  // `@LoggedInUser() user?: User`: declared optional, the caller may well be nobody.
  return fn.parameters.some((parameter) => !parameter.questionToken && (ts.getDecorators(parameter) ?? []).some(isCallerDecorator));
}

/** `@CurrentUser()`, `@GetUser('id')`, `@AuthUser()`, `@JwtPayload()`: a Nest parameter decorator that hands over the caller. */
function isCallerDecorator(decorator: ts.Decorator): boolean {
  const name = getTrailingName(ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression);
  return !REQUEST_DECORATORS.has(name) && splitIdentifierWords(name).some((word) => CALLER_DECORATOR_WORDS.has(word));
}

/**
 * `@CurrentUser() user`, `@User() user`: the whole record authentication put on
 * `req.user` (not `@User('email') email`, one field of it, nor `@JwtPayload()`, the token's claims).
 */
export function isCallerParameter(parameter: ts.ParameterDeclaration): boolean {
  return (ts.getDecorators(parameter) ?? []).some((decorator) => isCallerDecorator(decorator) &&
    ts.isCallExpression(decorator.expression) && decorator.expression.arguments.length === 0 &&
    !splitIdentifierWords(getTrailingName(decorator.expression.expression)).some((word) => word === 'jwt' || word === 'payload' || word === 'session'));
}
