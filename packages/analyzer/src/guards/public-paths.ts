import ts from '../project/typescript.cjs';
import { MORE_PUBLIC_PATH_PATTERNS, PUBLIC_PATH_PATTERNS, declaresPublicRoute, findPathsListedPublic, hasCredentialParameter, hasPublicFlowSegment, isAccountConfirmationPath, isInPublicSection, isPublicIntakePath, splitIdentifierWords } from '@redline/core';

/** Path segments that name a public flow wherever they appear (`/api/v1/auth/login`, `/users/login`). */
const PUBLIC_SEGMENTS = new Set([
  'login', 'signin', 'sign-in', 'logout', 'signout', 'sign-out', 'register', 'signup', 'sign-up', 'health', 'healthz',
  'healthcheck', 'ping', 'ready', 'readyz', 'live', 'livez', 'forgot-password', 'reset-password', 'verify-email',
  'webhook', 'webhooks', 'oauth', 'unsubscribe',
]);

/*
 * Under an `auth` segment, routes serve the sign-in flow (`/auth/refresh-token`,
 * `auth.config`, `/auth/check-username`) and are public, unless their last
 * segment starts with an action on a signed-in account (see below).
 */
/** First words that make an `/auth/...` route act on an account that must be signed in (`revokeRefreshTokens`). */
const ACCOUNT_ACTION_WORDS = new Set(['revoke', 'delete', 'remove', 'update', 'change', 'disable', 'enable', 'deactivate', 'rotate', 'edit', 'close', 'list', 'me']);

/** Words in a handler's name that say it serves a public flow: `signupUser`, `handleLogin`, `registerAccount`. */
const PUBLIC_HANDLER_WORDS = new Set(['signup', 'signin', 'login', 'logout', 'register', 'registration', 'unsubscribe', 'webhook', 'healthcheck', 'health']);

/** Words and segments of self sign-up: public for users, not when an admin account is what gets created. */
const SIGN_UP_WORDS = new Set(['register', 'registration', 'signup', 'sign-up']);

/** Whether a handler's own name says it serves a public flow (`registerAdmin` does not: see isAdminSignUp). */
export function isPublicHandlerName(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitIdentifierWords(name);
  if (words.some((word) => SIGN_UP_WORDS.has(word)) && words.some(isAdminSegment)) return false;
  return words.some((word) => PUBLIC_HANDLER_WORDS.has(word));
}

/**
 * Whether a controller's class name says its routes serve callers who are not signed in:
 * `PublicController`, `NoAuthIntegrationsController`, `AnonymousFeedbackController`.
 */
export function isPublicControllerName(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitIdentifierWords(name);
  return words.some((word, index) => word === 'public' || word === 'anonymous' || word === 'unauthenticated' || (word === 'no' && words[index + 1] === 'auth'));
}

/** The shared public patterns, except `/auth/**`: under `auth`, account actions are not public (see ACCOUNT_ACTION_WORDS). */
const DEFAULT_PATTERNS = [...PUBLIC_PATH_PATTERNS, ...MORE_PUBLIC_PATH_PATTERNS].filter((pattern) => pattern !== '/auth/**');

/** Leading segments that only version or namespace an API (`/api/v2/health` is `/health`). */
const API_PREFIX = /^(?:\/api)?(?:\/v\d+)?/;

/**
 * Whether a route path needs no authentication: a configured public pattern
 * (`*` one segment, `**` any), or a path with a public segment (`/auth/*`,
 * `/users/login`, `/health`). `POST /users` is sign-up in most REST APIs.
 */
export function isPublicPath(path: string, method: string, extraPatterns: readonly string[] = []): boolean {
  const normalised = path.toLowerCase().replace(/\/+$/, '') || '/';
  const unprefixed = normalised.replace(API_PREFIX, '') || '/';
  const matchesAny = (patterns: readonly string[]) =>
    patterns.map((pattern) => pattern.toLowerCase()).some((pattern) => matchesPathPattern(normalised, pattern) || matchesPathPattern(unprefixed, pattern) || matchesTail(normalised, pattern));
  if (matchesAny(extraPatterns)) return true;
  if (isAdminSignUp(normalised)) return false;
  const patterns = DEFAULT_PATTERNS.map((pattern) => pattern.toLowerCase());
  if (patterns.some((pattern) => matchesPathPattern(normalised, pattern) || matchesPathPattern(unprefixed, pattern) || matchesTail(normalised, pattern))) return true;
  // RPC-style APIs name routes `auth.config`, `users.signup`: dots separate words too.
  const segments = normalised.split(/[/.]/).filter(Boolean);
  if (segments.some((segment) => PUBLIC_SEGMENTS.has(segment))) return true;
  // `/user/request-login`, `/organization/github-auth`: a sign-in flow by the words of a segment, as in the per-file
  // half; a bare `auth` segment is judged below, by what follows it.
  if (hasPublicFlowSegment(path.split('/').filter((segment) => segment.toLowerCase() !== 'auth').join('/'))) return true;
  // `POST /resend-activation`, `GET /activate`: the account cannot sign in yet.
  if (isAccountConfirmationPath(path)) return true;
  // Camel case survives here: `/auth/refreshToken` starts with `refresh`, `/auth/revokeRefreshTokens` with `revoke`.
  const caseKept = path.split(/[/.]/).filter(Boolean);
  const authAt = caseKept.findLastIndex((segment) => segment.toLowerCase() === 'auth');
  const afterAuth = authAt === -1 ? [] : caseKept.slice(authAt + 1).filter((segment) => !segment.startsWith(':'));
  // `/api/auth/*`, `/auth/*nextauth`: the auth library answers everything under it (sign-in, callbacks).
  if (afterAuth.length > 0 && afterAuth.every((segment) => segment.startsWith('*'))) return true;
  const flowSegment = afterAuth.filter((segment) => !segment.startsWith('*')).at(-1);
  const flowWords = flowSegment ? splitIdentifierWords(flowSegment) : [];
  if (flowWords.length > 0 && !ACCOUNT_ACTION_WORDS.has(flowWords[0]!)) return true;
  // A token in the path (`/reset/:passwordToken`, `/verify/:token`) is the credential of the route itself.
  if (hasCredentialParameter(path)) return true;
  // A contact or feedback form, a newsletter sign-up.
  if (method === 'POST' && isPublicIntakePath(path)) return true;
  // `POST /users`, `POST /auth`, `POST /accounts`: sign-up in most REST APIs; `POST /session`, `POST /tokens`: sign-in.
  return method === 'POST' && /^(?:\/api)?(?:\/v\d+)?\/(?:users|auth|accounts?|(?:auth\/)?(?:sessions?|tokens?))$/.test(normalised);
}

