import type { ProjectCheck, ProjectFinding, UnboundedRetryCountFact } from '@redline/core';

/**
 * The cross-file half of `no-unbounded-retry`: a count that means "never
 * stop" given to a project helper whose body bounds its retries with it
 * (`resilientCall(job, Infinity)`, `withPolicy(job, { maxAttempts: RETRY_FOREVER })`),
 * whatever the helper is called; and a retry option set from a constant that
 * another file makes infinite (`{ retries: RETRY_FOREVER }`).
 */
const noUnboundedRetryProject: ProjectCheck = {
  name: 'no-unbounded-retry',
  category: 'unbounded-retry',
  check(facts) {
    return (facts.unboundedRetryCounts ?? []).map(toFinding);
  },
};

export default noUnboundedRetryProject;

function toFinding(fact: UnboundedRetryCountFact): ProjectFinding {
  const count = fact.option ? `\`${fact.option}: ${fact.value}\`` : `\`${fact.value}\``;
  const infinite = fact.definedAt ? ` (infinite where it is set)` : '';
  const effect = fact.helper
    ? `asks \`${fact.helper.name}\` for unlimited attempts${infinite}: it stops retrying only when that count runs out`
    : `makes the retry never give up${infinite}`;
  return {
    at: fact.at,
    message: `${count} ${effect}, so a permanent failure is retried forever, holding the job or request and hammering the failing service. Pass a finite number of attempts.`,
    related: [
      ...(fact.helper ? [{ at: fact.helper.bound, message: `\`${fact.helper.name}\` bounds its retries with that count here.` }] : []),
      ...(fact.definedAt ? [{ at: fact.definedAt, message: 'The count is set to infinity here.' }] : []),
    ],
  };
}
