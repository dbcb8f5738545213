import type { CodeSpan, Finding, Location, ProjectCheck, ProjectFacts, RedlineVocabulary, RefutedPlace, Severity } from '@redline/core';
import { computeFingerprint, isTestFile } from '@redline/core';
import { ProjectModel, type ProjectInput } from './project/project-model.js';
import { planWalk, type AnalyzerCache } from './cache/walk-cache.js';
import { promoteSiteFiles, walkRecording, type RecordingFiles } from './cache/recording-walk.js';
import type { ParsedAhead } from './cache/parse-ahead.js';
import type { ProjectFile } from './project/project-file.js';
import type { NodeVisitor } from './walk/walker.js';
import { RouterAdapter } from './adapters/express/router-adapter.js';
import { expandRoutes } from './adapters/express/expand-routes.js';
import { NestAdapter } from './adapters/nestjs/nest-adapter.js';
import { buildNestRoutes } from './adapters/nestjs/nest-routes.js';
import { addDerivedNestControllers } from './adapters/nestjs/nest-derived-controllers.js';
import { buildNextRoutes } from './adapters/nextjs/next-routes.js';
import { GuardClassifier } from './guards/classify-guard.js';
import { HandlerInspector } from './guards/handler-checks.js';
import { readPrismaEntities } from './adapters/prisma/prisma-schema.js';
import { DecoratedEntityAdapter } from './adapters/typeorm/typeorm-entities.js';
import { ModelDefinitionAdapter } from './adapters/mongoose/mongoose-models.js';
import { DrizzleTableAdapter } from './adapters/drizzle/drizzle-tables.js';
import { FunctionSummaries } from './summaries/function-summaries.js';
import { traceResponses } from './summaries/response-tracer.js';
import { collectHandlers } from './summaries/collect-handlers.js';
import { LogForwardingAdapter } from './summaries/log-forwarding.js';
import { findAxiosDefaultTimeout } from './summaries/client-defaults.js';
import { keepsUnknownDtoKeys } from './summaries/validation-pipes.js';
import { findClientOnlyModules } from './summaries/client-only-modules.js';
import { traceLoggedRecords, traceLoggedTypedValues } from './summaries/logged-records.js';
import { traceLoggedSettings } from './summaries/logged-settings.js';
import { findMaskedLogCalls } from './summaries/masking-loggers.js';
import { NumericIdParameterAdapter } from './requests/numeric-id-parameters.js';
import { NestJwtAdapter } from './adapters/nestjs/jwt-module.js';
import { FastifyErrorDelegationAdapter } from './adapters/fastify/error-delegation.js';
import { ErrorHelperCallAdapter } from './errors/error-helpers.js';
import { ResponseFunctionAdapter } from './summaries/response-functions.js';
import { FastifyAdapter } from './adapters/fastify/fastify-adapter.js';
import { buildFastifyRoutes } from './adapters/fastify/fastify-routes.js';
import { collectFastifyHandlers } from './summaries/collect-handlers.js';
import { withoutKnownResponses } from './adapters/fastify/fastify-responses.js';
import { mentionsRateLimiting } from '@redline/core';
import { BodyWriteAdapter } from './requests/body-writes.js';
import { BodyForwardingAdapter } from './requests/body-forwarding.js';
import { IdForwardingAdapter } from './requests/id-forwarding.js';
import { UnscopedListAdapter } from './requests/unscoped-lists.js';
import { RetryBoundAdapter } from './summaries/retry-bounds.js';

export interface AnalyzeOptions {
  /** The scan root: finding paths are relative to it, and its tsconfig/jsconfig (if any) sets module resolution. */
  root: string;
  /** Absolute paths of the source files to load, or paths with the text to use instead of the file on disk. */
  files: readonly ProjectInput[];
  /** Absolute paths of `schema.prisma` files. */
  prismaSchemas?: readonly string[];
  /** The cross-file checks to run (rules' project halves). */
  checks: readonly ProjectCheck[];
  /** Enabled rules (name without prefix) and their severity; checks of other rules do not run. */
  severities: Readonly<Record<string, Severity>>;
  vocabulary?: RedlineVocabulary;
  /**
   * What an earlier analysis of this root returned as `cache`: unchanged
   * files it recorded nothing from are then neither walked nor parsed unless
   * a resolution reaches them. The result is the same as without it.
   */
  cache?: AnalyzerCache;
  /** Trees `parseAhead` built while the caller waited for this analysis' input; the result is the same without them. */
  parsedAhead?: ParsedAhead;
}

