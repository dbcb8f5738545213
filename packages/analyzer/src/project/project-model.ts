import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from './typescript.cjs';
import type { AnalyzedFile } from './analyzed-file.js';
import { ProjectFile } from './project-file.js';

/** A declaration found by following imports and exports across files. */
export interface ResolvedDeclaration {
  file: AnalyzedFile;
  /** The declaration (function, class) or the initialiser/expression of what was exported. */
  node: ts.Node;
  name: string;
}

/** A file to analyse: its absolute path, or its path with the text to use instead of the file on disk. */
export type ProjectInput = string | { path: string; text: string };

const MAX_REEXPORT_DEPTH = 8;

/**
 * The project as the analyzer sees it: every scanned file, parsed at most
 * once and only when something needs its syntax (see ProjectFile), with its
 * import/export tables, and module resolution that honours tsconfig `paths`
 * but needs no installed dependencies (bare specifiers of packages simply
 * stay unresolved).
 */
export class ProjectModel {
  readonly files = new Map<string, ProjectFile>();
  readonly unresolved = { imports: 0, mounts: 0, routes: 0 };
  /** The project files each file's module specifiers were resolved to in this analysis (for the cache's import graph). */
  readonly resolvedImports = new Map<AnalyzedFile, Set<AnalyzedFile>>();
  private readonly resolved = new Map<string, AnalyzedFile | undefined>();
  private readonly configs: CompilerConfigs;
  private parsedCount = 0;
  private builtAheadCount = 0;

  /**
   * @param files absolute paths, or paths with the text to analyse instead of
   * the file on disk (a staged version)
   * @param parsedAhead trees built before the analysis (see cache/parse-ahead.ts), by `toFileName` of their
   * path: a file uses its tree if it was built from the same text
   */
  constructor(readonly root: string, files: readonly ProjectInput[], parsedAhead: ReadonlyMap<string, ts.SourceFile> = new Map()) {
    this.configs = new CompilerConfigs(root);
    for (const input of files) {
      const path = typeof input === 'string' ? input : input.path;
      const fileName = toFileName(path);
      const text = typeof input === 'string' ? readFileSync(path, 'utf8') : input.text;
      const relativePath = relative(root, fileName).split(sep).join('/');
      const onParse = (builtAhead: boolean) => {
        this.parsedCount++;
        if (builtAhead) this.builtAheadCount++;
      };
      this.files.set(fileName, new ProjectFile(fileName, relativePath, text, onParse, parsedAhead.get(fileName)));
    }
  }

  /** How many files have been parsed so far: the walked ones and those a resolution reached. */
  get parsedFiles(): number {
    return this.parsedCount;
  }

  /** How many of the files parsed so far had their tree built ahead (see cache/parse-ahead.ts). */
  get parsedAheadFiles(): number {
    return this.builtAheadCount;
  }

  /** The project file a module specifier points at, or undefined for packages and missing files. */
  resolveModule(from: AnalyzedFile, specifier: string): AnalyzedFile | undefined {
    const key = `${dirname(from.absolutePath)}\0${specifier}`;
    let file: AnalyzedFile | undefined;
    if (this.resolved.has(key)) {
      file = this.resolved.get(key);
    } else {
      const config = this.configs.forFile(from.absolutePath);
      const result = ts.resolveModuleName(specifier, from.absolutePath, config.options, ts.sys, config.cache);
      const resolvedPath = result.resolvedModule?.resolvedFileName;
      file = resolvedPath && !result.resolvedModule?.isExternalLibraryImport ? this.files.get(resolvedPath) : undefined;
      if (!file && (specifier.startsWith('.') || resolvedPath)) this.unresolved.imports++;
      this.resolved.set(key, file);
    }
    if (file) {
      const targets = this.resolvedImports.get(from) ?? new Set();
      targets.add(file);
      this.resolvedImports.set(from, targets);
    }
    return file;
  }

  /**
   * The configuration files module resolution reads for this project: for
   * every folder with a project file, the tsconfig/jsconfig that governs it
   * and the files it extends (a path that does not exist is listed too, so
   * that creating it counts as a change).
   */
  getResolutionConfigFiles(): string[] {
    for (const file of this.files.values()) this.configs.forFile(file.absolutePath);
    return [...this.configs.filesRead].sort();
  }

