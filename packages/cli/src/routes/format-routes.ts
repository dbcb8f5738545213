import type { RouteRow } from './route-inventory.js';

export const ROUTE_FORMATS = ['table', 'json', 'markdown'] as const;
export type RouteFormat = (typeof ROUTE_FORMATS)[number];

const COLUMNS: { title: string; cell: (row: RouteRow) => string }[] = [
  { title: 'method', cell: (row) => row.method },
  { title: 'path', cell: (row) => row.path },
  { title: 'handler', cell: (row) => row.location },
  { title: 'auth', cell: (row) => (row.mounted ? row.auth : `${row.auth} (router not mounted)`) },
  { title: 'role', cell: (row) => row.role },
  { title: 'returns entity', cell: (row) => row.returnsEntity },
];

/** The inventory as a padded table, JSON, or a Markdown table for a pull-request comment. Pure. */
export function formatRoutes(rows: readonly RouteRow[], format: RouteFormat): string {
  if (format === 'json') return `${JSON.stringify({ version: 1, routes: rows }, null, 2)}\n`;
  const table = [COLUMNS.map((column) => column.title), ...rows.map((row) => COLUMNS.map((column) => column.cell(row)))];
  if (format === 'markdown') {
    const escape = (cell: string) => cell.replace(/\|/g, '\\|');
    const [head, ...body] = table;
    return [
      `| ${head!.join(' | ')} |`,
      `| ${head!.map(() => '---').join(' | ')} |`,
      ...body.map((row) => `| ${row.map((cell, index) => (index === 1 || index === 2 ? `\`${escape(cell)}\`` : escape(cell))).join(' | ')} |`),
      '',
      `${rows.length} endpoint${rows.length === 1 ? '' : 's'}, ${rows.filter((row) => row.auth === 'none').length} without authentication.`,
      '',
    ].join('\n');
  }
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  return `${lines.join('\n')}\n${rows.length === 0 ? 'No routes found.\n' : ''}`;
}
