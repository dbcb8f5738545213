/** What `redline init` can write, the file it goes to, and its content. */
export interface InitTemplate {
  path: string;
  describe: string;
  content: string;
}

const REPOSITORY = 'https://github.com/redline-dev/redline';

/** The files `redline init <kind>` writes. */
export const INIT_TEMPLATES = {
  'flat-config': {
    path: 'eslint.config.mjs',
    describe: 'an ESLint flat config with redline, for the editor',
    content: `import redline from 'eslint-plugin-redline';

export default [
  // Editor squiggles; \`redline scan\` needs no ESLint config at all.
  redline.configs.recommended,
];
`,
  },
  'pre-commit': {
    path: '.pre-commit-config.yaml',
    describe: 'a pre-commit framework hook that scans staged lines',
    content: `repos:
  - repo: ${REPOSITORY}
    rev: v0.1.0
    hooks:
      - id: redline
`,
  },
  husky: {
    path: '.husky/pre-commit',
    describe: 'a husky pre-commit hook that scans staged lines',
    content: `npx --no-install redline scan --staged
`,
  },
  'github-action': {
    path: '.github/workflows/redline.yml',
    describe: 'a GitHub Actions workflow: annotations, SARIF upload, pull-request summary',
    content: `name: redline
on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  security-events: write

jobs:
  redline:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: redline-dev/redline@v0
        with:
          changed-since: \${{ github.event_name == 'pull_request' && format('origin/{0}', github.base_ref) || '' }}
`,
  },
} as const satisfies Record<string, InitTemplate>;

export type InitKind = keyof typeof INIT_TEMPLATES;
