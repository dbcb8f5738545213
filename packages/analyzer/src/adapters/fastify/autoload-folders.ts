import { relative, sep } from 'node:path';
import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import { getProperty } from './fastify-adapter.js';
import { evaluateStaticPath } from './static-path.js';

/** What a `register(autoload, { … })` call asks for, as far as its literal options say. */
export interface AutoloadOptions {
  dir: string;
  autoHooks: boolean;
  cascadeHooks: boolean;
  dirNameRoutePrefix: boolean;
  /** `_id` folders become `:id` route parameters. */
  routeParams: boolean;
  /** `encapsulate: false` loads every plugin into the registering context. */
  encapsulate: boolean;
  /** `options: { prefix: '/api' }`, passed to every plugin. */
  prefix: string;
  ignorePattern?: RegExp;
  /** `matchFilter`/`ignoreFilter` written as a string or a regular expression (functions cannot be read). */
  matchFilter?: RegExp | string;
  ignoreFilter?: RegExp | string;
  /** Folders deeper than this are not loaded. */
  maxDepth?: number;
}

/** One folder's plugin files with the autohooks files that wrap them (the folder's own, and its parents' when hooks cascade). */
export interface AutoloadFolder {
  hooks: AnalyzedFile[];
  plugins: { file: AnalyzedFile; directoryPrefix: string }[];
}

const SCRIPT = /\.(?:[cm]?[jt]s)$/i;
const DECLARATION = /\.d\.[cm]?ts$/i;
const INDEX = /^index\.(?:[cm]?[jt]s)$/i;
const AUTOHOOKS = /^[_.]?auto_?hooks\.(?:[cm]?[jt]s)$/i;

/** Reads autoload's options; undefined when `dir` is not a path we can compute without running the code. */
export function readAutoloadOptions(options: ts.Expression | undefined, file: AnalyzedFile, root: string): AutoloadOptions | undefined {
  const dirExpression = options && getProperty(options, 'dir');
  const dir = dirExpression && evaluateStaticPath(dirExpression, file, root);
  if (!options || !dir) return undefined;
  const flag = (name: string, fallback: boolean): boolean => {
    const value = getProperty(options, name);
    if (!value) return fallback;
    const kind = skipOuterExpressions(value).kind;
    return kind === ts.SyntaxKind.TrueKeyword ? true : kind === ts.SyntaxKind.FalseKeyword ? false : fallback;
  };
  const pluginOptions = getProperty(options, 'options');
  const ignorePattern = readFilter(getProperty(options, 'ignorePattern'));
  const matchFilter = readFilter(getProperty(options, 'matchFilter'));
  const ignoreFilter = readFilter(getProperty(options, 'ignoreFilter'));
  const maxDepth = getProperty(options, 'maxDepth');
  return {
    dir,
    autoHooks: flag('autoHooks', false),
    cascadeHooks: flag('cascadeHooks', false),
    dirNameRoutePrefix: flag('dirNameRoutePrefix', true),
    routeParams: flag('routeParams', false),
    encapsulate: flag('encapsulate', true),
    prefix: (pluginOptions && getStringValue(getProperty(pluginOptions, 'prefix'))) ?? '',
    ...(ignorePattern !== undefined ? { ignorePattern: typeof ignorePattern === 'string' ? new RegExp(ignorePattern) : ignorePattern } : {}),
    ...(matchFilter !== undefined ? { matchFilter } : {}),
    ...(ignoreFilter !== undefined ? { ignoreFilter } : {}),
    ...(maxDepth && ts.isNumericLiteral(maxDepth) ? { maxDepth: Number(maxDepth.text) } : {}),
  };
}

interface FolderNode {
  files: Map<string, AnalyzedFile>;
  folders: Map<string, FolderNode>;
}

/**
 * The folders autoload walks under `dir`, as @fastify/autoload does: every
 * script is a plugin unless the folder has an `index` file (then only that
 * one, and the subfolders); folder names become route prefixes; an
 * `autohooks` file wraps its folder (and, with `cascadeHooks`, the subfolders).
 */
export function listAutoloadFolders(options: AutoloadOptions, files: Iterable<AnalyzedFile>): AutoloadFolder[] {
  const tree: FolderNode = { files: new Map(), folders: new Map() };
  for (const file of files) {
    const path = relative(options.dir, file.absolutePath);
    if (path.startsWith('..') || path === '' || path.includes(`node_modules${sep}`)) continue;
    const posixPath = path.split(sep).join('/');
    if (options.ignorePattern?.test(posixPath)) continue;
    if (options.matchFilter !== undefined && !matches(`/${posixPath}`, options.matchFilter)) continue;
    if (options.ignoreFilter !== undefined && matches(`/${posixPath}`, options.ignoreFilter)) continue;
    const segments = posixPath.split('/');
    if (options.maxDepth !== undefined && segments.length - 1 > options.maxDepth) continue;
    let node = tree;
    for (const segment of segments.slice(0, -1)) {
      let child = node.folders.get(segment);
      if (!child) node.folders.set(segment, child = { files: new Map(), folders: new Map() });
      node = child;
    }
    node.files.set(segments.at(-1)!, file);
  }
  const folders: AutoloadFolder[] = [];
  const visit = (node: FolderNode, prefix: string, inheritedHooks: AnalyzedFile[]): void => {
    const ownHooks = options.autoHooks ? [...node.files].filter(([name]) => AUTOHOOKS.test(name)).map(([, file]) => file) : [];
    const hooks = options.autoHooks ? [...inheritedHooks, ...ownHooks] : [];
    const index = [...node.files].find(([name]) => INDEX.test(name));
    const scripts = index ? [index] : [...node.files].filter(([name]) => SCRIPT.test(name) && !DECLARATION.test(name) && !AUTOHOOKS.test(name));
    folders.push({ hooks, plugins: scripts.map(([, file]) => ({ file, directoryPrefix: prefix })) });
    for (const [name, child] of node.folders) {
      const childPrefix = `${prefix}/${options.dirNameRoutePrefix ? name : ''}`;
      visit(child, options.routeParams ? toRouteParams(childPrefix) : childPrefix, options.cascadeHooks ? hooks : []);
    }
  };
  visit(tree, '', []);
  return folders;
}

/** autoload's `routeParams`: `/users/_id` → `/users/:id`. */
function toRouteParams(prefix: string): string {
  return prefix.replace(/\/_/g, '/:');
}

function readFilter(value: ts.Expression | undefined): RegExp | string | undefined {
  if (!value) return undefined;
  const node = skipOuterExpressions(value);
  return ts.isRegularExpressionLiteral(node) ? toRegExp(node.text) : getStringValue(node);
}

/** autoload's filters: a string matches as a substring of the `/`-rooted path, a regular expression as itself. */
function matches(path: string, filter: RegExp | string): boolean {
  return typeof filter === 'string' ? path.includes(filter) : filter.test(path);
}

function toRegExp(literal: string): RegExp | undefined {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(literal);
  try {
    return match ? new RegExp(match[1]!, match[2]) : undefined;
  } catch {
    return undefined;
  }
}
