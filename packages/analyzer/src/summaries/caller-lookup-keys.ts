import ts from '../project/typescript.cjs';
import { splitIdentifierWords } from '@redline/core';

/** Words of a column that is stored in a form the caller never has (a hash of the password it sent), so never a lookup key. */
const STORED_FORM_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'hash', 'hashed', 'salt', 'digest']);

/**
 * The names a caller hands a service it reads a record through:
 * `getInvitation({ token })`, `findByResetToken(resetToken)`. A column of that
 * name comes back holding what the caller already had (the token in the
 * invitation link it opened), so sending it back discloses nothing.
 */
export function getCallerLookupKeys(call: ts.CallExpression): string[] {
  const names = call.arguments.flatMap((argument): string[] => {
    if (ts.isIdentifier(argument)) return [argument.text];
    if (!ts.isObjectLiteralExpression(argument)) return [];
    return argument.properties.flatMap((property) =>
      (ts.isShorthandPropertyAssignment(property) || ts.isPropertyAssignment(property)) && ts.isIdentifier(property.name) ? [property.name.text] : []);
  });
  return names.filter((name) => !splitIdentifierWords(name).some((word) => STORED_FORM_WORDS.has(word)));
}
