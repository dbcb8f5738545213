import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * Strips what does not change the value: `x as T`, `x!`, `x satisfies T`,
 * `<T>x`, `await x` and optional chains, so rules see the expression itself.
 */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a member's property: `a.b` → `b`, `a['x-y']` → `x-y`, `a[k]` → undefined. */
export function getMemberPropertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.name;
  return getStaticKey(node.property);
}

/** The value of a static computed key: strings, numbers, plain template literals (`a['x-y']`, `{ [`k`]: 1 }`). */
export function getStaticKey(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && (typeof node.value === 'string' || typeof node.value === 'number')) {
    return String(node.value);
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The name of an object property's key when it is static (`{ a: 1 }`, `{ 'a-b': 1 }`, `{ ['a']: 1 }`). */
export function getPropertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  const key = property.key;
  if (!property.computed && (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier)) {
    return key.name;
  }
  return getStaticKey(key);
}

/**
 * The dotted path of an expression made of identifiers, `this` and static
 * members: `this.logger.info` → `['this', 'logger', 'info']`; undefined when
 * any segment is dynamic or a call (`getLogger().info`).
 */
export function getMemberPath(node: TSESTree.Node): string[] | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return [expression.name];
  if (expression.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const objectPath = getMemberPath(expression.object);
    const property = getMemberPropertyName(expression);
    return objectPath && property !== undefined ? [...objectPath, property] : undefined;
  }
  return undefined;
}

/** The identifier a member chain starts from: `a` for `a.b.c`, `axios` for `axios.defaults.timeout`. */
export function findRootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** The callee's dotted path of a call (`res.status(500).json` → undefined; `logger.info` → `['logger', 'info']`). */
export function getCalleePath(call: TSESTree.CallExpression | TSESTree.NewExpression): string[] | undefined {
  return getMemberPath(call.callee);
}

/** The last name of a callee: `foo()` → `foo`, `a.b.c()` → `c`, `a.b().c()` → `c`. */
export function getCalleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getMemberPropertyName(callee);
  return undefined;
}

/** The object literal property with a static key `name`, if present. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === name) {
      return property;
    }
  }
  return undefined;
}

/** Whether `node` is a function of any syntax (declaration, expression, arrow). */
export function isFunctionNode(
  node: TSESTree.Node,
): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The closest enclosing function of a node, or undefined at module level. */
export function getEnclosingFunction(
  node: TSESTree.Node,
): TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/**
 * The name a function goes by: its own (`function createTag`), its variable's (`const createTag = () => …`), its
 * key's as a method or property (`createTag() {}`, `createTag: () => …`), or the member it is assigned to
 * (`exports.createTag = function …`).
 */
export function getFunctionName(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property) {
    return getPropertyKeyName(parent);
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return getMemberPath(parent.left)?.at(-1);
  return undefined;
}
