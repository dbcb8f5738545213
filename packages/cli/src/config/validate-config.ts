import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { CliError } from '../cli-error.js';
import type { RedlineConfig } from './redline-config.js';

const SCHEMA_URL = new URL('../../schema/redline-config.schema.json', import.meta.url);

let validator: ValidateFunction | undefined;

// Compiled on first use: most scans have no config file and never pay for ajv.
function getValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')));
  return validator;
}

/**
 * Checks a configuration against the JSON Schema (the single definition of
 * what is allowed) and, when `knownRules` is given, that every rule exists.
 * Throws a `CliError` that names each bad key and what it allows.
 */
export function validateConfig(value: unknown, source: string, knownRules?: readonly string[]): RedlineConfig {
  const validate = getValidator();
  const problems = validate(value) ? [] : describeErrors(validate.errors ?? []);
  if (knownRules && problems.length === 0) {
    const known = new Set(knownRules);
    for (const key of Object.keys((value as RedlineConfig).rules ?? {})) {
      if (!known.has(key.replace(/^redline\//, ''))) {
        problems.push(`rules.${key}: unknown rule; known rules are ${knownRules.join(', ')}`);
      }
    }
  }
  if (problems.length > 0) {
    throw new CliError(`Invalid redline config in ${source}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  return value as RedlineConfig;
}

/** One readable line per problem; errors under a `oneOf` collapse into one line for their key. */
function describeErrors(errors: ErrorObject[]): string[] {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    const ruleValue = /^\/rules\/[^/]+/.exec(error.instancePath);
    if (ruleValue) {
      const path = toKeyPath(ruleValue[0]);
      byPath.set(path, `${path}: must be "off", "error", "warning" or ["error" | "warning", { …options }]`);
      continue;
    }
    const path = toKeyPath(error.instancePath) || '(root)';
    byPath.set(`${path}\0${error.keyword}\0${JSON.stringify(error.params)}`, describeError(path, error));
  }
  return [...byPath.values()];
}

function describeError(path: string, error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const where = path === '(root)' ? key : `${path}.${key}`;
      return `${where}: unknown key; allowed keys are ${allowed.join(', ')}`;
    }
    case 'enum':
      return `${path}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'propertyNames':
      return `${path}: "${(error.params as { propertyName: string }).propertyName}" is not a rule name (lowercase letters, digits and dashes)`;
    default:
      return `${path}: ${error.message ?? 'is invalid'}`;
  }
}

/** `/vocabulary/loggers/0` → `vocabulary.loggers[0]`. */
function toKeyPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}
