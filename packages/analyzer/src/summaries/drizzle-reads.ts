import ts from '../project/typescript.cjs';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import type { OrmRead } from './orm-reads.js';

/** Steps a Drizzle query takes after `from(table)` that keep its rows as they are. */
const QUERY_STEPS = new Set([
  'where', 'limit', 'offset', 'orderBy', 'groupBy', 'having', 'leftJoin', 'innerJoin', 'rightJoin', 'fullJoin', '$dynamic', 'for', 'execute', 'then',
]);

/**
 * A Drizzle read: `db.select().from(users).where(…)` (whole rows; `select({ id: users.id })` picks
 * columns), `db.query.users.findFirst({ columns: { id: true } })`, and rows a write hands back
 * (`db.insert(users).values(…).returning()`).
 */
export function readDrizzleQuery(expression: ts.Expression): OrmRead | undefined {
  let node = skipOuterExpressions(expression);
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && QUERY_STEPS.has(node.expression.name.text)) {
    node = skipOuterExpressions(node.expression.expression);
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const step = node.expression.name.text;
  const receiver = skipOuterExpressions(node.expression.expression);
  const [first] = node.arguments;
  // db.select().from(users)
  if (step === 'from' && first && ts.isIdentifier(first) && ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) &&
    /^select(?:Distinct)?$/.test(receiver.expression.name.text)) {
    return { model: first.text, orm: 'drizzle', shaped: receiver.arguments.length > 0, many: true };
  }
  // db.insert(users).values(…).returning(), db.update(users).set(…).where(…).returning()
  if (step === 'returning') {
    const table = findWrittenTable(receiver);
    return table ? { model: table, orm: 'drizzle', shaped: node.arguments.length > 0, many: true } : undefined;
  }
  // db.query.users.findFirst({ columns: { id: true } })
  if ((step === 'findFirst' || step === 'findMany') && ts.isPropertyAccessExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) &&
    receiver.expression.name.text === 'query') {
    return { model: receiver.name.text, orm: 'drizzle', ...readColumnsOption(first), many: step === 'findMany' };
  }
  return undefined;
}

/** The table of `db.insert(users)`, `db.update(users)`, `db.delete(users)` under the steps that follow it. */
function findWrittenTable(node: ts.Expression): string | undefined {
  let current = skipOuterExpressions(node);
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const step = current.expression.name.text;
    const [table] = current.arguments;
    if ((step === 'insert' || step === 'update' || step === 'delete') && table && ts.isIdentifier(table)) return table.text;
    current = skipOuterExpressions(current.expression.expression);
  }
  return undefined;
}

/** `{ columns: { id: true, name: true } }` keeps those; `{ columns: { passwordHash: false } }` leaves those out. */
function readColumnsOption(options: ts.Expression | undefined): { shaped: boolean; omitted?: string[] } {
  const literal = options && skipOuterExpressions(options);
  const columns = literal && ts.isObjectLiteralExpression(literal)
    ? literal.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'columns')
    : undefined;
  const value = columns && ts.isPropertyAssignment(columns) ? skipOuterExpressions(columns.initializer) : undefined;
  if (!value || !ts.isObjectLiteralExpression(value)) return { shaped: false };
  const entries = value.properties.filter(ts.isPropertyAssignment);
  const omitted = entries.filter((entry) => entry.initializer.kind === ts.SyntaxKind.FalseKeyword).map((entry) => entry.name.getText());
  return omitted.length === entries.length ? { shaped: false, omitted } : { shaped: true };
}
