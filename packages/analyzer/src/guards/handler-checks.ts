import { ts } from 'ts-morph';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import type { ProjectModel } from '../project/project-model.js';
import { AUTH_BODY_PATTERN, SKIP_AUTH_OPTION } from './auth-patterns.js';

/** A handler that rejects anonymous callers itself: `if (!req.user) return res.status(401)…`, `await auth()`, `throw new UnauthorizedException()`. */
const HANDLER_AUTH_PATTERN =
  /\b(?:status\(\s*401\s*\)|code\(\s*401\s*\)|401\b|[Uu]nauthorized|UNAUTHORIZED|getServerSession\(|currentUser\(|\bauth\(\)|getSession\(|requireUser\(|requireAuth\(|isAuthenticated\(\)|verifyToken\(|jwt\.verify\(|getAuth\(|validateRequest\(|[Aa]uthorization\b|cookies\.(?:token|jwt|session|access_?token)\b)/;
/** A handler that rate-limits its own callers was left open on purpose (a public OTP or sign-up step). */
const HANDLER_RATE_LIMIT_PATTERN = /\b(?:rateLimit|ratelimit|rateLimiter|limiter|throttle)\w*\s*[.(]/i;
/** A handler that checks a role itself before acting. */
const HANDLER_ROLE_PATTERN = /\b(?:role|roles|isAdmin|permission|permissions)\b[\s\S]{0,200}\b(?:403|Forbidden|FORBIDDEN|ForbiddenException)\b|\b(?:403|Forbidden|ForbiddenException)\b[\s\S]{0,200}\b(?:role|isAdmin|permission)\b/;

/**
 * Reads what a route handler does about auth: in its own body, or in a
 * project helper it calls first (`const { auth } = await parseRequest(req)`
 * where `parseRequest` verifies the token) unless the call opts out.
 */
export class HandlerInspector {
  private readonly helperCache = new Map<ts.Node, boolean>();

  constructor(private readonly project: ProjectModel) {}

  checksAuth(handler: ts.Node | undefined, file: AnalyzedFile): boolean {
    if (!handler) return false;
    if (HANDLER_AUTH_PATTERN.test(handler.getText())) return true;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && !SKIP_AUTH_OPTION.test(node.getText())) {
        found = this.isAuthHelper(node.expression.text, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(handler);
    return found;
  }

  /**
   * Whether the handler is public on purpose: it tells a shared auth helper to
   * let the request through (`{ skipAuth: true }`), or rate-limits its callers itself.
   */
  optsOutOfAuth(handler: ts.Node | undefined): boolean {
    if (handler === undefined) return false;
    const text = handler.getText();
    return SKIP_AUTH_OPTION.test(text) || HANDLER_RATE_LIMIT_PATTERN.test(text);
  }

  checksRole(handler: ts.Node | undefined): boolean {
    return handler !== undefined && HANDLER_ROLE_PATTERN.test(handler.getText());
  }

  private isAuthHelper(name: string, file: AnalyzedFile): boolean {
    const resolved = this.project.resolveName(file, name);
    if (!resolved || !ts.isFunctionLike(resolved.node)) return false;
    const cached = this.helperCache.get(resolved.node);
    if (cached !== undefined) return cached;
    const result = AUTH_BODY_PATTERN.test(resolved.node.getText());
    this.helperCache.set(resolved.node, result);
    return result;
  }
}
