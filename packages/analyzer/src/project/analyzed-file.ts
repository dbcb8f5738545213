import type { ts } from 'ts-morph';

/** Where an imported name comes from. */
export interface ImportBinding {
  specifier: string;
  /** `default`, `*` for a namespace or a CommonJS `require` of the whole module, or the exported name. */
  imported: string;
}

/** What an exported name refers to in its file. */
export type ExportBinding =
  | { kind: 'local'; local: string }
  | { kind: 'expression'; node: ts.Expression }
  | { kind: 'reexport'; specifier: string; imported: string };

/** One source file of the project and the module facts of its top level. */
export interface AnalyzedFile {
  absolutePath: string;
  /** Relative to the scan root, `/`-separated. */
  relativePath: string;
  /** The source text; reading it does not parse the file (whole-project text scans use this). */
  text: string;
  sourceFile: ts.SourceFile;
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportBinding>;
  /** `export * from '…'` specifiers. */
  starExports: string[];
  /** Top-level functions, classes and variable initialisers by name. */
  declarations: Map<string, ts.Node>;
}
