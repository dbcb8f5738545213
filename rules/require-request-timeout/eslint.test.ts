import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

const ruleTester = createRuleTester();

// The tester's default file is `react.tsx`, which this rule treats as a browser component.
const filename = 'src/services/client.ts';

const FETCH_FIX = '`signal: AbortSignal.timeout(ms)`';
const AXIOS_FIX = 'a `timeout`';

ruleTester.run('require-request-timeout', rule, {
  valid: [
    // The app calling itself: its own server's address, from the environment or a helper.
    {
      code: `import axios from 'axios';
export async function sendMail(body: unknown) {
  await axios.post(\`\${process.env.SERVER_URL}/functions/sendmailv3\`, body);
  await fetch(\`\${getInternalApiUrl()}/api/jobs\`, { method: 'POST', body: JSON.stringify(body) });
  await fetch(serverUrl + '/health');
}`,
      filename: 'src/server/mail.ts',
    },
    // An undici dispatcher (an \`Agent\` with \`headersTimeout\`/\`bodyTimeout\`) carries the request's timeouts.
    { filename, code: `export const ingest = (url: string, body: string) => fetch(url, { method: 'POST', body, dispatcher: new Agent({ headersTimeout: 600_000 }) });` },
    // AbortSignal.timeout bounds the request.
    { code: `export async function getRate() { return fetch('https://api.example.com/rate', { signal: AbortSignal.timeout(5000) }); }`, filename },
    // A signal from a controller aborted by a timer.
    {
      filename,
      code: `
        export async function load(url: string) {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 3000);
          try { return await fetch(url, { signal: controller.signal }); } finally { clearTimeout(timer); }
        }`,
    },
    // Options held in a const that carries the signal.
    { code: `const init = { method: 'POST', signal: AbortSignal.timeout(2000) }; export const ping = (url: string) => fetch(url, init);`, filename },
    // Options passed in by the caller: not visible here, so stay quiet.
    { code: `export const get = (url: string, init: RequestInit) => fetch(url, init);`, filename },
    // A spread may carry the signal.
    { code: `export const get = (url: string, base: RequestInit) => fetch(url, { ...base, method: 'GET' });`, filename },
    // A Request object may carry its own signal.
    { code: `export const forward = (request: Request) => fetch(request);`, filename },
    // A local fetch that is not the network one.
    { code: `import fetch from './http/fetch'; export const load = () => fetch('https://api.example.com/x');`, filename },
    // A method named fetch on some object (a cache, a store).
    { code: `export const load = (cache: { fetch(key: string): unknown }) => cache.fetch('website:1');`, filename },
    // Calls to this machine.
    { code: `export const health = () => fetch('http://localhost:3000/health');`, filename },
    // A relative URL: only a browser can fetch it.
    { code: `export const me = () => fetch('/api/me');`, filename },
    // A client component is not server code.
    { code: `'use client';\nexport async function save() { await fetch('https://api.example.com/save', { method: 'POST' }); }`, filename },
    // A .tsx component.
    { code: `export function Button() { return <button onClick={() => fetch('https://api.example.com/x')} />; }`, filename: 'src/components/Button.tsx' },
    // A file that imports React.
    { code: `import { useEffect } from 'react'; export function useData() { useEffect(() => { void fetch('https://api.example.com/x'); }, []); }`, filename },
    // A file that reads browser globals.
    { code: `export const track = () => fetch('https://t.example.com/e', { method: 'POST', body: window.location.href });`, filename },
    // Browser-only fetch options.
    { code: `export const me = (url: string) => fetch(url, { credentials: 'include' });`, filename },
    // Test files are skipped by default.
    { code: `it('works', async () => { await fetch('https://api.example.com/x'); });`, filename: 'src/api.test.ts' },
    // Build scripts are skipped.
    { code: `await fetch('https://geo.example.com/db.tar.gz');`, filename: 'scripts/build-geo.ts' },
    // Seeds, CLIs and integration suites serve no request either.
    { code: `await fetch('https://api.example.com/users');`, filename: 'prisma/seed.ts' },
    { code: `export const pull = () => fetch('https://api.example.com/export');`, filename: 'packages/cli/src/pull.ts' },
    { code: `export const call = (base: string) => fetch(\`\${base}/api/orders\`);`, filename: 'integration-tests/helpers/api.ts' },
    // A Create React App service module: the bundler inlines the variable into browser code.
    { code: `export const list = () => fetch(\`\${process.env.REACT_APP_API_URL}/orders\`);`, filename: 'src/services/orders.js' },
    // A script the app serves from public/.
    { code: `fetch('https://api.example.com/cart').then((r) => r.json());`, filename: 'public/js/cart.js' },
    // axios with a timeout.
    { code: `import axios from 'axios'; export const get = () => axios.get('https://api.example.com', { timeout: 5000 });`, filename },
    // axios.post: the config is the third argument.
    { code: `import axios from 'axios'; export const post = (body: unknown) => axios.post('https://api.example.com', body, { timeout: 5000 });`, filename },
    // axios with a file-wide default.
    { code: `import axios from 'axios'; axios.defaults.timeout = 10_000; export const get = () => axios.get('https://api.example.com');`, filename },
    // An axios instance with a timeout.
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: 'https://api.example.com', timeout: 8000 }); export const get = () => api.get('/users');`, filename },
    // An instance given a default timeout after creation.
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: 'https://x' }); api.defaults.timeout = 5000; export const get = () => api.get('/y');`, filename },
    // An instance imported from another file: unknown here.
    { code: `import api from './lib/api'; export const get = () => api.get('/users');`, filename },
    // An instance config built elsewhere.
    { code: `import axios from 'axios'; import { httpConfig } from './config'; export const api = axios.create(httpConfig);`, filename },
    // got with a timeout.
    { code: `import got from 'got'; export const get = () => got('https://api.example.com', { timeout: { request: 5000 } }).json();`, filename },
    // got.extend with a timeout.
    { code: `import got from 'got'; const client = got.extend({ prefixUrl: 'https://x', timeout: { request: 3000 } }); export const get = () => client.get('y');`, filename },
    // ky has a 10 s default timeout.
    { code: `import ky from 'ky'; export const get = () => ky.get('https://api.example.com').json();`, filename },
    // undici with headersTimeout.
    { code: `import { request } from 'undici'; export const get = () => request('https://api.example.com', { headersTimeout: 5000 });`, filename },
    // undici's fetch with a signal, through a namespace import.
    { code: `import * as undici from 'undici'; export const get = () => undici.fetch('https://api.example.com', { signal: AbortSignal.timeout(1000) });`, filename },
    // http.get with setTimeout on the request it returns.
    { code: `import https from 'node:https'; export const get = (url: string) => https.get(url, (res) => res.resume()).setTimeout(5000);`, filename },
    // http.request with req.setTimeout later in the function.
    {
      filename,
      code: `
        import http from 'http';
        export function post(url: string) {
          const req = http.request(url, { method: 'POST' });
          req.setTimeout(5000, () => req.destroy());
          req.end();
        }`,
    },
    // http.request with a timeout option.
    { code: `const https = require('https'); https.request({ host: 'api.example.com', timeout: 5000 }, () => {}).end();`, filename },
    // An options object built elsewhere.
    { code: `import https from 'https'; export const get = (options: https.RequestOptions) => https.get(options);`, filename },
    // node-fetch through require with its own timeout option.
    { code: `const fetch = require('node-fetch'); module.exports = (url) => fetch(url, { timeout: 5000 });`, filename },
    // A local function named fetch shadows the global.
    { code: `function fetch(url: string) { return url; } export const x = fetch('https://api.example.com');`, filename },
  ],
  invalid: [
    {
      // A `public` module of the API's routes is server code, not a served script.
      filename: 'src/routes/public/rates.js',
      code: `export const rates = () => fetch('https://api.example.com/rates');`,
      errors: [
        {
          messageId: 'missingFetchTimeout',
          line: 1,
          column: 28,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `export const rates = () => fetch('https://api.example.com/rates', { signal: AbortSignal.timeout(10_000) });`,
            },
          ],
        },
      ],
    },
    {
      filename,
      code: `export async function getRate() {\n  return fetch('https://api.example.com/rate');\n}`,
      errors: [
        {
          messageId: 'missingFetchTimeout',
          data: { call: 'fetch', fix: FETCH_FIX },
          line: 2, column: 10, endLine: 2, endColumn: 47,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `export async function getRate() {\n  return fetch('https://api.example.com/rate', { signal: AbortSignal.timeout(10_000) });\n}`,
            },
          ],
        },
      ],
    },
    {
      filename,
      // Options object without a signal; await, `as` and a non-null assertion around it.
      code: `export const post = async (url: string, body: object) => (await fetch(url!, { method: 'POST', body: JSON.stringify(body) } as RequestInit)).json();`,
      errors: [
        {
          messageId: 'missingFetchTimeout',
          data: { call: 'fetch', fix: FETCH_FIX },
          line: 1, column: 65, endLine: 1, endColumn: 139,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `export const post = async (url: string, body: object) => (await fetch(url!, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) } as RequestInit)).json();`,
            },
          ],
        },
      ],
    },
    {
      filename,
      // An empty options object; globalThis.fetch.
      code: `export const get = (url: string) => globalThis.fetch(url, {});`,
      errors: [
        {
          messageId: 'missingFetchTimeout',
          data: { call: 'globalThis.fetch', fix: FETCH_FIX },
          line: 1, column: 37, endLine: 1, endColumn: 62,
          suggestions: [{ messageId: 'addSignal', output: `export const get = (url: string) => globalThis.fetch(url, { signal: AbortSignal.timeout(10_000) });` }],
        },
      ],
    },
    {
      filename,
      // node-fetch, aliased named import from undici.
      code: `import { fetch as undiciFetch } from 'undici';\nexport const get = (endpoint: string) => undiciFetch(endpoint);`,
      errors: [
        {
          messageId: 'missingFetchTimeout',
          data: { call: 'undiciFetch', fix: FETCH_FIX },
          line: 2, column: 42, endLine: 2, endColumn: 63,
          suggestions: [{ messageId: 'addSignal', output: `import { fetch as undiciFetch } from 'undici';\nexport const get = (endpoint: string) => undiciFetch(endpoint, { signal: AbortSignal.timeout(10_000) });` }],
        },
      ],
    },
    {
      filename,
      // Dynamic import of node-fetch.
      code: `export async function send(url: string) {\n  const { default: fetch } = await import('node-fetch');\n  await fetch(url, { method: 'post' });\n}`,
      errors: [
        {
          // node-fetch has no default timeout at all.
          messageId: 'missingTimeout',
          data: { call: 'fetch', fix: FETCH_FIX },
          line: 3, column: 9, endLine: 3, endColumn: 39,
          suggestions: [{ messageId: 'addSignal', output: `export async function send(url: string) {\n  const { default: fetch } = await import('node-fetch');\n  await fetch(url, { method: 'post', signal: AbortSignal.timeout(10_000) });\n}` }],
        },
      ],
    },
    {
      filename,
      // axios.get with no config.
      code: `import axios from 'axios';\nexport const getUser = (id: string) => axios.get(\`https://api.example.com/users/\${id}\`);`,
      errors: [{ messageId: 'missingTimeout', data: { call: 'axios.get', fix: AXIOS_FIX }, line: 2, column: 40, endLine: 2, endColumn: 88 }],
    },
    {
      filename,
      // axios.post with a config that has headers but no timeout; CommonJS require.
      code: `const axios = require('axios');\nmodule.exports = (body) => axios.post('https://hooks.example.com', body, { headers: { 'x-key': 'k' } });`,
      errors: [{ messageId: 'missingTimeout', data: { call: 'axios.post', fix: AXIOS_FIX }, line: 2, column: 28, endLine: 2, endColumn: 104 }],
    },
    {
      filename,
      // axios called as a function with a config object.
      code: `import axios from 'axios';\nexport const run = () => axios({ method: 'get', url: 'https://api.example.com' });`,
      errors: [{ messageId: 'missingTimeout', data: { call: 'axios', fix: AXIOS_FIX }, line: 2, column: 26, endLine: 2, endColumn: 82 }],
    },
    {
      filename,
      // An instance without a timeout is reported once, where it is created.
      code: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com' });\nexport const list = () => api.get('/users');\nexport const one = (id: string) => api.get(\`/users/\${id}\`);`,
      errors: [{ messageId: 'clientWithoutTimeout', data: { call: 'axios.create' }, line: 2, column: 13, endLine: 2, endColumn: 65 }],
    },
    {
      filename,
      // An instance on a class field (NestJS service style).
      code: `import axios from 'axios';\nexport class GithubService {\n  private readonly http = axios.create({ baseURL: 'https://api.github.com' });\n  repos() { return this.http.get('/repos'); }\n}`,
      errors: [{ messageId: 'clientWithoutTimeout', data: { call: 'axios.create' }, line: 3, column: 27, endLine: 3, endColumn: 78 }],
    },
    {
      filename,
      // timeout: 0 turns axios's timeout off.
      code: `import axios from 'axios';\nexport const get = () => axios.get('https://api.example.com', { timeout: 0 });`,
      errors: [{ messageId: 'timeoutDisabled', data: { call: 'axios.get', value: '0' }, line: 2, column: 26, endLine: 2, endColumn: 78 }],
    },
    {
      filename,
      // got with no options; parentheses around the callee.
      code: `import got from 'got';\nexport const get = () => (got)('https://api.example.com').json();`,
      errors: [{ messageId: 'missingTimeout', data: { call: 'got', fix: AXIOS_FIX }, line: 2, column: 26, endLine: 2, endColumn: 58 }],
    },
    {
      filename,
      // got.post with options but no timeout.
      code: `import got from 'got';\nexport const post = (json: object) => got.post('https://api.example.com', { json });`,
      errors: [{ messageId: 'missingTimeout', data: { call: 'got.post', fix: AXIOS_FIX }, line: 2, column: 39, endLine: 2, endColumn: 84 }],
    },
    {
      filename,
      // ky with its timeout turned off.
      code: `import ky from 'ky';\nexport const get = () => ky.get('https://api.example.com', { timeout: false });`,
      errors: [{ messageId: 'timeoutDisabled', data: { call: 'ky.get', value: 'false' }, line: 2, column: 26, endLine: 2, endColumn: 79 }],
    },
    {
      filename,
      // undici request with no timeouts.
      code: `import { request } from 'undici';\nexport const get = () => request('https://api.example.com', { method: 'GET' });`,
      errors: [{ messageId: 'missingTimeout', data: { call: 'request', fix: '`headersTimeout`/`bodyTimeout` or a `signal`' }, line: 2, column: 26, endLine: 2, endColumn: 79 }],
    },
    {
      filename,
      // https.get with a callback and nothing else.
      code: `import https from 'node:https';\nexport const download = (url: string) => new Promise((resolve) => https.get(url, (res) => resolve(res)));`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { call: 'https.get', fix: 'a `timeout` option or call `req.setTimeout(ms, …)`' },
          line: 2, column: 67, endLine: 2, endColumn: 104,
        },
      ],
    },
    {
      filename,
      // Named http.request import with an options object.
      code: `import { request } from 'http';\nconst req = request({ host: 'api.example.com', path: '/x', method: 'POST' });\nreq.end();`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { call: 'request', fix: 'a `timeout` option or call `req.setTimeout(ms, …)`' },
          line: 2, column: 13, endLine: 2, endColumn: 77,
        },
      ],
    },
    {
      filename,
      // Optional chaining and satisfies on the options.
      code: `export const get = (url?: string) => fetch(url ?? 'https://api.example.com', { headers: {} } satisfies RequestInit)?.then((r) => r.json());`,
      errors: [
        {
          messageId: 'missingFetchTimeout',
          data: { call: 'fetch', fix: FETCH_FIX },
          line: 1, column: 38, endLine: 1, endColumn: 116,
          suggestions: [{ messageId: 'addSignal', output: `export const get = (url?: string) => fetch(url ?? 'https://api.example.com', { headers: {}, signal: AbortSignal.timeout(10_000) } satisfies RequestInit)?.then((r) => r.json());` }],
        },
      ],
    },
  ],
});

describe('require-request-timeout in a command-line package', () => {
  const root = mkdtempSync(join(tmpdir(), 'redline-timeout-cli-'));
  mkdirSync(join(root, 'acme/src'), { recursive: true });
  mkdirSync(join(root, 'api/src'), { recursive: true });
  writeFileSync(join(root, 'acme/package.json'), JSON.stringify({ bin: { acme: './dist/index.js' }, dependencies: { commander: '^12' } }));
  writeFileSync(join(root, 'api/package.json'), JSON.stringify({ bin: { acme: './dist/server.js' }, dependencies: { express: '^5' } }));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const lint = (file: string) =>
    new Linter({ configType: 'flat', cwd: '/' }).verify(`export const pull = () => fetch('https://api.example.com/export');`, [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { redline: { rules: { rule } } as never }, rules: { 'redline/rule': 'error' } },
    ], join(root, file));

  it('skips a tool that ships a bin and no server', () => {
    expect(lint('acme/src/pull.ts')).toEqual([]);
  });
  it('checks a server package even when it ships a bin', () => {
    expect(lint('api/src/export.ts').map((message) => [message.ruleId, message.line])).toEqual([['redline/rule', 1]]);
  });
});
