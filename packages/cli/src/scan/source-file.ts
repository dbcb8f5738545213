/** A file to scan, with the text that is analysed (work tree or staged). */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Relative to the scan's cwd, `/`-separated: the `file` of its findings. */
  file: string;
  text: string;
  /** Whether `text` is what is on disk (engines may then read the file themselves) or the staged content. */
  origin: 'disk' | 'index';
}
