const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|test|tests|e2e|cypress|playwright|spec)[\\/]|\.(?:test|spec|e2e-spec|cy)\.[cm]?[jt]sx?$/;

/** Whether a path is a test, spec or e2e file (by its name or a test folder). */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}
