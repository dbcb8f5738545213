import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { AnalyzedFile } from './analyzed-file.js';
import { readModuleFacts } from './module-facts.js';

/** A declaration found by following imports and exports across files. */
export interface ResolvedDeclaration {
  file: AnalyzedFile;
  /** The declaration (function, class) or the initialiser/expression of what was exported. */
  node: ts.Node;
  name: string;
}

const MAX_REEXPORT_DEPTH = 8;

/**
 * The project as the analyzer sees it: every scanned file parsed once by
 * ts-morph, with its import/export tables, and module resolution that honours
 * tsconfig `paths` but needs no installed dependencies (bare specifiers of
 * packages simply stay unresolved).
 */
export class ProjectModel {
  readonly files = new Map<string, AnalyzedFile>();
  readonly unresolved = { imports: 0, mounts: 0 };
  private readonly compilerOptions: ts.CompilerOptions;
  private readonly resolutionCache: ts.ModuleResolutionCache;
  private readonly resolved = new Map<string, AnalyzedFile | undefined>();

  constructor(readonly root: string, filePaths: readonly string[]) {
    const project = createProject(findTsConfig(root));
    this.compilerOptions = project.getCompilerOptions();
    this.resolutionCache = ts.createModuleResolutionCache(root, (name) => name, this.compilerOptions);
    for (const path of filePaths) {
      const sourceFile = project.addSourceFileAtPath(path).compilerNode;
      this.files.set(sourceFile.fileName, {
        absolutePath: sourceFile.fileName,
        relativePath: relative(root, sourceFile.fileName).split(sep).join('/'),
        sourceFile,
        ...readModuleFacts(sourceFile),
      });
    }
  }

  /** The project file a module specifier points at, or undefined for packages and missing files. */
  resolveModule(from: AnalyzedFile, specifier: string): AnalyzedFile | undefined {
    const key = `${dirname(from.absolutePath)}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const result = ts.resolveModuleName(specifier, from.absolutePath, this.compilerOptions, ts.sys, this.resolutionCache);
    const resolvedPath = result.resolvedModule?.resolvedFileName;
    const file = resolvedPath && !result.resolvedModule?.isExternalLibraryImport ? this.files.get(resolvedPath) : undefined;
    if (!file && (specifier.startsWith('.') || resolvedPath)) this.unresolved.imports++;
    this.resolved.set(key, file);
    return file;
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
    return binding.imported === '*' ? undefined : this.resolveExport(target, binding.imported, 0);
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

/** A ts-morph project with the tsconfig's options when it can be read; a broken or unresolvable tsconfig falls back to defaults. */
function createProject(tsConfigFilePath: string | undefined): Project {
  const base = { skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true, noEmit: true } };
  if (tsConfigFilePath) {
    try {
      return new Project({ ...base, tsConfigFilePath });
    } catch {
      // e.g. `extends` a package that is not installed: resolve with defaults.
    }
  }
  return new Project(base);
}

function findTsConfig(root: string): string | undefined {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const path = join(root, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}
