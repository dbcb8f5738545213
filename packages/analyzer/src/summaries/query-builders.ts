import ts from '../project/typescript.cjs';
import { findLocalDeclaration, getStringValue, skipOuterExpressions } from '../project/lexical-scope.js';
import type { IncludedRelation } from './orm-options.js';
import { getRepositoryEntity, type OrmRead } from './orm-reads.js';

/** Calls that run a TypeORM query builder and return entities (`getRaw*`: raw rows, still the columns). */
const TERMINAL_METHODS: ReadonlyMap<string, boolean> = new Map([
  ['getOne', false], ['getOneOrFail', false], ['getRawOne', false], ['getMany', true], ['getRawMany', true], ['getManyAndCount', true],
]);
const JOIN_METHODS = new Set(['leftJoinAndSelect', 'innerJoinAndSelect']);

/** One call on a query builder: its method and arguments. */
interface BuilderCall {
  method: string;
  args: readonly ts.Expression[];
}

/**
 * A TypeORM query builder run for records:
 * `repo.createQueryBuilder('user').where(…).getOne()`, `getRawMany()`,
 * `dataSource.createQueryBuilder(User, 'u')`, `.from(User, 'u')`, and a
 * builder kept in a variable and extended by later statements
 * (`const qb = …; qb.leftJoinAndSelect('article.author', 'author'); qb.getMany()`).
 * `.select([...])` shapes it; `.addSelect('user.password')` forces a hidden
 * column in; `leftJoinAndSelect('article.author', 'author')` loads a relation.
 */
export function readQueryBuilder(expression: ts.Expression, fn: ts.Node, repositoryEntities: ReadonlyMap<string, string>): OrmRead | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const many = TERMINAL_METHODS.get(node.expression.name.text);
  if (many === undefined) return undefined;
  const calls = collectBuilderCalls(node.expression.expression, fn, 0);
  if (!calls) return undefined;
  const start = calls.calls.find((call) => call.method === 'createQueryBuilder' || call.method === 'from');
  if (!start) return undefined;
  const [first, second] = start.args;
  const model = first && ts.isIdentifier(skipOuterExpressions(first)) && /^[A-Z]/.test(first.getText())
    ? first.getText()
    : start.method === 'createQueryBuilder' ? getRepositoryEntity(calls.root, repositoryEntities) ?? getBaseEntity(calls.root) : undefined;
  if (!model) return undefined;
  const alias = getStringValue(start.args.length >= 2 ? second : first);
  // `.select(['user.id', 'user.name'])` picks columns; `.select('user')` (the alias alone) is every column.
  const picked = getStrings(calls.calls.filter((call) => call.method === 'select' || call.method === 'addSelect'));
  const hasSelect = calls.calls.some((call) => call.method === 'select');
  const columnsOf = (owner: string | undefined, strings: readonly string[]) => strings.flatMap((text) => (text.startsWith(`${owner}.`) ? [text.slice(owner!.length + 1)] : []));
  const shaped = hasSelect && !picked.includes(alias ?? '');
  const forced = columnsOf(alias, getStrings(calls.calls.filter((call) => call.method === 'addSelect')));
  const relations = readJoins(calls.calls, alias, hasSelect ? picked : undefined);
  return {
    model,
    orm: 'typeorm',
    shaped,
    many,
    ...(shaped ? { selected: columnsOf(alias, picked) } : {}),
    ...(forced.length ? { forced } : {}),
    ...(relations.length ? { relations } : {}),
  };
}

/** The string arguments of calls, flattening lists: `select(['u.id', 'u.name'])` → `u.id`, `u.name`. */
function getStrings(calls: readonly BuilderCall[]): string[] {
  return calls
    .flatMap((call) => call.args.slice(0, 1))
    .flatMap((argument) => (ts.isArrayLiteralExpression(argument) ? [...argument.elements] : [argument]))
    .flatMap((element) => getStringValue(element) ?? []);
}

/**
 * The calls made on a builder, from its creation to the terminal call, and
 * what it was created on. A builder in a local variable brings the calls in
 * its initializer and those made on it in statements of the same function.
 */
function collectBuilderCalls(expression: ts.Expression, fn: ts.Node, depth: number): { calls: BuilderCall[]; root: ts.Expression } | undefined {
  const calls: BuilderCall[] = [];
  let node = skipOuterExpressions(expression);
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    calls.push({ method: node.expression.name.text, args: node.arguments });
    if (node.expression.name.text === 'createQueryBuilder') return { calls, root: node.expression.expression };
    node = skipOuterExpressions(node.expression.expression);
  }
  if (!ts.isIdentifier(node) || depth > 2) return undefined;
  const declaration = findLocalDeclaration(node);
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const initial = collectBuilderCalls(declaration.initializer, fn, depth + 1);
  if (!initial) return undefined;
  return { calls: [...calls, ...getStatementCalls(node.text, fn), ...initial.calls], root: initial.root };
}

/** `qb.andWhere(…); qb.leftJoinAndSelect(…);`: calls on a builder variable made as statements of `fn`. */
function getStatementCalls(name: string, fn: ts.Node): BuilderCall[] {
  const calls: BuilderCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      let expression = skipOuterExpressions(node.expression);
      const chain: BuilderCall[] = [];
      while (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression)) {
        chain.push({ method: expression.expression.name.text, args: expression.arguments });
        expression = skipOuterExpressions(expression.expression.expression);
      }
      if (ts.isIdentifier(expression) && expression.text === name) calls.push(...chain);
    }
    if (!ts.isFunctionLike(node) || node === fn) ts.forEachChild(node, visit);
  };
  visit(fn);
  return calls;
}

/**
 * `leftJoinAndSelect('article.author', 'author')`, then `('author.profile', 'profile')`
 * nested under it. With a `select`, a joined alias comes whole only when the
 * select names it alone, shaped when it names its columns, and not at all otherwise.
 */
function readJoins(calls: readonly BuilderCall[], alias: string | undefined, picked: readonly string[] | undefined): IncludedRelation[] {
  const byAlias = new Map<string, IncludedRelation[]>();
  const top: IncludedRelation[] = [];
  if (alias) byAlias.set(alias, top);
  // Calls were collected from the terminal call back to the start: joins run in the opposite order.
  for (const call of [...calls].reverse()) {
    if (!JOIN_METHODS.has(call.method)) continue;
    const [path, joinAlias] = call.args.map((argument) => getStringValue(argument));
    const [owner, property] = path?.split('.') ?? [];
    const level = owner ? byAlias.get(owner) : undefined;
    if (!level || !property || !joinAlias) continue;
    const whole = !picked || picked.includes(joinAlias);
    if (!whole && !picked.some((text) => text.startsWith(`${joinAlias}.`))) continue;
    const relation: IncludedRelation = { name: property, shaped: !whole, relations: [] };
    level.push(relation);
    byAlias.set(joinAlias, relation.relations!);
  }
  return top;
}

/** `User.createQueryBuilder('user')` on a `BaseEntity` class. */
function getBaseEntity(root: ts.Expression): string | undefined {
  const node = skipOuterExpressions(root);
  return ts.isIdentifier(node) && /^[A-Z]/.test(node.text) ? node.text : undefined;
}
