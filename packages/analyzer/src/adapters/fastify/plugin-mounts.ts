import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import { getProperty, type FastifyAdapter } from './fastify-adapter.js';
import { AUTOLOAD_MODULES, FASTIFY_PLUGIN_MODULE, type FastifyEvent, type FastifyInstance } from './fastify-model.js';
import { listAutoloadFolders, readAutoloadOptions, type AutoloadOptions } from './autoload-folders.js';
import { getBootstrappedControllers, isDecoratorsBootstrap } from './decorator-controllers.js';

const MAX_RESOLVE_DEPTH = 8;

/** What one `register` call adds to the registering context. */
export interface PluginMount {
  /** The plugin's instance, when its function uses its parameter as one. */
  instance?: FastifyInstance;
  /** Where the plugin is defined. */
  file: AnalyzedFile;
  /**
   * A `fastify-plugin` (skip-override) plugin runs in the registering
   * context: its hooks apply to that context's routes and its prefix is ignored.
   */
  shared: boolean;
  prefix: string;
  /** The prefix the `register` call gave, kept for shared plugins too: what `opts.prefix` reads inside the plugin. */
  declaredPrefix?: string;
  /** Registered with `{ prefix: opts.prefix }`: the prefix the enclosing plugin itself was given. */
  forwardsPrefix?: boolean;
  /** Plugins this one registers by construction: autoload's per-folder plugin that wraps a folder with its autohooks. */
  children: PluginMount[];
}

/** A plugin function, and whether `fp()` wrapped it on the way. */
interface ResolvedPlugin {
  fn: ts.Node;
  file: AnalyzedFile;
  shared: boolean;
}

/**
 * Resolves `register(...)` and hand-off events to the plugins they load,
 * across files (`import`, `require`, `import()`, default exports, `fp()`),
 * and expands `@fastify/autoload` folders into plugins with their prefixes
 * and autohooks. Memoised per event.
 */
export class PluginMounts {
  private readonly byEvent = new Map<FastifyEvent, PluginMount[]>();

  constructor(private readonly adapter: FastifyAdapter, private readonly project: ProjectModel) {}

  /** The plugins a `register` event loads; for a hand-off, the helper's instance as a shared mount. */
  get(event: FastifyEvent): PluginMount[] {
    const cached = this.byEvent.get(event);
    if (cached) return cached;
    let mounts: PluginMount[] = [];
    if (event.type === 'register') mounts = this.resolveRegister(event.plugin, event.options, event.file);
    else if (event.type === 'pass') mounts = this.resolveHandOff(event.callee, event.argumentIndex, event.file);
    this.byEvent.set(event, mounts);
    return mounts;
  }

  private resolveRegister(plugin: ts.Expression, options: ts.Expression | undefined, file: AnalyzedFile): PluginMount[] {
    if (this.isAutoload(plugin, file)) {
      const autoload = readAutoloadOptions(options, file, this.project.root);
      if (!autoload) {
        this.project.unresolved.mounts++;
        return [];
      }
      return this.expandAutoload(autoload);
    }
    if (isDecoratorsBootstrap(plugin, file)) return this.expandBootstrap(options);
    const resolved = this.resolvePlugin(plugin, file, false, 0);
    if (!resolved) return [];
    const prefixValue = options ? getProperty(options, 'prefix') : undefined;
    const prefix = prefixValue ? getStringValue(prefixValue) ?? '/?' : '';
    return [{ ...this.toMount(resolved, prefix), ...(prefixValue && isForwardedPrefix(prefixValue) ? { forwardsPrefix: true } : {}) }];
  }

