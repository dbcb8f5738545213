import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getArrowBodyResponsePayload } from './response-sinks.js';

/** The first arrow function of a snippet, with parent links. */
function firstArrow(code: string): TSESTree.ArrowFunctionExpression {
  const program = parse(code, { range: true, loc: true }) as TSESTree.Program;
  let found: TSESTree.ArrowFunctionExpression | undefined;
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    (node as { parent?: TSESTree.Node }).parent = parent;
    if (!found && node.type === AST_NODE_TYPES.ArrowFunctionExpression) found = node;
    for (const value of Object.values(node)) {
      if (value === parent) continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
          visit(child as TSESTree.Node, node);
        }
      }
    }
  };
  visit(program, undefined);
  return found!;
}

describe('getArrowBodyResponsePayload', () => {
  it('returns the expression body of a Fastify route handler', () => {
    const arrow = firstArrow(`fastify.get('/me', async (request, reply) => ({ ok: true }));`);
    expect(getArrowBodyResponsePayload(arrow)?.payload.type).toBe(AST_NODE_TYPES.ObjectExpression);
  });

  it('ignores block bodies (their return statements are sinks already)', () => {
    const arrow = firstArrow(`fastify.get('/me', async (request, reply) => { return { ok: true }; });`);
    expect(getArrowBodyResponsePayload(arrow)).toBeUndefined();
  });

  it('ignores Express handlers, whose return value is not the response', () => {
    const arrow = firstArrow(`router.get('/me', (req, res) => ({ ok: true }));`);
    expect(getArrowBodyResponsePayload(arrow)).toBeUndefined();
  });

  it('ignores arrows that are not route handlers', () => {
    const arrow = firstArrow(`const toView = (user) => ({ id: user.id });`);
    expect(getArrowBodyResponsePayload(arrow)).toBeUndefined();
  });
});
