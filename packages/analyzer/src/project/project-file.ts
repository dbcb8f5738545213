import ts from './typescript.cjs';
import type { AnalyzedFile, ExportBinding, ImportBinding } from './analyzed-file.js';
import { readModuleFacts } from './module-facts.js';

type ModuleFacts = ReturnType<typeof readModuleFacts>;

/**
 * A project file whose text is read up front and whose syntax tree is built
 * the first time anything asks for it: the walk, or a resolution that lands
 * here. A file nothing asks about is never parsed, which is what makes an
 * incremental analysis cheap; the tree is the same whenever it is built.
 */
export class ProjectFile implements AnalyzedFile {
  private parsed: { sourceFile: ts.SourceFile; facts: ModuleFacts } | undefined;

  /**
   * @param parsedAhead this file's tree, if one was built ahead (see
   * cache/parse-ahead.ts): used when it was built from `text`
   */
  constructor(
    readonly absolutePath: string,
    readonly relativePath: string,
    readonly text: string,
    private readonly onParse: (builtAhead: boolean) => void,
    private readonly parsedAhead?: ts.SourceFile,
  ) {}

  get isParsed(): boolean {
    return this.parsed !== undefined;
  }

  get sourceFile(): ts.SourceFile {
    return this.parse().sourceFile;
  }

  get imports(): Map<string, ImportBinding> {
    return this.parse().facts.imports;
  }

  get exports(): Map<string, ExportBinding> {
    return this.parse().facts.exports;
  }

  get starExports(): string[] {
    return this.parse().facts.starExports;
  }

  get declarations(): Map<string, ts.Node> {
    return this.parse().facts.declarations;
  }

  private parse(): { sourceFile: ts.SourceFile; facts: ModuleFacts } {
    if (!this.parsed) {
      const builtAhead = this.parsedAhead?.text === this.text;
      const sourceFile = builtAhead ? this.parsedAhead! : parseSourceFile(this.absolutePath, this.text);
      this.parsed = { sourceFile, facts: readModuleFacts(sourceFile) };
      this.onParse(builtAhead);
    }
    return this.parsed;
  }
}

/**
 * The syntax tree of a project file: what ts-morph builds for one (the latest syntax, parent pointers set, the
 * script kind from the extension), minus JSDoc comments, which nothing reads and which cost a fifth of the parse.
 * The same path and text always give the same tree.
 */
export function parseSourceFile(absolutePath: string, text: string): ts.SourceFile {
  return ts.createSourceFile(absolutePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true);
}
