import { join } from 'node:path';
import { parseChangedLines } from './diff-hunks.js';
import { getRepositoryRoot, runGit } from './run-git.js';

/** Which lines count as changed: the staged ones, or those changed since a ref. */
export type ChangeSelection = { kind: 'staged' } | { kind: 'since'; ref: string };

/**
 * Changed lines by absolute path. A file that is new to git (untracked, for
 * `--changed-since`) is wholly changed, written as `'all'`.
 */
export interface Changes {
  repositoryRoot: string;
  lines: Map<string, Set<number> | 'all'>;
}

/**
 * The changed files and lines: for `staged`, the index against HEAD; for
 * `since`, the work tree against the merge base of the ref and HEAD (what a
 * pull request changes, including edits not yet committed).
 */
export async function getChanges(cwd: string, selection: ChangeSelection): Promise<Changes> {
  const flag = selection.kind === 'staged' ? '--staged' : '--changed-since';
  const repositoryRoot = await getRepositoryRoot(cwd, flag);
  const lines = new Map<string, Set<number> | 'all'>();
  if (selection.kind === 'staged') {
    const diff = await runGit(repositoryRoot, ['diff', '--cached', '-U0', '--no-color', '--no-ext-diff', '--diff-filter=ACMR']);
    for (const [path, changed] of parseChangedLines(diff)) lines.set(join(repositoryRoot, path), changed);
    return { repositoryRoot, lines };
  }
  const base = (await runGit(repositoryRoot, ['merge-base', selection.ref, 'HEAD'])).trim();
  const diff = await runGit(repositoryRoot, ['diff', base, '-U0', '--no-color', '--no-ext-diff', '--diff-filter=ACMR']);
  for (const [path, changed] of parseChangedLines(diff)) lines.set(join(repositoryRoot, path), changed);
  const untracked = await runGit(repositoryRoot, ['ls-files', '--others', '--exclude-standard', '-z']);
  for (const path of untracked.split('\0').filter(Boolean)) lines.set(join(repositoryRoot, path), 'all');
  return { repositoryRoot, lines };
}

/** The staged content of a file (the index), not the work tree's. */
export async function readStagedText(repositoryRoot: string, pathInRepository: string): Promise<string> {
  return runGit(repositoryRoot, ['show', `:${pathInRepository}`]);
}
