import { readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfig, type Loader } from 'lilconfig';
import { CliError } from '../cli-error.js';
import type { LoadedConfig } from './redline-config.js';
import { validateConfig } from './validate-config.js';

/** Where a configuration is looked for, in each folder from the cwd upwards. */
export const CONFIG_FILE_NAMES = ['package.json', 'redline.config.json', 'redline.config.mjs', 'redline.config.ts'];

const importDefault: Loader = async (filepath) => {
  const module = (await import(pathToFileURL(filepath).href)) as { default?: unknown };
  return module.default;
};

/**
 * Node 20 cannot import TypeScript, so the config is transpiled (types
 * stripped) to a temporary module beside the original, so that its relative
 * and package imports still resolve, then imported and removed.
 */
const importTypeScript: Loader = async (filepath) => {
  const { default: ts } = await import('typescript');
  const output = ts.transpileModule(await readFile(filepath, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: filepath,
  });
  const temporary = join(dirname(filepath), `.${basename(filepath)}.${process.pid}.mjs`);
  await writeFile(temporary, output.outputText);
  try {
    return await importDefault(temporary, '');
  } finally {
    await unlink(temporary);
  }
};

const explorer = lilconfig('redline', {
  searchPlaces: CONFIG_FILE_NAMES,
  loaders: { '.mjs': importDefault, '.ts': importTypeScript },
});

/**
 * Finds and validates the configuration: `configPath` when given, otherwise
 * the nearest `redline.config.*` or package.json `redline` key above `cwd`.
 * No configuration at all is valid (zero-config scans).
 */
export async function loadConfig(options: { cwd: string; configPath?: string; knownRules?: readonly string[] }): Promise<LoadedConfig> {
  let result;
  try {
    result = options.configPath
      ? await explorer.load(resolve(options.cwd, options.configPath))
      : await explorer.search(options.cwd);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Cannot read redline config${options.configPath ? ` ${options.configPath}` : ''}: ${reason}`);
  }
  if (!result || result.isEmpty || result.config === undefined) {
    return { config: {}, filepath: result?.filepath };
  }
  return {
    config: validateConfig(result.config, result.filepath, options.knownRules),
    filepath: result.filepath,
  };
}
