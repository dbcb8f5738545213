import { splitIdentifierWords } from './identifier-words.js';

/** First words of a last path segment that reads through POST: `/products/get-by-ids`, `/search`, `/orders/query`. */
const READ_VERBS: ReadonlySet<string> = new Set([
  'get', 'search', 'query', 'find', 'list', 'lookup', 'filter', 'fetch', 'count', 'preview', 'calculate', 'estimate',
]);
/** Words of an availability check a sign-up form makes: `/is-existed-email/:email`, `/users/exists`, `/username-available`. */
const AVAILABILITY_WORDS: ReadonlySet<string> = new Set(['exist', 'exists', 'existed', 'available', 'availability', 'taken']);

/** The last path segment that is not a parameter (`:id`, `{id}`, `[id]`), split into lowercase words. */
function getLastStaticWords(path: string): string[] {
  const segments = path.split('/').filter((segment) => segment.length > 0 && !/^[:{[*]/.test(segment));
  const last = segments.at(-1);
  return last === undefined ? [] : splitIdentifierWords(last);
}

/**
 * A `POST` that only reads: its last segment starts with a read verb
 * (`POST /products/get-by-ids` sends a list of ids in the body), so it
 * changes no data and is judged like a `GET`.
 */
export function isReadThroughPost(path: string): boolean {
  const words = getLastStaticWords(path);
  // `POST /isWidgetRoomActive`, `/has-access`: a yes-or-no question.
  return READ_VERBS.has(words[0] ?? '') || ((words[0] === 'is' || words[0] === 'has') && words.length > 1);
}

/** A check that an e-mail, phone or user name is free (`GET /account/is-existed-email/:email`): public for sign-up forms. */
export function isAvailabilityCheck(path: string): boolean {
  return getLastStaticWords(path).some((word) => AVAILABILITY_WORDS.has(word));
}

/** Whether a segment's words name the sign-up confirmation flow: activate, resend the code, confirm the e-mail. */
function isConfirmationSegment(words: readonly string[]): boolean {
  if (words.includes('activate') || words.includes('activation') || words[0] === 'resend') return true;
  return words.some((word) => word === 'confirm' || word === 'verify' || word === 'verification' || word === 'confirmation') &&
    words.some((word) => word === 'email' || word === 'account' || word === 'registration' || word === 'signup');
}

/**
 * An account's own confirmation step before it can sign in: `POST /resend-activation`,
 * `GET /activate`, `POST /auth/confirm-email`. Not when an id comes first
 * (`PATCH /users/:id/activate` is an admin switching someone's account on).
 */
export function isAccountConfirmationPath(path: string): boolean {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const at = segments.findIndex((segment) => !/^[:{[*]/.test(segment) && isConfirmationSegment(splitIdentifierWords(segment)));
  return at !== -1 && !segments.slice(0, at).some((segment) => /^[:{[*]/.test(segment));
}

/**
 * A path whose parameter is the route's own credential: `POST /invitations/:token`,
 * `/reset/:passwordToken`, `/share/:secret`, `/invite/verify/:verificationString`.
 * Whoever holds the link may use it.
 */
export function hasCredentialParameter(path: string): boolean {
  // `:invitationId` names the invitation; its secret is what the link carries.
  return path.split('/').some((segment) => /^:\w*(?:token|secret|verification|activation|invitation|confirmation)\w*$/i.test(segment) && !/id$/i.test(segment));
}

/**
 * A comment that declares a route open on purpose: `// public endpoint - no auth required`, `/* anonymous access *\/`,
 * and the same in the languages whose teams often write comments in them (`공개 API (인증 불필요)`, `无需登录`, `認証不要`).
 */
const PUBLIC_INTENT =
  /\b(?:public|unauthenticated|non-?authenticated|anonymous)\b|\b(?:no|without) (?:auth|authentication|login|token)\b|\b(?:auth|authentication|login)(?:\s+is)?\s*(?:n't|not)\s+(?:required|needed|necessary)\b|\b(?:does\s*n't|does not|do\s*n't|do not) (?:require|need) (?:auth|authentication|login|a token)\b|(?<!비)공개|인증\s*불필요|비로그인|(?<![非不])公开|匿名|无需(?:登录|认证|鉴权)|不需要(?:登录|认证)|認証不要|(?<!非)公開/i;
/** Words that turn such a comment into a note that the route is not yet what it should be. */
const UNFINISHED = /\b(?:todo|fixme|xxx|hack|should|must|temporar(?:y|ily)|for now)\b/i;

/**
 * Whether the comment right above a route says it is public on purpose. The
 * author's stated intent is what a reviewer checks the route against, so a
 * route declared public is not reported as missing its auth; a comment that
 * says it is unfinished (`// TODO: public for now, add auth`) is no such statement.
 */
export function declaresPublicRoute(comment: string): boolean {
  return PUBLIC_INTENT.test(comment) && !UNFINISHED.test(comment);
}

/** A comment line that draws a section heading: `// ======`, `// ---- Public routes ----`, `/* ****** *\/`, `// #region Public`. */
const SECTION_RULE = /={3,}|-{4,}|~{3,}|#{3,}|\*{5,}|#region\b/;
const COMMENT_LINE = /^(?:\/\/|\/\*|\*)/;

function getIndent(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Whether the route that starts on `lines[index]` sits in a section whose
 * heading declares its routes public: a banner (`// ===== 공개 API (인증 불필요) =====`
 * above a group of controller methods, `// ---- Public routes ----` above a
 * group of `router.get` calls), up to the next banner, or the comment that
 * heads its paragraph (`// Tracking endpoints - public` above three routes
 * with no blank line between them). Comments without a rule line further up
 * (a method's own JSDoc, an earlier paragraph's heading) are no banner.
 */
export function isInPublicSection(lines: readonly string[], index: number): boolean {
  const indent = getIndent(lines[index] ?? '');
  let inParagraph = true;
  for (let at = index - 1; at >= 0; at -= 1) {
    const line = lines[at]!;
    const trimmed = line.trim();
    if (trimmed === '') {
      inParagraph = false;
      continue;
    }
    if (!COMMENT_LINE.test(trimmed)) {
      // A line of code less indented than the route opens its block: the section cannot start above it.
      if (getIndent(line) < indent) return false;
      continue;
    }
    let start = at;
    while (start > 0 && COMMENT_LINE.test(lines[start - 1]!.trim())) start -= 1;
    const group = lines.slice(start, at + 1);
    if (group.some((comment) => SECTION_RULE.test(comment))) return declaresPublicRoute(group.join('\n'));
    if (inParagraph && declaresPublicRoute(group.join('\n'))) return true;
    inParagraph = false;
    at = start;
  }
  return false;
}

/** A path a comment lists, alone on its line: `// /needs-bootstrap`, ` * /login (special endpoint)`. */
const LISTED_PATH = /^(?:\/\/|\/\*|\*)\s*(?:[-*•]\s*)?(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(\/[\w\-./:{}]*)(?:\s|$)/i;

/**
 * The route paths a file's comments list under a heading that declares them
 * public, one per line:
 *
 *     // Non-authenticated endpoints:
 *     //
 *     // /needs-bootstrap
 *     // /login
 *
 * Paths are returned without a trailing slash. A listing the comment calls
 * unfinished (`// TODO: make these public`) lists nothing.
 */
export function findPathsListedPublic(lines: readonly string[]): string[] {
  const paths: string[] = [];
  for (let at = 0; at < lines.length; at += 1) {
    if (!COMMENT_LINE.test(lines[at]!.trim())) continue;
    let end = at;
    while (end + 1 < lines.length && COMMENT_LINE.test(lines[end + 1]!.trim())) end += 1;
    const group = lines.slice(at, end + 1).map((line) => line.trim());
    const listed = group.map((line) => LISTED_PATH.exec(line)?.[1]).filter((path): path is string => path !== undefined);
    const heading = group.filter((line) => !LISTED_PATH.test(line)).join('\n');
    if (listed.length > 0 && declaresPublicRoute(heading)) paths.push(...listed.map((path) => path.replace(/(.)\/$/, '$1')));
    at = end;
  }
  return paths;
}

/** Words that make a path segment public: sign-in flows, first-run setup, inbound webhooks and health checks. */
const PUBLIC_FLOW_WORDS: ReadonlySet<string> = new Set([
  'login', 'logout', 'signin', 'signup', 'signout', 'register', 'registration', 'authenticate', 'authentication', 'auth', 'oauth',
  'oauth2', 'sso', 'saml', 'oidc', 'passkey', 'passkeys', 'webauthn', 'webhook', 'webhooks', 'healthz', 'health', 'healthcheck',
  'install', 'installation', 'prelogin', 'anonymous', 'guest', 'captcha',
]);
/**
 * The resource a path belongs to: its first static segment after `api`, `rest`
 * and version prefixes (`/api/v1/posts/:id/like` → `posts`); '' for a path that
 * starts with a parameter or a wildcard (`/:id`, relative router paths).
 */
export function getResourceKey(path: string | undefined): string {
  if (path === undefined) return '';
  const segments = path.replace(/^\^|\$$/g, '').split(/[/.]+/).map((segment) => segment.toLowerCase())
    .filter((segment) => segment.length > 0 && !/^(?:api|rest|v\d+)$/.test(segment));
  const first = segments[0];
  return first === undefined || /^[:{[*?]/.test(first) ? '' : first;
}

/** Collection paths whose unauthenticated POST is sign-up by design (`POST /users`): creating one takes a password. */
export const SIGN_UP_COLLECTIONS: ReadonlySet<string> = new Set(['users', 'user', 'accounts', 'account', 'members', 'customers']);

/** Resources whose routes act on the signed-in account: sign-in words under them (`/account/webauthn/register`) are not public. */
export const ACCOUNT_RESOURCES: ReadonlySet<string> = new Set(['account', 'accounts', 'me', 'my', 'profile', 'settings', 'admin']);

/**
 * Whether a segment of the path names a public flow by its words
 * (`/user/request-login`, `/organization/github-auth`, `passkeys.generateAuthenticationOptions`,
 * `/stripe-webhook`), outside the resources of the signed-in account
 * (`/account/webauthn/register` acts on the account).
 */
export function hasPublicFlowSegment(path: string): boolean {
  const segments = path.replace(/^\^|\$$/g, '').split(/[/.]+/).filter((segment) => segment.length > 0 && !/^[:{[*]/.test(segment));
  const resource = segments.find((segment) => !/^(?:api|rest|v\d+)$/i.test(segment))?.toLowerCase();
  const words = segments.map((segment) => splitIdentifierWords(segment));
  // `/request-password-reset`, `/forgot`, `/password-recovery`: the way back in for someone who cannot sign in
  // (under `/me` or `/settings`, a reset is the signed-in user's).
  if (words.some((segmentWords) => segmentWords.includes('forgot') || segmentWords.includes('forget') ||
      (segmentWords.includes('password') && segmentWords.some((word) => RECOVERY_WORDS.has(word)))) ||
      segments.some((segment) => GLUED_RECOVERY_SEGMENT.test(segment))) {
    return resource === undefined || !SIGNED_IN_RESOURCES.has(resource);
  }
  // `/admin/login`, `/account/sign-in`: the sign-in itself, which no one can call signed in, whatever it is under.
  if (words.length > 0 && isSignIn(words.at(-1)!)) return true;
  // `refreshToken`, `/refresh-access-token`: the refresh token it is given is the credential (`revokeRefreshTokens` is not this).
  if (words.length > 0 && words.at(-1)![0] === 'refresh' && words.at(-1)!.some((word) => word === 'token' || word === 'tokens' || word === 'session')) return true;
  // `POST /sessions/validate`, `/token/introspect`, `/auth/verify-token`: it checks the credential it is given.
  if (words.length > 1 && words.at(-1)!.some((word) => TOKEN_CHECK_WORDS.has(word)) &&
    words.some((segmentWords) => segmentWords.some((word) => PRESENTED_CREDENTIAL_WORDS.has(word)))) return true;
  // `POST /selfhosted/initial-user`, `/account/bootstrap`, `/setup-wizard/create-first-user`: the first-run setup that creates
  // the first account, before anyone can sign in.
  if (segments.some((segment) => FIRST_RUN_SEGMENT.test(segment)) || words.some(isFirstAccountSegment) || FIRST_RUN_RESOURCES.has(resource ?? '')) return true;
  if (resource !== undefined && ACCOUNT_RESOURCES.has(resource)) return false;
  // `/login-history`, `/auth-logs`: records about sign-ins, not the sign-in.
  return words.some((segmentWords) => segmentWords.some((word) => PUBLIC_FLOW_WORDS.has(word)) && !segmentWords.some((word) => RECORD_WORDS.has(word)));
}

/** Verbs of an endpoint that checks a presented credential, and the credentials it may check. */
const TOKEN_CHECK_WORDS: ReadonlySet<string> = new Set(['validate', 'verify', 'introspect', 'introspection']);
const PRESENTED_CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['session', 'sessions', 'token', 'tokens', 'jwt']);

/** `/forgetpassword`, `/resetpassword`, `/passwordreset`: the recovery flow written as one word. */
const GLUED_RECOVERY_SEGMENT = /^(?:forget|forgot|reset|recover|lost)password$|^password(?:reset|forgot|recovery)$/i;

/** Resources of the first-run setup an app serves until it has an owner: `/init/owner`, `/initialize/configs/:key`. */
const FIRST_RUN_RESOURCES: ReadonlySet<string> = new Set(['init', 'initialize', 'initialise', 'initialization', 'initialisation']);

/** A first-run setup endpoint: `initial-user`, `first-admin`, `setup-owner`, `bootstrap` (not `needs-bootstrap`, a status read). */
const FIRST_RUN_SEGMENT = /^(?:(?:initial|first)[-_]?(?:user|admin|owner|setup)|setup[-_]?(?:admin|owner)|bootstrap)$/i;

/** `create-first-user`, `first-admin-setup`, `setup-wizard`: words of a segment that make the first account. */
function isFirstAccountSegment(words: readonly string[]): boolean {
  return (words.includes('first') && words.some((word) => word === 'user' || word === 'admin' || word === 'owner')) ||
    (words.includes('setup') && words.includes('wizard'));
}

/** `login`, `signin`, `sign-in`, `log-in`, `adminLogin`: a segment that is the sign-in (not `login-history`). */
function isSignIn(words: readonly string[]): boolean {
  const signInAt = words.findIndex((word, index) => word === 'login' || word === 'signin' || ((word === 'log' || word === 'sign') && words[index + 1] === 'in'));
  // `log` of `log-in` is the sign-in's own word, not a record of it (`login-logs`).
  return signInAt !== -1 && !words.some((word, index) => RECORD_WORDS.has(word) && index !== signInAt);
}

const RECORD_WORDS: ReadonlySet<string> = new Set(['history', 'histories', 'attempts', 'log', 'logs', 'activity', 'activities', 'events', 'audit']);

const RECOVERY_WORDS: ReadonlySet<string> = new Set(['reset', 'recover', 'recovery']);
/** Resources that are the signed-in user's own: a password reset under them is theirs. */
const SIGNED_IN_RESOURCES: ReadonlySet<string> = new Set(['me', 'my', 'profile', 'settings']);

/** Segments of images and files that pages show (`<img src>` cannot send a bearer token). */
const ASSET_WORDS: ReadonlySet<string> = new Set([
  'photo', 'photos', 'image', 'images', 'img', 'avatar', 'avatars', 'thumbnail', 'thumbnails', 'logo', 'logos', 'icon', 'icons',
  'picture', 'pictures', 'banner', 'banners', 'cover', 'covers',
]);

/**
 * The public view of a resource, named by its last segment: `GET /settings/public` (what the sign-in page
 * shows before anyone signs in), `GET /users/:id/public`. Only reads: `PATCH /profile/public` changes something.
 */
export function isPublicViewRead(path: string): boolean {
  return path.split('/').filter((segment) => segment.length > 0).at(-1)?.toLowerCase() === 'public';
}

/**
 * A read of an image by its file name or key (`GET /profile/photo/:fileName`,
 * `/entityTypes/image/:fileName`, `/avatars/:key`): pages load it in an `<img>`,
 * which sends no bearer token, so it is public by design; it is no one's records.
 */
export function isPublicAssetRead(path: string): boolean {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const last = segments.at(-1);
  if (last === undefined || !/^[:{[]/.test(last)) return false;
  return segments.slice(0, -1).some((segment) => !/^[:{[*]/.test(segment) && splitIdentifierWords(segment).some((word) => ASSET_WORDS.has(word)));
}

/** Forms anyone may send: a contact or feedback form, a newsletter or waiting-list sign-up. */
const INTAKE_RESOURCES: ReadonlySet<string> = new Set(['contact', 'contact-us', 'feedback', 'inquiry', 'inquiries', 'enquiry', 'enquiries', 'newsletter', 'waitlist', 'wait-list']);
const INTAKE_VERBS: ReadonlySet<string> = new Set(['add', 'create', 'new', 'submit', 'send', 'subscribe']);

/**
 * `POST /contact/add`, `POST /api/feedback`, `POST /newsletter/subscribe`: a form
 * anyone may send, which creates a record and changes none. (Callers check the
 * method: `DELETE /feedback/:id` is a staff action.) Not `contacts`: a CRM's
 * contacts are the team's records.
 */
export function isPublicIntakePath(path: string): boolean {
  const segments = path.toLowerCase().split('/').filter((segment) => segment.length > 0 && !/^(?:api|rest|v\d+)$/.test(segment));
  const at = segments.findIndex((segment) => INTAKE_RESOURCES.has(segment));
  return at !== -1 && segments.slice(at + 1).every((segment) => INTAKE_VERBS.has(segment));
}

/** Reactions a reader leaves on public content, often without an account: a like, a vote, a view, a report. */
const ENGAGEMENT_WORDS: ReadonlySet<string> = new Set([
  'like', 'likes', 'unlike', 'vote', 'votes', 'upvote', 'downvote', 'react', 'reaction', 'reactions', 'attitude', 'ack',
  'view', 'views', 'pageview', 'pageviews', 'presence', 'heartbeat', 'report', 'clap', 'claps',
]);

/**
 * `POST /posts/:id/like`, `/polls/:id/vote`, `/comments/:id/report`, `/activity/presence/update`: a reader's
 * reaction to public content. Open on purpose when the handler asks nothing of the caller (callers check that:
 * a like that reads `req.user.id` needs a signed-in user). `report` only after an id: `POST /reports` files a record.
 */
export function isEngagementPath(path: string): boolean {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  return segments.some((segment, index) => {
    if (/^[:{[*]/.test(segment)) return false;
    const words = splitIdentifierWords(segment);
    if (words[0] === 'report') return index > 0 && /^[:{[]/.test(segments[index - 1]!);
    return words.some((word) => ENGAGEMENT_WORDS.has(word) && word !== 'report');
  });
}

/** Words of a staff action on someone else's record: `approve`, `reject`, `ban`, `activate`, `suspend`, `promote`. */
const MODERATION_WORDS: ReadonlySet<string> = new Set([
  'approve', 'reject', 'active', 'inactive', 'ban', 'unban', 'block', 'unblock', 'suspend', 'unsuspend', 'activate', 'deactivate',
  'promote', 'demote', 'verify', 'unverify',
]);

/**
 * `/merchant/approve/:id`, `/reviews/:id/reject`, `/users/:id/ban`: a path that names a moderation
 * action, which staff take on records that are not theirs (a role check decides it, not an owner).
 */
export function isModerationPath(path: string): boolean {
  return path.split('/').some((segment) => !segment.startsWith(':') && MODERATION_WORDS.has(splitIdentifierWords(segment)[0] ?? ''));
}
