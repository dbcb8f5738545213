import type { Location } from './finding.js';
import type { RecordAction } from './vocabulary/record-lookups.js';

/**
 * The project facts the analyzer records in its one walk, as plain data.
 * Each rule's cross-file half (`rules/<id>/project.ts`) only queries these;
 * it never sees ts-morph, so facts are the contract between the two.
 */
export interface ProjectFacts {
  /** Every route registration the framework adapters found. */
  routes: RouteFact[];
  /** ORM entities from Prisma schemas, TypeORM, Mongoose, Sequelize, Drizzle. */
  entities: EntityFact[];
  /** Responses whose payload comes from another file (a service, a helper). */
  responses: ResponseFact[];
  /** Calls into project functions whose summary says they log an argument. */
  loggedArguments: LoggedArgumentFact[];
  /** Log calls that write a whole ORM record, traced like responses (absent when not computed). */
  loggedRecords?: LoggedRecordFact[];
  /** Log calls that write a whole value whose declared project type has a secret member (absent when not computed). */
  loggedTypedValues?: LoggedTypedValueFact[];
  /** Log calls that write a whole settings object with a secret key in it. */
  loggedSettings?: LoggedSettingsFact[];
  /** Log calls through a project logger that masks what it writes, or writes in development only (absent when not computed). */
  maskedLogCalls?: CodeSpan[];
  /**
   * Where the API reads a numeric record id from the URL (`Number(req.params.id)`,
   * `@Param('id', ParseIntPipe)`): then sequential ids are its public identifiers.
   * Absent when not computed.
   */
  numericIdParameters?: CodeSpan[];
  /** `@nestjs/jwt` module options and the `jwtService.sign` calls that rely on them (absent when not computed). */
  nestJwt?: NestJwtFacts;
  /** Fastify error handlers, and handlers that hand a caught error to them (absent when not computed). */
  fastifyErrors?: FastifyErrorFacts;
  /** Calls that hand a caught error to a project helper whose every return is a message the app wrote (absent when not computed). */
  maskedErrorCalls?: CodeSpan[];
  /** What the analyzer could not follow: imports, router mounts, and route registrations with a computed method (`router[method](path, …)`). */
  unresolved: { imports: number; mounts: number; routes: number };
  /**
   * Files (relative paths) whose text mentions rate limiting (`mentionsRateLimiting`):
   * a rate-limit package, Nest's `ThrottlerModule`/`ThrottlerGuard`/`@Throttle()`, a
   * limiter. Empty means no limiting anywhere in the project, which a route's chain
   * alone cannot show (a Nest `APP_GUARD` applies outside it). Absent when not computed.
   */
  rateLimitFiles?: string[];
  /** ORM writes given the request body whole or spread, with the entity they write (absent when not computed). */
  bodyWrites?: BodyWriteFact[];
  /** Handlers that hand a URL id to a project function that looks the record up by it, unscoped (absent when not computed). */
  clientIdLookups?: ClientIdLookupFact[];
  /** Reads of every record of a model whose file elsewhere picks its records by their owner (absent when not computed). */
  unscopedListReads?: UnscopedListReadFact[];
  /** Retry counts that mean "never stop", given to a project retry helper or set from another file (absent when not computed). */
  unboundedRetryCounts?: UnboundedRetryCountFact[];
  /** A client-wide request timeout set in one file, and the requests in every file that it covers (absent when none is set). */
  clientDefaultTimeout?: ClientDefaultTimeoutFact;
  /** Whole modules that only browser code imports (an SWR fetcher in `lib/`): their requests run in the browser (absent when not computed). */
  clientOnlyModules?: CodeSpan[];
}

/** `axios.defaults.timeout = 10_000` set once for the app, and the requests made through that default instance. */
export interface ClientDefaultTimeoutFact {
  client: 'axios';
  /** Where the default is set. */
  at: CodeSpan;
  /** `axios.get(…)`, `axios(config)` anywhere in the project: each waits at most that long. */
  calls: CodeSpan[];
}

/**
 * A number of attempts that means "never stop" (`Infinity`,
 * `Number.MAX_SAFE_INTEGER`), given where it bounds a retry: to a project
 * helper whose body bounds its retries with that parameter or option
 * (`resilientCall(job, Infinity)` → `for (…; attempt < maxAttempts; …)`), or
 * set as a retry option from a constant in another file
 * (`{ retries: RETRY_FOREVER }`).
 */