  /**
   * fastify-decorators' `bootstrap` registers each controller as a plugin of
   * its own (a controller's `@Hook`s guard its routes only), under the
   * `prefix` it is given: the classes listed in `controllers`, or, when it
   * loads a directory, every controller of the project.
   */
  private expandBootstrap(options: ts.Expression | undefined): PluginMount[] {
    const names = getBootstrappedControllers(options);
    const prefixValue = options ? getProperty(options, 'prefix') : undefined;
    const prefix = prefixValue ? getStringValue(prefixValue) ?? '/?' : '';
    return [...this.adapter.decoratedControllers].flatMap(([controller, instance]) =>
      names === undefined || (controller.name !== undefined && names.includes(controller.name.text))
        ? [{ instance, file: instance.file, shared: false, prefix, children: [] }]
        : []);
  }

  private toMount(resolved: ResolvedPlugin, prefix: string): PluginMount {
    const instance = this.adapter.getInstanceOfPlugin(resolved.fn);
    return { ...(instance ? { instance } : {}), file: resolved.file, shared: resolved.shared, prefix: resolved.shared ? '' : prefix, declaredPrefix: prefix, children: [] };
  }

  /**
   * Autoload registers each folder's plugins on the registering context; a
   * folder with autohooks gets its own (encapsulated) plugin in which the
   * hooks run with skip-override, so they guard that folder's routes only.
   */
  private expandAutoload(options: AutoloadOptions): PluginMount[] {
    const mounts: PluginMount[] = [];
    for (const folder of listAutoloadFolders(options, this.project.files.values())) {
      const plugins = folder.plugins.flatMap(({ file, directoryPrefix }) => {
        const resolved = this.resolveModuleDefault(file);
        if (!resolved) return [];
        const mount = this.toMount({ ...resolved, shared: resolved.shared || !options.encapsulate }, getAutoloadPrefix(file, directoryPrefix, options));
        return [mount];
      });
      if (folder.hooks.length === 0) {
        mounts.push(...plugins);
        continue;
      }
      const hooks = folder.hooks.flatMap((file) => {
        const resolved = this.resolveModuleDefault(file);
        return resolved ? [this.toMount({ ...resolved, shared: true }, '')] : [];
      });
      if (plugins.length > 0) mounts.push({ file: folder.hooks[0]!, shared: false, prefix: '', children: [...hooks, ...plugins] });
    }
    return mounts;
  }

  private resolveHandOff(callee: ts.Expression, index: number, file: AnalyzedFile): PluginMount[] {
    const resolved = this.resolvePlugin(callee, file, true, 0);
    if (!resolved || !ts.isFunctionLike(resolved.fn)) return [];
    const parameter = resolved.fn.parameters[index];
    const instance = parameter && this.adapter.instances.find((candidate) => candidate.creation === parameter);
    return instance ? [{ instance, file: resolved.file, shared: true, prefix: '', children: [] }] : [];
  }

  private resolveModuleDefault(file: AnalyzedFile): ResolvedPlugin | undefined {
    const exported = this.project.resolveExport(file, 'default');
    return exported ? this.resolvePlugin(exported.node as ts.Expression, exported.file, false, 0) : undefined;
  }

