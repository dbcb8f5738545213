import ts from '../project/typescript.cjs';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { findLocalDeclaration, skipOuterExpressions } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';

/** The project function a call runs, and the name a message calls it by (`UsersService.findOne`). */
export interface ResolvedCallee {
  node: ts.Node;
  file: AnalyzedFile;
  name: string;
}

/** What an expression stands for: a whole module (a namespace import, a `require`), or a declaration in a file. */
type Target = { module: AnalyzedFile } | { node: ts.Node; file: AnalyzedFile };

const MAX_DEPTH = 8;

/**
 * Resolves the callee of a call to a project function, through the shapes
 * services take in real backends: `getUser()` imported or required;
 * `userService.getUser()` on a namespace import, a `require`d module whose
 * `module.exports = { getUser }` or `exports.getUser = …`, an object literal,
 * an exported instance (`module.exports = new UserService()`), or a barrel
 * (`const { userService } = require('../services')` where the index does
 * `module.exports.userService = require('./user.service')`);
 * `this.usersService.findOne()` on a constructor-injected service (by its
 * type annotation) and `this.findOne()` in the same class.
 */
export class CalleeResolver {
  constructor(private readonly project: ProjectModel) {}

  resolve(call: ts.CallExpression, fn: ts.Node, file: AnalyzedFile): ResolvedCallee | undefined {
    const callee = skipOuterExpressions(call.expression);
    const target = this.asValue(this.resolveExpression(callee, fn, file, 0));
    if (!target || !ts.isFunctionLike(target.node)) return undefined;
    return { node: target.node, file: target.file, name: this.describe(callee, fn) };
  }

  /** The project function an expression names (`controller.record.deleteRecord` through a barrel of modules). */
  resolveFunction(expression: ts.Expression, file: AnalyzedFile): { node: ts.Node; file: AnalyzedFile } | undefined {
    const target = this.asValue(this.resolveExpression(expression, undefined, file, 0));
    return target && ts.isFunctionLike(target.node) ? target : undefined;
  }

  /** The project class a `new X(...)` builds. */
  resolveClass(construction: ts.NewExpression, fn: ts.Node, file: AnalyzedFile): { node: ts.ClassLikeDeclaration; file: AnalyzedFile } | undefined {
    const target = this.asValue(this.resolveExpression(construction.expression, fn, file, 0));
    return target && ts.isClassLike(target.node) ? { node: target.node, file: target.file } : undefined;
  }

  /** A module used as a value is its default export (CommonJS `module.exports = fn`). */
  private asValue(target: Target | undefined): { node: ts.Node; file: AnalyzedFile } | undefined {
    const value = target && 'module' in target ? this.member(target, 'default', 0) : target;
    return value && 'node' in value ? value : undefined;
  }

  /** A readable name for the callee: `this.usersService.findOne` is `UsersService.findOne`. */
  private describe(callee: ts.Expression, fn: ts.Node): string {
    if (ts.isPropertyAccessExpression(callee)) {
      const owner = skipOuterExpressions(callee.expression);
      if (ts.isPropertyAccessExpression(owner) && owner.expression.kind === ts.SyntaxKind.ThisKeyword) {
        return `${getInjectedTypeName(fn, owner.name.text) ?? owner.name.text}.${callee.name.text}`;
      }
      if (owner.kind === ts.SyntaxKind.ThisKeyword) return `${findEnclosingClass(fn)?.name?.text ?? 'this'}.${callee.name.text}`;
    }
    return callee.getText().replace(/\s+/g, '');
  }

