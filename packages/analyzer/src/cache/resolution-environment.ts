import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectModel } from '../project/project-model.js';

/**
 * A hash of what module resolution depends on besides the source files'
 * texts: which files the project has, the tsconfig/jsconfig files that govern
 * its folders (and those they extend), the package.json files of its folders
 * and their parents (`main`, `imports`, workspace names), and when the root's
 * node_modules last changed (an install can link a workspace package). While
 * it is the same, an unchanged file's imports resolve to the same files.
 */
export function getResolutionEnvironment(project: ProjectModel): string {
  const hash = createHash('sha1');
  for (const file of [...project.files.values()].map((entry) => entry.relativePath).sort()) hash.update(`file\0${file}\0`);
  const packageFiles = new Set<string>();
  for (const file of project.files.values()) {
    for (let directory = dirname(file.absolutePath); ; directory = dirname(directory)) {
      const packageFile = join(directory, 'package.json');
      if (packageFiles.has(packageFile)) break;
      packageFiles.add(packageFile);
      if (directory === project.root || dirname(directory) === directory) break;
    }
  }
  for (const path of [...project.getResolutionConfigFiles(), ...[...packageFiles].filter((path) => existsSync(path)).sort()]) {
    hash.update(`config\0${path}\0${readOrMissing(path)}\0`);
  }
  const nodeModules = join(project.root, 'node_modules');
  hash.update(`node_modules\0${existsSync(nodeModules) ? statSync(nodeModules).mtimeMs : 'none'}`);
  return hash.digest('hex');
}

function readOrMissing(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '\0missing';
  }
}
