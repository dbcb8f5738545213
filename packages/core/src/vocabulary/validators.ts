/**
 * Names of calls and middleware that validate or reshape a request body
 * (`schema.parse`, `validate(schema)`, `celebrate`, `plainToInstance`, `pick`):
 * after one, the body is no longer what the client sent. Broad on purpose: it
 * only ever silences a mass-assignment finding.
 */
const VALIDATOR_NAME = /valid|parse|assert|sanitiz|schema|celebrate|check|pick|omit|whitelist|strip|plainToInstance|plainToClass|transform/i;

/** Whether a callee or middleware name validates or reshapes what it is given; `extra` adds a team's own names. */
export function isValidatorName(name: string, extra: ReadonlySet<string> = new Set()): boolean {
  return extra.has(name) || VALIDATOR_NAME.test(name);
}
