import type { TSESLint } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Names = readonly string[] | ReadonlySet<string>;

/**
 * File-level pre-filters for the top of a rule's `create()`: when a file's text
 * cannot contain what a rule looks for (no log method, no ORM call, no JWT
 * package), the rule returns `{}` and ESLint registers none of its listeners,
 * so the file costs that rule nothing.
 *
 * A gate must never skip a file the rule could report on, so it tests names the
 * rule needs to see in the code (a method, a module, a team's own helper). Every
 * such name is written in the text, unless it is spelled with an escape sequence
 * (`\u0061xios`, a string broken by a line continuation): a file with an escape
 * of that kind passes every gate.
 */

/** Escapes that can spell an identifier or a string differently from its value. */
const SPELLING_ESCAPE = /\\(?:u|x|[0-7]|\r|\n|\u2028|\u2029)/;
const IDENTIFIER_PART = /[A-Za-z0-9_$]+/g;
/** Matches any text: for a name that has no identifier part to look for (a stray `''` in a team's option). */
const ANYTHING = /(?:)/;
/** Matches no text: for an empty list of names. */
const NOTHING = /(?!)/;

const escapesBySource = new WeakMap<SourceCode, boolean>();
const wordPatterns = new WeakMap<Names, RegExp>();
const modulePatterns = new WeakMap<Names, RegExp>();

/**
 * Whether the file may mention one of `words` as a whole identifier, key or
 * string (`res.json(…)`, `['json']`, `'json'`; not `jsonify`). A name made of
 * several identifiers (`auth.required`) counts when any of them does.
 * Pass a list that lives as long as the rule: its pattern is built once.
 */
export function mayMentionWord(sourceCode: SourceCode, words: Names): boolean {
  return getPattern(wordPatterns, words, buildWordPattern).test(sourceCode.text) || hasSpellingEscape(sourceCode);
}

/**
 * Whether the file may import or require one of `modules`: a string that is the
 * module's name or a path inside it (`'axios'`, `"formidable/lib"`, `` `node:https` ``),
 * so that an `https://` URL does not count as the `https` module.
 */
export function mayMentionModule(sourceCode: SourceCode, modules: Names): boolean {
  return getPattern(modulePatterns, modules, buildModulePattern).test(sourceCode.text) || hasSpellingEscape(sourceCode);
}

function getPattern(cache: WeakMap<Names, RegExp>, names: Names, build: (names: string[]) => RegExp): RegExp {
  let pattern = cache.get(names);
  if (!pattern) {
    pattern = build([...names]);
    cache.set(names, pattern);
  }
  return pattern;
}

function buildWordPattern(words: string[]): RegExp {
  const parts: string[] = [];
  for (const word of words) {
    const wordParts = word.match(IDENTIFIER_PART);
    if (!wordParts) return ANYTHING;
    parts.push(...wordParts.map(escapeRegExp));
  }
  // `\b` treats `$` and non-ASCII letters as boundaries, which can only let more files through (and is fast).
  return parts.length === 0 ? NOTHING : new RegExp(`\\b(?:${parts.join('|')})\\b`);
}

function buildModulePattern(modules: string[]): RegExp {
  if (modules.length === 0) return NOTHING;
  return new RegExp(`(['"\`])(?:${modules.map(escapeRegExp).join('|')})(?:\\1|/)`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function hasSpellingEscape(sourceCode: SourceCode): boolean {
  // Several rules gate the same file: its text is scanned for escapes once.
  let escapes = escapesBySource.get(sourceCode);
  if (escapes === undefined) {
    escapes = SPELLING_ESCAPE.test(sourceCode.text);
    escapesBySource.set(sourceCode, escapes);
  }
  return escapes;
}
