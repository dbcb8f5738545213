import { splitIdentifierWords } from './identifier-words.js';

/**
 * Last words of a column that only the server or a higher role should set:
 * what a client gains by naming it in a request body (mass assignment).
 * Roles and permissions (`role`, `isAdmin`, `permissions`), money (`balance`,
 * `credits`), verification (`emailVerified`), moderation and account status
 * (`status`, `isPublished`, `banned`), paid plans (`plan`, `tier`).
 * `isActive`/`enabled`/`visible` are deliberately absent: on catalog records
 * (brands, categories, products) they are the visibility toggle the admin
 * edits, and on a user record a role column already decides.
 */
const PRIVILEGED_LAST_WORDS: ReadonlySet<string> = new Set([
  'role', 'roles', 'admin', 'superadmin', 'superuser', 'staff', 'moderator', 'permission', 'permissions', 'privilege', 'privileges', 'scopes',
  'balance', 'credit', 'credits', 'wallet',
  'verified', 'confirmed',
  'status', 'approved', 'publish', 'published', 'banned', 'blocked', 'locked', 'suspended',
  'plan', 'tier', 'subscription', 'premium', 'paid',
]);

/** Two-word names whose last word alone says nothing: `accessLevel`, `userType`. */
const PRIVILEGED_NAMES: ReadonlySet<string> = new Set(['access level', 'user type', 'account type']);

/** Whose a record is: `userId`, `ownerId`, `authorId`, `tenant_id`, `createdBy`, a Mongoose `user` ref. */
const OWNER_WORDS: ReadonlySet<string> = new Set([
  'user', 'owner', 'author', 'creator', 'account', 'customer', 'member', 'seller', 'tenant', 'organization', 'org', 'workspace', 'team',
]);

/** Flag prefixes that do not change what a column is about: `isAdmin` is about `admin`. */
const FLAG_PREFIXES: ReadonlySet<string> = new Set(['is', 'has', 'can']);

/**
 * Whether a column names whose record it is: `userId`, `ownerId`,
 * `author_id`, `tenantIds`, `createdBy`, or the relation itself (`user`,
 * `owner`). A client that sets it writes into someone else's account.
 */
export function isOwnerColumnName(name: string): boolean {
  const words = splitIdentifierWords(name);
  if (words.length === 2 && words[0] === 'created' && words[1] === 'by') return true;
  const last = words[words.length - 1];
  if (words.length === 1) return last !== undefined && OWNER_WORDS.has(last);
  // `userId`, `ownerIds`, `authorUserId`: an id whose owner word comes right before it.
  return words.length >= 2 && (last === 'id' || last === 'ids') && OWNER_WORDS.has(words[words.length - 2]!);
}

/**
 * Whether a client must not set a column through a request body: a role or
 * permission, money, a verification or moderation flag, an account status,
 * or the record's owner (`isOwnerColumnName`). Compared on identifier words,
 * so `is_admin`, `isAdmin` and `IS_ADMIN` agree.
 */
export function isPrivilegedColumnName(name: string): boolean {
  if (isOwnerColumnName(name)) return true;
  const words = splitIdentifierWords(name);
  if (words.length > 1 && FLAG_PREFIXES.has(words[0]!)) words.shift();
  const last = words[words.length - 1];
  return (last !== undefined && PRIVILEGED_LAST_WORDS.has(last)) || PRIVILEGED_NAMES.has(words.join(' '));
}