export interface AnalyzeResult {
  findings: Finding[];
  /** Per-file findings the project facts show to be wrong, by rule and line (or range of lines). */
  refuted: RefutedPlace[];
  facts: ProjectFacts;
  /** To pass as `cache` to the next analysis of the same root. */
  cache: AnalyzerCache;
  /**
   * Project files, how many were walked, how many were parsed (walked, or
   * reached by a resolution) and how many of those had their tree built
   * ahead (`parsedAhead`), and whether the given cache was used (it is not
   * when another analyzer build or vocabulary made it).
   */
  stats: { files: number; walked: number; parsed: number; parsedAhead: number; cacheUsed: boolean };
}

/**
 * Loads the project once, walks every file once with the framework adapters,
 * turns what they recorded into facts, and runs the enabled checks on them.
 * With a cache, unchanged files the last walk recorded nothing from are not
 * walked, and parsed only if a resolution reaches them (see cache/).
 */
export function analyze(options: AnalyzeOptions): AnalyzeResult {
  const vocabulary = options.vocabulary ?? {};
  let project = new ProjectModel(options.root, options.files, options.parsedAhead);
  let walk = planWalk(project, vocabulary, options.cache, { refine: true });
  let { facts, recording } = buildFacts(project, walk.files, options.prismaSchemas ?? [], vocabulary);
  // What becomes of a call site depends on the entities: when they changed, the call sites left unwalked are walked after all.
  if (walk.refined && !walk.hasCachedEntities(facts.entities)) {
    project = new ProjectModel(options.root, options.files, options.parsedAhead);
    walk = planWalk(project, vocabulary, options.cache, { refine: false });
    ({ facts, recording } = buildFacts(project, walk.files, options.prismaSchemas ?? [], vocabulary));
  }

  const findings: Finding[] = [];
  const refuted: AnalyzeResult['refuted'] = [];
  for (const check of options.checks) {
    const severity = options.severities[check.name];
    if (!severity) continue;
    const ruleId = `redline/${check.name}`;
    for (const at of check.refute?.(facts, vocabulary) ?? []) refuted.push({ ruleId, file: at.file, line: at.line });
    for (const at of check.refuteWithin?.(facts, vocabulary) ?? []) refuted.push({ ruleId, file: at.file, line: at.line, endLine: at.endLine });
    for (const finding of check.check(facts, vocabulary)) {
      const location = toLocation(finding.at);
      // Test code and its harness (a test server, a script that waits for one) are not what the app runs.
      if (isTestFile(location.file)) continue;
      const { code } = finding.at;
      findings.push({
        ruleId,
        category: check.category,
        severity,
        ...location,
        message: finding.message,
        fingerprint: computeFingerprint({ ruleId, file: location.file, code }),
        ...(finding.related?.length
          ? { relatedLocations: finding.related.map(({ at, message }) => ({ ...toLocation(at), message })) }
          : {}),
      });
    }
  }
  const stats = { files: project.files.size, walked: walk.files.length, parsed: project.parsedFiles, parsedAhead: project.parsedAheadFiles, cacheUsed: walk.cacheUsed };
  const cache = walk.next({ recording, resolvedImports: project.resolvedImports, facts, entities: facts.entities });
  return { findings, refuted, facts, cache, stats };
}

