import ts from '../../project/typescript.cjs';
import type { NestJwtFacts } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { skipOuterExpressions } from '../../project/lexical-scope.js';
import type { NodeVisitor } from '../../walk/walker.js';

/**
 * `@nestjs/jwt` across files: the `JwtModule.register(…)` / `registerAsync(…)`
 * options (usually in `auth.module.ts`) and the `jwtService.sign(…)` calls
 * that rely on them (usually in `auth.service.ts`). A call without `expiresIn`
 * takes the module's `signOptions`; what those set decides whether tokens expire.
 */
export class NestJwtAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  readonly facts: NestJwtFacts = { modules: [], signCalls: [] };

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const owner = callee.expression;
    if (ts.isIdentifier(owner) && owner.text === 'JwtModule' && (method === 'register' || method === 'registerAsync')) {
      this.facts.modules.push({ at: getCodeSpan(call, file.sourceFile, file.relativePath), expiry: readModuleExpiry(call) });
      return;
    }
    if ((method === 'sign' || method === 'signAsync') && isJwtServiceMember(owner) && signsWithoutExpiry(call)) {
      this.facts.signCalls.push({ at: getCodeSpan(call, file.sourceFile, file.relativePath), call: callee.getText(file.sourceFile) });
    }
  }
}

/** What the module's `signOptions` say about expiry; `unknown` when the options are built elsewhere. */
function readModuleExpiry(call: ts.CallExpression): 'set' | 'missing' | 'unknown' {
  const [config] = call.arguments;
  if (!config) return 'missing';
  let options = asPlainObject(config);
  if (!options) return 'unknown';
  const factory = findProperty(options, 'useFactory');
  if (factory) {
    options = factory && ts.isPropertyAssignment(factory) ? getReturnedObject(factory.initializer) : undefined;
    if (!options) return 'unknown';
  } else if (findProperty(options, 'useClass') || findProperty(options, 'useExisting')) {
    return 'unknown';
  }
  const signOptions = findProperty(options, 'signOptions');
  if (!signOptions) return 'missing';
  const inner = ts.isPropertyAssignment(signOptions) ? asPlainObject(signOptions.initializer) : undefined;
  if (!inner) return 'unknown';
  return findProperty(inner, 'expiresIn') ? 'set' : 'missing';
}

/** `this.jwtService` / `this.jwt` where the class takes a `JwtService` in its constructor or declares one. */
function isJwtServiceMember(owner: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(owner) || owner.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  const name = owner.name.text;
  let classNode: ts.Node | undefined = owner.parent;
  while (classNode && !ts.isClassLike(classNode)) classNode = classNode.parent;
  if (!classNode || !ts.isClassLike(classNode)) return false;
  return classNode.members.some((member) => {
    if (ts.isPropertyDeclaration(member)) return member.name.getText() === name && isJwtServiceType(member.type);
    if (!ts.isConstructorDeclaration(member)) return false;
    return member.parameters.some((parameter) => parameter.name.getText() === name && isJwtServiceType(parameter.type));
  });
}

function isJwtServiceType(type: ts.TypeNode | undefined): boolean {
  return type !== undefined && ts.isTypeReferenceNode(type) && type.typeName.getText() === 'JwtService';
}

/** A payload object without an `exp` claim, and no options or options without `expiresIn`; anything unreadable is not judged. */
function signsWithoutExpiry(call: ts.CallExpression): boolean {
  const [payload, options] = call.arguments;
  const payloadObject = payload && asPlainObject(payload);
  if (!payloadObject || findProperty(payloadObject, 'exp')) return false;
  if (!options) return true;
  const optionsObject = asPlainObject(options);
  return optionsObject !== undefined && !findProperty(optionsObject, 'expiresIn');
}

/** An object literal with no spreads (whose keys are all visible). */
function asPlainObject(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isObjectLiteralExpression(node) || node.properties.some(ts.isSpreadAssignment)) return undefined;
  return node;
}

/** `useFactory: (config) => ({ … })` or `async () => { return { … }; }`. */
function getReturnedObject(factory: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const node = skipOuterExpressions(factory);
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return undefined;
  if (!ts.isBlock(node.body)) return asPlainObject(node.body);
  const returns = node.body.statements.filter(ts.isReturnStatement);
  return returns.length === 1 && returns[0]!.expression ? asPlainObject(returns[0]!.expression) : undefined;
}

function findProperty(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find((property) => property.name !== undefined && property.name.getText().replace(/^['"]|['"]$/g, '') === name);
}