  /**
   * What a name used in `file` refers to: a local top-level declaration, or
   * the declaration behind an import, followed through re-exports.
   */
  resolveName(file: AnalyzedFile, name: string): ResolvedDeclaration | undefined {
    const local = file.declarations.get(name);
    if (local) return { file, node: local, name };
    const binding = file.imports.get(name);
    if (!binding) return undefined;
    const target = this.resolveModule(file, binding.specifier);
    if (!target) return undefined;
    // A namespace or `require` of a whole module, used as a value, is its default (CommonJS `module.exports`).
    return this.resolveExport(target, binding.imported === '*' ? 'default' : binding.imported, 0);
  }

  /** The declaration an export name of `file` stands for. */
  resolveExport(file: AnalyzedFile, exportName: string, depth = 0): ResolvedDeclaration | undefined {
    if (depth > MAX_REEXPORT_DEPTH) return undefined;
    const binding = file.exports.get(exportName);
    if (binding?.kind === 'local') return this.resolveName(file, binding.local) ?? undefined;
    if (binding?.kind === 'expression') return { file, node: binding.node, name: exportName };
    if (binding?.kind === 'reexport') {
      const target = this.resolveModule(file, binding.specifier);
      return target ? this.resolveExport(target, binding.imported, depth + 1) : undefined;
    }
    for (const specifier of file.starExports) {
      const target = this.resolveModule(file, specifier);
      const found = target && this.resolveExport(target, exportName, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}

/** A file's key in `ProjectModel.files`: TypeScript's resolver answers with absolute `/`-separated paths. */
export function toFileName(path: string): string {
  return resolve(path).replace(/\\/g, '/');
}

interface CompilerConfig {
  options: ts.CompilerOptions;
  cache: ts.ModuleResolutionCache;
}

/**
 * The compiler options that govern each file's imports: its nearest
 * tsconfig.json or jsconfig.json (monorepo apps have their own, with `paths`
 * often inherited from a root `tsconfig.base.json`). A config that cannot be
 * read (it extends a package that is not installed) counts as defaults.
 */
class CompilerConfigs {
  private readonly byDirectory = new Map<string, CompilerConfig>();
  private readonly byConfigPath = new Map<string, CompilerConfig>();
  /** Every config file loaded or looked for, with the files they extend. */
  readonly filesRead = new Set<string>();
  private readonly host: ts.ParseConfigHost = {
    ...ts.sys,
    readFile: (path) => {
      this.filesRead.add(path);
      return ts.sys.readFile(path);
    },
    // Only the options are used: listing the files a config includes would walk the whole tree for nothing.
    readDirectory: () => [],
  };

  constructor(private readonly root: string) {}

  forFile(path: string): CompilerConfig {
    return this.forDirectory(dirname(path));
  }

  private forDirectory(directory: string): CompilerConfig {
    const cached = this.byDirectory.get(directory);
    if (cached) return cached;
    let config: CompilerConfig | undefined;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const path = join(directory, name);
      if (existsSync(path)) {
        config = this.load(path);
        break;
      }
    }
    if (!config) {
      const parent = dirname(directory);
      const isTop = directory === this.root || parent === directory || !directory.startsWith(this.root);
      config = isTop ? this.load(join(this.root, 'tsconfig.base.json')) : this.forDirectory(parent);
    }
    this.byDirectory.set(directory, config);
    return config;
  }

  private load(configPath: string): CompilerConfig {
    const cached = this.byConfigPath.get(configPath);
    if (cached) return cached;
    let options: ts.CompilerOptions = { allowJs: true };
    this.filesRead.add(configPath);
    if (existsSync(configPath)) {
      const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
      if (!read.error) {
        const parsed = ts.parseJsonConfigFileContent(read.config, this.host, dirname(configPath), undefined, configPath);
        options = { ...parsed.options, allowJs: true };
      }
    }
    const config = { options, cache: ts.createModuleResolutionCache(dirname(configPath), (name) => name, options) };
    this.byConfigPath.set(configPath, config);
    return config;
  }
}
