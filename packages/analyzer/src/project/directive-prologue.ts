import ts from './typescript.cjs';

/**
 * The directives a module opens with (`'use client'`, `'use server'`), read
 * token by token: comments, however many or long (a vendored bundle's licence
 * banner), are skipped by the scanner, and only the first few tokens are read,
 * so the cost does not grow with the file.
 */
export function readDirectivePrologue(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, text);
  const directives: string[] = [];
  let token = scanner.scan();
  while (token === ts.SyntaxKind.StringLiteral) {
    directives.push(scanner.getTokenValue());
    token = scanner.scan();
    if (token === ts.SyntaxKind.SemicolonToken) token = scanner.scan();
    // Without a semicolon, the next directive starts a new line; `'a' + b` is an expression, not a directive.
    else if (!scanner.hasPrecedingLineBreak() && token !== ts.SyntaxKind.EndOfFileToken) return directives.slice(0, -1);
  }
  return directives;
}
