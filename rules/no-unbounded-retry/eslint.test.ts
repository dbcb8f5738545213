import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unbounded-retry', rule, {
  valid: [
    // A reconnect after a delay when the connection closes: the client's reconnect policy.
    `
function connect() {
  const socket = new WebSocket(url);
  socket.on('close', () => setTimeout(connect, 1000));
}`,
    // A stream that ends is done, not failed: \`next\` walks a queue.
    `
function next() {
  const item = queue.shift();
  fs.createReadStream(item).on('end', next);
}`,
    // The toast's Retry button calls the upload again: one retry per click, not a loop.
    {
      code: `export function ReceiptButton({ file }) {
  const upload = async () => {
    try {
      await uploadToS3(file);
    } catch (err) {
      toast({ title: 'Upload failed', action: <ToastAction altText="Retry" onClick={() => upload()}>Retry</ToastAction> });
    }
  };
  return <button onClick={upload}>Scan receipt</button>;
}`,
      filename: 'src/components/receipt-button.tsx',
    },
    // Another machine claimed the spec first: try the next unclaimed one; every other error is thrown.
    `async function getNextTask(params) {
  const spec = await getFirstUnclaimedSpec(params.runId);
  if (!spec) return null;
  try { await setSpecClaimed(params.runId, spec); return spec; } catch (error) {
    if (error.code === CLAIM_FAILED) return await getNextTask(params);
    throw error;
  }
}`,
    // A search for a free name: only a duplicate key goes round; anything else (the database down) is thrown.
    `async function claimUsername(base) {
  for (let appendNumber = 0; ; appendNumber += 1) {
    const candidate = appendNumber === 0 ? base : base + appendNumber;
    if (await isTaken(candidate)) continue;
    try { await claim(candidate); return candidate; } catch (error) { if (!isDuplicateKeyError(error)) throw error; }
  }
}`,
    // A periodic job re-schedules itself after the work is done too: the failure path's re-schedule is its next turn.
    `function clearExpiredMessages() {
  gcLock.acquireLock('gc', 60000, (err, lock) => {
    if (err) { gcTimeout = setTimeout(clearExpiredMessages, GC_INTERVAL); return; }
    purge(() => gcLock.releaseLock(lock, () => { gcTimeout = setTimeout(clearExpiredMessages, GC_INTERVAL); }));
  });
}`,
    // A failure skips to the cursor's next document; the cursor ends.
    `function deleteOrphaned(cursor, callback) {
  const processNext = () => {
    cursor.next((err, attachment) => {
      if (err || !attachment) return callback(err);
      files.deleteOne({ _id: attachment._id }, (err) => {
        if (err) return processNext();
        processNext();
      });
    });
  };
  processNext();
}`,
    // Up the path to the root: each call has another input.
    `function realPath(p) {
  return fs.realpathAsync(p).catch(() => realPath(path.dirname(p)).then((dir) => path.join(dir, path.basename(p))));
}`,
    // Optimistic concurrency: on a lost race, fetch the current version and apply the change again.
    `class App {
  async updateAccount(transform: (account: Account) => Promise<void>) {
    let account = this.account.clone();
    await transform(account);
    try {
      account = await this.api.updateAccount(account);
    } catch (e) {
      if (e.code === ErrorCode.OUTDATED_REVISION) {
        await this.fetchAccount();
        await this.updateAccount(transform);
      } else {
        throw e;
      }
    }
  }
}`,
    // The error filter counts its attempts.
    `async function push(redisClient, data) {
  let attempts = 0;
  do {
    try {
      return await redisClient.xadd('notifications', '*', 'data', JSON.stringify(data));
    } catch (e) {
      if (e instanceof ReplyError && ++attempts < 5) continue;
      throw e;
    }
  } while (true);
}`,
    // A test harness waiting for the server it started: its runner's timeout bounds it.
    {
      code: `export async function waitForServer() {
  while (true) {
    try {
      await curl('GET', 'api/ping');
      break;
    } catch {
      await sleep(0.5);
    }
  }
}`,
      filename: 'packages/backend/test-server/wait.ts',
    },
    // Waits out a rate limit while paging: it stops when the pages run out.
    `export async function fetchAll(client: Client) {
  const items = [];
  let cursor: string | undefined;
  for (;;) {
    const res = await client.get('/items', { params: { cursor } });
    if (res.status === 429) {
      await sleep(1000);
      continue;
    }
    items.push(...res.data.items);
    cursor = res.data.next;
    if (!cursor) break;
  }
  return items;
}`,
    // a retry after a unique-key collision, with a fresh random key each time; any other failure stops
    `class MockServers {
  async create(user, input) {
    try {
      const subdomain = randomBytes(10).toString('base64url').substring(0, 13);
      return await prisma.mockServer.create({ data: { ...input, subdomain, userId: user.id } });
    } catch (e) {
      if (e.code === UNIQUE_CONSTRAINT_VIOLATION) return this.create(user, input);
      return { error: 'MOCK_SERVER_CREATION_FAILED' };
    }
  }
}`,
    // A retry helper given a count and a long delay: a large number by position may be milliseconds.
    `await withRetry(() => syncInventory(), 3, 100000);`,
    // Infinity handed to a helper that does not say it retries.
    `setTimeoutSafe(refresh, Infinity);`,
    // A local variable named Infinity is not the global.
    `const Infinity = 3; await withRetry(run, Infinity);`,
    // A for loop whose test compares the counter with a maximum.
    `
async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch { await sleep(100 * 2 ** attempt); }
  }
  throw new Error('gave up');
}`,
    // while (true) with a counter that is compared before rethrowing.
    `
async function load(url: string) {
  let attempts = 0;
  while (true) {
    try { return await fetch(url); } catch (error) {
      attempts++;
      if (attempts >= 3) throw error;
    }
  }
}`,
    // A deadline from the clock bounds the loop.
    `
async function load(url: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try { return await fetch(url); } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}`,
    // A deadline kept in a variable computed from the clock.
    `
async function load(url: string, started: number) {
  while (true) {
    const elapsed = Date.now() - started;
    if (elapsed > 10_000) throw new Error('timeout');
    try { return await fetch(url); } catch {}
  }
}`,
    // An abort signal ends the loop.
    `
async function load(url: string, signal: AbortSignal) {
  while (true) {
    try { return await fetch(url); } catch (e) { if (signal.aborted) throw e; }
  }
}`,
    // A worker loop: it never leaves on success, it takes the next job each turn.
    `
async function work(queue: Queue) {
  while (true) {
    try { const job = await queue.next(); await handle(job); } catch (error) { console.error(error); }
  }
}`,
    // Pagination: progress each turn, leaves when there is no next page.
    `
async function all() {
  let cursor: string | undefined;
  while (true) {
    const page = await list(cursor);
    if (!page.next) break;
    cursor = page.next;
  }
}`,
    // Batch drain: the exit in the try block is a batch-size check, not success of one call.
    `
async function drain() {
  while (true) {
    try { const n = await processBatch(); if (n < 100) break; } catch { await skipBatch(); }
  }
}`,
    // Polling a job status until it completes is not a retry of a failing call.
    `
async function waitFor(id: string) {
  while (true) {
    const job = await getJob(id);
    if (job.state === 'done') return job;
    await sleep(1000);
  }
}`,
    // A server accept loop.
    `
async function serve(listener: AsyncIterable<Conn>) {
  for await (const conn of listener) { void handle(conn); }
}`,
    // A stop flag that only shutdown sets is a worker loop.
    `
class Poller {
  running = true;
  async run() {
    while (this.running) {
      try { await this.tick(); } catch (error) { console.error(error); }
    }
  }
}`,
    // The catch always rethrows: no retry at all.
    `
async function once(url: string) {
  while (true) {
    try { return await fetch(url); } catch (error) { console.error(error); throw error; }
  }
}`,
    // Recursion with a retries parameter that counts down and is checked.
    `
async function send(body: unknown, retries = 3): Promise<void> {
  try { await post(body); } catch (error) {
    if (retries <= 0) throw error;
    return send(body, retries - 1);
  }
}`,
    // Recursion with attempt + 1 compared against a maximum, through an options object.
    `
async function send(body: unknown, opts: { attempt: number }): Promise<void> {
  try { await post(body); } catch (error) {
    if (opts.attempt >= 5) throw error;
    return send(body, { attempt: opts.attempt + 1 });
  }
}`,
    // A reconnect guarded by a counter on the class.
    `
class Db {
  private retries = 0;
  connect = () => {
    mongoose.connect(uri).catch(() => {
      this.retries++;
      if (this.retries < 10) setTimeout(this.connect, 1000);
    });
  };
}`,
    // A poller that re-schedules itself after success as well.
    `
async function poll() {
  try { await tick(); setTimeout(poll, 1000); } catch { setTimeout(poll, 5000); }
}`,
    // Periodic refresh from finally: not a retry on failure.
    `
function refresh() {
  load().catch(console.error).finally(() => setTimeout(refresh, 60_000));
}`,
    // setTimeout polling that is not on a failure path.
    `
function tick() {
  doWork();
  setTimeout(tick, 1000);
}`,
    // Library defaults are bounded.
    `
import pRetry from 'p-retry';
await pRetry(() => fetch(url));`,
    // A finite retry count.
    `
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3 });`,
    // forever: true outside a retry library call is someone else's option.
    `
const cache = { forever: true };
setCache(cache);`,
    // forever: true given to a function that is not from a retry library.
    `
import { schedule } from './scheduler';
schedule(job, { forever: true });`,
    // ioredis maxRetriesPerRequest: null is required by BullMQ and is not a job retry count.
    `
import IORedis from 'ioredis';
const redis = new IORedis(url, { maxRetriesPerRequest: null });`,
    // A socket's reconnect settings: staying connected is the design.
    `
const socket = new ReconnectingWebSocket(url, [], { maxRetries: Infinity, minReconnectionDelay: 500 });`,
    // A large but finite count below the attemptLimit option.
    `
queue.add('sync', data, { attempts: 50 });`,
    // A local variable named Infinity is not the global.
    `
function f(Infinity: number) { return { retries: Infinity }; }`,
    // Recursion not on a failure path (tree walk).
    `
function visit(node: Node): void {
  for (const child of node.children) visit(child);
}`,
    // The call in the try block is the attempt, not the retry.
    `
async function load(): Promise<void> {
  try { await load(); } catch (error) { console.error(error); }
}`,
    // With attemptLimit raised, 20000 is a finite count.
    {
      code: `queue.add('sync', data, { attempts: 20_000 });`,
      options: [{ attemptLimit: 100_000, retryLibraries: [], attemptOptions: [] }],
    },
  ],
  invalid: [
    {
      // The function handed over as its own listener: every disconnect reconnects at once, and adds its listeners again.
      code: `
function connect() {
  mongoose.connection.on('error', console.log).on('disconnected', connect).once('open', listen);
  return mongoose.connect(config.db);
}`,
      errors: [{ messageId: 'unboundedRecursion', data: { name: 'connect' }, line: 3 }],
    },
    {
      // An immediate reconnect when the connection ends.
      code: `
function connectToBroker() {
  client = net.connect(port, host);
  client.on('end', () => connectToBroker());
}`,
      errors: [{ messageId: 'unboundedRecursion', data: { name: 'connectToBroker' }, line: 4 }],
    },
    // The same input again, and a timer that re-schedules only on failure.
    {
      code: `function send(p) { return post(p).catch(() => send(p)); }
function connect() { client.connect((err) => { if (err) { setTimeout(connect, 1000); return; } ready(); }); }`,
      errors: [{ messageId: 'unboundedRecursion', line: 1 }, { messageId: 'unboundedTimer', line: 2 }],
    },
    // An error-type filter is no bound: on a ReplyError the loop goes round at once, forever.
    {
      code: `async function push(redisClient, data) {
  let redisId;
  do {
    const notification = { id: genId(), ...data };
    try {
      redisId = await redisClient.xadd('notifications', '*', 'data', JSON.stringify(notification));
    } catch (e) {
      if (e instanceof ReplyError) continue;
      throw e;
    }
    break;
  } while (true);
  return redisId;
}`,
      errors: [{ messageId: 'unboundedLoop', line: 3 }],
    },
    // Goes round again for as long as the server answers "try later", and recurses on a 503 with nothing to stop it.
    {
      code: `export async function pollJob(client: Client, id: string) {
  for (;;) {
    const res = await client.get(\`/jobs/\${id}\`);
    if (res.status === 429 || res.status >= 500) {
      await sleep(1000);
      continue;
    }
    return res.data;
  }
}
export async function send(url: string, body: string): Promise<Response> {
  const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if (res.status === 503) {
    await sleep(1000);
    return send(url, body);
  }
  return res;
}`,
      errors: [{ messageId: 'unboundedLoop', line: 2 }, { messageId: 'unboundedRecursion', line: 15 }],
    },
    {
      // while (true) whose catch only counts the failures.
      code: `
async function load(url: string) {
  let attempts = 0;
  while (true) {
    try { return await fetch(url); } catch { attempts++; await sleep(1000); }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', data: { loop: 'while (true)' }, line: 4, column: 3, endLine: 4, endColumn: 15 }],
    },
    {
      // for (;;) with break on success; the catch only filters the error.
      code: `
async function connect() {
  for (;;) {
    try { await db.connect(); break; } catch (err: any) {
      if (err.code !== 'ECONNREFUSED') throw err;
      await sleep(500);
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', data: { loop: 'for (;;)' }, line: 3, column: 3, endLine: 3, endColumn: 11 }],
    },
    {
      // A flag loop: only success sets the flag.
      code: `
async function connect() {
  let connected = false;
  while (!connected) {
    try { await sequelize.authenticate(); connected = true; } catch (e) { console.error(e); }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', data: { loop: 'while (!connected)' }, line: 4, column: 3, endLine: 4, endColumn: 21 }],
    },
    {
      // do … while with the result of the call as the flag.
      code: `
async function token() {
  let value: string | undefined;
  do {
    try { value = await requestToken(); } catch { await sleep(100); }
  } while (!value);
  return value;
}`,
      errors: [{ messageId: 'unboundedLoop', data: { loop: 'do … while (!value)' }, line: 4, column: 3, endLine: 4, endColumn: 5 }],
    },
    {
      // A for loop whose counter is never compared.
      code: `
async function push(data: unknown) {
  for (let attempt = 1; ; attempt++) {
    try { await send(data); return; } catch { await sleep(attempt * 100); }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', data: { loop: 'for (let attempt = 1; ; attempt++)' }, line: 3, column: 3, endLine: 3, endColumn: 37 }],
    },
    {
      // Comparing against Infinity is no bound.
      code: `
async function lock() {
  for (let i = 0; i < Number.POSITIVE_INFINITY; i++) {
    try { return await acquire(); } catch {}
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          data: { loop: 'for (let i = 0; i < Number.POSITIVE_INFINITY; i++)' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 53,
        },
      ],
    },
    {
      // No try: the loop leaves only when the response is ok (optional chaining, non-null assertion).
      code: `
async function rates() {
  while (true) {
    const res = await fetch(url)!;
    if (res?.ok) return res.json();
    await sleep(2000);
  }
}`,
      errors: [{ messageId: 'unboundedLoop', data: { loop: 'while (true)' }, line: 3, column: 3, endLine: 3, endColumn: 15 }],
    },
    {
      // .catch that re-schedules the function forever (CommonJS).
      code: `
const mongoose = require('mongoose');
const connectWithRetry = () => {
  mongoose.connect(uri).catch((err) => {
    console.error(err);
    setTimeout(connectWithRetry, 5000);
  });
};`,
      errors: [
        {
          messageId: 'unboundedTimer',
          data: { name: 'connectWithRetry', timer: 'setTimeout' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 39,
        },
      ],
    },
    {
      // catch { return send(x) }: recursion with the same arguments.
      code: `
async function send(x: Payload): Promise<void> {
  try { await post(x); } catch {
    await sleep(1000);
    return send(x);
  }
}`,
      errors: [{ messageId: 'unboundedRecursion', data: { name: 'send' }, line: 5, column: 12, endLine: 5, endColumn: 19 }],
    },
    {
      // An attempt number that is passed on but never compared.
      code: `
const connect = async (attempt = 0): Promise<void> => {
  try { await client.connect(); } catch (error) {
    logger.warn({ error, attempt });
    await connect(attempt + 1);
  }
};`,
      errors: [{ messageId: 'unboundedRecursion', data: { name: 'connect' }, line: 5, column: 11, endLine: 5, endColumn: 31 }],
    },
    {
      // A class method through this, inside a timer callback.
      code: `
class Service {
  connect(): void {
    this.client.connect().catch(() => setTimeout(() => this.connect(), 1000));
  }
}`,
      errors: [{ messageId: 'unboundedTimer', data: { name: 'this.connect', timer: 'setTimeout' }, line: 4, column: 56, endLine: 4, endColumn: 70 }],
    },
    {
      // The else branch of a success check recurses.
      code: `
async function fetchRetry(...args: Parameters<typeof fetch>): Promise<Response> {
  const response = await fetch(...args).catch(() => undefined);
  if (response?.ok) {
    return response;
  } else {
    return fetchRetry(...args);
  }
}`,
      errors: [{ messageId: 'unboundedRecursion', data: { name: 'fetchRetry' }, line: 7, column: 12, endLine: 7, endColumn: 31 }],
    },
    {
      // An error-first callback that re-schedules on error.
      code: `
function start() {
  server.listen(port, (err) => {
    if (err) setTimeout(start, 1000);
  });
}`,
      errors: [{ messageId: 'unboundedTimer', data: { name: 'start', timer: 'setTimeout' }, line: 4, column: 14, endLine: 4, endColumn: 37 }],
    },
    {
      // p-retry told to retry forever through an aliased import.
      code: `
import { default as retryCall } from 'p-retry';
await retryCall(() => charge(), { forever: true, minTimeout: 1000 });`,
      errors: [{ messageId: 'unboundedOption', data: { option: 'forever', value: 'true' }, line: 3, column: 35, endLine: 3, endColumn: 48 }],
    },
    {
      // The project's own retry helper told by position to never stop.
      code: `
import { withRetry } from '../lib/retry';
await withRetry(() => syncInventory(), Infinity, 500);`,
      errors: [{ messageId: 'unboundedArgument', data: { callee: 'withRetry', value: 'Infinity' }, line: 3, column: 40, endLine: 3, endColumn: 48 }],
    },
    {
      // Through a const, on a method.
      code: `
const FOREVER = Number.MAX_SAFE_INTEGER;
await this.jobs.retryOperation(job, FOREVER);`,
      errors: [{ messageId: 'unboundedArgument', data: { callee: 'retryOperation', value: 'FOREVER' }, line: 3, column: 37, endLine: 3, endColumn: 44 }],
    },
    {
      // async-retry via require, options in a const.
      code: `
const retry = require('async-retry');
const options = { forever: true };
await retry(() => work(), options);`,
      errors: [{ messageId: 'unboundedOption', data: { option: 'forever', value: 'true' }, line: 3, column: 19, endLine: 3, endColumn: 32 }],
    },
    {
      // retries: Infinity with `as` and `satisfies`.
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retries: Infinity as number } satisfies IAxiosRetryConfig);`,
      errors: [{ messageId: 'unboundedOption', data: { option: 'retries', value: 'Infinity as number' }, line: 3, column: 22, endLine: 3, endColumn: 49 }],
    },
    {
      // got: retry.limit set to infinity.
      code: `
import got from 'got';
const client = got.extend({ retry: { limit: Infinity } });`,
      errors: [{ messageId: 'unboundedOption', data: { option: 'limit', value: 'Infinity' }, line: 3, column: 38, endLine: 3, endColumn: 53 }],
    },
    {
      // BullMQ job options: attempts from a const, computed key.
      code: `
const FOREVER = Number.MAX_SAFE_INTEGER;
await queue.add('email', data, { ['attempts']: FOREVER });`,
      errors: [{ messageId: 'unboundedOption', data: { option: 'attempts', value: 'FOREVER' }, line: 3, column: 34, endLine: 3, endColumn: 55 }],
    },
    {
      // A default of Infinity unless someone configures it.
      code: `
const client = new OpenAI({ maxRetries: config.maxRetries ?? Infinity });`,
      errors: [
        { messageId: 'unboundedOption', data: { option: 'maxRetries', value: 'config.maxRetries ?? Infinity' }, line: 2, column: 29, endLine: 2, endColumn: 70 },
      ],
    },
    {
      // "Effectively forever" counts.
      code: `
queue.add('sync', data, { attempts: 999999, backoff: 1000 });`,
      errors: [{ messageId: 'unboundedOption', data: { option: 'attempts', value: '999999' }, line: 2, column: 27, endLine: 2, endColumn: 43 }],
    },
    {
      // A team's own option name.
      code: `
withRetry(task, { maxTries: Infinity });`,
      options: [{ attemptLimit: 10_000, retryLibraries: [], attemptOptions: ['maxTries'] }],
      errors: [{ messageId: 'unboundedOption', data: { option: 'maxTries', value: 'Infinity' }, line: 2, column: 19, endLine: 2, endColumn: 37 }],
    },
    {
      // A team's own retry package that accepts forever.
      code: `
import { retrying } from '@acme/retry';
await retrying(task, { forever: true });`,
      options: [{ attemptLimit: 10_000, retryLibraries: ['@acme/retry'], attemptOptions: [] }],
      errors: [{ messageId: 'unboundedOption', data: { option: 'forever', value: 'true' }, line: 3, column: 24, endLine: 3, endColumn: 37 }],
    },
    {
      // A labelled loop left by break on success, inside a generic function with parentheses.
      code: `
async function first<T>(hosts: string[]): Promise<T> {
  let result: T | undefined;
  outer: while ((true)) {
    for (const host of hosts) {
      try { result = (await connect<T>(host)); break outer; } catch {}
    }
  }
  return result!;
}`,
      errors: [{ messageId: 'unboundedLoop', data: { loop: 'while ((true))' }, line: 4, column: 10, endLine: 4, endColumn: 24 }],
    },
  ],
});
