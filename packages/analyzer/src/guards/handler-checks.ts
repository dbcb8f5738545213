import type { ts } from 'ts-morph';

/** A handler that rejects anonymous callers itself: `if (!req.user) return res.status(401)…`, `await auth()`, `throw new UnauthorizedException()`. */
const HANDLER_AUTH_PATTERN =
  /\b(?:status\(\s*401\s*\)|code\(\s*401\s*\)|401\b|[Uu]nauthorized|UNAUTHORIZED|getServerSession\(|currentUser\(|\bauth\(\)|getSession\(|requireUser\(|requireAuth\(|isAuthenticated\(\)|verifyToken\(|jwt\.verify\(|getAuth\(|validateRequest\()/;
/** A handler that checks a role itself before acting. */
const HANDLER_ROLE_PATTERN = /\b(?:role|roles|isAdmin|permission|permissions)\b[\s\S]{0,200}\b(?:403|Forbidden|FORBIDDEN|ForbiddenException)\b|\b(?:403|Forbidden|ForbiddenException)\b[\s\S]{0,200}\b(?:role|isAdmin|permission)\b/;

/** Whether a handler's body authenticates the caller itself. */
export function handlerChecksAuth(handler: ts.Node | undefined): boolean {
  return handler !== undefined && HANDLER_AUTH_PATTERN.test(handler.getText());
}

/** Whether a handler's body checks a role or permission itself. */
export function handlerChecksRole(handler: ts.Node | undefined): boolean {
  return handler !== undefined && HANDLER_ROLE_PATTERN.test(handler.getText());
}
