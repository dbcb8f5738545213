import { describe, expect, it } from 'vitest';
import { getRelativeFilename, globToRegExp, matchesAnyGlob } from './file-globs.js';

describe('file globs', () => {
  it('matches `**/` as zero or more folders', () => {
    expect(matchesAnyGlob('fixtures/a.ts', ['**/fixtures/**'])).toBe(true);
    expect(matchesAnyGlob('src/test/a.ts', ['**/test/**'])).toBe(true);
    expect(matchesAnyGlob('src/testing/a.ts', ['**/test/**'])).toBe(false);
  });
  it('keeps `*` inside one segment and expands braces', () => {
    expect(matchesAnyGlob('src/user.service.spec.ts', ['**/*.{test,spec}.*'])).toBe(true);
    expect(matchesAnyGlob('src/user.service.ts', ['**/*.{test,spec}.*'])).toBe(false);
    expect(globToRegExp('src/*.ts').test('src/a/b.ts')).toBe(false);
  });
  it('makes paths relative to the working directory', () => {
    expect(getRelativeFilename('/repo/src/a.ts', '/repo')).toBe('src/a.ts');
    expect(getRelativeFilename('/elsewhere/a.ts', '/repo')).toBe('/elsewhere/a.ts');
  });
});
