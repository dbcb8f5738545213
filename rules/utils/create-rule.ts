import { ESLintUtils } from '@typescript-eslint/utils';
import { getRuleDocsUrl, type RedlineRuleDocs } from '@redline/core';

/** Creates a redline rule whose `meta.docs` carries category, CWE and config level. */
export const createRule = ESLintUtils.RuleCreator<RedlineRuleDocs>(getRuleDocsUrl);
