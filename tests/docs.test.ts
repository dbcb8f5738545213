import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import redline from 'eslint-plugin-redline';
import { readDocExamples, renderDocHeader } from './rule-docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const linter = new Linter({ configType: 'flat' });

/** Findings of one rule, alone and with default options, on a doc example. */
function countFindings(ruleName: string, code: string, filename: string): number {
  const config = {
    ...redline.configs.strict,
    rules: { [`redline/${ruleName}`]: 'error' as const },
  };
  const messages = linter.verify(code, [config], filename);
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`example does not parse: ${fatal.message}`);
  return messages.filter((message) => message.ruleId === `redline/${ruleName}`).length;
}

describe('rule docs', () => {
  for (const [name, rule] of Object.entries(redline.rules)) {
    describe(name, () => {
      const markdown = readFileSync(`${root}/docs/rules/${name}.md`, 'utf8');
      const examples = readDocExamples(markdown);

      it('starts with the header derived from meta', () => {
        expect(markdown.startsWith(renderDocHeader(name, rule.meta.docs!) + '\n')).toBe(true);
      });

      it('has the sections STYLE.md asks for', () => {
        for (const heading of ['## Examples', '### ❌ Incorrect', '### ✅ Correct', '## Options', '## When Not To Use It']) {
          expect(markdown).toContain(`\n${heading}\n`);
        }
      });

      it('shows at least one incorrect and one correct example', () => {
        expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
        expect(examples.some((example) => example.kind === 'correct')).toBe(true);
      });

      for (const example of examples) {
        it(`${example.kind} example at line ${example.line} is ${example.kind === 'incorrect' ? 'reported' : 'accepted'}`, () => {
          const count = countFindings(name, example.code, 'example.ts');
          if (example.kind === 'incorrect') expect(count).toBeGreaterThan(0);
          else expect(count).toBe(0);
        });
      }
    });
  }
});
