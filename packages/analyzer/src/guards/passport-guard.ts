import ts from '../project/typescript.cjs';
import { getExtendedExpression } from '../project/lexical-scope.js';

/** How a Nest guard class built on `@nestjs/passport`'s `AuthGuard(strategy)` treats a caller. */
export type PassportGuardKind = 'enforces' | 'lets-everyone-through' | 'not-passport';

/**
 * `class TwoFactorGuard extends AuthGuard('two-factor') {}` runs a passport
 * strategy and turns away whoever it cannot authenticate, whatever the
 * strategy or class is called. A subclass whose `handleRequest` answers with
 * the user without ever throwing (`return user;`) lets anonymous callers in:
 * an optional guard.
 */
export function classifyPassportGuard(declaration: ts.ClassDeclaration): PassportGuardKind {
  const base = getExtendedExpression(declaration);
  if (!base || !ts.isCallExpression(base) || !ts.isIdentifier(base.expression) || base.expression.text !== 'AuthGuard') return 'not-passport';
  const handleRequest = declaration.members.find(
    (member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === 'handleRequest',
  );
  if (handleRequest?.body && !/\bthrow\b/.test(handleRequest.body.getText())) return 'lets-everyone-through';
  return 'enforces';
}
