import type { RedlineRuleMeta } from '@redline/core';
import type { ScanReport } from '../../src/report.js';

const docs = (name: string) => `https://github.com/redline-dev/redline/blob/main/docs/rules/${name}.md`;

const RULES: RedlineRuleMeta[] = [
  {
    name: 'no-entity-leak',
    description: 'Disallow sending whole ORM records in a response',
    url: docs('no-entity-leak'),
    category: 'entity-leak',
    cwe: ['CWE-213'],
    recommended: 'recommended',
    severity: 'error',
    requiresTypeChecking: false,
  },
  {
    name: 'no-hardcoded-secret',
    description: 'Disallow credentials written into the code',
    url: docs('no-hardcoded-secret'),
    category: 'hardcoded-secret',
    cwe: ['CWE-798'],
    recommended: 'recommended',
    severity: 'error',
    requiresTypeChecking: false,
  },
  {
    name: 'no-internal-id-exposure',
    description: 'Disallow internal ids in responses',
    url: docs('no-internal-id-exposure'),
    category: 'internal-id-exposure',
    cwe: ['CWE-200'],
    recommended: 'recommended',
    severity: 'warning',
    requiresTypeChecking: false,
  },
  {
    name: 'no-secret-logging',
    description: 'Disallow writing secrets to logs',
    url: docs('no-secret-logging'),
    category: 'secret-logging',
    cwe: ['CWE-532'],
    recommended: 'recommended',
    severity: 'error',
    requiresTypeChecking: false,
  },
  {
    name: 'no-unbounded-retry',
    description: 'Disallow retries without a bound on attempts',
    url: docs('no-unbounded-retry'),
    category: 'unbounded-retry',
    cwe: ['CWE-835'],
    recommended: 'recommended',
    severity: 'error',
    requiresTypeChecking: false,
  },
];

const ROUTES = `import { prisma } from '../db';
const STRIPE_KEY = 'sk_live_51HxQpLmTuvWxyzSecret';

router.post('/login', async (req, res) => {
  logger.info({ password: req.body.password, note: 'pw hunter2' });
  const user = await prisma.user.findUnique({ where: { id: req.body.id } });
  // eslint-disable-next-line redline/no-entity-leak
  res.json({ user, _id: user._id });
});
`;

const JOBS = `export async function notify(job: Job): Promise<void> {
  while (true) {
    try {
      await send(job);
      return;
    } catch {
      // try again, 50% of the time it works
    }
  }
}
`;

/**
 * The fixed report behind every reporter's golden file: two files, findings
 * of both severities, secrets in the flagged code (which no output may
 * show), a multi-line finding, a cross-file one, a parse error, an
 * unexplained disable and baselined findings.
 */
export const REPORT_FIXTURE: ScanReport = {
  toolVersion: '0.1.0',
  rules: RULES,
  findings: [
    {
      ruleId: 'redline/no-unbounded-retry',
      category: 'unbounded-retry',
      severity: 'error',
      file: 'src/jobs/notify.ts',
      line: 2,
      column: 3,
      endLine: 9,
      endColumn: 4,
      message: '`while (true)` retries until the call succeeds; count the attempts and stop at a maximum, with backoff.',
      fingerprint: '0d7d2b6a4c1f4e38a1b2c3d4e5f60718',
    },
    {
      ruleId: 'redline/no-hardcoded-secret',
      category: 'hardcoded-secret',
      severity: 'error',
      file: 'src/routes/users.ts',
      line: 2,
      column: 20,
      endLine: 2,
      endColumn: 50,
      message: 'A live credential is written into the code as `STRIPE_KEY`; read it from the environment or a secret store.',
      fingerprint: '1a2b3c4d5e6f708192a3b4c5d6e7f801',
    },
    {
      ruleId: 'redline/no-secret-logging',
      category: 'secret-logging',
      severity: 'error',
      file: 'src/routes/users.ts',
      line: 5,
      column: 3,
      endLine: 5,
      endColumn: 68,
      message: '`password` is written to the log by `logger.info`; log a user id instead, or redact it.',
      fingerprint: '2b3c4d5e6f708192a3b4c5d6e7f80912',
    },
    {
      ruleId: 'redline/no-internal-id-exposure',
      category: 'internal-id-exposure',
      severity: 'warning',
      file: 'src/routes/users.ts',
      line: 8,
      column: 21,
      endLine: 8,
      endColumn: 34,
      message: 'The Mongo `_id` is sent to the client; send a public id instead.',
      fingerprint: '3c4d5e6f708192a3b4c5d6e7f8091223',
      relatedLocations: [
        {
          file: 'src/models/user.ts',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 20,
          message: 'the `_id` column is declared here',
        },
      ],
    },
  ],
  notices: [
    {
      kind: 'parse-error',
      severity: 'error',
      file: 'src/legacy/broken.ts',
      line: 3,
      column: 7,
      message: 'Parsing error: Variable declaration expected.',
    },
    {
      kind: 'unexplained-disable',
      severity: 'warning',
      file: 'src/routes/users.ts',
      line: 7,
      column: 3,
      message: 'This eslint-disable comment silences redline rules without a reason; add one after ` -- `.',
    },
  ],
  summary: { files: 12, findings: 4, durationMs: 812, baselined: 2 },
  sources: {
    'src/jobs/notify.ts': JOBS,
    'src/legacy/broken.ts': 'export const a = 1;\n\nconst = ;\n',
    'src/routes/users.ts': ROUTES,
  },
};

/** The secret values in the fixture's sources: no output may contain any of them. */
export const FIXTURE_SECRETS = ['sk_live_51HxQpLmTuvWxyzSecret', 'hunter2'];

/** A clean report: no findings, no notices. */
export const CLEAN_REPORT_FIXTURE: ScanReport = {
  toolVersion: '0.1.0',
  rules: RULES,
  findings: [],
  notices: [],
  summary: { files: 3, findings: 0, durationMs: 40, baselined: 0 },
  sources: {},
};
