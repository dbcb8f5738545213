import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

const ruleTester = createRuleTester();
const filename = 'src/services/sync.ts';

const IMMEDIATE = 'immediateRetry';

ruleTester.run('require-retry-backoff', rule, {
  valid: [
    // Polling for something to appear: the loop goes round because the lookup found nothing yet.
    `export async function waitForUser(email: string) {
  for (let i = 0; i < 10; i++) {
    const user = await models.user().loadByEmail(email);
    if (user) return user;
    await msleep(1000);
  }
  return null;
}
export async function resolveSentMessage(provider: Provider, threadId: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const ids = await provider.getSentMessageIds({ threadId });
      const match = ids.find((id) => id.startsWith(threadId));
      if (match) return match;
    } catch (error) {
      logger.warn('lookup failed', { error });
    }
    await sleep(500);
  }
  return undefined;
}`,
    // The \`try\` fails on local work (a cached value that does not parse): the cache is rebuilt and read again,
    // and no wait would make the parse succeed.
    `export class SettingsService {
  async getSettings(retriesLeft = 2): Promise<Settings> {
    await this.ensureLoaded();
    const cached = await this.cache.get('settings');
    try {
      return JSON.parse(cached) as Settings;
    } catch (error) {
      await this.ensureLoaded(true);
      if (retriesLeft > 0) return this.getSettings(retriesLeft - 1);
      throw error;
    }
  }
}`,
    // A project's own pause helper named timer.
    `async function runStreamedUpload(func: () => Promise<unknown>, totalRetries = 0): Promise<unknown> {
  try {
    return await func();
  } catch (err) {
    if (totalRetries >= 3) throw err;
    await timer(5000);
    return runStreamedUpload(func, totalRetries + 1);
  }
}`,
    // Stats the parent folder after ENOENT: a walk up the tree, not a retry of the same call.
    `async function statFile(filename: string, dirStatLimit = 3): Promise<[Date | null, boolean]> {
  if (dirStatLimit < 1) return [null, false];
  try {
    const stats = await fs.stat(filename);
    return [stats.mtime, stats.isFile()];
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes(err.code)) {
      const [date] = await statFile(path.dirname(filename), dirStatLimit - 1);
      return [date, false];
    }
    throw err;
  }
}`,
    // walking a list: the next item is processed after a success as after a failure, nothing is repeated
    `async function zip(keys: string[]) {
  const processNextFile = async (index: number) => {
    if (index >= keys.length) return;
    const key = keys[index];
    try {
      const response = await s3.send(new GetObjectCommand({ Key: key }));
      add(key, response.Body);
      processNextFile(index + 1);
    } catch (error) {
      logger.error(error);
      processNextFile(index + 1);
    }
  };
  processNextFile(0);
}`,
    // A batch loop that moves past a failed batch (the catch advances the cursor too): no batch is sent twice.
    {
      filename,
      code: `export async function upload(api: { post(url: string, body: unknown[]): Promise<void> }, list: unknown[]) {
  let sent = 0;
  let failures = 0;
  while (sent < list.length) {
    const batch = list.slice(sent, sent + 100);
    try {
      await api.post('/import', batch);
    } catch (err) {
      failures++;
      if (failures > 10) break;
    }
    sent += batch.length;
  }
}`,
    },
    // The same retry of a failed batch, after a growing pause.
    {
      filename,
      code: `export async function upload(api: { post(url: string, body: unknown[]): Promise<void> }, list: unknown[]) {
  let sent = 0;
  let failures = 0;
  while (true) {
    const batch = list.slice(sent, sent + 100);
    if (batch.length === 0) break;
    try {
      await api.post('/import', batch);
      sent += batch.length;
    } catch (err) {
      failures++;
      if (failures > 10) break;
      await sleep(2 ** failures * 200);
    }
  }
}`,
    },
    // A search for a free name changes the query each pass: probing, not retrying.
    `async function createFolder(name: string) {
  let folderName = name;
  let path = '/' + name;
  const MAX_RETRIES = 50;
  for (let counter = 1; counter <= MAX_RETRIES; counter++) {
    const existing = await prisma.folder.findUnique({ where: { path } });
    if (!existing) break;
    folderName = name + ' (' + counter + ')';
    path = '/' + folderName;
  }
  return folderName;
}`,
    // Exponential backoff on the attempt number.
    {
      filename,
      code: `
        export async function getRates() {
          for (let attempt = 0; attempt < 5; attempt++) {
            try {
              return await fetch('https://api.example.com/rates');
            } catch (err) {
              await sleep(2 ** attempt * 200);
            }
          }
          throw new Error('rates unavailable');
        }`,
    },
    // Linear growth via Math.pow-free multiplication, inside a promise executor.
    {
      filename,
      code: `
        export async function connect(db: { connect(): Promise<void> }) {
          let attempt = 0;
          while (attempt < 3) {
            try { await db.connect(); return; } catch { attempt++; await new Promise((r) => setTimeout(r, 1000 * attempt)); }
          }
        }`,
    },
    // Jitter.
    {
      filename,
      code: `
        export async function send(queue: { publish(m: string): Promise<void> }, m: string) {
          for (let i = 0; i < 4; i++) {
            try { await queue.publish(m); break; } catch { await delay(300 + Math.random() * 700); }
          }
        }`,
    },
    // A delay variable doubled each time.
    {
      filename,
      code: `
        export async function post(url: string) {
          let wait = 200;
          for (let attempt = 1; attempt <= 5; attempt++) {
            try { return await fetch(url, { method: 'POST' }); } catch { await sleep(wait); wait *= 2; }
          }
        }`,
    },
    // A constant delay of a second or more is accepted.
    {
      filename,
      code: `
        export async function ping(url: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try { return await fetch(url); } catch { await sleep(2000); }
          }
        }`,
    },
    // The server's Retry-After is honoured.
    {
      filename,
      code: `
        export async function call(url: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            const res = await fetch(url);
            if (res.ok) return res;
            const retryAfter = Number(res.headers.get('retry-after') ?? 1);
            await sleep(retryAfter * 1000);
          }
        }`,
    },
    // A delay computed by a helper: not visible here.
    {
      filename,
      code: `
        export async function call(url: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try { return await fetch(url); } catch { await sleep(backoffFor(attempt)); }
          }
        }`,
    },
    // A page loop: the counter is an argument, not an attempt number.
    {
      filename,
      code: `
        export async function allPages(api: { page(n: number): Promise<{ last: boolean }> }) {
          for (let page = 0; page < 50; page++) {
            const res = await api.page(page);
            if (res.last) break;
          }
        }`,
    },
    // Iterating items by index.
    {
      filename,
      code: `
        export async function first(urls: string[]) {
          for (let i = 0; i < urls.length; i++) {
            try { return await fetch(urls[i]!); } catch { /* next */ }
          }
        }`,
    },
    // A unique-key collision retried with a fresh random code.
    {
      filename,
      code: `
        import { nanoid } from 'nanoid';
        export async function createInvite(prisma: any) {
          for (let attempt = 0; attempt < 5; attempt++) {
            try { return await prisma.invite.create({ data: { code: nanoid(8) } }); } catch (e: any) { if (e.code !== 'P2002') throw e; }
          }
        }`,
    },
    // An optimistic-lock conflict is retried at once on purpose.
    {
      filename,
      code: `
        export async function bump(repo: any, id: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try { return await repo.increment(id); } catch (e) { if (!(e instanceof OptimisticLockVersionMismatchError)) throw e; }
          }
        }`,
    },
    // An unbounded loop is no-unbounded-retry's finding, not this rule's.
    {
      filename,
      code: `
        export async function forever(url: string) {
          while (true) {
            try { return await fetch(url); } catch { /* again */ }
          }
        }`,
    },
    // Recursion that doubles its delay parameter.
    {
      filename,
      code: `
        export async function fetchWithRetry(url: string, retries = 3, wait = 500): Promise<Response> {
          try {
            return await fetch(url);
          } catch (err) {
            if (retries <= 0) throw err;
            await sleep(wait);
            return fetchWithRetry(url, retries - 1, wait * 2);
          }
        }`,
    },
    // Following redirects by hand: it goes round again on a 3xx answer (a success) and returns every other one.
    {
      filename,
      code: `
        export async function fetchFollowing(url: string, maxHops = 5) {
          let target = url;
          for (let hop = 0; hop <= maxHops; hop++) {
            const checked = await checkHost(target);
            const res = await fetch(checked, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
            if (!isRedirect(res.status)) return res;
            const next = res.headers.get('Location');
            if (!next) return res;
            target = new URL(next, checked).toString();
          }
          throw new Error('too many redirects');
        }`,
    },
    // Without a redirect-named counter or a manual redirect: the Location header says what the loop follows.
    {
      filename,
      code: `
        export async function resolveShortLink(url: string) {
          let current = url;
          for (let step = 0; step < 10; step++) {
            const target = new URL(current, 'https://sho.rt');
            const res = await fetch(target, { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
            if (res.ok) return target.href;
            current = res.headers.get('location') ?? current;
          }
          return current;
        }`,
    },
    // A status passed to a helper that does not say what it checks: no failure path to retry on.
    {
      filename,
      code: `
        export async function settle(api: { poll(): Promise<{ status: number }> }) {
          for (let round = 0; round < 3; round++) {
            const res = await api.poll();
            if (isFinal(res.status)) return res;
          }
        }`,
    },
    // A catch that always rethrows ends the loop on failure: nothing is retried.
    {
      filename,
      code: `
        export async function upload(parts: Blob, client: { put(b: Blob): Promise<{ more: boolean }> }) {
          for (let round = 0; round < 3; round++) {
            try {
              const res = await client.put(parts);
              if (!res.more) return res;
            } catch (error) {
              throw new Error('upload failed', { cause: error });
            }
          }
        }`,
    },
    // p-retry with its default exponential backoff.
    { filename, code: `import pRetry from 'p-retry'; export const run = () => pRetry(() => fetch('https://x.example.com'), { retries: 5 });` },
    // axios-retry with exponential delay.
    { filename, code: `import axios from 'axios'; import axiosRetry from 'axios-retry'; axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });` },
    // RxJS retry with a growing delay.
    { filename, code: `import { retry, timer } from 'rxjs'; export const op = retry({ count: 3, delay: (_e, n) => timer(2 ** n * 200) });` },
    // Test files are skipped.
    {
      filename: 'src/sync.test.ts',
      code: `for (let attempt = 0; attempt < 3; attempt++) { try { await fetch('https://x.example.com'); break; } catch {} }`,
    },
    // A timer that aborts the request is not a pause between attempts, but a 2 s pause follows.
    {
      filename,
      code: `
        export async function call(url: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            const controller = new AbortController();
            setTimeout(() => controller.abort(), 500);
            try { return await fetch(url, { signal: controller.signal }); } catch { await sleep(2_000); }
          }
        }`,
    },
  ],
  invalid: [
    // A read retried on failure, not a poll: it leaves as soon as the call succeeds.
    {
      code: `export async function loadProfile(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await api.getUserProfile(id);
    } catch (error) {
      await sleep(100);
    }
  }
  throw new Error('unreachable');
}`,
      errors: [{ messageId: 'constantDelay', line: 2 }],
    },
    {
      // A batch upload whose cursor moves on only when the post succeeded: a failed batch is posted again at once.
      filename,
      code: `export async function upload(api: { post(url: string, body: unknown[]): Promise<void> }, list: unknown[]) {
  let sent = 0;
  let failures = 0;
  while (true) {
    const batch = list.slice(sent, sent + 100);
    if (batch.length === 0) break;
    try {
      await api.post('/import', batch);
      sent += batch.length;
    } catch (err) {
      failures++;
      if (failures > 10) break;
    }
  }
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: 'This `while` loop', call: 'api.post' }, line: 4, column: 3, endLine: 4, endColumn: 15 }],
    },
    {
      // Immediate retry in a for loop.
      filename,
      code: `export async function getRates() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://api.example.com/rates');
    } catch (err) {
      console.warn('attempt failed', attempt);
    }
  }
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: 'This `for` loop', call: 'fetch' }, line: 2, column: 3, endLine: 2, endColumn: 48 }],
    },
    {
      // A constant 100 ms pause; while loop with a decrementing counter.
      filename,
      code: `export async function publish(channel: { sendToQueue(q: string, b: Buffer): Promise<void> }, body: Buffer) {
  let retries = 3;
  while (retries-- > 0) {
    try {
      await channel.sendToQueue('jobs', body);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}`,
      errors: [{ messageId: 'constantDelay', data: { retry: 'This `while` loop', call: 'channel.sendToQueue', delay: '100' }, line: 3, column: 3, endLine: 3, endColumn: 24 }],
    },
    {
      // A constant delay held in a const; axios call; `as` and non-null.
      filename,
      code: `import axios from 'axios';
const RETRY_DELAY_MS = 500;
export async function charge(id: string) {
  for (let i = 1; i <= 5; i++) {
    try {
      return (await axios.post(\`https://pay.example.com/charges/\${id!}\`, {}, { timeout: 5000 })) as unknown;
    } catch (error) {
      if (i === 5) throw error;
      await sleep(RETRY_DELAY_MS);
    }
  }
}`,
      errors: [{ messageId: 'constantDelay', data: { retry: 'This `for` loop', call: 'axios.post', delay: '500' }, line: 4, column: 3, endLine: 4, endColumn: 31 }],
    },
    {
      // while (true) bounded by a counter check inside.
      filename,
      code: `export async function query(pool: any, sql: string) {
  let attempt = 0;
  while (true) {
    try {
      return await pool.query(sql);
    } catch (err) {
      attempt += 1;
      if (attempt >= 3) throw err;
    }
  }
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: 'This `while` loop', call: 'pool.query'}, line: 3, column: 3, endLine: 3, endColumn: 15 }],
    },
    {
      // Status-based retry without try/catch.
      filename,
      code: `export async function getUser(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(\`https://users.example.com/\${id}\`);
    if (res.ok) return res.json();
  }
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: 'This `for` loop', call: 'fetch' }, line: 2, column: 3, endLine: 2, endColumn: 48 }],
    },
    {
      // A failure branch that goes round again (5xx or 429), after a constant 100 ms.
      filename,
      code: `export async function getQuote(symbol: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(3_000) });
    if (res.status === 429 || res.status >= 500) {
      await sleep(100);
      continue;
    }
    return res.json();
  }
}`,
      errors: [{ messageId: 'constantDelay', data: { retry: 'This `for` loop', call: 'fetch', delay: '100' }, line: 2, column: 3, endLine: 2, endColumn: 48 }],
    },
    {
      // The closest shape to a redirect loop that is a retry: `!res.ok` goes round again, nothing reads a Location.
      filename,
      code: `export async function download(url: string) {
  for (let attempt = 0; attempt <= 5; attempt++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) continue;
    return res.arrayBuffer();
  }
  throw new Error('download failed');
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: 'This `for` loop', call: 'fetch' }, line: 2, column: 3, endLine: 2, endColumn: 49 }],
    },
    {
      // A helper that says it checks for success: the loop goes round again only on failure.
      filename,
      code: `export async function ping(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    if (isSuccessful(res.status)) return true;
  }
  return false;
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: 'This `for` loop', call: 'fetch' }, line: 2, column: 3, endLine: 2, endColumn: 48 }],
    },
    {
      // do…while.
      filename,
      code: `export async function save(model: any, doc: object) {
  let tries = 0;
  do {
    try { return await model.create(doc); } catch { tries++; }
  } while (tries < 3);
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: 'This `do…while` loop', call: 'model.create' }, line: 3, column: 3, endLine: 3, endColumn: 5 }],
    },
    {
      // Recursion with a counter and no pause.
      filename,
      code: `export async function fetchWithRetry(url: string, retries = 3): Promise<Response> {
  try {
    return await fetch(url);
  } catch (err) {
    if (retries <= 0) throw err;
    return fetchWithRetry(url, retries - 1);
  }
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: '`fetchWithRetry`', call: 'fetch' }, line: 6, column: 12, endLine: 6, endColumn: 44 }],
    },
    {
      // The call that failed is the one in the \`try\`, not the first awaited in the function.
      filename,
      code: `export async function pushReport(report: Report, retries = 3): Promise<void> {
  const client = await getClient();
  try {
    await client.upload(report);
  } catch (err) {
    if (retries <= 0) throw err;
    return pushReport(report, retries - 1);
  }
}`,
      errors: [{ messageId: IMMEDIATE, data: { retry: '`pushReport`', call: 'client.upload' }, line: 7, column: 12, endLine: 7, endColumn: 43 }],
    },
    {
      // Recursion through a method, a constant 200 ms sleep.
      filename,
      code: `export class Mailer {
  async send(mail: object, attempt = 1): Promise<void> {
    try {
      await this.transport.sendMail(mail);
    } catch (e) {
      if (attempt >= 3) throw e;
      await this.sleep(200);
      await this.send(mail, attempt + 1);
    }
  }
}`,
      errors: [{ messageId: 'constantDelay', data: { retry: '`send`', call: 'this.transport.sendMail', delay: '200' }, line: 8, column: 13, endLine: 8, endColumn: 41 }],
    },
    {
      // Promise-chain recursion.
      filename,
      code: `export const load = (url: string, left = 2): Promise<Response> =>
  fetch(url).catch((err) => (left > 0 ? load(url, left - 1) : Promise.reject(err)));`,
      errors: [{ messageId: IMMEDIATE, data: { retry: '`load`', call: 'fetch' }, line: 2, column: 41, endLine: 2, endColumn: 60 }],
    },
    {
      // axios-retry without retryDelay: its default is no delay.
      filename,
      code: `import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3 });`,
      errors: [
        {
          messageId: 'libraryWithoutDelay',
          data: { call: 'axiosRetry', how: 'with no delay (axios-retry waits 0 ms unless told otherwise)', fix: 'set `retryDelay: axiosRetry.exponentialDelay`' },
          line: 3, column: 1, endLine: 3, endColumn: 34,
        },
      ],
    },
    {
      // CommonJS axios-retry with a constant tiny delay.
      filename,
      code: `const axiosRetry = require('axios-retry').default;\naxiosRetry(client, { retries: 5, retryDelay: () => 100 });`,
      errors: [
        {
          messageId: 'libraryWithoutDelay',
          data: { call: 'axiosRetry', how: 'after a constant tiny delay', fix: 'set `retryDelay: axiosRetry.exponentialDelay`' },
          line: 2, column: 1, endLine: 2, endColumn: 58,
        },
      ],
    },
    {
      // RxJS retry(3) resubscribes at once (NestJS HttpService style); aliased import.
      filename,
      code: `import { retry as retryOp } from 'rxjs';\nexport const get = (http: any) => http.get('https://x.example.com').pipe(retryOp(3));`,
      errors: [
        {
          messageId: 'libraryWithoutDelay',
          data: { call: 'retryOp(3)', how: 'the moment the source errors', fix: 'pass `{ count, delay: (error, attempt) => timer(2 ** attempt * 200) }`' },
          line: 2, column: 74, endLine: 2, endColumn: 84,
        },
      ],
    },
    {
      // p-retry with factor 1 and a tiny minTimeout.
      filename,
      code: `import pRetry from 'p-retry';\nexport const run = () => pRetry(() => fetch('https://x.example.com'), { retries: 5, factor: 1, minTimeout: 100 });`,
      errors: [
        {
          messageId: 'libraryWithoutDelay',
          data: { call: 'pRetry', how: 'every 100 ms (`factor: 1` turns its backoff off)', fix: 'drop `factor: 1` or set `factor: 2`' },
          line: 2, column: 26, endLine: 2, endColumn: 114,
        },
      ],
    },
  ],
});
