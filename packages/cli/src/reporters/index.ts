import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { prettyReporter } from './pretty.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';

/** Every output format, by its `--format` name. */
export const REPORTERS = {
  pretty: prettyReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  github: githubReporter,
  markdown: markdownReporter,
} as const satisfies Record<string, Reporter>;

export type FormatName = keyof typeof REPORTERS;

/** The `--format` names. */
export const FORMAT_NAMES = Object.keys(REPORTERS) as FormatName[];

export type { Reporter, ReporterContext } from './reporter.js';