/** A span without its source text: what findings and related locations carry. */
function toLocation(span: CodeSpan): Location {
  return { file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** Walks `files` with the framework adapters and turns what they recorded into facts. */
function buildFacts(project: ProjectModel, files: readonly ProjectFile[], prismaSchemas: readonly string[], vocabulary: RedlineVocabulary): { facts: ProjectFacts; recording: RecordingFiles } {
  const routers = new RouterAdapter();
  const nest = new NestAdapter();
  const decoratedEntities = new DecoratedEntityAdapter();
  const modelDefinitions = new ModelDefinitionAdapter();
  const drizzleTables = new DrizzleTableAdapter();
  const logForwarding = new LogForwardingAdapter(vocabulary);
  const responseFunctions = new ResponseFunctionAdapter();
  const fastify = new FastifyAdapter();
  const numericIds = new NumericIdParameterAdapter();
  const nestJwt = new NestJwtAdapter();
  const fastifyErrors = new FastifyErrorDelegationAdapter();
  const errorHelperCalls = new ErrorHelperCallAdapter();
  const bodyWrites = new BodyWriteAdapter();
  const bodyForwarding = new BodyForwardingAdapter();
  const idForwarding = new IdForwardingAdapter();
  const unscopedLists = new UnscopedListAdapter();
  const retryBounds = new RetryBoundAdapter();
  // What these record stands for one call site each, and what becomes of it depends only on the files the
  // site's module reaches through imports, and on the entity facts: the cache may leave such files unwalked.
  // (A call handing a caught error to a helper is judged by the helper's body, which the call's imports reach; a
  // call on an imported name, or on what a project function returned, adds nothing unless it resolves to a router
  // or Fastify instance, see below.)
  const siteRecords = new Map<NodeVisitor, readonly string[]>([
    [logForwarding, ['candidates', 'sinkCalls']],
    [bodyForwarding, ['candidates']],
    [idForwarding, ['candidates']],
    [retryBounds, ['candidates', 'options']],
    [responseFunctions, ['functions', 'seen']],
    [errorHelperCalls, ['calls']],
    [routers, ['importedReceiverCalls', 'factoryCalls']],
    [fastify, ['importedReceivers']],
  ]);
  const recording = walkRecording(project, files, [routers, nest, decoratedEntities, modelDefinitions, drizzleTables, logForwarding, fastify, responseFunctions, numericIds, nestJwt, fastifyErrors, errorHelperCalls, bodyWrites, bodyForwarding, idForwarding, unscopedLists, retryBounds], siteRecords);

  addDerivedNestControllers(nest, project);
  project.unresolved.routes = routers.computedRoutes;
  const classifier = new GuardClassifier(project, vocabulary);
  const inspector = new HandlerInspector(project);
  const entities = [
    ...readPrismaEntities(project.root, prismaSchemas),
    ...decoratedEntities.getEntities(project.files.values()),
    ...modelDefinitions.entities,
    ...drizzleTables.entities,
  ];
  const summaries = new FunctionSummaries(project);
  summaries.useRequestAssignments(responseFunctions.requests.assignments);
  const facts: ProjectFacts = {
    routes: [
      ...expandRoutes(routers, project, classifier, inspector, vocabulary),
      ...buildNestRoutes(nest, project, classifier, inspector, vocabulary),
      ...buildNextRoutes(project, classifier, inspector, vocabulary),
      ...buildFastifyRoutes(fastify, project, classifier, inspector, vocabulary),
      // A route a test registers (on a test app, or on a controller in a spec) is not one the app serves.
    ].filter((route) => !isTestFile(route.at.file)),
    entities,
    responses: traceResponses([...collectHandlers(project, routers, nest), ...responseFunctions.functions], summaries, entities),
    loggedArguments: logForwarding.resolve(project),
    loggedRecords: traceLoggedRecords(logForwarding.sinkCalls, summaries, entities),
    loggedTypedValues: traceLoggedTypedValues(logForwarding.sinkCalls, project, vocabulary),
    loggedSettings: traceLoggedSettings(logForwarding.sinkCalls, project, vocabulary),
    maskedLogCalls: findMaskedLogCalls(logForwarding.sinkCalls, project),
    numericIdParameters: numericIds.found,
    nestJwt: nestJwt.facts,
    fastifyErrors: fastifyErrors.facts,
    maskedErrorCalls: errorHelperCalls.findMaskingCalls(project),
    unresolved: project.unresolved,
    rateLimitFiles: [...project.files.values()].filter((file) => mentionsRateLimiting(file.text)).map((file) => file.relativePath),
    bodyWrites: [...bodyWrites.resolve(entities), ...bodyForwarding.resolve(project, entities, keepsUnknownDtoKeys(project.files.values()))],
    clientIdLookups: idForwarding.resolve(project),
    unscopedListReads: unscopedLists.found,
    unboundedRetryCounts: retryBounds.resolve(project),
  };
  facts.clientOnlyModules = findClientOnlyModules(project);
  const clientDefaultTimeout = findAxiosDefaultTimeout(project.files.values());
  if (clientDefaultTimeout) facts.clientDefaultTimeout = clientDefaultTimeout;
  // Fastify handlers return their response; what `reply.send` already traced is kept once.
  facts.responses.push(...withoutKnownResponses(facts.responses, traceResponses(collectFastifyHandlers(project, fastify), summaries, entities)));
  // A call on an imported name or a factory's result that resolved to a router or instance made it, or is one of
  // its events, and what becomes of it depends on where that router is mounted, not only on the call's imports:
  // its file is structural.
  promoteSiteFiles(project, recording, [routers.routers, fastify.instances]);
  return { facts, recording };
}
