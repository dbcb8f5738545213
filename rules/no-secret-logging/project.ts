import type { LoggedArgumentFact, LoggedRecordFact, ProjectCheck, ProjectFacts, ProjectFinding } from '@redline/core';

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
 * `logRequest` calls `logger.info(payload)`); and a log call that writes a
 * whole record whose schema has a secret column nothing strips
 * (`logger.info(user)` after `userService.findByEmail()` read the `User`
 * with its `passwordHash`); and a log call that writes the app's settings
 * with a secret among them (`logger.info({ config })`).
 */
const noSecretLoggingProject: ProjectCheck = {
  name: 'no-secret-logging',
  category: 'secret-logging',
  check(facts) {
    const throughHelpers: ProjectFinding[] = facts.loggedArguments.map((fact) => ({
      at: fact.at,
      message: `\`${fact.argument}\` is ${REASONS[fact.reason]} and \`${fact.helper.name}\` writes it to the log; pass only the fields you need, or redact it first.`,
      related: [
        { at: fact.sink, message: `\`${fact.helper.name}\` logs its argument here.` },
      ],
    }));
    const typedValues: ProjectFinding[] = (facts.loggedTypedValues ?? []).map((fact) => ({
      at: fact.at,
      message: `\`${fact.argument}\` is a \`${fact.type}\`, which carries \`${fact.field}\`, and \`${fact.sink}\` writes it whole to the log. Log its id instead, or only the fields you need.`,
      related: [{ at: fact.declaredAt, message: `\`${fact.field}\` is declared here.` }],
    }));
    const settings: ProjectFinding[] = (facts.loggedSettings ?? []).map((fact) => ({
      at: fact.at,
      message: `\`${fact.argument}\` holds \`${fact.field}\`, and \`${fact.sink}\` writes it whole to the log. Log only the settings you need.`,
      related: [{ at: fact.declaredAt, message: `\`${fact.field}\` is set here.` }],
    }));
    // A logger that masks what it writes masks the records and settings given to it as well.
    const masked = new Set((facts.maskedLogCalls ?? []).map((span) => `${span.file}:${span.line}`));
    const unmasked = (finding: ProjectFinding): boolean => !masked.has(`${finding.at.file}:${finding.at.line}`);
    return [
      ...throughHelpers,
      ...[...(facts.loggedRecords ?? []).flatMap((fact) => checkLoggedRecord(fact, facts)), ...typedValues, ...settings].filter(unmasked),
    ];
  },
  // The per-file rule cannot see that the imported logger masks secrets before it writes.
  refuteWithin(facts) {
    return facts.maskedLogCalls ?? [];
  },
};

export default noSecretLoggingProject;

/** A logged record is a leak only when its schema shows a secret column the read did not leave out. */
function checkLoggedRecord(fact: LoggedRecordFact, facts: ProjectFacts): ProjectFinding[] {
  const entity = facts.entities.find((candidate) => candidate.name === fact.entity);
  const secrets = (entity?.columns ?? []).filter(
    (column) => column.sensitive && !column.hidden && (!fact.selected || fact.selected.includes(column.name)) && !fact.overridden?.includes(column.name),
  );
  const [first] = secrets;
  if (!first) return [];
  const columns = secrets.map((column) => `\`${column.name}\``).join(', ');
  const source = fact.via[0];
  const origin = source ? ` that \`${source.name}\` returns` : '';
  return [{
    at: fact.at,
    message: `\`${fact.argument}\` is the \`${fact.entity}\` record${origin}, with ${columns}, and \`${fact.sink}\` writes it whole to the log. Log its id instead, or only the fields you need.`,
    related: [
      ...(source ? [{ at: source.at, message: `\`${source.name}\` returns the whole \`${fact.entity}\`.` }] : []),
      { at: first.at, message: `\`${first.name}\` is declared here.` },
    ],
  }];
}
