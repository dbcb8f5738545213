import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { classifyManifest, type PackageKind, type PackageManifest } from '@redline/core';
import { up as findPackageJson } from 'empathic/package';

/** By folder: the kind of the package the folder belongs to. */
const kindByFolder = new Map<string, PackageKind>();

/**
 * The kind of package a file belongs to, from its nearest package.json: a
 * frontend (a UI runtime and no server runtime), a command-line tool (a `bin`
 * and no server runtime), or other. In a full-stack repository this tells the
 * web app, the SDK and the CLI apart from the API, whatever each file imports.
 */
export function getPackageKind(filename: string): PackageKind {
  const folder = dirname(resolve(filename));
  const known = kindByFolder.get(folder);
  if (known !== undefined) return known;
  const manifestPath = findPackageJson({ cwd: folder });
  const kind = manifestPath === undefined ? 'other' : readKind(manifestPath);
  kindByFolder.set(folder, kind);
  return kind;
}

function readKind(manifestPath: string): PackageKind {
  try {
    return classifyManifest(JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest);
  } catch {
    // An unreadable or malformed package.json says nothing about the code.
    return 'other';
  }
}
