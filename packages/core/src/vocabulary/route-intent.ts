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
  return READ_VERBS.has(getLastStaticWords(path)[0] ?? '');
}

/** A check that an e-mail, phone or user name is free (`GET /account/is-existed-email/:email`): public for sign-up forms. */
export function isAvailabilityCheck(path: string): boolean {
  return getLastStaticWords(path).some((word) => AVAILABILITY_WORDS.has(word));
}
