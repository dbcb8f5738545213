import type { CommandModule } from 'yargs';
import redline from 'eslint-plugin-redline';
import type { RedlineRuleMeta } from '@redline/core';
import type { CliIo } from '../cli-io.js';
import { buildRuleCatalog } from '../rule-catalog.js';

interface RulesArguments {
  format: 'table' | 'json';
}

/** `redline rules`: the rule list, from meta. */
export function createRulesCommand(io: CliIo): CommandModule<object, RulesArguments> {
  return {
    command: 'rules',
    describe: 'List the rules: id, category, severity, the config that enables them, docs',
    builder: (yargs) =>
      yargs
        .option('format', { alias: 'f', describe: 'Output format', choices: ['table', 'json'] as const, default: 'table' as const })
        .example('$0 rules', 'Print the rules as a table')
        .example('$0 rules --format json', 'The rule meta as JSON') as never,
    handler: (args) => {
      const catalog = buildRuleCatalog(redline.rules);
      io.stdout.write(args.format === 'json' ? `${JSON.stringify(catalog, null, 2)}\n` : formatRulesTable(catalog));
    },
  };
}

/** A plain-text table, one rule a line, columns padded to their widest cell. */
export function formatRulesTable(catalog: readonly RedlineRuleMeta[]): string {
  const rows = [
    ['rule', 'category', 'severity', 'config', 'docs'],
    ...catalog.map((rule) => [`redline/${rule.name}`, rule.category, rule.severity, rule.recommended || 'off', rule.url]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  return `${lines.join('\n')}\n${catalog.length === 0 ? 'No rules.\n' : ''}`;
}
