import ts from '../project/typescript.cjs';
import type { ProjectFile } from '../project/project-file.js';
import { ProjectModel } from '../project/project-model.js';
import { walkFiles, type NodeVisitor } from '../walk/walker.js';

/** The files a walk recorded something from, by what they recorded. */
export interface RecordingFiles {
  /** Files something was recorded from that the rest of the analysis may combine with anything. */
  structural: Set<ProjectFile>;
  /** Files that recorded only call-site records (see `siteRecords`), and are not structural. */
  site: Set<ProjectFile>;
}

/**
 * Walks `files` (in their order) with the visitors, as `walkFiles` does, and
 * says which files the visitors kept anything from. A file they kept nothing
 * from adds nothing to the analysis through the walk: it matters only when a
 * resolution reaches it or a text scan reads it, and both happen whether or
 * not it was walked. So an unchanged file that recorded nothing need not be
 * walked (nor parsed) next time.
 *
 * What the visitors kept is found in their state after the walk, whatever its
 * shape: a syntax node or a file belongs to its file, a code span or a path
 * string to the file it names. A visitor property holding a primitive (a
 * prefix read from a call) is compared before and after each file. State that
 * cannot be traced to a file (a function, which may capture anything) makes
 * every walked file count as structural: the safe answer.
 *
 * `siteRecords` names, per visitor, the properties whose records each stand
 * for one call site, and whose outcome depends only on the files that site's
 * module reaches through imports (and on the entity facts): a file found only
 * there is a site file, which the cache may leave unwalked while nothing it
 * reaches changed.
 */
export function walkRecording(
  project: ProjectModel,
  files: readonly ProjectFile[],
  visitors: readonly NodeVisitor[],
  siteRecords: ReadonlyMap<NodeVisitor, readonly string[]> = new Map(),
): RecordingFiles {
  const structural = new Set<ProjectFile>();
  for (const file of files) {
    const before = visitors.map(readPrimitives);
    walkFiles([file], visitors);
    if (visitors.some((visitor, index) => !samePrimitives(before[index]!, readPrimitives(visitor)))) structural.add(file);
  }
  const byRelativePath = new Map([...project.files.values()].map((file) => [file.relativePath, file]));
  const structuralTracer = new StateTracer(project, byRelativePath);
  const siteTracer = new StateTracer(project, byRelativePath);
  for (const visitor of visitors) {
    const siteProperties = siteRecords.get(visitor) ?? [];
    for (const [name, value] of Object.entries(visitor)) (siteProperties.includes(name) ? siteTracer : structuralTracer).trace(value);
  }
  if (structuralTracer.untraceable || siteTracer.untraceable) return { structural: new Set(files), site: new Set() };
  for (const file of structuralTracer.files) structural.add(file);
  return { structural, site: new Set([...siteTracer.files].filter((file) => !structural.has(file))) };
}

/**
 * Moves to `structural` the site files that `state` (adapter state the fact
 * building added to) refers to: a site record that resolving it turned into
 * structural state (a call on an imported router that became one of the
 * router's events) makes its outcome depend on more than the site's imports.
 */
export function promoteSiteFiles(project: ProjectModel, recording: RecordingFiles, state: readonly unknown[]): void {
  const tracer = new StateTracer(project, new Map([...project.files.values()].map((file) => [file.relativePath, file])));
  for (const value of state) tracer.trace(value);
  for (const file of tracer.files) {
    if (recording.site.delete(file)) recording.structural.add(file);
  }
}

function readPrimitives(visitor: NodeVisitor): unknown[] {
  return Object.values(visitor).filter((value) => value === null || (typeof value !== 'object' && typeof value !== 'function'));
}

function samePrimitives(before: readonly unknown[], after: readonly unknown[]): boolean {
  return before.length === after.length && before.every((value, index) => Object.is(value, after[index]));
}

/** Follows an object graph and collects the project files it refers to. */
class StateTracer {
  readonly files = new Set<ProjectFile>();
  untraceable = false;
  private readonly seen = new Set<object>();

  constructor(private readonly project: ProjectModel, private readonly byRelativePath: ReadonlyMap<string, ProjectFile>) {}

  trace(value: unknown): void {
    if (typeof value === 'string') {
      this.addByPath(value);
      return;
    }
    if (typeof value === 'function') {
      this.untraceable = true;
      return;
    }
    if (value === null || typeof value !== 'object' || this.seen.has(value)) return;
    this.seen.add(value);
    if (value instanceof ProjectModel) return;
    if (isSyntaxNode(value)) {
      this.addByPath(getSourceFileName(value));
      return;
    }
    if (value instanceof Map) {
      for (const [key, entry] of value) {
        this.trace(key);
        this.trace(entry);
      }
      return;
    }
    if (value instanceof Set || Array.isArray(value)) {
      for (const entry of value) this.trace(entry);
      return;
    }
    if (value instanceof RegExp) return;
    const project = this.project.files.get((value as { absolutePath?: unknown }).absolutePath as string);
    if (project === value) {
      this.files.add(project);
      return;
    }
    for (const entry of Object.values(value)) this.trace(entry);
  }

  /** A string that is a project file's path (absolute, or relative as code spans carry it). */
  private addByPath(path: string): void {
    const file = this.project.files.get(path) ?? this.byRelativePath.get(path);
    if (file) this.files.add(file);
  }
}

function isSyntaxNode(value: object): value is ts.Node {
  const node = value as Partial<ts.Node>;
  return typeof node.kind === 'number' && typeof node.pos === 'number' && typeof node.end === 'number' && 'parent' in node;
}

function getSourceFileName(node: ts.Node): string {
  let current: ts.Node = node;
  while (current.kind !== ts.SyntaxKind.SourceFile && current.parent) current = current.parent;
  return (current as ts.SourceFile).fileName ?? '';
}
