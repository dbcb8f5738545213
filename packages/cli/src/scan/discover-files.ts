import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { CliError } from '../cli-error.js';
import { SOURCE_EXTENSIONS } from './source-extensions.js';

/** Folders never scanned: dependencies (installed or vendored) and build output. */
const IGNORED_DIRECTORIES = [
  'node_modules', 'vendor', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output',
  '.svelte-kit', '.turbo', '.vercel', '.serverless', '.cache', 'generated', '__generated__',
];
/** Files never scanned: declarations, minified bundles, generated code (gitignore syntax). */
const IGNORED_FILES = ['*.d.ts', '*.d.mts', '*.d.cts', '*.min.js', '*.min.mjs', '*.min.cjs', '*.bundle.js', '*.generated.*', '*.gen.*'];

const SOURCE_FILE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join('|')})$`);

/** Extra ignore patterns from the config, relative to `base` (the config file's folder). */
export interface IgnoreSettings {
  patterns: readonly string[];
  base: string;
}

/** Decides whether a file under one of the scan roots is scanned. */
export type FileFilter = (absolutePath: string) => boolean;

/**
 * Finds the files to scan under `paths` (files or folders, relative to
 * `cwd`): TS/JS sources, minus dependencies, build output, declarations,
 * minified and generated files, what `.gitignore` files exclude, and the
 * configured ignores. Sorted absolute paths.
 */
export async function discoverFiles(options: { cwd: string; paths: readonly string[]; ignores: IgnoreSettings }): Promise<string[]> {
  const found = new Set<string>();
  for (const path of options.paths) {
    const root = resolve(options.cwd, path);
    if (!existsSync(root)) throw new CliError(`No such file or folder: ${path}`);
    // A file named on the command line is scanned even if an ignore pattern matches it.
    if (statSync(root).isFile()) {
      if (SOURCE_FILE.test(root)) found.add(root);
      continue;
    }
    const isIncluded = createFileFilter(root, options.ignores);
    const entries = await fg(`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, {
      cwd: root,
      absolute: true,
      dot: false,
      followSymbolicLinks: false,
      ignore: IGNORED_DIRECTORIES.map((directory) => `**/${directory}/**`),
    });
    for (const entry of entries) {
      const absolute = resolve(entry);
      if (isIncluded(absolute)) found.add(absolute);
    }
  }
  return [...found].sort();
}

/**
 * A filter for files under `root` with the same rules discovery applies; used
 * directly for the file lists git gives `--staged` and `--changed-since`.
 */
export function createFileFilter(root: string, ignores: IgnoreSettings): FileFilter {
  const defaults = ignore().add(IGNORED_DIRECTORIES.map((directory) => `${directory}/`)).add(IGNORED_FILES);
  const isConfiguredIgnore = createConfiguredIgnore(ignores);
  const gitignores = collectGitignores(root);
  return (absolutePath) => {
    if (!SOURCE_FILE.test(absolutePath)) return false;
    const inRoot = relative(root, absolutePath);
    if (inRoot.startsWith('..') || inRoot === '') return false;
    if (defaults.ignores(toPosix(inRoot))) return false;
    if (isConfiguredIgnore(absolutePath)) return false;
    return !gitignores.some(({ base, matcher }) => {
      const inBase = relative(base, absolutePath);
      return !inBase.startsWith('..') && matcher.ignores(toPosix(inBase));
    });
  };
}

/**
 * Whether the config's `ignores` exclude a file: one part of discovery's
 * filter, so that files discovered without them can be filtered afterwards.
 */
export function createConfiguredIgnore(ignores: IgnoreSettings): FileFilter {
  const configured = ignore().add([...ignores.patterns]);
  return (absolutePath) => {
    const inConfig = relative(ignores.base, absolutePath);
    return !inConfig.startsWith('..') && configured.ignores(toPosix(inConfig));
  };
}

interface Gitignore {
  base: string;
  matcher: Ignore;
}

/**
 * The `.gitignore` files that apply under `root`: those inside it, and those
 * of its parent folders up to the repository root. A parent's file that
 * ignores `root` itself is skipped: naming a folder on the command line means
 * scanning it.
 */
function collectGitignores(root: string): Gitignore[] {
  const gitignores: Gitignore[] = [];
  for (let directory = root; ; directory = dirname(directory)) {
    const gitignore = readGitignore(directory);
    const rootInDirectory = toPosix(relative(directory, root));
    if (gitignore && (rootInDirectory === '' || !gitignore.matcher.ignores(`${rootInDirectory}/`))) gitignores.push(gitignore);
    if (existsSync(join(directory, '.git')) || dirname(directory) === directory) break;
  }
  const nested = fg.sync('**/.gitignore', {
    cwd: root,
    dot: true,
    absolute: true,
    ignore: IGNORED_DIRECTORIES.map((directory) => `**/${directory}/**`),
  });
  for (const path of nested.sort()) {
    const gitignore = readGitignore(dirname(resolve(path)));
    if (gitignore && gitignore.base !== root) gitignores.push(gitignore);
  }
  return gitignores;
}

function readGitignore(directory: string): Gitignore | undefined {
  const path = join(directory, '.gitignore');
  if (!existsSync(path)) return undefined;
  return { base: directory, matcher: ignore().add(readFileSync(path, 'utf8')) };
}

/** `a\b` → `a/b` (paths in reports and ignore patterns are posix). */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
