import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { analyze } from '@redline/analyzer';
import { projectChecks } from '@redline/rules/project';

const projectsDir = fileURLToPath(new URL('../../../fixtures/projects/no-entity-leak', import.meta.url));

/** The entity-leak message the analyzer gives at `file:line` of a scenario. */
function messageAt(scenario: string, file: string, line: number): string | undefined {
  const dir = join(projectsDir, scenario);
  const files = fg.sync('**/*.{ts,js}', { cwd: dir, absolute: true });
  const prismaSchemas = fg.sync('**/*.prisma', { cwd: dir, absolute: true });
  const { findings } = analyze({ root: dir, files, prismaSchemas, checks: projectChecks, severities: { 'no-entity-leak': 'error' } });
  return findings.find((finding) => finding.file === file && finding.line === line)?.message;
}

describe('no-entity-leak across files names what leaks and how', () => {
  it('a record sent through a response helper names the helper and every sensitive column', () => {
    expect(messageAt('express-response-helpers', 'src/routes/users.ts', 17)).toBe(
      'This response sends the whole `User` record through `sendResponse`, with `passwordHash`, `apiKey`; map it to a DTO or select only the fields the client needs.',
    );
  });

  it('a column deleted before sending is not named; the one left is', () => {
    expect(messageAt('express-response-helpers', 'src/routes/users.ts', 58)).toContain('with `apiKey`;');
  });

  it('a column the response helper takes off is not named; the one it forgets is', () => {
    expect(messageAt('express-response-helpers', 'src/routes/users.ts', 95)).toContain('through `sendAccount`, with `apiKey`;');
  });

  it('a hidden column the query builder selects on purpose is named', () => {
    expect(messageAt('nest-typeorm-query-builders', 'src/users/users.controller.ts', 27)).toContain('with `passwordHash`, `resetToken`;');
  });

  it('a relation loaded whole names the related columns by path, nested ones too', () => {
    expect(messageAt('prisma-include-relations', 'src/routes/posts.ts', 22)).toBe(
      'This response sends the `Post` record with `comments` (`Comment`) loaded whole, with `comments.author.passwordHash`; select only the fields of `comments` the client needs.',
    );
    expect(messageAt('mongoose-populate-relations', 'src/routes/recipes.js', 27)).toContain('with `chef.password`, `tasters.password`;');
  });

  it('a record saved with a loaded record set on it carries that record', () => {
    expect(messageAt('typeorm-relations-and-saves', 'src/articles/articles.controller.ts', 38)).toContain('`author` (`User`) loaded whole, with `author.passwordHash`');
  });
});
