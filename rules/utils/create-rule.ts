import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { getRuleDocsUrl, type RedlineRuleDocs } from '@redline/core';

const createNamedRule = ESLintUtils.RuleCreator<RedlineRuleDocs>(getRuleDocsUrl);

/**
 * Creates a redline rule whose `meta.docs` carries category, CWE and config level.
 *
 * typescript-eslint's creator deep-clones the default options for every file and
 * rule (`structuredClone`), a visible share of a lint run. ESLint has already
 * merged `meta.defaultOptions` into `context.options`, passing the same option
 * object for every file of a config, so the merged options are kept per object.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, RedlineRuleDocs>>,
): ReturnType<typeof createNamedRule<Options, MessageIds>> {
  const created = createNamedRule(rule);
  // The same fallback as typescript-eslint's creator.
  const defaultOptions = rule.meta.defaultOptions ?? rule.defaultOptions ?? ([] as unknown as Options);
  const mergedByOption = new WeakMap<object, Options>();
  return {
    ...created,
    create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) {
      return rule.create(context, getOptions(context.options));
    },
  };

  function getOptions(options: Options): Options {
    const [first] = options;
    if (options.length !== 1 || typeof first !== 'object' || first === null) return ESLintUtils.applyDefault<Options, Options>(defaultOptions, options);
    let merged = mergedByOption.get(first);
    if (!merged) {
      merged = ESLintUtils.applyDefault<Options, Options>(defaultOptions, options);
      mergedByOption.set(first, merged);
    }
    return merged;
  }
}
