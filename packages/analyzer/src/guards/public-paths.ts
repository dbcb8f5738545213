import { PUBLIC_PATH_PATTERNS, splitIdentifierWords } from '@redline/core';

/** Path segments that name a public flow wherever they appear (`/api/v1/auth/login`, `/users/login`). */
const PUBLIC_SEGMENTS = new Set([
  'login', 'signin', 'sign-in', 'logout', 'signout', 'sign-out', 'register', 'signup', 'sign-up', 'health', 'healthz',
  'healthcheck', 'ping', 'ready', 'readyz', 'live', 'livez', 'forgot-password', 'reset-password', 'verify-email',
  'webhook', 'webhooks', 'oauth', 'auth', 'unsubscribe',
]);

/** Words in a handler's name that say it serves a public flow: `signupUser`, `handleLogin`, `registerAccount`. */
const PUBLIC_HANDLER_WORDS = new Set(['signup', 'signin', 'login', 'logout', 'register', 'registration', 'unsubscribe', 'webhook', 'healthcheck', 'health']);

/** Whether a handler's own name says it serves a public flow. */
export function isPublicHandlerName(name: string | undefined): boolean {
  if (!name) return false;
  return splitIdentifierWords(name).some((word) => PUBLIC_HANDLER_WORDS.has(word));
}

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
  const patterns = [...PUBLIC_PATH_PATTERNS, ...extraPatterns].map((pattern) => pattern.toLowerCase());
  if (patterns.some((pattern) => matchesPathPattern(normalised, pattern) || matchesPathPattern(unprefixed, pattern))) return true;
  // RPC-style APIs name routes `auth.config`, `users.signup`: dots separate words too.
  const segments = normalised.split(/[/.]/).filter(Boolean);
  if (segments.some((segment) => PUBLIC_SEGMENTS.has(segment))) return true;
  return method === 'POST' && /^(?:\/api)?(?:\/v\d+)?\/users$/.test(normalised);
}

function matchesPathPattern(path: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\/\*\*$/, '(?:/.*)?')
    .replace(/\*\*/g, '.*')
    .replace(/\*/g, '[^/]*');
  return new RegExp(`^${source}$`).test(path);
}
