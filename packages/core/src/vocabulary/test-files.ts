// Folder names count with a qualifier too: `integration-tests/`, `e2e_tests/`, `test-utils/`, `api.tests/`.
const TEST_FILE = /(?:^|[\\/])(?:[\w.]+[-_.])?(?:__tests__|__mocks__|test|tests|e2e|cypress|playwright|spec|specs)(?:[-_.][\w.]+)?[\\/]|\.(?:test|spec|e2e-spec|cy)\.[cm]?[jt]sx?$/;

/** Whether a path is a test, spec or e2e file (by its name or a test folder). */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}
