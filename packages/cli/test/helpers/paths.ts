import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A path under the repository root. */
export function fromRepo(path: string): string {
  return fileURLToPath(new URL(path, new URL('../../../../', import.meta.url)));
}
