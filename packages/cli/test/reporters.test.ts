import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Finding } from '@redline/core';
import { REPORTERS, FORMAT_NAMES } from '../src/reporters/index.js';
import { ANNOTATIONS_PER_LEVEL, escapeData, escapeProperty } from '../src/reporters/github.js';
import { maskStringLiterals } from '../src/reporters/mask-secrets.js';
import type { ScanReport } from '../src/report.js';
import { CLEAN_REPORT_FIXTURE, FIXTURE_SECRETS, REPORT_FIXTURE } from './helpers/report-fixture.js';
import { fromRepo } from './helpers/paths.js';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS whose module.exports is the class itself.
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const EXTENSIONS = { pretty: 'txt', json: 'json', sarif: 'sarif', github: 'txt', markdown: 'md' } as const;
const golden = (name: string) => fromRepo(`fixtures/reports/${name}`);

// 25 findings in one file: past GitHub's 10 annotations per level and Markdown's 20 visible rows.
const MANY_FINDINGS_REPORT: ScanReport = {
  ...REPORT_FIXTURE,
  notices: [],
  summary: { files: 1, findings: 25, durationMs: 100, baselined: 0 },
  findings: Array.from({ length: 25 }, (_, index): Finding => ({
    ruleId: index % 5 === 0 ? 'redline/no-internal-id-exposure' : 'redline/no-unbounded-retry',
    category: index % 5 === 0 ? 'internal-id-exposure' : 'unbounded-retry',
    severity: index % 5 === 0 ? 'warning' : 'error',
    file: 'src/jobs/many.ts',
    line: index + 1,
    column: 1,
    endLine: index + 1,
    endColumn: 12,
    message: `Finding number ${index + 1}.`,
    fingerprint: index.toString(16).padStart(32, '0'),
  })),
  sources: { 'src/jobs/many.ts': Array.from({ length: 25 }, (_, index) => `while(true) { /* ${index + 1} */ }`).join('\n') },
};

describe('reporters: golden files on a fixed findings set', () => {
  for (const format of FORMAT_NAMES) {
    it(`${format}: findings`, async () => {
      const output = REPORTERS[format](REPORT_FIXTURE, { color: false });
      await expect(output).toMatchFileSnapshot(golden(`findings.${format}.${EXTENSIONS[format]}`));
    });
    it(`${format}: clean`, async () => {
      const output = REPORTERS[format](CLEAN_REPORT_FIXTURE, { color: false });
      await expect(output).toMatchFileSnapshot(golden(`clean.${format}.${EXTENSIONS[format]}`));
    });
    it(`${format}: never contains a reported secret's value`, () => {
      const output = REPORTERS[format](REPORT_FIXTURE, { color: true });
      for (const secret of FIXTURE_SECRETS) expect(output).not.toContain(secret);
    });
    it(`${format}: same report, same bytes`, () => {
      const reversed = { ...REPORT_FIXTURE, findings: [...REPORT_FIXTURE.findings] };
      expect(REPORTERS[format](reversed, { color: false })).toBe(REPORTERS[format](REPORT_FIXTURE, { color: false }));
    });
  }

  it('pretty: colours only when asked', () => {
    expect(REPORTERS.pretty(REPORT_FIXTURE, { color: false })).not.toContain('\x1b[');
    expect(REPORTERS.pretty(REPORT_FIXTURE, { color: true })).toContain('\x1b[31m');
  });

  it('pretty and markdown: a cross-file finding shows the other places it involves', () => {
    expect(REPORTERS.pretty(REPORT_FIXTURE, { color: false })).toContain('    ↳ src/models/user.ts:4:3  the `_id` column is declared here');
    expect(REPORTERS.markdown(REPORT_FIXTURE, { color: false })).toContain('\n  - `src/models/user.ts:4`: the `_id` column is declared here');
  });

  it('github: ten annotations per level, then one notice with the rest', async () => {
    const output = REPORTERS.github(MANY_FINDINGS_REPORT, { color: false });
    await expect(output).toMatchFileSnapshot(golden('many.github.txt'));
    const lines = output.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error ')).length).toBe(ANNOTATIONS_PER_LEVEL);
    expect(lines.filter((line) => line.startsWith('::warning ')).length).toBe(5);
    expect(lines.at(-1)).toBe(
      '::notice title=redline::10 more errors not shown as annotations (GitHub shows 10 per level); see the SARIF or Markdown report for all 25.',
    );
  });

  it('github: escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('markdown: the first 20 findings listed, the rest collapsed, links when a base is given', async () => {
    const output = REPORTERS.markdown(MANY_FINDINGS_REPORT, { color: false, sourceLinkBase: 'https://github.com/o/r/blob/abc/' });
    await expect(output).toMatchFileSnapshot(golden('many.markdown.md'));
    const [visible, collapsed] = output.split('<details>');
    expect(visible!.match(/^- /gm)).toHaveLength(20);
    expect(collapsed!.match(/^- /gm)).toHaveLength(5);
    expect(output).toContain('[`src/jobs/many.ts:1`](https://github.com/o/r/blob/abc/src/jobs/many.ts#L1)');
  });
});

