import { describe, expect, it } from 'vitest';
import { readDirectivePrologue } from '../src/project/directive-prologue.js';

describe('the directives a module opens with', () => {
  it.each([
    ['a directive', `'use client';\nimport x from 'y';`, ['use client']],
    ['after a licence banner and line comments', `/*! app v1 */\n// a client island\n"use client"\nexport const a = 1;`, ['use client']],
    ['two, without semicolons', `'use strict'\n'use server'\nexport async function act() {}`, ['use strict', 'use server']],
    ['the only statement', `'use client'`, ['use client']],
    ['none before code', `import x from 'y';\n'use client';`, []],
    ['a string that starts an expression', `'use client' + suffix;`, []],
    ['a directive only in a comment', `/* 'use client' */\nexport const a = 1;`, []],
  ])('%s', (_name, text, directives) => {
    expect(readDirectivePrologue(text)).toEqual(directives);
  });

  // A vendored bundle (public/libs/markdownit.js in nodeclub): a banner, then blocks of comments between statements.
  // Matching the prologue with a pattern that lets a comment run on to a later `*/` never finished on such a file.
  it('reads a minified bundle full of comment blocks by its first tokens', () => {
    const parts = Array.from({ length: 2_000 }, (_, i) => `/** part ${i} */\n/** more */\nvar a${i}=function(){return ${i}};`);
    expect(readDirectivePrologue(`/*! lib 1.0 @license MIT */\n${parts.join('\n')}`)).toEqual([]);
    expect(readDirectivePrologue(`/*! lib 1.0 @license MIT */\n${parts.slice(0, 60).join('\n').replace(/var a\d+=function\(\)\{return \d+\};/g, '')}\n'use client';`)).toEqual(['use client']);
  });
});
