import ts from '../../project/typescript.cjs';
import type { GuardFact, RedlineVocabulary, RouteFact } from '@redline/core';
import { getCodeSpan } from '../../project/code-span.js';
import type { ProjectModel } from '../../project/project-model.js';
import type { GuardClassifier } from '../../guards/classify-guard.js';
import { mayNeedHandlerAuth, type HandlerInspector } from '../../guards/handler-checks.js';
import { isDeclaredPublicInComment, isPublicHandlerName, isPublicPath } from '../../guards/public-paths.js';
import { joinPaths } from '../express/expand-routes.js';
import type { FastifyAdapter } from './fastify-adapter.js';
import { FastifyGuards } from './fastify-guards.js';
import { importsFastify, type FastifyEvent, type FastifyInstance } from './fastify-model.js';
import { PluginMounts, type PluginMount } from './plugin-mounts.js';
import { getFastifyHandlerName, resolveFastifyHandler } from './route-handler.js';
import { resolveObjectLiteral } from './object-literal.js';
import { dedupeRoutes, describeAppLocation } from '../route-list.js';
import { readsCallerFromRequest } from '../../guards/caller-reads.js';
import { answersOnlyWithErrors } from '../../guards/error-only-handlers.js';

const MAX_PLUGIN_DEPTH = 16;

type RouteEvent = Extract<FastifyEvent, { type: 'route' }>;

/** Which app a context belongs to, and whether the chain down from that app is known. */
interface Reach {
  app: string;
  mountKnown: boolean;
}

/**
 * Turns the recorded Fastify instances into routes by following Fastify's
 * encapsulation from each app down: a plugin registered with a prefix is a
 * child context that inherits its parent's hooks; a `fastify-plugin` plugin
 * (and autoload's autohooks) runs in its parent's context, so its hooks guard
 * the parent's routes too. Hooks of a context apply to all of its routes,
 * wherever they are declared, as Fastify binds them when the app is ready.
 */
