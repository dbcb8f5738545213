import { RuleTester } from '@typescript-eslint/rule-tester';

/**
 * A RuleTester with the TypeScript parser and JSX on, as the shipped configs use.
 * Cases without a filename are linted as `defaultFilename` (RuleTester's own
 * default is a `.tsx` component, which rules that skip browser code never check).
 */
export function createRuleTester({ defaultFilename }: { defaultFilename?: string } = {}): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    ...(defaultFilename === undefined ? {} : { defaultFilenames: { ts: defaultFilename, tsx: defaultFilename } }),
  });
}
