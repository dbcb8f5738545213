import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh folder outside the repository, with `files` written into it. */
export function createTempProject(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'redline-cli-'));
  writeFiles(root, files);
  return root;
}

/** Writes files (paths relative to `root`), creating folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Copies a folder into a fresh temporary folder and returns the copy's path. */
export function copyToTemp(source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'redline-cli-'));
  cpSync(source, join(root, 'app'), { recursive: true });
  return join(root, 'app');
}
