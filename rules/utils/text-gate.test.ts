import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mayMentionModule, mayMentionWord } from './text-gate.js';

const source = (text: string) => ({ text }) as unknown as TSESLint.SourceCode;

describe('mayMentionWord', () => {
  it('finds a word as an identifier, a key or a string', () => {
    expect(mayMentionWord(source('res.json(user);'), ['json'])).toBe(true);
    expect(mayMentionWord(source("res['json'](user);"), ['json'])).toBe(true);
    expect(mayMentionWord(source('const o = { json: 1 };'), ['json'])).toBe(true);
  });

  it('does not count a word inside a longer name', () => {
    expect(mayMentionWord(source('const jsonify = toJson(x); const json_1 = 1;'), ['json'])).toBe(false);
    expect(mayMentionWord(source('status: "pending"'), ['end'])).toBe(false);
  });

  it('matches any part of a dotted name, and keeps the file for a name without parts', () => {
    expect(mayMentionWord(source('router.post("/x", auth?.required, h);'), ['auth.required'])).toBe(true);
    expect(mayMentionWord(source('const a = 1;'), [''])).toBe(true);
    expect(mayMentionWord(source('const a = 1;'), ['...'])).toBe(true);
  });

  it('keeps a file whose names may be spelled with escapes', () => {
    expect(mayMentionWord(source('res.j\\u0073on(user);'), ['json'])).toBe(true);
    expect(mayMentionWord(source('res["js\\x6fn"](user);'), ['json'])).toBe(true);
    expect(mayMentionWord(source('const a = "line\\nbreak"; res.send(a);'), ['json'])).toBe(false);
  });
});

describe('mayMentionModule', () => {
  it('finds a module as the start of a string in any quotes', () => {
    expect(mayMentionModule(source("import axios from 'axios';"), ['axios'])).toBe(true);
    expect(mayMentionModule(source('const r = require("formidable/lib/index");'), ['formidable'])).toBe(true);
    expect(mayMentionModule(source('const h = require(`node:https`);'), ['node:https'])).toBe(true);
  });

  it('does not take a URL for the https module', () => {
    expect(mayMentionModule(source("fetch('https://api.example.com');"), ['https', 'http'])).toBe(false);
  });

  it('keeps a file whose module names may be spelled with escapes', () => {
    expect(mayMentionModule(source("import jwt from 'json\\u0077ebtoken';"), ['jsonwebtoken'])).toBe(true);
  });
});