describe('SARIF output', () => {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's language-tag pattern is not valid with the `u` flag that ajv uses by default.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv as never);
  const validate = ajv.compile(schema);

  it.each([
    ['findings', REPORT_FIXTURE],
    ['clean', CLEAN_REPORT_FIXTURE],
    ['many', MANY_FINDINGS_REPORT],
  ])('%s: valid against the official SARIF 2.1.0 schema', (_, report) => {
    const log = JSON.parse(REPORTERS.sarif(report, { color: false }));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('what GitHub code scanning needs: relative %SRCROOT% URIs, rule tags, security-severity, fingerprints without lines', () => {
    const log = JSON.parse(REPORTERS.sarif(REPORT_FIXTURE, { color: false }));
    const run = log.runs[0];
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(REPORT_FIXTURE.rules.map((rule) => `redline/${rule.name}`));
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(rule.properties.tags).toContain('security');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
    for (const result of run.results) {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^(file:|\/)/);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints['redlineFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(run.invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: 'error', descriptor: { id: 'parse-error' } });
    expect(run.results[3].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('src/models/user.ts');
  });

  it('a clean scan has `results: []`', () => {
    expect(JSON.parse(REPORTERS.sarif(CLEAN_REPORT_FIXTURE, { color: false })).runs[0].results).toEqual([]);
  });

  it('snippets of secret findings are masked', () => {
    const run = JSON.parse(REPORTERS.sarif(REPORT_FIXTURE, { color: false })).runs[0];
    expect(run.results[1].locations[0].physicalLocation.region.snippet.text).toBe("const STRIPE_KEY = 'sk_l****';");
  });
});

describe('JSON output', () => {
  const schema = JSON.parse(readFileSync(fromRepo('packages/cli/schema/report.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it.each([
    ['findings', REPORT_FIXTURE],
    ['clean', CLEAN_REPORT_FIXTURE],
  ])('%s: valid against the repo JSON Schema of the contract', (_, report) => {
    const output = JSON.parse(REPORTERS.json(report, { color: false }));
    expect(validate(output), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the clean output is exactly the contract: version, findings, summary', () => {
    expect(JSON.parse(REPORTERS.json(CLEAN_REPORT_FIXTURE, { color: false }))).toEqual({
      version: 1,
      findings: [],
      summary: { files: 3, findings: 0, durationMs: 40 },
    });
  });

  it('the schema lists exactly the contract categories', () => {
    expect(schema.definitions.category.enum).toEqual(CATEGORIES.map((category) => category.id));
  });
});

describe('maskStringLiterals', () => {
  it.each([
    [`const key = 'sk_live_abcdefgh';`, `const key = 'sk_l****';`],
    [`log("pw", \`token \${t}\`)`, `log("****", \`to****\`)`],
    [`const s = 'it\\'s secret'`, `const s = 'it\\****'`],
    [`const empty = ''`, `const empty = ''`],
    ['const open = `multi', 'const open = `m****'],
  ])('%s', (line, masked) => {
    expect(maskStringLiterals(line)).toBe(masked);
  });
});