/**
 * `/api/v1/admin/register`, `/admins/signup`: registering on an admin router
 * creates admin accounts, which only an admin may do; it is not self sign-up.
 */
function isAdminSignUp(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  const signUpAt = segments.findIndex((segment) => SIGN_UP_WORDS.has(segment));
  return signUpAt > 0 && segments.slice(0, signUpAt).some(isAdminSegment);
}

function isAdminSegment(segment: string): boolean {
  return /^(?:admins?|administrators?)(?:$|[-_])/.test(segment);
}

/**
 * A one-segment pattern (`/csp-report`, `/verify`) also matches the end of a longer path,
 * but not right after a record's id: `PATCH /orders/:id/status` and `/orders/:id/confirm`
 * act on that record.
 */
function matchesTail(path: string, pattern: string): boolean {
  if (pattern.includes('*') || pattern.lastIndexOf('/') !== 0 || !path.endsWith(pattern)) return false;
  return !/\/:[^/]+$/.test(path.slice(0, -pattern.length));
}

function matchesPathPattern(path: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\/\*\*$/, '(?:/.*)?')
    .replace(/\*\*/g, '.*')
    .replace(/\*/g, '[^/]*');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * Whether the comment right above the statement or method that registers a
 * route (`node` is in it), or the heading of the section it sits in, declares the route public.
 */
export function isDeclaredPublicInComment(node: ts.Node): boolean {
  let statement: ts.Node | undefined = node;
  while (statement && !ts.isExpressionStatement(statement) && !ts.isMethodDeclaration(statement)) statement = statement.parent;
  if (!statement) return false;
  const sourceFile = statement.getSourceFile();
  const text = sourceFile.text;
  if ((ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []).some((range) => declaresPublicRoute(text.slice(range.pos, range.end)))) return true;
  // Nest's Swagger description says so: `@ApiOperation({ summary: 'Evaluate flags (public endpoint)' })`.
  if (ts.isMethodDeclaration(statement) && (ts.getDecorators(statement) ?? []).some((decorator) => isApiOperationDeclaringPublic(decorator))) return true;
  if (isInPublicSection(getLines(sourceFile), sourceFile.getLineAndCharacterOfPosition(statement.getStart()).line)) return true;
  const path = getWrittenPath(statement);
  return path !== undefined && getPathsListedPublic(sourceFile).has(path.replace(/(.)\/$/, '$1'));
}

function isApiOperationDeclaringPublic(decorator: ts.Decorator): boolean {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'ApiOperation' && declaresPublicRoute(call.arguments.map((argument) => argument.getText()).join('\n'));
}

/** The path a route registration is written with: `app.get('/needs-bootstrap/', …)` → `/needs-bootstrap/`. */
function getWrittenPath(statement: ts.Node): string | undefined {
  const call = ts.isExpressionStatement(statement) ? statement.expression : undefined;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const [first] = call.arguments;
  return first && ts.isStringLiteralLike(first) ? first.text : undefined;
}

const publicListingsOfFile = new WeakMap<ts.SourceFile, Set<string>>();

/** The paths the file's comments list as public (see findPathsListedPublic). */
function getPathsListedPublic(sourceFile: ts.SourceFile): Set<string> {
  let paths = publicListingsOfFile.get(sourceFile);
  if (!paths) {
    paths = new Set(findPathsListedPublic(getLines(sourceFile)));
    publicListingsOfFile.set(sourceFile, paths);
  }
  return paths;
}

const linesOfFile = new WeakMap<ts.SourceFile, string[]>();

function getLines(sourceFile: ts.SourceFile): string[] {
  let lines = linesOfFile.get(sourceFile);
  if (!lines) {
    lines = sourceFile.text.split(/\r?\n/);
    linesOfFile.set(sourceFile, lines);
  }
  return lines;
}
