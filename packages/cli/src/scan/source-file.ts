/** A file to scan, with the text that is analysed (work tree or staged). */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Relative to the scan's cwd, `/`-separated: the `file` of its findings. */
  file: string;
  text: string;
}