  private resolveExpression(expression: ts.Expression, fn: ts.Node | undefined, file: AnalyzedFile, depth: number): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) return this.resolveIdentifier(node, file, depth);
    if (ts.isPropertyAccessExpression(node)) {
      const owner = skipOuterExpressions(node.expression);
      if (owner.kind === ts.SyntaxKind.ThisKeyword) return fn ? this.resolveThisMember(fn, node.name.text, file, depth) : undefined;
      const base = this.resolveExpression(owner, fn, file, depth + 1);
      return base && this.member(base, node.name.text, depth + 1);
    }
    return this.normalize(node, file, depth + 1);
  }

  /** A name by lexical scope (a local `const svc = new Svc()`, a top-level declaration), then by the file's imports. */
  private resolveIdentifier(identifier: ts.Identifier, file: AnalyzedFile, depth: number): Target | undefined {
    const declaration = findLocalDeclaration(identifier);
    if (declaration) {
      if (ts.isVariableDeclaration(declaration)) return declaration.initializer ? this.normalize(declaration.initializer, file, depth + 1) : undefined;
      return ts.isParameter(declaration) ? undefined : { node: declaration, file };
    }
    const binding = file.imports.get(identifier.text);
    if (binding) {
      const module = this.project.resolveModule(file, binding.specifier);
      if (!module) return undefined;
      return binding.imported === '*' ? { module } : this.member({ module }, binding.imported, depth + 1);
    }
    const declared = file.declarations.get(identifier.text);
    return declared ? this.normalize(declared as ts.Expression, file, depth + 1) : undefined;
  }

  /** `this.usersService` (injected by type, or assigned `new X()`), or a method of the enclosing class. */
  private resolveThisMember(fn: ts.Node, name: string, file: AnalyzedFile, depth: number): Target | undefined {
    const typeName = getInjectedTypeName(fn, name);
    if (typeName) {
      const resolved = this.project.resolveName(file, typeName);
      return resolved ? { node: resolved.node, file: resolved.file } : undefined;
    }
    const classNode = findEnclosingClass(fn);
    return classNode ? this.member({ node: classNode, file }, name, depth + 1) : undefined;
  }

  /** What an exported or assigned expression stands for: `require('./x')` is that module, `new UserService()` its class. */
  private normalize(node: ts.Node, file: AnalyzedFile, depth: number): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expression = ts.isExpression(node) ? skipOuterExpressions(node) : node;
    const required = getRequiredSpecifier(expression);
    if (required !== undefined) {
      const module = this.project.resolveModule(file, required);
      return module ? { module } : undefined;
    }
    if (ts.isNewExpression(expression)) return this.resolveExpression(expression.expression, undefined, file, depth + 1);
    if (ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression)) return this.resolveExpression(expression, undefined, file, depth + 1);
    return { node: expression, file };
  }

  /** A named member of a module (its export, or a member of its default export), class or object literal. */
  private member(target: Target, name: string, depth: number): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if ('module' in target) {
      const exported = this.project.resolveExport(target.module, name);
      if (exported) return this.normalize(exported.node, exported.file, depth + 1);
      if (name === 'default') return undefined;
      const fallback = this.project.resolveExport(target.module, 'default');
      const base = fallback && this.normalize(fallback.node, fallback.file, depth + 1);
      return base && !('module' in base) ? this.member(base, name, depth + 1) : undefined;
    }
    const { node, file } = target;
    const members = ts.isClassLike(node) ? node.members : ts.isObjectLiteralExpression(node) ? node.properties : undefined;
    for (const member of members ?? []) {
      if (member.name?.getText() !== name) continue;
      if (ts.isMethodDeclaration(member)) return { node: member, file };
      if (ts.isShorthandPropertyAssignment(member)) return this.resolveIdentifier(member.name, file, depth + 1);
      if ((ts.isPropertyAssignment(member) || ts.isPropertyDeclaration(member)) && member.initializer) return this.normalize(member.initializer, file, depth + 1);
    }
    const assigned = getAssignedMember(node, name);
    return assigned ? this.normalize(assigned, file, depth + 1) : undefined;
  }
}

/** The declared type name of an injected dependency: `constructor(private readonly users: UsersService)` → `UsersService`. */
export function getInjectedTypeName(fn: ts.Node, property: string): string | undefined {
  const classNode = findEnclosingClass(fn);
  if (!classNode) return undefined;
  for (const member of classNode.members) {
    const candidates: (ts.ParameterDeclaration | ts.PropertyDeclaration)[] = ts.isConstructorDeclaration(member) ? [...member.parameters] : ts.isPropertyDeclaration(member) ? [member] : [];
    for (const candidate of candidates) {
      if (ts.isIdentifier(candidate.name) && candidate.name.text === property && candidate.type && ts.isTypeReferenceNode(candidate.type)) {
        return candidate.type.typeName.getText();
      }
    }
  }
  return undefined;
}

export function findEnclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
  }
  return undefined;
}

/**
 * A member added to an object or class after its declaration, at the top
 * level of its file: `const userUtils = {}; userUtils.verifyCode = async () => …`,
 * `UserService.findOne = function () { … }`.
 */
function getAssignedMember(node: ts.Node, name: string): ts.Expression | undefined {
  const owner = ts.isClassDeclaration(node) ? node.name?.text : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
  if (!owner) return undefined;
  for (const statement of node.getSourceFile().statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const { left, operatorToken, right } = statement.expression;
    if (operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(left) && left.name.text === name && ts.isIdentifier(left.expression) && left.expression.text === owner) {
      return right;
    }
  }
  return undefined;
}

/** `require('x')` → `'x'`. */
function getRequiredSpecifier(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
  const [argument] = node.arguments;
  return argument && ts.isStringLiteral(argument) ? argument.text : undefined;
}
