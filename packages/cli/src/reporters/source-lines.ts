/** The lines of a source text, without line terminators. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
