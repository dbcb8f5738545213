import type { LoggedArgumentFact, ProjectCheck } from '@redline/core';

const REASONS: Record<LoggedArgumentFact['reason'], string> = {
  'secret-name': 'a secret',
  'request-body': 'the whole request body',
  'request-headers': 'the request headers',
  cookies: 'the request cookies',
  environment: '`process.env`',
};

/**
 * The cross-file half of `no-secret-logging`: a call that hands a secret, a
 * whole request body, headers, cookies or `process.env` to a project helper
 * whose body writes that parameter to a log sink (`logRequest(req.body)` where
 * `logRequest` calls `logger.info(payload)`).
 */
const noSecretLoggingProject: ProjectCheck = {
  name: 'no-secret-logging',
  category: 'secret-logging',
  check(facts) {
    return facts.loggedArguments.map((fact) => ({
      at: fact.at,
      message: `\`${fact.argument}\` is ${REASONS[fact.reason]} and \`${fact.helper.name}\` writes it to the log; pass only the fields you need, or redact it first.`,
      related: [
        { at: fact.sink, message: `\`${fact.helper.name}\` logs its argument here.` },
      ],
    }));
  },
};

export default noSecretLoggingProject;
