import { existsSync } from 'node:fs';
import { mkdir, writeFile, chmod } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { INIT_TEMPLATES, type InitKind } from '../init/templates.js';

interface InitArguments {
  kind: InitKind;
  force: boolean;
}

/** `redline init <kind>`: writes one integration file; never overwrites without `--force`. */
export function createInitCommand(io: CliIo): CommandModule<object, InitArguments> {
  return {
    command: 'init <kind>',
    describe: 'Write a flat config, a pre-commit entry, a husky hook or a GitHub Actions workflow',
    builder: (yargs) =>
      yargs
        .positional('kind', {
          describe: Object.entries(INIT_TEMPLATES).map(([kind, template]) => `${kind}: ${template.describe} (${template.path})`).join('; '),
          choices: Object.keys(INIT_TEMPLATES) as InitKind[],
          demandOption: true,
        })
        .option('force', { describe: 'Overwrite the file if it exists', type: 'boolean', default: false })
        .example('$0 init pre-commit', 'Add .pre-commit-config.yaml with the redline hook')
        .example('$0 init husky', 'Add .husky/pre-commit running `redline scan --staged`')
        .example('$0 init github-action', 'Add .github/workflows/redline.yml')
        .example('$0 init flat-config --force', 'Replace eslint.config.mjs with redline\'s recommended config') as never,
    handler: async (args) => {
      const template = INIT_TEMPLATES[args.kind];
      const path = resolve(io.cwd, template.path);
      if (existsSync(path) && !args.force) {
        throw new CliError(`${template.path} exists; not overwriting it. Add this yourself, or run again with --force:\n\n${template.content}`);
      }
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, template.content);
      if (args.kind === 'husky') await chmod(path, 0o755);
      io.stdout.write(`Wrote ${template.path}: ${template.describe}.\n`);
    },
  };
}
