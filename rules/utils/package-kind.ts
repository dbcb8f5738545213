import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isFrontendManifest, type PackageManifest } from '@redline/core';
import { up as findPackageJson } from 'empathic/package';

/** By folder: whether the package the folder belongs to is a frontend package. */
const frontendByFolder = new Map<string, boolean>();

/**
 * Whether a file belongs to a frontend package: its nearest package.json
 * depends on a UI runtime (React DOM, React Native, Vue, Preact …) and on no
 * server runtime. In a full-stack repository this tells the web app and the
 * SDK apart from the API, whatever each file imports.
 */
export function isInFrontendPackage(filename: string): boolean {
  const folder = dirname(resolve(filename));
  const known = frontendByFolder.get(folder);
  if (known !== undefined) return known;
  const manifestPath = findPackageJson({ cwd: folder });
  const frontend = manifestPath !== undefined && readsAsFrontend(manifestPath);
  frontendByFolder.set(folder, frontend);
  return frontend;
}

function readsAsFrontend(manifestPath: string): boolean {
  try {
    return isFrontendManifest(JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest);
  } catch {
    // An unreadable or malformed package.json says nothing about the code.
    return false;
  }
}