export interface UnboundedRetryCountFact {
  /** The argument, or the option property: where the fix goes. */
  at: CodeSpan;
  /** The value as written (`Infinity`, `RETRY.FOREVER`). */
  value: string;
  /** The option name, when the count is an option (`maxAttempts`). */
  option?: string;
  /** The helper the count is given to, with the place its body uses the count as a bound. */
  helper?: { name: string; bound: CodeSpan };
  /** Where the constant is set to infinity, when that is another file. */
  definedAt?: CodeSpan;
}

/**
 * A handler that does not read the caller reads, changes or deletes a record
 * by an id from the URL with no owner in the filter, itself or through a
 * project function it hands the id to (`orderService.cancel(req.params.id)`).
 */
export interface ClientIdLookupFact {
  /** The call in the handler (the lookup itself, or the call handing the id on): where the fix goes. */
  at: CodeSpan;
  /** The function the call is in: a route reaches it when its handler holds this function. */
  inFunction: CodeSpan;
  /** The function called, as the code names it (`orderService.cancel`); absent when the handler looks the record up itself. */
  helper?: string;
  /** The model as the lookup names it (`order` for `prisma.order`, `Order`). */
  model: string;
  action: RecordAction;
  /** The ORM call that picks the record. */
  lookup: CodeSpan;
  /**
   * For a handler's own lookup: where its file picks records of the same model
   * by the caller (`Order.find({ user: req.user._id })`), which shows the model's
   * records to be each user's own.
   */
  scopedToCallerAt?: CodeSpan;
}

/** `Order.find()` in a file that also reads `Order.find({ user: req.user._id })`: every user's records at once. */
export interface UnscopedListReadFact {
  /** The read. */
  at: CodeSpan;
  /** The function it is in: a route reaches it when its handler holds this function. */
  inFunction: CodeSpan;
  model: string;
  /** Where the same file picks the model's records by their owner. */
  scopedToCallerAt: CodeSpan;
}