  /** The plugin function an expression stands for, following variables, imports, `require`, `import()` and `fp()`. */
  private resolvePlugin(expression: ts.Expression, file: AnalyzedFile, shared: boolean, depth: number): ResolvedPlugin | undefined {
    if (depth > MAX_RESOLVE_DEPTH) return undefined;
    if (ts.isFunctionDeclaration(expression)) return { fn: expression, file, shared };
    const node = skipOuterExpressions(expression);
    if (ts.isFunctionLike(node)) return { fn: node, file, shared };
    if (ts.isCallExpression(node)) {
      const specifier = getRequiredOrImportedSpecifier(node);
      if (specifier !== undefined) {
        const target = this.project.resolveModule(file, specifier);
        return target ? this.resolveModuleDefault(target) : undefined;
      }
      if (isPluginWrapper(node.expression, file) && node.arguments[0]) return this.resolvePlugin(node.arguments[0], file, true, depth + 1);
      return undefined;
    }
    if (ts.isIdentifier(node)) {
      const local = findLocalDeclaration(node);
      if (local && ts.isFunctionDeclaration(local)) return { fn: local, file, shared };
      if (local && ts.isVariableDeclaration(local)) return local.initializer ? this.resolvePlugin(local.initializer, file, shared, depth + 1) : undefined;
      const resolved = this.project.resolveName(file, node.text);
      return resolved ? this.resolvePlugin(resolved.node as ts.Expression, resolved.file, shared, depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(node)) {
      // `routes.default`, or `import * as routes` then `routes.userRoutes`
      if (node.name.text === 'default') return this.resolvePlugin(node.expression, file, shared, depth + 1);
      const owner = skipOuterExpressions(node.expression);
      const binding = ts.isIdentifier(owner) ? file.imports.get(owner.text) : undefined;
      const target = binding?.imported === '*' ? this.project.resolveModule(file, binding.specifier) : undefined;
      const exported = target && this.project.resolveExport(target, node.name.text);
      return exported ? this.resolvePlugin(exported.node as ts.Expression, exported.file, shared, depth + 1) : undefined;
    }
    return undefined;
  }

  /** Whether a registered plugin is @fastify/autoload. */
  isAutoload(plugin: ts.Expression, file: AnalyzedFile): boolean {
    const node = skipOuterExpressions(plugin);
    const root = ts.isPropertyAccessExpression(node) ? skipOuterExpressions(node.expression) : node;
    if (ts.isIdentifier(root)) return AUTOLOAD_MODULES.has(file.imports.get(root.text)?.specifier ?? '');
    return ts.isCallExpression(root) && AUTOLOAD_MODULES.has(getRequiredOrImportedSpecifier(root) ?? '');
  }
}

/** autoload's prefix rules: `prefixOverride`, else the `options.prefix` it was given plus `autoPrefix` or the folder path. */
function getAutoloadPrefix(file: AnalyzedFile, directoryPrefix: string, options: AutoloadOptions): string {
  const exported = (name: string): string | undefined => {
    const binding = file.exports.get(name);
    if (binding?.kind === 'expression') return getStringValue(binding.node);
    if (binding?.kind === 'local') {
      const declaration = file.declarations.get(binding.local);
      return declaration ? getStringValue(declaration) : undefined;
    }
    return undefined;
  };
  const override = exported('prefixOverride');
  if (override !== undefined) return override;
  return options.prefix.replace(/\/$/, '') + (exported('autoPrefix') ?? directoryPrefix);
}

/** `require('./x')`, `import('./x')` → `'./x'`. */
function getRequiredOrImportedSpecifier(call: ts.CallExpression): string | undefined {
  const isRequire = ts.isIdentifier(call.expression) && call.expression.text === 'require';
  const isImport = call.expression.kind === ts.SyntaxKind.ImportKeyword;
  return isRequire || isImport ? getStringValue(call.arguments[0]) : undefined;
}

/** `fp(plugin)`, `fastifyPlugin(plugin)`: the plugin shares its parent's context. */
function isPluginWrapper(callee: ts.Expression, file: AnalyzedFile): boolean {
  const node = skipOuterExpressions(callee);
  if (!ts.isIdentifier(node)) return false;
  return file.imports.get(node.text)?.specifier === FASTIFY_PLUGIN_MODULE || node.text === 'fp' || node.text === 'fastifyPlugin';
}

/**
 * `{ prefix: opts.prefix }` inside `async (fastify, opts) => …`: a wrapper
 * (often a `fastify-plugin`, whose own prefix Fastify ignores) handing on the
 * prefix it was registered with.
 */
function isForwardedPrefix(node: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'prefix' || !ts.isIdentifier(node.expression)) return false;
  const name = node.expression.text;
  for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
    if (!ts.isFunctionLike(scope)) continue;
    const options = scope.parameters[1];
    return options !== undefined && ts.isIdentifier(options.name) && options.name.text === name;
  }
  return false;
}
