import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './ast.js';

/** Where a local name comes from: the module and the imported name (`default`, `*` or a named export). */
export interface ModuleBinding {
  source: string;
  imported: string;
}

/**
 * The module a local identifier was imported or required from:
 * `import jwt from 'jsonwebtoken'` → `{ source: 'jsonwebtoken', imported: 'default' }`,
 * `import { sign as s } from 'jsonwebtoken'` → `imported: 'sign'`,
 * `const jwt = require('jsonwebtoken')` → `imported: '*'`,
 * `const { sign } = require('jsonwebtoken')` → `imported: 'sign'`.
 */
export function getModuleBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): ModuleBinding | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const source = declaration.source.value;
    const specifier = definition.node;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { source, imported: 'default' };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { source, imported: '*' };
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return { source, imported: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
    }
    return undefined;
  }
  if (definition.type === 'Variable' && definition.node.init) {
    const source = getRequiredModule(definition.node.init);
    if (source === undefined) return undefined;
    const id = definition.node.id;
    if (id.type === AST_NODE_TYPES.Identifier) return { source, imported: '*' };
    if (id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of id.properties) {
        if (
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          unwrapPatternName(property.value) === identifier.name
        ) {
          return { source, imported: property.key.name };
        }
      }
    }
  }
  return undefined;
}

/** `require('x')`, `require('x').default`, `await import('x')` → `'x'`. */
export function getRequiredModule(node: TSESTree.Node): string | undefined {
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) expression = unwrapExpression(expression.object);
  if (expression.type === AST_NODE_TYPES.ImportExpression) {
    const source = expression.source;
    return source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
  }
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require'
  ) {
    const [first] = expression.arguments;
    return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
  }
  return undefined;
}

function unwrapPatternName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.AssignmentPattern && node.left.type === AST_NODE_TYPES.Identifier) return node.left.name;
  return undefined;
}