/** A span of code with the source text of its first line, for fingerprints and code frames. */
export interface CodeSpan extends Location {
  code: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL';

/** A middleware, guard or hook that runs before a route's handler. */
export interface GuardFact {
  /** The name as written: `authenticate`, `auth.required`, `JwtAuthGuard`, `requireRole('admin')`. */
  name: string;
  /** Where it is applied: on the route, on its router, at a mount, app-wide, as a hook or a Nest guard. */
  scope: 'route' | 'router' | 'mount' | 'global' | 'hook' | 'guard';
  /** Whether it authenticates the request (by name or by what its body does). */
  authenticates: boolean;
  /** Whether it checks a role or permission. */
  checksRole: boolean;
  /** Whether it is the sign-in itself: it checks a password (`passport.authenticate('local')`, a handler that calls it), not a session. */
  signsIn?: boolean;
  at: CodeSpan;
}

/** One endpoint: method, full path with mount prefixes, and everything that runs before it. */
export interface RouteFact {
  framework: 'express' | 'koa' | 'fastify' | 'hono' | 'nestjs' | 'nextjs';
  /** Which application the route belongs to (the app it is mounted on), so a monorepo's apps are judged apart. */
  app: string;
  method: HttpMethod;
  /** Full path with mount prefixes, e.g. `/api/orders/:id`; `?` segments where a prefix was dynamic. A GraphQL operation's is `/graphql/<field>`. */
  path: string;
  /** For a GraphQL operation (a resolver's `@Mutation()` or `@Query()`): its kind; `method` is then POST or GET. */
  graphql?: 'query' | 'mutation';
  /** The registration a reviewer looks at: `router.post(...)`, the Nest method, the exported handler. */
  at: CodeSpan;
  /** The handler function, when the adapter could resolve it (for the routes inventory). */
  handler?: CodeSpan;
  /** Guards in the order they run, from app-wide to route-level. */
  guards: GuardFact[];
  /** Marked public in code (`@Public()`, `@AllowAnonymous()`), or a public path. */
  isPublic: boolean;
  /** Marked public by a decorator that guards read (`@Public()`), so a global guard lets it through. */
  optsOutOfGuards?: boolean;
  /** Whether the handler itself checks the user (`if (!req.user) return 401`, `await auth()`); read only when no guard authenticates the route or it is public. */
  handlerChecksAuth: boolean;
  /** Whether the handler checks a role itself. */
  handlerChecksRole: boolean;
  /** Whether the handler is declared to return a plain string, number or boolean (`getHello(): string`), or only sends yes/no answers and literals (`res.json(count > 0)`): no one's records. */
  handlerReturnsPlainValue?: boolean;
  /** Whether the handler can only turn requests down (every way out answers 4xx/5xx or throws, nothing awaited): a 405/501 stub. */
  handlerOnlyRejects?: boolean;
  /** Whether the handler only logs what it is sent and answers (`POST /api/log`, a client-error collector): it changes no data. */
  handlerOnlyLogs?: boolean;
  /** Whether the handler takes a password from the body and knows no caller: a sign-in (or sign-up) under a path that does not say so (`POST /users/auth`). */
  handlerTakesCredentials?: boolean;
  /** Whether the handler works with the signed-in caller (`req.user.id`, `@CurrentUser() user`): it was written for an authenticated chain. */
  handlerReadsCaller?: boolean;
  /** Whether the route was mounted through at least one other file (the analyzer's cross-file case). */
  mountedFromOtherFile: boolean;
  /**
   * Whether the chain from the app down to this route is known. A router
   * nobody visibly mounts may sit behind middleware the analyzer cannot see,
   * so checks stay quiet about its routes.
   */
  mountKnown: boolean;
}

export type PrimaryKeyKind = 'autoincrement' | 'uuid' | 'cuid' | 'objectid' | 'other';

/** A database entity and what its columns say. */
export interface EntityFact {
  name: string;
  orm: 'prisma' | 'typeorm' | 'mongoose' | 'sequelize' | 'drizzle';
  at: CodeSpan;
  primaryKey?: { name: string; kind: PrimaryKeyKind };
  columns: ColumnFact[];
  /** Relations to other entities, by the property that holds them (`author` → `User`), when the adapter reads them. */
  relations?: RelationFact[];
  /** Whether the ORM setup strips hidden columns when the entity is serialised (`toJSON` transform, `@Exclude` + serializer). */
  serializerStripsHidden: boolean;
}

/** A relation of an entity: Prisma `author User @relation(…)`, TypeORM `@ManyToOne(() => User)`, Mongoose `ref: 'User'`. */
export interface RelationFact {
  /** The property the related record or records are loaded into. */
  name: string;
  /** The related entity's name. */
  target: string;
  at: CodeSpan;
}

export interface ColumnFact {
  name: string;
  /** Holds a secret or credential (`passwordHash`, `resetToken`, `apiKey`). */
  sensitive: boolean;
  /** Excluded from reads or serialisation (`select: false`, `@Exclude()`, Prisma `omit` by default). */
  hidden: boolean;
  /** A foreign key to another entity's numeric id (`userId Int`). */
  internalForeignKey: boolean;
  /** Where the column is declared (the schema line, the decorated property). */
  at: CodeSpan;
}

/**
 * An ORM write that is given the request body whole (`Brand.create(req.body)`)
 * or spread into an object literal (`{ ...req.body, userId }`), on a model the
 * entity facts know.
 */
export interface BodyWriteFact {
  /** The body as the write is given it (`req.body`, the spread's argument): where the per-file rule reports. */
  at: CodeSpan;
  /** The name of the entity written. */
  entity: string;
  /** Keys the same object literal sets after the body: the server's values win over the client's. */
  pinnedKeys: string[];
  /** The function the write is in: a route reaches the write when its handler holds this function. */
  inFunction: CodeSpan;
  /**
   * When the body reaches the write through a project function
   * (`userService.create(req.body)` → `new User({ ...data })`): `at` and
   * `inFunction` are the call's, and this names the function and its write.
   */
  through?: { helper: string; write: CodeSpan };
  /** The body is a NestJS DTO (`@Body() dto: UpdateUserDto`) that the app's ValidationPipe does not strip (no `whitelist: true`). */
  unstrippedDto?: string;
}

/** A response whose payload the analyzer traced back to an ORM read. */
export interface ResponseFact {
  /** The response a reviewer looks at: `res.json(x)`, the controller's `return`. */
  at: CodeSpan;
  /** What the payload is, as far as the summaries could tell. */
  payload:
    /**
     * Whole records; `selected` lists the fields a `select` kept, when one did;
     * `omitted` the fields the query or the code took off before sending
     * (`delete user.resetToken`); `forced` hidden columns the query asked for
     * (`.select('+password')`); `relations` what came loaded with them.
     */
    | {
        kind: 'entity';
        entity: string;
        many: boolean;
        shaped: boolean;
        selected?: string[];
        omitted?: string[];
        forced?: string[];
        relations?: ResponseRelation[];
      }
    /** Fields copied off a record into the response (`{ id: order.id }`). */
    | { kind: 'fields'; entity: string; fields: string[] };
  /** The ORM read the value came from. */
  source: CodeSpan;
  /** The functions the value was returned through, outermost first; empty when read in the handler itself. */
  via: { name: string; at: CodeSpan }[];
  /**
   * The project helper or wrapper class that put the value into the response
   * (`sendResponse(res, 200, user)`, `new ApiResponse(200, user)`): what a
   * reviewer of one file cannot see, even when the record was read right there.
   */
  carriedBy?: { name: string; at: CodeSpan };
}

/** Fastify: `setErrorHandler(…)` calls, and `reply.send(error)` of a caught error (which Fastify routes to that handler). */
export interface FastifyErrorFacts {
  errorHandlers: CodeSpan[];
  sentErrors: CodeSpan[];
}

/** `JwtModule.register(…)` options and `jwtService.sign(…)` calls that pass no expiry of their own. */
export interface NestJwtFacts {
  /** Each registration, and whether its `signOptions` set `expiresIn` (`unknown`: built elsewhere). */
  modules: { at: CodeSpan; expiry: 'set' | 'missing' | 'unknown' }[];
  /** Sign calls whose payload has no `exp` and whose options (if any) have no `expiresIn`. */
  signCalls: { at: CodeSpan; call: string }[];
}

/** A relation loaded with a response's records (`include: { author: true }`, `.populate('author')`, `relations: ['author']`). */
export interface ResponseRelation {
  /** The property it is loaded into. */
  name: string;
  /** The related entity. */
  entity: string;
  /** A `select`/projection limits the related record's columns. */
  shaped: boolean;
  /** Columns the query leaves out of it (`populate('author', '-password')`). */
  omitted?: string[];
  /** Relations loaded on it in turn. */
  relations?: ResponseRelation[];
}

/** A log call that writes a value whose declared type (a project class, interface or type) has a secret member. */
export interface LoggedTypedValueFact {
  at: CodeSpan;
  /** The logged value as written (`entity`), never its runtime value. */
  argument: string;
  sink: string;
  type: string;
  /** The secret member (`password`, `_password`). */
  field: string;
  declaredAt: CodeSpan;
}

/** A log call that writes a whole settings object (the app's `config`, a schema-checked value) with a secret key in it. */
export interface LoggedSettingsFact {
  at: CodeSpan;
  /** The logged value as written (`config`), never its runtime value. */
  argument: string;
  sink: string;
  /** The secret key (`jwtSecret`). */
  field: string;
  declaredAt: CodeSpan;
}

/** A log call that writes a whole record the summaries traced to an ORM read or write. */
export interface LoggedRecordFact {
  /** The log call. */
  at: CodeSpan;
  /** The logged value as written (`user`), never its runtime value. */
  argument: string;
  /** The log sink as written (`this.logger.log`). */
  sink: string;
  entity: string;
  /** The fields a `select` kept, when one did. */
  selected?: string[];
  /** Keys the logged value does not carry: overridden after a spread (`{ ...user, password: '[REDACTED]' }`), or left out by the query (`omit`) or a rest destructuring. */
  overridden?: string[];
  /** The ORM call the record came from. */
  source: CodeSpan;
  /** The functions the record was returned through, outermost first. */
  via: { name: string; at: CodeSpan }[];
}

/** An argument passed to a project function whose summary writes that parameter to a log sink. */
export interface LoggedArgumentFact {
  /** The call a reviewer looks at. */
  at: CodeSpan;
  /** The argument as written (never its runtime value). */
  argument: string;
  /** Why the argument is sensitive: a secret-named value, a whole request body, headers, `process.env`. */
  reason: 'secret-name' | 'request-body' | 'request-headers' | 'cookies' | 'environment';
  /** The helper and the log call inside it. */
  helper: { name: string; at: CodeSpan };
  sink: CodeSpan;
}
