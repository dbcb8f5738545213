// Folder names count with the qualifiers test suites use (`integration-tests/`, `e2e_tests/`, `test-utils/`), not any
// word around `test`: `test-email/` (a feature that sends a test e-mail) and `ab-test/` are the app's own code;
// `test-server/`, `test-federation/` run the suites.
const TEST_FILE =
  /(?:^|[\\/])(?:(?:integration|e2e|unit|api|functional|acceptance|load|smoke|regression|contract|system|component)[-_.]?)?(?:__tests__|__mocks__|test|tests|e2e|cypress|playwright|spec|specs)(?:[-_.](?:utils?|helpers?|support|setup|fixtures|data|suite|harness|env|e2e|integration|int|server|federation|runner))?[\\/]|\.(?:test|spec|e2e-spec|cy|clienttest|servertest)\.[cm]?[jt]sx?$/;

/**
 * Test support outside a test folder: `src/TestUtils.js`, `test-utils.ts`, `testHelpers.ts`, `TestingHooks.ts`, `jest.setup.ts`,
 * `vitest.setup.ts`, `setupTests.ts`, `global-setup.ts`, a `testing/` folder.
 */
const TEST_SUPPORT_FILE =
  /(?:^|[\\/])(?:testing[\\/]|(?:test|tests|testing)[-_.]?(?:utils?|helpers?|setup|support|fixtures|hooks?)\.[cm]?[jt]sx?$|(?:jest|vitest|karma|mocha)[-_.]?setup\w*\.[cm]?[jt]sx?$|setup[-_.]?tests?\.[cm]?[jt]sx?$|global[-_.]?(?:setup|teardown)\.[cm]?[jt]sx?$)/i;

/** A camelCase folder named for its tests: `authServerTest/`, `integrationTests/`. */
const CAMEL_CASE_TEST_FOLDER = /(?:^|[\\/])[a-z][a-zA-Z0-9]*Tests?[\\/]/;

/** Whether a path is a test, spec or e2e file (by its name or a test folder), or test support code. */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename) || TEST_SUPPORT_FILE.test(filename) || CAMEL_CASE_TEST_FOLDER.test(filename);
}
