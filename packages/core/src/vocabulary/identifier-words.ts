/**
 * Splits an identifier or property key into lower-case words:
 * `userAPIToken` → `user api token`, `x-api-key` → `x api key`,
 * `PASSWORD_HASH` → `password hash`.
 */
export function splitIdentifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}