export function buildFastifyRoutes(
  adapter: FastifyAdapter,
  project: ProjectModel,
  classifier: GuardClassifier,
  inspector: HandlerInspector,
  vocabulary: RedlineVocabulary,
): RouteFact[] {
  adapter.resolveImportedReceivers(project);
  const mounts = new PluginMounts(adapter, project);
  const guards = new FastifyGuards(classifier, adapter, project);
  const hookGuards = new Map<FastifyEvent, GuardFact[]>();
  const reached = new Set<FastifyInstance>();
  const routes: RouteFact[] = [];

  const expandContext = (root: PluginMount, parentPrefix: string, inherited: GuardFact[], reach: Reach, crossed: boolean, depth: number): void => {
    if (depth > MAX_PLUGIN_DEPTH) return;
    const members: { instance: FastifyInstance; prefix: string; crossed: boolean }[] = [];
    const children: { mount: PluginMount; prefix: string; crossed: boolean }[] = [];
    // `givenPrefix`: the prefix the instance's plugin was registered with, which `{ prefix: opts.prefix }` hands on.
    const addInstance = (instance: FastifyInstance, prefix: string, crossedHere: boolean, givenPrefix: string | undefined): void => {
      if (members.some((member) => member.instance === instance)) return;
      reached.add(instance);
      adapter.routed.add(instance);
      members.push({ instance, prefix, crossed: crossedHere });
      for (const event of instance.events) {
        if (event.type !== 'register' && event.type !== 'pass') continue;
        for (const mount of mounts.get(event)) {
          const effective = mount.forwardsPrefix && givenPrefix !== undefined ? { ...mount, prefix: givenPrefix, declaredPrefix: givenPrefix } : mount;
          addMount(effective, prefix, crossedHere || mount.file !== event.file);
        }
      }
    };
    const addMount = (mount: PluginMount, prefix: string, crossedHere: boolean): void => {
      if (!mount.shared) {
        children.push({ mount, prefix, crossed: crossedHere });
        return;
      }
      if (mount.instance) addInstance(mount.instance, prefix, crossedHere, mount.declaredPrefix);
      for (const child of mount.children) addMount(child, prefix, crossedHere || child.file !== mount.file);
    };
    const base = joinPaths(parentPrefix, root.prefix);
    if (root.instance) addInstance(root.instance, base, crossed, root.declaredPrefix);
    for (const child of root.children) addMount(child, base, crossed || child.file !== root.file);

    const hooks = [...inherited, ...members.flatMap(({ instance }) => instance.events.flatMap((event) => getHookGuards(event)))];
    for (const member of members) {
      for (const event of member.instance.events) {
        if (event.type === 'route') routes.push(...toRoutes(event, member.prefix, hooks, reach, member.crossed));
      }
    }
    for (const child of children) expandContext(child.mount, child.prefix, hooks, reach, child.crossed, depth + 1);
  };

  const asRoot = (instance: FastifyInstance): PluginMount => ({ instance, file: instance.file, shared: false, prefix: '', children: [] });
  for (const instance of adapter.instances) {
    if (instance.isApp) expandContext(asRoot(instance), '', [], { app: describeAppLocation(instance.file, instance.creation), mountKnown: true }, false, 0);
  }
  const registered = findRegisteredInstances(adapter, mounts);
  const unregistered = adapter.instances.filter((instance) => !instance.isApp && !registered.has(instance));
  // A fastify-cli app exports the root plugin and autoloads its routes: fastify-cli is the app.
  for (const instance of unregistered) {
    if (!reached.has(instance) && instance.events.some((event) => event.type === 'register' && mounts.isAutoload(event.plugin, event.file))) {
      expandContext(asRoot(instance), '', [], { app: 'fastify', mountKnown: true }, false, 0);
    }
  }
  // A plugin nobody registers may sit behind hooks we cannot see: listed, marked unmounted, and not judged.
  for (const instance of unregistered) {
    if (!reached.has(instance) && hasFastifyEvidence(instance)) {
      project.unresolved.mounts++;
      expandContext(asRoot(instance), '', [], { app: describeAppLocation(instance.file, instance.creation), mountKnown: false }, false, 0);
    }
  }
  return dedupeRoutes(routes);

  /** What runs before every route of the context: `addHook` hooks, and a registered @fastify/rate-limit. */
  function getHookGuards(event: FastifyEvent): GuardFact[] {
    if (event.type !== 'hook' && event.type !== 'register') return [];
    let found = hookGuards.get(event);
    if (!found) {
      found = event.type === 'hook'
        ? guards.fromHookValue(event.fn, event.file, 'hook', event.hook)
        : guards.fromRateLimitRegistration(event.plugin, event.options, event.file);
      hookGuards.set(event, found);
    }
    return found;
  }

  function toRoutes(event: RouteEvent, prefix: string, hooks: GuardFact[], reach: Reach, crossed: boolean): RouteFact[] {
    const resolvedOptions = event.options && resolveObjectLiteral(event.options, event.file, project);
    const options = resolvedOptions?.node ?? event.options;
    const routeGuards = guards.fromRouteOptions(options, resolvedOptions?.file ?? event.file);
    const handler = event.handler && resolveFastifyHandler(event.handler, event.file, project);
    return event.methods.map((method) => {
      const path = joinPaths(prefix, event.path);
      const routeChain = [...hooks, ...routeGuards];
      const isPublic = isPublicPath(path, method, vocabulary.publicRoutes) ||
        isPublicHandlerName(event.handler && getFastifyHandlerName(event.handler)) || inspector.optsOutOfAuth(handler?.node) ||
        guards.declaresOptionalAuth(options) || isDeclaredPublicInComment(event.call);
      return {
        framework: 'fastify' as const,
        app: reach.app,
        method,
        path,
        at: getCodeSpan(event.call, event.file.sourceFile, event.file.relativePath),
        guards: routeChain,
        isPublic,
        handlerChecksAuth: handler !== undefined && mayNeedHandlerAuth(routeChain, isPublic) && inspector.checksAuth(handler.node, handler.file),
        handlerChecksRole: inspector.checksRole(handler?.node),
        handlerReadsCaller: handler !== undefined && readsCallerFromRequest(handler.node),
        handlerOnlyRejects: handler !== undefined && answersOnlyWithErrors(handler.node),
        mountedFromOtherFile: crossed,
        mountKnown: reach.mountKnown,
      };
    });
  }
}

/** Every instance some `register` or hand-off loads, whether or not an app reaches the registering one. */
function findRegisteredInstances(adapter: FastifyAdapter, mounts: PluginMounts): Set<FastifyInstance> {
  const registered = new Set<FastifyInstance>();
  const add = (mount: PluginMount): void => {
    if (mount.instance) registered.add(mount.instance);
    mount.children.forEach(add);
  };
  for (const instance of adapter.instances) {
    for (const event of instance.events) {
      if (event.type === 'register' || event.type === 'pass') mounts.get(event).forEach(add);
    }
  }
  return registered;
}

/**
 * A parameter counts as a Fastify instance on its own only in a file that
 * imports Fastify or is typed as one, so an Express `(app) => app.get(…)`
 * module is not listed twice.
 */
function hasFastifyEvidence(instance: FastifyInstance): boolean {
  if (importsFastify(instance.file)) return true;
  const fn = instance.parameterOf?.fn;
  const typed = (node: ts.Node | undefined): boolean =>
    node !== undefined && (ts.isParameter(node) || ts.isVariableDeclaration(node)) && /Fastify/.test(node.type?.getText() ?? '');
  return typed(instance.creation) || typed(fn?.parent);
}


