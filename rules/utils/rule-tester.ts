import { RuleTester } from '@typescript-eslint/rule-tester';

/** A RuleTester with the TypeScript parser and JSX on, as the shipped configs use. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}
