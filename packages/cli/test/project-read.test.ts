import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfiguredIgnore, discoverFiles } from '../src/scan/discover-files.js';
import { readProject, readProjectEarly } from '../src/scan/project-read.js';
import { runAnalyzer } from '../src/scan/analyzer-run.js';
import { createTempProject } from './helpers/temp-dir.js';

const PROJECT = {
  'package.json': '{ "name": "shop" }\n',
  '.gitignore': 'tmp/\n',
  'src/app.ts': 'export const app = 1;\n',
  'src/types.d.ts': 'export type Id = string;\n',
  'dist/app.js': 'exports.app = 1;\n',
  'tmp/scratch.ts': 'export const scratch = 1;\n',
  'legacy/sdk.ts': 'export const sdk = 1;\n',
  'prisma/schema.prisma': 'model User {\n  id Int @id @default(autoincrement())\n}\n',
};

describe('reading the project for the analyzer', () => {
  it('reads what discovery finds without the config\'s ignores; filtered by them, it is what discovery finds with them', async () => {
    const root = createTempProject(PROJECT);
    const read = await readProject(root);
    // Build output, declarations and what .gitignore excludes are left out; the config's ignores are not applied yet.
    expect([...read.texts.keys()]).toEqual([join(root, 'legacy/sdk.ts'), join(root, 'src/app.ts')]);
    expect(read.texts.get(join(root, 'src/app.ts'))).toBe(PROJECT['src/app.ts']);
    expect(read.prismaSchemas).toEqual([join(root, 'prisma/schema.prisma')]);

    const ignores = { patterns: ['legacy/**'], base: root };
    const isConfiguredIgnore = createConfiguredIgnore(ignores);
    expect([...read.texts.keys()].filter((path) => !isConfiguredIgnore(path))).toEqual(await discoverFiles({ cwd: root, paths: ['.'], ignores }));
  });

  it('an early read is used only for the same root', async () => {
    const early = createTempProject(PROJECT);
    const other = createTempProject({ 'package.json': '{}\n', 'lib/index.ts': 'export const index = 1;\n' });
    readProjectEarly(early);
    const read = await readProject(other);
    expect(read.root).toBe(other);
    expect([...read.texts.keys()]).toEqual([join(other, 'lib/index.ts')]);

    readProjectEarly(early);
    expect([...(await readProject(early)).texts.keys()]).toEqual([join(early, 'legacy/sdk.ts'), join(early, 'src/app.ts')]);
  });

  it('the analyzer reads the files discovery would scan, with the staged texts in place and new staged files added', async () => {
    const root = createTempProject({
      ...PROJECT,
      // Ignored by the config: not part of the project the analyzer reads.
      'legacy/admin.ts': "import express from 'express';\nconst app = express();\napp.delete('/users/:id', (req, res) => res.sendStatus(204));\n",
    });
    const staged = "import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => res.json({ ok: true }));\n";
    const output = await runAnalyzer({
      root,
      given: { [join(root, 'src/server.ts')]: staged },
      ignores: { patterns: ['legacy/**'], base: root },
      severities: { 'require-route-auth': 'error' },
    });
    // src/app.ts and the staged src/server.ts, which is not on disk; legacy/ is ignored by the config.
    expect(output.summary.files).toBe(2);
  });
});
