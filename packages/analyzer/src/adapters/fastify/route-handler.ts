import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';

/** The function that handles a Fastify route, and its file: inline, a local or imported function, or a method of an imported object. */
export function resolveFastifyHandler(handler: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  const node = ts.isMethodDeclaration(handler) ? handler : skipOuterExpressions(handler);
  if (ts.isFunctionLike(node)) return { node, file };
  if (ts.isIdentifier(node)) {
    const local = findLocalDeclaration(node);
    if (local && ts.isFunctionDeclaration(local)) return { node: local, file };
    if (local && ts.isVariableDeclaration(local) && local.initializer && ts.isFunctionLike(skipOuterExpressions(local.initializer))) {
      return { node: skipOuterExpressions(local.initializer), file };
    }
    const resolved = project.resolveName(file, node.text);
    return resolved && ts.isFunctionLike(resolved.node) ? { node: resolved.node, file: resolved.file } : undefined;
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    // usersController.create: the method on the imported object or class
    const owner = project.resolveName(file, node.expression.text);
    const member = owner && findMember(owner.node, node.name.text);
    return owner && member ? { node: member, file: owner.file } : undefined;
  }
  return undefined;
}

/** `signup`, `auth.login`, `async function login() {}` → the name a reader sees. */
export function getFastifyHandlerName(handler: ts.Expression): string | undefined {
  const node = skipOuterExpressions(handler);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isFunctionExpression(node)) return node.name?.text;
  return undefined;
}

function findMember(owner: ts.Node, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.name.getText() === name) {
      found = ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node) ? node.initializer ?? node : node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner);
  return found;
}
