import ts from '../project/typescript.cjs';
import {
  AUTH_MIDDLEWARE_NAMES,
  ROLE_CHECK_NAMES,
  looksLikeAuthCheckName,
  looksLikeAuthName,
  looksLikeOptionalAuthName,
  splitIdentifierWords,
  type RedlineVocabulary,
} from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import type { ProjectModel } from '../project/project-model.js';
import { findLocalDeclaration, getExtendedExpression, getLocalInitializer, getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';
import { AUTH_BODY_PATTERN } from './auth-patterns.js';
import { classifyPassportGuard } from './passport-guard.js';
import { alwaysActivates, fallsThroughToNext } from './pass-through-middleware.js';

/** What a project function's body says about it as middleware. */
interface BodyKind {
  authenticates: boolean;
  checksRole: boolean;
  letsEveryoneThrough: boolean;
  signsIn: boolean;
}

/** What a middleware or guard does, as far as its name and body tell. */
export interface GuardKind {
  name: string;
  authenticates: boolean;
  checksRole: boolean;
  /** It checks a password: passport's `local`, LDAP or basic strategy, itself or in its body. */
  signsIn?: boolean;
}

/** `passport.authenticate('local')`, `passport.authenticate('ldapauth', …)`: the strategies that take a password. */
const SIGN_IN_STRATEGY = /\bpassport\.authenticate\(\s*['"](?:local|ldap|basic|digest)[\w-]*['"]/;

/** Middleware that loads a session or sets up a library, and enforces nothing. */
const SETUP_MIDDLEWARE = new Set(['session', 'cookieSession', 'cookieParser', 'passport.initialize', 'passport.session', 'expressSession']);
/** Packages whose `@Authorized()` decorator runs the app's auth checker before a route or resolver. */
const AUTHORIZED_DECORATOR_PACKAGES = new Set(['routing-controllers', 'type-graphql']);
/** Packages whose middleware shapes requests and headers but decides no access (`helmet.crossOriginResourcePolicy()` is no policy check). */
const NON_ACCESS_PACKAGES = new Set([
  'helmet', 'cors', 'morgan', 'compression', 'body-parser', 'cookie-parser', 'express', 'hpp', 'express-mongo-sanitize',
  'xss-clean', 'response-time', 'serve-static', 'koa-bodyparser', '@koa/cors', 'koa-static', 'koa-helmet',
]);
/**
 * Words of names that carry an auth word but check nobody: a router's plumbing
 * (`authRoutes.allowedMethods()`), a limiter on the login route (`authLimiter`),
 * a CSRF or captcha check (`verifyCSRFToken`).
 */
const NOT_AUTH_WORDS = new Set([
  'router', 'routes', 'routing', 'controller', 'controllers', 'limiter', 'limit', 'ratelimit', 'throttle', 'throttler',
  'csrf', 'xsrf', 'captcha', 'recaptcha', 'hcaptcha', 'turnstile',
]);
/** Words of guards that keep out crawlers and bots, not strangers: `SpiderGuard`, `blockCrawlers`, `botProtection`. */
const BOT_WORDS = new Set(['spider', 'spiders', 'crawler', 'crawlers', 'bot', 'bots', 'robot', 'robots', 'scraper', 'scrapers']);
/** Words that make an auth middleware not enforce anything (`auth.optional`, `optionalAuth`). */
const OPTIONAL_WORDS = new Set(['optional', 'maybe', 'try', 'soft', 'attach', 'populate', 'load', 'extract', 'parse', 'guest', 'anonymous']);
/** How many helpers given the response object are read per middleware: the one that answers comes first. */
const MAX_ANSWERING_HELPERS = 3;
/** Role names a guard's arguments may list (`authorize('admin')`). */
const ROLE_NAMES = new Set(['admin', 'administrator', 'superadmin', 'super_admin', 'super-admin', 'staff', 'moderator', 'manager', 'editor', 'owner', 'seller', 'vendor', 'instructor', 'teacher']);
const ROLE_WORDS = new Set(['role', 'roles', 'admin', 'admins', 'permission', 'permissions', 'scope', 'scopes', 'policy', 'policies', 'ability', 'owner', 'staff', 'superuser', 'rbac', 'acl']);
/**
 * What a middleware does when the caller is not let in: answers 401/403,
 * throws (or verifies a token, which throws), redirects, answers itself (in
 * the branch that does not call `next`), or hands an error to `next`. A body with none of these lets everyone through.
 */
const REJECTS_PATTERN =
  /\b(?:401|403)\b|[a-z_](?:401|403)[A-Z_(]|unauthori[sz]ed|not_?authenticated|unauthenticated|forbidden|\bthrow\b|\bverify\w*\(|\.status\(\s*4\d\d|HTTPException|redirect\w*\(|\breturn\s+(?:c|ctx|res|reply|response)\.(?:json|text|body|send|status|sendStatus|redirect)\b|\bnext\(\s*(?:new\b|err|error|create)|\b(?:res|response)\.(?:send|json|end)\(/i;
const ROLE_BODY_PATTERN = /\b(?:role|roles|isAdmin|permission|permissions|FORBIDDEN|Forbidden|ForbiddenException|status\(403\)|403\b)/;

/** Classifies middleware and guards by name, the team's vocabulary, and (when it is a project function) by its body. */
export class GuardClassifier {
  private readonly authNames: Set<string>;
  private readonly roleNames: Set<string>;
  private readonly bodyCache = new Map<ts.Node, BodyKind>();
  /** Guard classes whose base classes are being read, against a cycle of `extends`. */
  private readonly classesInProgress = new Set<ts.Node>();

  constructor(private readonly project: ProjectModel, vocabulary: RedlineVocabulary) {
    this.authNames = new Set([...AUTH_MIDDLEWARE_NAMES, ...(vocabulary.authMiddleware ?? [])]);
    this.roleNames = new Set([...ROLE_CHECK_NAMES, ...(vocabulary.roleChecks ?? [])]);
  }

  classify(expression: ts.Expression, file: AnalyzedFile): GuardKind {
    const unwrapped = skipOuterExpressions(expression);
    // `new JwtAuthGuard()` is classified like `JwtAuthGuard`.
    const node = ts.isNewExpression(unwrapped) ? unwrapped.expression : unwrapped;
    const name = describe(node, file);
    // `const pauth = passport.authenticate.bind(passport)`: `pauth('local', …)` is `passport.authenticate('local', …)`.
    const aliased = getAliasedCallee(node);
    const calleeName = aliased ?? getCalleeText(node, file);
    const text = aliased !== undefined && ts.isCallExpression(node) ? `${aliased}(${node.arguments.map((argument) => argument.getText(file.sourceFile)).join(', ')})` : node.getText(file.sourceFile);
    if (NON_ACCESS_PACKAGES.has(file.imports.get(calleeName.split('.')[0]!)?.specifier ?? '')) return { name, authenticates: false, checksRole: false };
    // routing-controllers' and type-graphql's `@Authorized()`: the app's checker lets only signed-in callers through;
    // with roles (`@Authorized(['admin'])`, `@Authorized(Role.Admin)`) only those.
    if (ts.isCallExpression(node) && AUTHORIZED_DECORATOR_PACKAGES.has(file.imports.get(calleeName)?.specifier ?? '') && file.imports.get(calleeName)?.imported === 'Authorized') {
      return { name, authenticates: true, checksRole: node.arguments.length > 0 };
    }
    const words = splitIdentifierWords(calleeName);
    const optional = words.some((word) => OPTIONAL_WORDS.has(word)) || hasOptionalCredentials(node) || SETUP_MIDDLEWARE.has(calleeName);
    // `authRouter`, `authController.login`: a router or a controller's action, not a check; but a controller's method
    // named for a check is one (`AuthenticationController.requireLogin()`).
    const method = lastSegment(calleeName);
    const checksNobody = splitIdentifierWords(method).some((word) => NOT_AUTH_WORDS.has(word)) ||
      (words.some((word) => NOT_AUTH_WORDS.has(word)) && !looksLikeAuthCheckName(method));
    const byName = {
      // `isAuthorized`, `verifyUser`: the same name test as the per-file rule.
      authenticates: !checksNobody && (this.authNames.has(calleeName) || this.authNames.has(words.at(-1) ?? '') || looksLikeAuthName(calleeName) ||
        looksLikeAuthCheckName(lastSegment(calleeName))),
      checksRole: this.roleNames.has(calleeName) || this.roleNames.has(lastSegment(calleeName)) || words.some((word) => ROLE_WORDS.has(word)),
    };
    const byBody = this.classifyBody(node, file);
    // `SpiderGuard` turns crawlers away by their user agent, whatever else its body reads: any browser gets in.
    const filtersBots = words.some((word) => BOT_WORDS.has(word));
    return {
      name,
      signsIn: SIGN_IN_STRATEGY.test(text) || byBody.signsIn,
      authenticates: !optional && !byBody.letsEveryoneThrough && !filtersBots && (byName.authenticates || byBody.authenticates),
      // A CSRF or captcha check answers 403 too, yet it asks nothing about who the caller is.
      checksRole: !byBody.letsEveryoneThrough && !filtersBots && (byName.checksRole || (byBody.checksRole && !checksNobody) || namesRole(node)),
    };
  }

  /**
   * A project function's body says what it does even when its name does not;
   * and a middleware whose body always calls `next()` and never turns anyone
   * away (a session loader that sets `user` to null when there is none) lets
   * everyone through, whatever its name (`sessionHandler()`).
   */
  private classifyBody(node: ts.Expression, file: AnalyzedFile): BodyKind {
    const target = ts.isCallExpression(node) ? node.expression : node;
    const resolved = ts.isFunctionLike(target) ? { node: target, file } : this.resolveFunction(target, file);
    if (!resolved) return { authenticates: false, checksRole: false, letsEveryoneThrough: false, signsIn: false };
    const fn = resolved.node;
    const cached = this.bodyCache.get(fn);
    if (cached) return cached;
    // `export const isAuthorized = authorized()`: the factory's body builds the middleware.
    const ownText = ts.isCallExpression(fn) ? `${fn.getText()}\n${this.getFactoryText(fn, resolved.file)}` : fn.getText();
    const text = `${ownText}\n${this.getAnsweringHelperTexts(fn, resolved.file).join('\n')}`;
    // Classes (Nest guards answer with a boolean) and bodies that never call `next` are not judged this way.
    const enforces = callsEnforcingAuthHelper(fn);
    const passport = ts.isClassDeclaration(fn) ? classifyPassportGuard(fn) : 'not-passport';
    const letsEveryoneThrough =
      passport === 'lets-everyone-through' || (!ts.isClassDeclaration(fn) && /\bnext\(\s*\)/.test(text) && !REJECTS_PATTERN.test(text) && !enforces) ||
      fallsThroughToNext(fn) || (ts.isClassDeclaration(fn) && alwaysActivates(fn));
    const result = {
      authenticates: AUTH_BODY_PATTERN.test(text) || enforces || passport === 'enforces' || this.extendsAuthenticatingGuard(fn, resolved.file),
      checksRole: /\b(?:403|Forbidden|FORBIDDEN|ForbiddenException)\b/.test(text) && ROLE_BODY_PATTERN.test(text),
      letsEveryoneThrough,
      signsIn: SIGN_IN_STRATEGY.test(text),
    };
    this.bodyCache.set(fn, result);
    return result;
  }

  /**
   * The bodies of the project functions a middleware hands its response object
   * to (`const session = await validateSession(req, res); if (!session) return;`):
   * they answer the callers it turns away, so what they do is what it does.
   */
  private getAnsweringHelperTexts(fn: ts.Node, file: AnalyzedFile): string[] {
    const response = ts.isFunctionLike(fn) ? fn.parameters[1]?.name : undefined;
    if (!response || !ts.isIdentifier(response)) return [];
    const texts: string[] = [];
    const visit = (node: ts.Node): void => {
      if (texts.length >= MAX_ANSWERING_HELPERS) return;
      if (ts.isCallExpression(node) && node.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === response.text)) {
        const helper = resolveCallable(skipOuterExpressions(node.expression), file, this.project)?.node;
        if (helper && helper !== fn && (ts.isFunctionDeclaration(helper) || ts.isArrowFunction(helper) || ts.isFunctionExpression(helper))) {
          texts.push(helper.getText());
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(fn);
    return texts;
  }

  /**
   * `class ShareOwnerGuard extends JwtGuard` (itself `extends AuthGuard('jwt')`): a guard built on one that
   * authenticates authenticates too, whether it keeps its parent's `canActivate` or calls `super.canActivate()`.
   */
  private extendsAuthenticatingGuard(fn: ts.Node, file: AnalyzedFile): boolean {
    if (!ts.isClassDeclaration(fn)) return false;
    const base = getExtendedExpression(fn);
    if (!base || !ts.isIdentifier(base) || this.classesInProgress.has(fn)) return false;
    const overrides = fn.members.find((member) => ts.isMethodDeclaration(member) && member.name.getText() === 'canActivate');
    if (overrides && !/\bsuper\.canActivate\(/.test(overrides.getText())) return false;
    this.classesInProgress.add(fn);
    try {
      return this.classifyBody(base, file).authenticates;
    } finally {
      this.classesInProgress.delete(fn);
    }
  }

  /** The body of the project function a factory call (`authorized(roles)`) calls, or nothing. */
  private getFactoryText(call: ts.CallExpression, file: AnalyzedFile): string {
    const resolved = resolveCallable(skipOuterExpressions(call.expression), file, this.project)?.node;
    return resolved && (ts.isFunctionDeclaration(resolved) || ts.isArrowFunction(resolved) || ts.isFunctionExpression(resolved)) ? resolved.getText() : '';
  }

  private resolveFunction(node: ts.Expression, file: AnalyzedFile): { node: ts.Node; file: AnalyzedFile } | undefined {
    const resolved = resolveCallable(node, file, this.project);
    if (!resolved) return undefined;
    const declaration = resolved.node;
    if (ts.isFunctionDeclaration(declaration) || ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration) || ts.isMethodDeclaration(declaration)) return resolved;
    if (ts.isClassDeclaration(declaration)) return resolved; // a Nest guard or middleware class
    if (ts.isCallExpression(declaration)) return resolved; // a factory call: its arguments (`jwt({ secret })`) and its body tell
    return undefined;
  }
}

/** First words of a helper that turns away whoever is not signed in (`authenticateApiRequest`, `requireUser`). */
const ENFORCING_VERBS = new Set(['authenticate', 'authorize', 'authorise', 'require', 'ensure', 'assert', 'verify', 'enforce', 'protect', 'guard']);

/** A helper whose name says it turns away whoever is not signed in: `authenticateVaultRequest`, `requireUser`, `ensureAuth`. */
export function isEnforcingAuthHelperName(name: string): boolean {
  return ENFORCING_VERBS.has(splitIdentifierWords(name)[0] ?? '') && looksLikeAuthCheckName(name) && !looksLikeOptionalAuthName(name);
}

/**
 * Whether a middleware body hands the request to a helper whose name says it
 * enforces authentication (`await authenticateApiRequest(c)`, `requireUser(req)`),
 * which throws or answers when nobody is signed in. A helper that only reads
 * the session (`validateSession`, `getSession`) enforces nothing.
 */
export function callsEnforcingAuthHelper(fn: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      if (isEnforcingAuthHelperName(getTrailingName(node.expression))) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/**
 * What a name used as middleware or handler refers to in the project:
 * `authenticate`, or `security.isAuthorized` on a namespace import or an
 * imported object of helpers.
 */
export function resolveCallable(node: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  if (ts.isIdentifier(node)) return resolveNestedFunction(node, file) ?? project.resolveName(file, node.text);
  if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const exported = resolveNamespaceMember(node.expression.text, node.name.text, file, project);
  if (exported) return exported;
  const owner = project.resolveName(file, node.expression.text);
  // `export default new Check()`: the method of the instance's class.
  if (owner && ts.isNewExpression(owner.node)) return resolveInstanceMethod(owner.node, node.name.text, owner.file, project);
  if (!owner || !ts.isObjectLiteralExpression(owner.node)) return undefined;
  for (const property of owner.node.properties) {
    if (property.name?.getText() !== node.name.text) continue;
    if (ts.isPropertyAssignment(property)) return { node: property.initializer, file: owner.file };
    if (ts.isMethodDeclaration(property)) return { node: property, file: owner.file };
    // `export const AuthService = { login, getMe }`: the function declared beside it.
    if (ts.isShorthandPropertyAssignment(property)) return project.resolveName(owner.file, property.name.text);
  }
  return undefined;
}

/** The method `name` of the class an instance is made from (`new Check()` → `Check#checkAdmin`). */
function resolveInstanceMethod(instance: ts.NewExpression, name: string, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  if (!ts.isIdentifier(instance.expression)) return undefined;
  const owner = project.resolveName(file, instance.expression.text);
  if (!owner || !ts.isClassDeclaration(owner.node)) return undefined;
  for (const member of owner.node.members) {
    if (member.name?.getText() !== name) continue;
    if (ts.isMethodDeclaration(member)) return { node: member, file: owner.file };
    if (ts.isPropertyDeclaration(member) && member.initializer) return { node: skipOuterExpressions(member.initializer), file: owner.file };
  }
  return undefined;
}

/**
 * A function declared inside another one (`function startServer() { function checkApiSecret(req, res, next) {…} }`),
 * which the module's names do not hold.
 */
function resolveNestedFunction(identifier: ts.Identifier, file: AnalyzedFile): { node: ts.Node; file: AnalyzedFile } | undefined {
  const declaration = findLocalDeclaration(identifier);
  if (!declaration || ts.isSourceFile(declaration.parent) || (ts.isVariableDeclaration(declaration) && ts.isSourceFile(declaration.parent.parent.parent))) return undefined;
  if (ts.isFunctionDeclaration(declaration)) return { node: declaration, file };
  const value = ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuterExpressions(declaration.initializer) : undefined;
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? { node: value, file } : undefined;
}

/** `handlers.list` where `import * as handlers from './tasks.handlers'`: that module's export. */
export function resolveNamespaceMember(local: string, member: string, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  const binding = file.imports.get(local);
  if (binding?.imported !== '*') return undefined;
  const target = project.resolveModule(file, binding.specifier);
  return target ? project.resolveExport(target, member) : undefined;
}

/**
 * A guard made for some roles: `checkAuth(UserRole.ADMIN)`, `auth(Role.Admin, Role.Staff)`,
 * `authorize(['admin'])`. The arguments say who may pass, whatever the body answers.
 */
function namesRole(node: ts.Expression): boolean {
  if (!ts.isCallExpression(node)) return false;
  const values = node.arguments.flatMap((argument) => (ts.isArrayLiteralExpression(argument) ? [...argument.elements] : [argument]));
  return values.some((value) => {
    const unwrapped = skipOuterExpressions(value as ts.Expression);
    if (ts.isPropertyAccessExpression(unwrapped)) return splitIdentifierWords(unwrapped.expression.getText()).some((word) => word === 'role' || word === 'roles');
    return ts.isStringLiteral(unwrapped) && ROLE_NAMES.has(unwrapped.text.toLowerCase());
  });
}

/** express-jwt's `jwt({ credentialsRequired: false })` lets anonymous requests through. */
function hasOptionalCredentials(node: ts.Expression): boolean {
  return ts.isCallExpression(node) && /credentialsRequired\s*:\s*false/.test(node.getText());
}

function getCalleeText(node: ts.Expression, file: AnalyzedFile): string {
  const target = ts.isCallExpression(node) ? node.expression : node;
  if (ts.isIdentifier(target) || ts.isPropertyAccessExpression(target)) return target.getText(file.sourceFile);
  return '';
}

function lastSegment(name: string): string {
  return name.split('.').at(-1) ?? name;
}

/** A short, stable label for a middleware: its name, or `name(...)` for a factory call. */
/** The function a local alias of a call stands for: `passport.authenticate` for `pauth` in `const pauth = passport.authenticate.bind(passport)`. */
function getAliasedCallee(node: ts.Expression): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  let value = getLocalInitializer(node.expression);
  if (value && ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'bind') value = value.expression.expression;
  return value && ts.isPropertyAccessExpression(value) ? value.getText() : undefined;
}

function describe(node: ts.Expression, file: AnalyzedFile): string {
  if (ts.isCallExpression(node)) return `${getCalleeText(node, file) || 'middleware'}(…)`;
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) return node.getText(file.sourceFile);
  return 'inline middleware';
}
