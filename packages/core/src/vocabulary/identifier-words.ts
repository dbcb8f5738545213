/** Names repeat across a lint run (`req`, `res`, `user`, `logger`): their words are computed once. */
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 20_000;

/**
 * Splits an identifier or property key into lower-case words:
 * `userAPIToken` → `user api token`, `x-api-key` → `x api key`,
 * `PASSWORD_HASH` → `password hash`. Returns a fresh array the caller may change.
 */
export function splitIdentifierWords(name: string): string[] {
  let words = cache.get(name);
  if (!words) {
    words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => word.length > 0)
      .map((word) => word.toLowerCase());
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(name, words);
  }
  return [...words];
}
