import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getMemberPropertyName, getStaticKey, isFunctionNode } from './ast.js';
import { findNode } from './walk.js';

/** A route handler a node sits in, with the method and path it was registered for. */
export interface EnclosingRoute {
  method: string;
  /** Undefined when the path is not a literal (`router.post(paths.orders, …)`). */
  path: string | undefined;
  handler: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
}

const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
const NEST_METHOD_DECORATORS: ReadonlyMap<string, string> = new Map([
  ['Get', 'get'], ['Post', 'post'], ['Put', 'put'], ['Patch', 'patch'], ['Delete', 'delete'], ['Head', 'head'], ['Options', 'options'], ['All', 'all'],
]);

/**
 * The route a node is handled in: the function given to `router.post('/x', …, handler)` (Express, Koa router,
 * Hono, Fastify's shorthand) inline or by name in the same file, or a Nest controller method under `@Post('x')`.
 * Undefined in middleware, helpers and handlers registered from another file.
 */
export function getEnclosingRoute(node: TSESTree.Node): EnclosingRoute | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const registration = current.parent;
    if (registration?.type === AST_NODE_TYPES.CallExpression && registration.arguments.some((argument) => argument === current) &&
      registration.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getMemberPropertyName(registration.callee)?.toLowerCase();
      const [first] = registration.arguments;
      if (method !== undefined && ROUTE_METHODS.has(method) && first && first !== current) return { method, path: getPath(first), handler: current };
    }
    // `router.post('/departments', createDepartment)` with `function createDepartment(req, res) { … }` in this file.
    const name = getDeclaredName(current);
    if (name !== undefined) {
      const named = findNamedRegistration(current, name);
      if (named) return named;
    }
    if (registration?.type === AST_NODE_TYPES.MethodDefinition) {
      for (const decorator of registration.decorators) {
        const expression = decorator.expression;
        if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier) continue;
        const method = NEST_METHOD_DECORATORS.get(expression.callee.name);
        if (method !== undefined) return { method, path: expression.arguments[0] ? getPath(expression.arguments[0]) : '', handler: current };
      }
    }
  }
  return undefined;
}

/** `function createDepartment() {}`, `const createDepartment = async () => {}`. */
function getDeclaredName(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

/** The registration in the same file that hands the function over by name. */
function findNamedRegistration(
  handler: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
  name: string,
): EnclosingRoute | undefined {
  let program: TSESTree.Node = handler;
  while (program.parent) program = program.parent;
  let route: EnclosingRoute | undefined;
  findNode(program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getMemberPropertyName(node.callee)?.toLowerCase();
    const [first, ...rest] = node.arguments;
    if (method === undefined || !ROUTE_METHODS.has(method) || !first || !rest.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === name)) return false;
    route = { method, path: getPath(first), handler };
    return true;
  }, () => true);
  return route;
}

function getPath(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(':param');
  return getStaticKey(node);
}
