/**
 * An error the user can fix (bad flag, invalid config, not a git repository):
 * the CLI prints its message without a stack and exits with code 2.
 */
export class CliError extends Error {
  override name = 'CliError';
}
