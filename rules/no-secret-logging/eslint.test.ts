import rule from './eslint.js';
import { createRuleTester } from '../utils/rule-tester.js';

// A server file: the rule leaves browser code (`.tsx` components, RuleTester's default) alone.
const ruleTester = createRuleTester({ defaultFilename: 'src/server.ts' });

ruleTester.run('no-secret-logging', rule, {
    valid: [
    // A function's own \`request\` parameter that is no handler's (a job's request record).
    `function describeJob(request: JobRequest) { logger.info('job', request); }`,
    // A local function that returns a summary without secrets, or a value that is no object.
    `function getServerInfo() { return { port: config.port, version: pkg.version, hostProtected: Boolean(config.host.password) }; }
function countTokens(text) { return text.split(' ').length; }
log.info('Server info', getServerInfo(), countTokens(prompt));`,
    // A message with a token went back earlier: the one logged has none.
    `function authorize(message, callback) {
  if (message && message.accessToken) {
    return ctx.authorization.resolveAccessToken(message.accessToken, callback);
  }
  console.log('Authorization failed for message:', message);
  callback('Authorization failed');
}`,
    // The hook is logged only when it has no token.
    `export async function sendBitbucket(hook, runId) {
  if (!hook.bitbucketToken) { getLogger().warn({ ...hook, runId }, 'No token, ignoring hook'); return; }
  await axios.post(hook.url, {}, { headers: { Authorization: \`Bearer \${hook.bitbucketToken}\` }, timeout: 5000 });
}`,
    // The copy's password is masked before it is written.
    `mongoose.set('debug', (collection, method, query) => {
  const newQuery = clone(query);
  if (newQuery.password) { newQuery.password = '******'; }
  logger.info([collection, method, JSON.stringify(newQuery)].join(' '));
});`,
    // Each case handles another message: the one with a password is not the one logged.
    `socket.on('roomAction', (data) => {
  switch (data.action) {
    case 'lock': room.lock(data.password); break;
    case 'isBanned': log.debug('The user has been banned', data); break;
  }
});`,
    // The request's own catch keeps its error: the outer catch sees another.
    `import axios from 'axios';
export async function isRoomAllowed(roomId: string, apiSecret: string) {
  try {
    const config = await loadConfig();
    try {
      await axios.post(config.url, { room: roomId, api_secret_key: apiSecret }, { timeout: 5000 });
    } catch (error) {
      log.error('AXIOS failed', error.message);
      return false;
    }
    return true;
  } catch (error) {
    log.error('isRoomAllowed - Unexpected error', error);
  }
}`,
    // A function-style controller action whose route is registered elsewhere: a provider's event.
    { code: `export async function stripeWebhook(req, res) {
  try { await handleStripeEvent(req.body); res.sendStatus(200); } catch (error) { logger.error(\`stripe/webhook: \${error.message}\`, { body: req.body }); res.sendStatus(400); }
}`, filename: 'server/controllers/webhooks.ts' },
    // A lock's token says who holds it.
    `class RedisService { async releaseLock(key: string, token: string) { if (await this.client.eval(script, 1, key, token)) this.logger.debug(\`Lock released: key=\${key}, token=\${token}\`); } }`,
    // A lock's owner marker: which process took it, and when.
    `async function acquireLock(key) { const token = \`\${process.pid}-\${Date.now()}\`; if (await redis.set(key, token, 'NX')) logger.log(\`Lock acquired: key=\${key}, token=\${token}\`); return token; }`,
    // An enum's label names a kind of secret.
    `logger.info('issuing', TokenType.ACCESS_TOKEN, RedisInstanceType.SESSION);`,
    // A provider's webhook event holds the event, not a credential.
    { code: `export async function plaidWebhook(req, res) {
  try { await handlePlaidEvent(req.body); res.sendStatus(200); } catch (error) { logger.error(\`plaid/webhook: \${error.message}\`, { body: req.body }); res.sendStatus(500); }
}
router.post('/webhooks/plaid', plaidWebhook);`, filename: 'server/controllers/webhooks.ts' },
    // Only in development and end-to-end test runs.
    `function sendOtp(email, otp) { if (config.env === 'development' || process.env.E2E_TEST) logger.info(\`OTP Code for \${email}: \${otp}\`); }`,
    // An ACME challenge token is public: Let's Encrypt fetches it over plain HTTP.
    `server.get('/.well-known/acme-challenge/:token', async (req, res) => {
  const token = req.params.token;
  const challenge = await acmeChallenge.get({ token });
  if (!challenge) log.error('ACME', \`Unknown challenge: \${token}\`);
  res.send(challenge.keyAuthorization);
});`,
    // A controller's action whose route is registered elsewhere: the fields it reads off the body are no credential.
    {
      code: `class AuthorController {
  async update(req, res) {
    const { name, description } = req.body;
    if (!name && !description) { Logger.error('[AuthorController] Invalid request payload', req.body); return res.status(400).end(); }
  }
  async checkPathExists(req, res) {
    const { directory, folderPath } = req.body;
    if (!directory) { Logger.error(\`Invalid request body: \${JSON.stringify(req.body)}\`); return res.status(400).end(); }
  }
}`,
      filename: 'server/controllers/AuthorController.js',
    },
    // A parameter defaulting to \`false\` is a flag, and \`!!x\` is a boolean.
    `function handleLoginSuccess(req, res, returnTokens = false) { const user = req.user; Logger.debug(\`returnTokens: \${returnTokens}, hasRefresh: \${!!user.refreshToken}\`); }`,
    // SASL PLAIN: the decoded token splits into authzid, username and password; the username is no secret.
    `function authenticatePlain(connection, token) {
  const data = Buffer.from(token, 'base64').toString().split('\\x00');
  const username = (data[1] || '').toString().trim();
  const user = data[1] || data[0] || '';
  const password = data[2];
  connection.logger.info({ tnx: 'auth', username, user }, 'Authentication failed for %s', username);
  return connection.login({ username, password });
}`,
    // Two functions' \`options\` are two objects: the constructor's sender config holds a secret, the message's sender is an address.
    `class FilterHandler {
  constructor(options) { this.loopSecret = options.sender.loopSecret; }
  storeMessage(userData, options) {
    const sender = options.sender || '';
    logger.info('Filter', 'Stored message from %s', sender);
  }
}`,
    // A URL with nothing secret in it.
    `import axios from 'axios';
export async function item(itemId: string) {
  const url = \`https://api.example.com/items/\${itemId}\`;
  try {
    return (await axios.get(url, { params: { page: 1, expand: itemId }, timeout: 5000 })).data;
  } catch (e) {
    logger.error(e);
  }
}`,
    // Bodies with no credential in them: a GET's, a department form's, a profile update that reads no secret.
    `router.get('/:departmentid', async (req, res) => { winston.debug(req.body); res.json(await Department.findById(req.params.departmentid)); });
router.post('/departments', async (req, res) => { winston.debug('create department', req.body); res.json(await Department.create({ name: req.body.name })); });
router.put('/users/:id', async (req, res) => { winston.debug('update profile', req.body); res.json(await User.updateOne({ _id: req.params.id }, { firstname: req.body.firstname })); });
router.post('/tags', createTag);
async function createTag(req, res) { winston.debug('create tag', req.body); res.json(await Tag.create({ name: req.body.name })); }`,
    // Read from a masked copy of the settings.
    `const obfuscatedConfig = this.envConfig.getObfuscatedValues();
logger.debug(\`connecting to \${obfuscatedConfig.MONGO_URL}...\`);
logger.debug(\`redis at \${obfuscatedConfig.REDIS_PASSWORD}\`);`,
    // A table of message texts: the sentence about missing credentials is no credential.
    `for (const provider of providers) {
  if (!provider.apiKey) logger.warn(warningMessages.missingCredentials, { provider: provider.name });
}`,
    // A domain's log kept in the database: \`moderationLogService.log\` inserts a row, it is no logger.
    `export class UserSuspendService {
  async suspend(user: User, moderator: User) {
    await this.moderationLogService.log(moderator, 'suspend', { userId: user.id, password: user.password });
  }
}`,
    // The message of a request error, an error of a request that sent no secret, fetch's errors (no request config).
    `import axios from 'axios';
export async function sync(token: string) {
  try {
    await axios.get('https://api.vercel.com/v9/projects', { headers: { Authorization: \`Bearer \${token}\` } });
  } catch (err) {
    logger.error(err.message);
  }
  try {
    await axios.get('https://api.example.com/status', { params: { page: 2 } });
  } catch (err) {
    logger.error(err);
  }
  try {
    await fetch('https://api.example.com/x', { headers: { Authorization: \`Bearer \${token}\` } });
  } catch (err) {
    logger.error(err);
  }
}`,
    // A known code made unique with a random suffix, a coupon's token, a channel selector: no credentials.
    `const nextCode = \`\${code}\${nanoid(2)}\`;
console.warn(\`Discount code "\${code}" exists. Retrying with "\${nextCode}".\`);
console.error(\`Link not found for coupon \${coupon.token}\`);
Logger.info(\`Creating payment for channel \${ctx.channel.token}\`);`,
    // On the failed branch the body is the provider's error, whatever the success path reads off it.
    `export async function refresh(refreshToken: string) {
  const response = await fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({ refresh_token: refreshToken }) });
  const newToken = await response.json();
  if (!response.ok) {
    console.error('token refresh failed', newToken);
    return null;
  }
  return newToken.access_token;
}`,
    // A command-line tool prints the password it generated to whoever runs it.
    { code: `winston.info(\`User created. Generated password: \${password}\`);`, filename: 'src/cli/user.js' },
      // a command-line script prints what it made to the terminal of whoever runs it
      { code: `const client = await createClient(); const clientSecret = client.secret; console.log(\`Client secret: \${clientSecret}\`);`, filename: 'apps/api/scripts/test-manage-api.ts' },
      // a count of tokens, not a token
      `async function purge(tokens) { let removedTokens = 0; for (const token of tokens) { await remove(token); removedTokens++; } logger.log(\`\${removedTokens} tokens purged\`); }`,
      // accessors whose names only contain `log`
      `export function f(req) { catalog().update({ body: req.body }); blog().info(req.body); }`,
      // a string literal that only mentions the word
      `console.log('Password reset email sent');`,
      // a literal message about an expired token
      `logger.warn('token expired');`,
      // logging an id
      `function f(req) { logger.info({ userId: req.user.id }); }`,
      // logging an error object
      `try { run(); } catch (err) { logger.error(err); }`,
      // a count whose name contains token
      `const tokenCount = countTokens(text); console.log(tokenCount);`,
      // an LLM limit
      `const maxTokens = 4096; logger.info({ maxTokens });`,
      // a boolean flag about the password
      `function f(user) { const hasPassword = Boolean(user.passwordHash); logger.info({ hasPassword }); }`,
      // a session id, not the session
      `function f(req) { logger.info('session started', { sessionId: req.session.id }); }`,
      // a non-secret field of the body (emails allowed by default)
      `function f(req) { logger.info('signup', req.body.email); }`,
      // creating a debug instance is not a log call
      `const debug = require('debug')('app:server'); debug('listening on %d', port);`,
      // the debug factory called with a namespace
      `import createDebug from 'debug'; const log = createDebug('app'); log('started');`,
      // a redacted value
      `function f(req) { logger.info({ auth: redact(req.headers.authorization) }); }`,
      // a masked value
      `function f(token: string) { console.log('token', mask(token)); }`,
      // a team redaction helper
      `function f(req) { logger.info(scrubSecrets(req.body)); }`,
      // the password in a connection string swapped for a mask before it is logged, in a const beforehand or in place
      `export function describeTarget(cfg: { connectionString?: string; host: string }) {
  const target = cfg.connectionString ? cfg.connectionString.replace(/:[^/:@]+@/, ':***@') : cfg.host;
  console.log(\`migrating \${target}\`);
  logger.info({ password: cfg.password.replace(/./g, '*') });
}`,
      // a prefix of the key only
      `function f(apiKey: string) { logger.info({ keyPrefix: apiKey.slice(0, 4) }); }`,
      // a secret key with a literal placeholder
      `logger.info({ password: '[REDACTED]', user: 'alice' });`,
      // a secret key with a presence flag
      `function f(token) { logger.debug({ token: token ? 'present' : 'missing' }); }`,
      // the length of a secret
      `function f(password: string) { console.log('password length', password.length); }`,
      // negation of a secret
      `function f(token) { console.log('has token', !!token); }`,
      // whole request body inside a template prints [object Object]
      `function f(req) { console.log(\`body: \${req.body}\`); }`,
      // pino redact covers the logged key
      `import pino from 'pino';
const logger = pino({ redact: ['password', 'req.headers.authorization'] });
function f(password: string) { logger.info({ password }, 'login'); }`,
      // pino redact with paths covers the nested key
      `import pino from 'pino';
const logger = pino({ redact: { paths: ['*.password'], censor: '***' } });
function f(user) { logger.info({ user: { password: user.password } }); }`,
      // pino redact under headers covers the whole headers object
      `const app = Fastify({ logger: { redact: ['headers.authorization', 'headers.cookie'] } });
app.get('/', async (request) => { request.log.info({ headers: request.headers }); });`,
      // a record whose password was deleted first
      `async function f(email) { const user = await User.findOne({ email }); delete user.password; logger.info(user); }`,
      // rest of a destructuring without the password
      `function f(user) { const { password, ...safeUser } = user; logger.info(safeUser); }`,
      // a JSON.stringify with an allow-list replacer
      `function f(req) { console.log(JSON.stringify(req.body, ['email', 'name'])); }`,
      // Object.keys lists names, not values
      `function f(req) { console.log(Object.keys(req.body)); }`,
      // a logger-like object that is not a logger
      `const catalog = loadCatalog(); catalog.info(password);`,
      // a non-log method on a logger
      `logger.child({ password: 'x' });`,
      // a development-only log
      `if (process.env.NODE_ENV === 'development') { console.log('OTP', otp); }`,
      // a development flag
      `function f(verificationCode) { if (env.isDevelopment) { logger.debug(\`code: \${verificationCode}\`); } }`,
      // the else of a production check
      `if (isProduction) { sendSms(otp); } else { console.log('otp', otp); }`,
      // a shadowed console
      `function f(console, password) { console.log(password); }`,
      // a string literal assigned to a secret-named constant
      `const password = 'hunter2'; console.log('demo password', password);`,
      // a boolean-typed parameter
      `function f(token: boolean) { console.log(token); }`,
      // an imported module binding, not a value
      `import session from 'express-session'; console.log(session);`,
      // the session of a cookie object in a template
      `function f(req) { console.log(\`session: \${req.session}\`); }`,
      // a pagination cursor
      `function f(nextPageToken) { logger.info({ nextPageToken }); }`,
      // a test file is skipped
      { code: `console.log(req.headers.authorization);`, filename: 'auth.test.ts' },
      // an allowed name
      { code: `function f(sessionToken) { logger.info({ sessionToken }); }`, options: [{"allowedNames":["sessionToken"]}] },
      // NODE_ENV is not a secret
      `console.log(\`env: \${process.env.NODE_ENV}, port \${process.env.PORT}\`);`,
      // what a Hono auth middleware left on the context is the verified token's claims
      `app.get('/', async (c) => { const jwt = c.get('jwt'); console.log({ jwt }); return c.json([]); });`,
      // a decoded payload is claims, not the token
      `function f(token) { const decoded = jwt.verify(token, key); console.log('decoded', decoded); }`,
      // a user record never seen with a secret field
      `async function f(id) { const user = await prisma.user.findUnique({ where: { id }, select: { id: true, email: true } }); logger.info(user); }`,
      // a query object
      `function f(req) { logger.info('search', req.query); }`,
      // decorators, overloads and JSX do not crash the rule
      { code: `@Injectable() class S { f(a: string): void; f(a: number): void; f(a: any) { this.logger.log('x', a); } }
const el = <div>{token}</div>;`, filename: 'file.tsx', options: [{ checkClientFiles: true }] },
      // LLM tokens counted by a function
      `function f(text: string) { const tokens = countTokens(text); console.log('tokens used', tokens); }`,
      // a template with a masked prefix of a key
      `function f(apiKey: string) { console.log(\`key \${apiKey.substring(0, 4)}…\`); }`,
      // a cookie options object under a secret-looking key
      `logger.info('cookie config', { cookie: { secure: true, httpOnly: true, maxAge: 3600 } });`,
      // an express-session object that the file never fills with a secret
      `app.get('/me', (req, res) => { console.log('session', req.session); res.json({ ok: true }); });`,
      // a NextAuth session with no visible token
      `export async function GET() { const session = await getServerSession(authOptions); console.log('session', session); }`,
      // a stats literal whose token-named key holds a number
      `interface Stats { clients: number; refreshTokens: number }
function m(rows: unknown[]) { const stats: Stats = { clients: 1, refreshTokens: Number(rows.length) }; console.log(\`backfill: \${JSON.stringify(stats)}\`); }`,
      // a declared type whose token-named member is a number
      `interface Usage { model: string; totalTokens: number; refreshTokens: number }
function n(usage: Usage) { logger.info('usage', usage); }`,
      // a created record whose result is shaped by select
      `async function f(email, passwordHash) { const user = await prisma.user.create({ data: { email, passwordHash }, select: { id: true, email: true } }); logger.info('created', user); }`,
      // a service's create: what it stores and returns is in another file (a relation may hold the hash)
      `class AuthService { async register(dto) { const user = await this.userService.create({ email: dto.email, passwordHash: await hash(dto.password) }); this.logger.log(\`created \${JSON.stringify(user)}\`); } }`,
      `async function register(email, passwordHash) { const user = await usersService.create({ email, passwordHash }); logger.info('created', user); }`,
      // a status code is not a one-time code
      `function f(res) { const code = res.statusCode; console.log('status', code); }`,
      // a random code that is not logged
      `function f() { const code = Math.floor(100000 + Math.random() * 900000); logger.info('code generated', { length: String(code).length }); }`,
      // a response object from fetch
      `async function f() { const res = await fetch(url); console.log(await res.json()); }`,
      // next-auth's getToken returns the decoded claims (id, iat, exp), not the bearer token
      { code: `import { getToken } from 'next-auth/jwt';
export default async function handler(req, res) { const token = await getToken({ req }); console.log(token); }`, filename: 'pages/api/v1/billing.ts' },
      // jsonwebtoken's verify returns claims, whatever the variable is called
      `import jwt from 'jsonwebtoken';
function f(header: string) { const token = jwt.verify(header, process.env.JWT_SECRET!); logger.info({ token }); }`,
      // jose: the payload of a verified token, destructured or read after the call
      `import { jwtVerify } from 'jose';
async function f(raw: string, key: Uint8Array) { const { payload: token } = await jwtVerify(raw, key); console.log('token', token); }`,
      `import * as jose from 'jose';
async function f(raw: string, key: Uint8Array) { const accessToken = (await jose.jwtVerify(raw, key)).payload; console.log(accessToken); }`,
      // an app helper's result that the file only reads claims from (\`token.id\`) is the decoded session, not a token string
      `import getTokenFromRequest from '@/lib/api/getTokenFromRequest';
export default async function handler(req, res) { const token = await getTokenFromRequest(req); console.log(token); if (!token?.id) return res.status(401).end(); const user = await prisma.user.findUnique({ where: { id: token.id } }); res.json({ email: user.email }); }`,
      // an environment variable that names headers, not one that holds them
      `console.log('forwarding', process.env.FORWARDED_HEADERS_ENABLED, process.env.TRUST_PROXY_HEADERS_COUNT);`,
      // getters of counts and ids, and a getter that takes an argument
      `class TokenStats { report() { this.logger.log('tokens used: ' + this.getTokenCount()); this.logger.log('key id', this.getApiKeyId()); } }`,
      // the kinds of token a request carried, not their values
      `function logAccess(projectId, tokens) { if (tokens.readOnly || tokens.readAndWrite) logger.info({ projectId, tokens: Object.keys(tokens) }, 'project tokens accessed'); }`,
      // a load-test script's request carries an empty placeholder, no secret
      `import axios from 'axios';
async function sendCrawl(url) {
  try {
    await axios.post(url, { limit: 10 }, { headers: { Authorization: \`Bearer \` }, timeout: 5000 });
  } catch (error) {
    console.error('Error sending crawl:', error);
  }
}`,
      // bunyan and pino serialize the merging object's `req` (method, url, what the team configured)
      `app.use((req, res, next) => { if (!isAllowedOrigin(req)) { logger.warn({ req }, 'blocking cross-origin request'); return res.sendStatus(403); } next(); });`,
      // a Nest JwtService decodes to claims
      `class AuthGuard { async canActivate(raw: string) { const token = await this.jwtService.verifyAsync(raw); this.logger.debug(token); return true; } }`,
      // browser code logs to the user's own devtools console
      { code: `'use client';
export function VerifyEmail({ token }: { token: string }) { console.log(token); return null; }`, filename: 'app/verify/verify-email.ts' },
      { code: `import { useEffect } from 'react';
export default function VerifyEmailPage() { useEffect(() => { const token = new URLSearchParams(location.search).get('token'); console.log(token); }, []); return null; }`, filename: 'pages/auth/verify-email.tsx' },
    ],
    invalid: [
    {
      // The handler takes the room password out of the query it logs whole, through a sanitiser.
      code: `app.get('/join', (req, res) => {
  log.debug('Direct join', req.query);
  const { room, roomPassword } = checkXSS(req.query);
  res.redirect(\`/rooms/\${room}?ok=\${Boolean(roomPassword)}\`);
});`,
      errors: [{ messageId: 'record', line: 2, data: { name: 'req.query', field: 'roomPassword', sink: 'log.debug' } }],
    },
    {
      // restify maps the body into \`req.params\`: the handler that hands \`req\` to a helper reading \`req.params.password\`
      // logs the password; its neighbour renaming the server logs only a name.
      code: `export class ManagerService {
  renameServer(req: RequestType, res: ResponseType) {
    logging.debug(\`renameServer request \${JSON.stringify(req.params)}\`);
    this.config.name = req.params.name;
  }

  async createKey(req: RequestType, res: ResponseType) {
    logging.debug(\`createKey request \${JSON.stringify(req.params)}\`);
    res.send(201, await this.createKeyFromRequest(req));
  }

  private async createKeyFromRequest(req: RequestType) {
    return this.keys.create({ name: req.params.name, password: req.params.password });
  }
}`,
      errors: [{ messageId: 'record', line: 8, data: { name: 'req.params', field: 'password', sink: 'logging.debug' } }],
    },
    {
      // A replace that strips a prefix keeps the secret.
      code: `function f(req) { logger.info(\`auth \${req.headers.authorization.replace('Bearer ', '')}\`); }`,
      errors: [{ messageId: 'secret', line: 1, data: { name: 'req.headers.authorization', sink: 'logger.info' } }],
    },
    {
      // Exporter headers set in the environment carry the collector's API key.
      code: `console.log('Tracing Headers: ' + process.env.OTEL_EXPORTER_OTLP_HEADERS);`,
      errors: [{ messageId: 'secret', line: 1, data: { name: 'process.env.OTEL_EXPORTER_OTLP_HEADERS', sink: 'console.log' } }],
    },
    {
      // A getter named for a connection string returns one, password and all.
      code: `export class RedisConfigService {
  constructor(private readonly logger: Logger) {
    this.logger.log('Redis URL: ' + this.getRedisUrl());
  }
}`,
      errors: [{ messageId: 'secret', line: 3, data: { name: 'this.getRedisUrl()', sink: 'this.logger.log' } }],
    },
    {
      // The whole request goes to the log: its cookies and authorization header with it.
      code: `export class AuthExceptionFilter {
  catch(exception: Error, host: ArgumentsHost) {
    const request = host.switchToHttp().getRequest<Request>();
    this.logger.error(exception.message, exception, { request });
  }
}
app.use((req, res, next) => { logger.debug('incoming', req); next(); });
app.use((req, res, next) => { logger.debug({ request: req }, 'incoming'); logger.info({ incoming: { req } }, 'x'); next(); });`,
      errors: [{ messageId: 'payload', line: 4 }, { messageId: 'payload', line: 7 }, { messageId: 'payload', line: 8 }, { messageId: 'payload', line: 8 }],
    },
    {
      // The whole server config, JWT key and OIDC secret included, on every start.
      code: `function getServerConfig() {
  return { port: config.port, jwtCfg: { JWT_KEY: jwtCfg.JWT_KEY }, oidc: { clientSecret: config.oidc.clientSecret } };
}
log.info('Server config', getServerConfig());
function getStartupConfig() {
  const startupConfig = { network: { port: config.port }, security: { jwt: { key: config.jwt.key, secretKey: config.jwt.secret } } };
  return startupConfig;
}
log.info('Server config', getStartupConfig());`,
      errors: [{ messageId: 'secret', line: 4 }, { messageId: 'secret', line: 9 }],
    },
    {
      // The early return depends on something else: the token may still be there.
      code: `function authorize(message, shouldTry, callback) { if (shouldTry && message.accessToken) { return resolve(message.accessToken, callback); } console.log('failed for', message); }`,
      errors: [{ messageId: 'record', line: 1 }],
    },
    {
      // A missing id says nothing about the key: it is logged with it.
      code: `export async function sendGithub(hook) { if (!hook.githubAppId) { getLogger().warn({ ...hook }, 'ignoring hook'); return; } await post(hook.githubAppPrivateKey); }`,
      errors: [{ messageId: 'record', line: 1 }],
    },
    {
      // The same case reads the password and logs the message.
      code: `socket.on('roomAction', (data) => { switch (data.action) { case 'lock': room.lock(data.password); log.debug('locking', data); break; } });`,
      errors: [{ messageId: 'record', line: 1 }],
    },
    {
      // Outside a lock's functions a token is a credential.
      code: `class SessionService { async revoke(key: string, token: string) { this.logger.debug(\`Revoked: key=\${key}, token=\${token}\`); } }`,
      errors: [{ messageId: 'secret', line: 1 }],
    },
    {
      // The axios branch logs the response, whose config holds the Authorization header; the other branch's error is no request's.
      code: `import axios from 'axios';
export async function distill(url: string, html: string, auth: string) {
  try {
    return (await axios.post(url, html, { headers: { Authorization: auth }, timeout: 5000 })).data;
  } catch (error) {
    if (axios.isAxiosError(error)) {
      logger.error(error.response);
    } else {
      logger.error(error);
    }
  }
}`,
      errors: [{ messageId: 'requestError', line: 7 }],
    },
    {
      // Every GraphQL operation's inputs, a sign-in's password among them.
      code: `app.use('/api/graphql', (req, res, next) => { logger.info('handling gql request', { query: req.body.query, variables: req.body.variables }); next(); });`,
      errors: [{ messageId: 'payload', line: 1 }],
    },
    {
      // socket.io: the handshake's headers hold the session cookie.
      code: `io.use((socket, next) => { try { check(socket); next(); } catch (e) { console.log('rejected', socket.handshake.headers); next(e); } });
function onReject(handshake) { console.log(\`headers:\n\${util.inspect(handshake.headers, { depth: null })}\`); }`,
      errors: [{ messageId: 'payload', line: 1 }, { messageId: 'payload', line: 2 }],
    },
    // A controller's action that creates accounts or signs in, or a middleware of any route, may log a password.
    {
      code: `class UserController {
  async create(req, res) { if (!req.body.username) { Logger.error('Invalid user payload', req.body); return res.status(400).end(); } }
}
class LibraryController {
  async update(req, res) { const { password } = req.body; if (!password) Logger.error('Invalid', req.body); }
  logAll(req, res, next) { Logger.debug('body', req.body); next(); }
}`,
      filename: 'server/controllers/UserController.js',
      errors: [{ messageId: 'payload', line: 2 }, { messageId: 'payload', line: 5 }, { messageId: 'payload', line: 6 }],
    },
    {
      code: `class AuthController { async login(req, res) { Logger.error('Invalid login', req.body); } }`,
      filename: 'server/controllers/AuthController.js',
      errors: [{ messageId: 'payload', line: 1 }],
    },
    {
      // The same \`options\` object: its sender visibly carries the secret.
      code: `function setup(options) { const loopSecret = options.sender.loopSecret; logger.info('sender', options.sender); return loopSecret; }`,
      errors: [{ messageId: 'record', line: 1 }],
    },
    // The secret went in the URL or under a key that does not name it: the error's config still carries it.
    {
      code: `import axios from 'axios';
export async function weather(openWeatherApiKey: string, city: string) {
  const url = \`https://api.openweathermap.org/data/2.5/weather?q=\${city}&appid=\${openWeatherApiKey}\`;
  try {
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (e) {
    logger.error(e);
  }
}
export async function sms(user: string, accessToken: string, msg: string) {
  try {
    await axios.get('https://smsapi.example.com/sendmsg', { params: { user, pass: accessToken, msg }, timeout: 5000 });
  } catch (e) {
    logger.error('Error sending SMS:', e);
  }
}`,
      errors: [
        { messageId: 'requestError', line: 7 },
        { messageId: 'requestError', line: 14 },
      ],
    },
    // The body of a route that takes a secret: by its path, by the account it creates, by the field it reads.
    {
      code: `router.post('/auth/signin', async (req, res) => { winston.debug(req.body); });
router.post('/users', async (req, res) => { winston.debug('create user', req.body); });
router.put('/users/:id', async (req, res) => { winston.debug('update', req.body); await User.setPassword(req.params.id, req.body.newpsw); });
app.use((req, res, next) => { winston.debug(req.body); next(); });
router.post('/auth/signup', signUp);
const signUp = async (req, res) => { winston.debug('sign-up', req.body); };`,
      errors: [
        { messageId: 'payload', line: 1 },
        { messageId: 'payload', line: 2 },
        { messageId: 'payload', line: 3 },
        { messageId: 'payload', line: 4 },
        { messageId: 'payload', line: 6 },
      ],
    },
    // Encoding claims makes the bearer token: \`encodeToken\` is no measurement.
    {
      code: `export class AuthResponseFactory {
  create(data: Claims, uuid: string) {
    const token = this.tokenEncoder.encodeToken(data);
    this.logger.debug(\`Created JWT token for user \${uuid}: \${token}\`);
    return token;
  }
}`,
      errors: [{ messageId: 'secret', line: 4 }],
    },
    // A Nest-style logger wrapper logs, whatever its method.
    {
      code: `export class AuthService {
  login(password: string) {
    this.loggerService.info(\`login with \${password}\`);
    this.appLoggerService.warn(password);
  }
}`,
      errors: [
        { messageId: 'secret', line: 3 },
        { messageId: 'secret', line: 4 },
      ],
    },
      // axios keeps the request's headers and body on its errors: logging the error logs what the request sent.
      {
        code: `import axios from 'axios';
export async function verify(token: string) {
  try {
    await axios.post(\`\${LICENSE_URL}/verify\`, { license: process.env.EE_LICENSE_KEY });
  } catch (error) {
    console.error('Error verifying license key:', error);
  }
  try {
    await axios.get('https://api.vercel.com/v9/projects', { headers: { Authorization: \`Bearer \${token}\` } });
  } catch (err) {
    logger.error(err);
  }
}`,
        errors: [{ messageId: 'requestError', line: 6, data: { name: 'error', field: 'license', sink: 'console.error' } }, { messageId: 'requestError', line: 11 }],
      },
      // The request's headers under a destructured name, and a raw body parsed into an object.
      {
        code: `app.post('/c', (req, res) => {
  const { headers } = req;
  logger.debug(headers);
  res.end();
});
export async function POST(request: Request) {
  const body = JSON.parse(await request.text());
  console.info('Webhook received', body);
  return new Response('ok');
}`,
        errors: [{ messageId: 'payload', line: 3 }, { messageId: 'payload', line: 8 }],
      },
      // The failed branch excuses the provider's answer, not the secret the request sent; a fully random code is one.
      {
        code: `export async function refresh(refreshToken: string) {
  const response = await fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({ refresh_token: refreshToken }) });
  if (!response.ok) console.error('token refresh failed for', refreshToken);
  const code = \`\${randomInt(0, 999)}\${randomInt(0, 999)}\`;
  console.log('sms code', code);
}`,
        errors: [{ messageId: 'secret', line: 3 }, { messageId: 'secret', line: 5 }],
      },
    // a project's logger accessor and a builder chained on a logger are loggers too
    {
      code: `import { logger } from './logger';
export async function webhook(request) { logger().debug({ body: request.body }, 'Received events'); }`,
      errors: [{ messageId: 'payload', line: 2 }],
    },
    {
      code: `import { getLog } from 'juava';
const log = getLog('auth');
export function issue(secretKey: string) { log.atInfo().log('Using autogenerated JWT key', secretKey); }`,
      errors: [{ messageId: 'secret', line: 3 }],
    },
    // the raw bearer token read from the header is the token itself
    {
      code: `app.get('/', async (c) => { const jwt = c.req.header('authorization'); console.log({ jwt }); return c.json([]); });`,
      errors: [{ messageId: 'secret', line: 1 }],
    },
      {
        // getToken with raw: true returns the encoded token itself
        code: `import { getToken } from 'next-auth/jwt';
export default async function handler(req, res) { const token = await getToken({ req, raw: true }); console.log(token); }`,
        filename: 'pages/api/v1/billing.ts',
        errors: [{ messageId: 'secret', line: 2, column: 113, endLine: 2, endColumn: 118, data: { name: 'token', sink: 'console.log' } }],
      },
      {
        // the raw token next to its decoded claims: the raw one is the credential
        code: `import jwt from 'jsonwebtoken';
function f(req) { const token = req.headers.authorization.split(' ')[1]; const claims = jwt.verify(token, key); console.log('auth', token, claims); }`,
        errors: [{ messageId: 'secret', line: 2, column: 133, endLine: 2, endColumn: 138, data: { name: 'token', sink: 'console.log' } }],
      },
      {
        // a helper's result the file treats as a string (\`split\`) is the raw token
        code: `async function f(req) { const token = await readBearer(req); console.log(token); return token.split('.').length === 3; }`,
        errors: [{ messageId: 'secret', line: 1, column: 74, endLine: 1, endColumn: 79, data: { name: 'token', sink: 'console.log' } }],
      },
      {
        // a stored token record read by id: a model call is a record, not decoded claims
        code: `async function f(code) { const token = await ResetToken.findOne({ code }); console.log(token); await ResetToken.deleteOne({ _id: token.id }); }`,
        errors: [{ messageId: 'secret', line: 1, column: 88, endLine: 1, endColumn: 93, data: { name: 'token', sink: 'console.log' } }],
      },
      {
        // signing makes the token itself
        code: `import jwt from 'jsonwebtoken';
function f(user) { const token = jwt.sign({ sub: user.id }, key); console.log(token); }`,
        errors: [{ messageId: 'secret', line: 2, column: 79, endLine: 2, endColumn: 84, data: { name: 'token', sink: 'console.log' } }],
      },
      {
        // browser code, checked on request
        code: `'use client';
export function VerifyEmail({ token }: { token: string }) { console.log(token); return null; }`,
        filename: 'app/verify/verify-email.ts',
        options: [{ checkClientFiles: true }],
        errors: [{ messageId: 'secret', line: 2, column: 73, endLine: 2, endColumn: 78, data: { name: 'token', sink: 'console.log' } }],
      },
      {
        // a server route of a Next.js app is server code
        code: `export default async function handler(req, res) { const { token } = req.query; console.log('verifying', token); res.end(); }`,
        filename: 'pages/api/auth/verify-email.ts',
        errors: [{ messageId: 'secret', line: 1, column: 105, endLine: 1, endColumn: 110, data: { name: 'token', sink: 'console.log' } }],
      },
      {
        // a password in a template literal
        code: `function f(email, password) { console.log(\`login \${email} \${password}\`); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 43, endLine: 1, endColumn: 71,
            data: { name: 'password', sink: 'console.log' },
          },
        ],
      },
      {
        // a password in an object literal
        code: `function f(email, password) { logger.info({ email, password }); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 43, endLine: 1, endColumn: 62,
            data: { name: 'password', sink: 'logger.info' },
          },
        ],
      },
      {
        // a token through concatenation
        code: `function f(token) { logger.debug('token: ' + token); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 34, endLine: 1, endColumn: 51,
            data: { name: 'token', sink: 'logger.debug' },
          },
        ],
      },
      {
        // the authorization header
        code: `function f(req) { console.log(req.headers.authorization); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 31, endLine: 1, endColumn: 56,
            data: { name: 'req.headers.authorization', sink: 'console.log' },
          },
        ],
      },
      {
        // an api key header in brackets
        code: `function f(req) { logger.warn('key', req.headers['x-api-key']); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 38, endLine: 1, endColumn: 62,
            data: { name: "req.headers['x-api-key']", sink: 'logger.warn' },
          },
        ],
      },
      {
        // the whole request body
        code: `app.post('/login', (req, res) => { console.log('body', req.body); });`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 56, endLine: 1, endColumn: 64,
            data: { name: 'req.body', sink: 'console.log', what: 'request body' },
          },
        ],
      },
      {
        // the whole headers through a local alias
        code: `function f(req) { const headers = req.headers; logger.info({ headers }); }`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 60, endLine: 1, endColumn: 71,
            data: { name: 'req.headers', sink: 'logger.info', what: 'request headers' },
          },
        ],
      },
      {
        // the request body through JSON.stringify
        code: `function f(req) { logger.info('payload ' + JSON.stringify(req.body)); }`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 31, endLine: 1, endColumn: 68,
            data: { name: 'req.body', sink: 'logger.info', what: 'request body' },
          },
        ],
      },
      {
        // process.env whole
        code: `console.log(process.env);`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 13, endLine: 1, endColumn: 24,
            data: { name: 'process.env', sink: 'console.log', what: 'environment' },
          },
        ],
      },
      {
        // a secret env variable
        code: `console.log('jwt secret is', process.env.JWT_SECRET);`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 30, endLine: 1, endColumn: 52,
            data: { name: 'process.env.JWT_SECRET', sink: 'console.log' },
          },
        ],
      },
      {
        // a connection string with credentials
        code: `console.log('connecting to', process.env.DATABASE_URL);`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 30, endLine: 1, endColumn: 54,
            data: { name: 'process.env.DATABASE_URL', sink: 'console.log' },
          },
        ],
      },
      {
        // cookies
        code: `function f(req) { logger.debug({ cookies: req.cookies }); }`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 32, endLine: 1, endColumn: 56,
            data: { name: 'req.cookies', sink: 'logger.debug', what: 'request cookies' },
          },
        ],
      },
      {
        // a user record that carries its password
        code: `async function f(email, password) { const user = await User.findOne({ email }); if (!(await bcrypt.compare(password, user.password))) return; logger.info('login ok', user); }`,
        errors: [
          {
            messageId: 'record',
            line: 1, column: 167, endLine: 1, endColumn: 171,
            data: { name: 'user', sink: 'logger.info', field: 'password' },
          },
        ],
      },
      {
        // a spread of the body
        code: `function f(req) { logger.info({ ...req.body, at: Date.now() }); }`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 31, endLine: 1, endColumn: 62,
            data: { name: 'req.body', sink: 'logger.info', what: 'request body' },
          },
        ],
      },
      {
        // a renamed destructured password
        code: `function f(req) { const { password: pw } = req.body; console.log(pw); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 66, endLine: 1, endColumn: 68,
            data: { name: 'password', sink: 'console.log' },
          },
        ],
      },
      {
        // the token part of the header
        code: `function f(req) { const auth = req.headers.authorization; const t = auth.split(' ')[1]; console.log(t); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 101, endLine: 1, endColumn: 102,
            data: { name: 'req.headers.authorization', sink: 'console.log' },
          },
        ],
      },
      {
        // a debug instance
        code: `const debug = require('debug')('app:auth'); function f(token) { debug('token %s', token); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 83, endLine: 1, endColumn: 88,
            data: { name: 'token', sink: 'debug' },
          },
        ],
      },
      {
        // a debug instance from an import
        code: `import createDebug from 'debug'; const log = createDebug('auth'); function f(apiKey) { log({ apiKey }); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 92, endLine: 1, endColumn: 102,
            data: { name: 'apiKey', sink: 'log' },
          },
        ],
      },
      {
        // NestJS logger on this
        code: `class A { private readonly logger = new Logger(A.name); f(apiKey: string) { this.logger.log(\`API key: \${apiKey}\`); } }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 93, endLine: 1, endColumn: 113,
            data: { name: 'apiKey', sink: 'this.logger.log' },
          },
        ],
      },
      {
        // Nest @Body() payload
        code: `class C { @Post('login') login(@Body() dto: LoginDto) { this.logger.debug(dto); } }`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 75, endLine: 1, endColumn: 78,
            data: { name: 'dto', sink: 'this.logger.debug', what: 'request body' },
          },
        ],
      },
      {
        // Fastify request.log, on the sign-in route
        code: `fastify.post('/login', async (request, reply) => { request.log.info({ body: request.body }, 'received'); });`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 69, endLine: 1, endColumn: 91,
            data: { name: 'request.body', sink: 'request.log.info', what: 'request body' },
          },
        ],
      },
      {
        // Hono header getter
        code: `app.get('/', (c) => { console.log('auth', c.req.header('Authorization')); return c.text('ok'); });`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 43, endLine: 1, endColumn: 72,
            data: { name: "c.req.header('Authorization')", sink: 'console.log' },
          },
        ],
      },
      {
        // Next.js body from req.json()
        code: `export async function POST(req: Request) { const body = await req.json(); console.log(body); }`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 87, endLine: 1, endColumn: 91,
            data: { name: 'req.json()', sink: 'console.log', what: 'request body' },
          },
        ],
      },
      {
        // a type declared in the file with a password
        code: `interface LoginParams { username: string; password: string }
function login(params: LoginParams) { Logger.log('login', params); }`,
        errors: [
          {
            messageId: 'record',
            line: 2, column: 59, endLine: 2, endColumn: 65,
            data: { name: 'params', sink: 'Logger.log', field: 'password' },
          },
        ],
      },
      {
        // a credentials-typed parameter
        code: `function login(input: SignInInput) { logger.info(\`attempt \${JSON.stringify(input)}\`); }`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 50, endLine: 1, endColumn: 84,
            data: { name: 'input', sink: 'logger.info', what: '`SignInInput` credentials' },
          },
        ],
      },
      {
        // with TS syntax around it
        code: `function f(req: any) { console.log((req.headers.authorization as string)!); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 36, endLine: 1, endColumn: 74,
            data: { name: 'req.headers.authorization', sink: 'console.log' },
          },
        ],
      },
      {
        // optional chaining
        code: `function f(req) { console.log(req?.headers?.authorization); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 31, endLine: 1, endColumn: 58,
            data: { name: 'req.headers.authorization', sink: 'console.log' },
          },
        ],
      },
      {
        // a logger obtained by a factory call
        code: `function f(token) { getLogger('auth').info({ token }); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 44, endLine: 1, endColumn: 53,
            data: { name: 'token', sink: 'getLogger(…).info' },
          },
        ],
      },
      {
        // an aliased import from a logger module
        code: `import { info as log } from './logger'; function f(password) { log('pw', password); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 74, endLine: 1, endColumn: 82,
            data: { name: 'password', sink: 'log' },
          },
        ],
      },
      {
        // a logger from pino assigned to another name
        code: `const l = require('pino')(); function f(secret) { l.info({ secret }); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 58, endLine: 1, endColumn: 68,
            data: { name: 'secret', sink: 'l.info' },
          },
        ],
      },
      {
        // a team logger name
        code: `function f(token) { audit.record(token); }`,
        options: [{"loggers":["audit"]}],
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 34, endLine: 1, endColumn: 39,
            data: { name: 'token', sink: 'audit.record' },
          },
        ],
      },
      {
        // a team secret word
        code: `function f(req) { logger.info({ pin: req.body.pin }); }`,
        options: [{"secretWords":["pin"]}],
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 31, endLine: 1, endColumn: 52,
            data: { name: 'req.body.pin', sink: 'logger.info' },
          },
        ],
      },
      {
        // pino redact that does not cover the key
        code: `import pino from 'pino';
const logger = pino({ redact: ['password'] });
function f(token) { logger.info({ token }); }`,
        errors: [
          {
            messageId: 'secret',
            line: 3, column: 33, endLine: 3, endColumn: 42,
            data: { name: 'token', sink: 'logger.info' },
          },
        ],
      },
      {
        // pino does not redact template strings
        code: `import pino from 'pino';
const logger = pino({ redact: ['password'] });
function f(password) { logger.info(\`pw \${password}\`); }`,
        errors: [
          {
            messageId: 'secret',
            line: 3, column: 36, endLine: 3, endColumn: 52,
            data: { name: 'password', sink: 'logger.info' },
          },
        ],
      },
      {
        // an OTP
        code: `function send(phone, otp) { console.log(\`OTP for \${phone}: \${otp}\`); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 41, endLine: 1, endColumn: 67,
            data: { name: 'otp', sink: 'console.log' },
          },
        ],
      },
      {
        // satisfies and a computed method name
        code: `function f(token: string) { logger['warn']({ token } satisfies Record<string, string>); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 44, endLine: 1, endColumn: 86,
            data: { name: 'token', sink: 'logger.warn' },
          },
        ],
      },
      {
        // parentheses around the sink and the value
        code: `function f(password) { (console).error(((password))); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 42, endLine: 1, endColumn: 50,
            data: { name: 'password', sink: 'console.error' },
          },
        ],
      },
      {
        // a generic call on a logger
        code: `function f(apiKey: string) { logger.info<string>(apiKey); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 50, endLine: 1, endColumn: 56,
            data: { name: 'apiKey', sink: 'logger.info' },
          },
        ],
      },
      {
        // a CommonJS logger module
        code: `const { logger } = require('./utils/logger'); module.exports = (req, res, next) => { logger.debug(req.headers); next(); };`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 99, endLine: 1, endColumn: 110,
            data: { name: 'req.headers', sink: 'logger.debug', what: 'request headers' },
          },
        ],
      },
      {
        // a Koa request body
        code: `router.post('/users', async (ctx) => { console.log('new user', ctx.request.body); });`,
        errors: [
          {
            messageId: 'payload',
            line: 1, column: 64, endLine: 1, endColumn: 80,
            data: { name: 'ctx.request.body', sink: 'console.log', what: 'request body' },
          },
        ],
      },
      {
        // a record typed with an inline type
        code: `function create(data: { email: string; passwordHash: string }) { console.log('creating', data); }`,
        errors: [
          {
            messageId: 'record',
            line: 1, column: 90, endLine: 1, endColumn: 94,
            data: { name: 'data', sink: 'console.log', field: 'passwordHash' },
          },
        ],
      },
      {
        // a computed header name held in a constant
        code: `const AUTH_HEADER = 'authorization';
function f(req) { logger.debug(req.headers[AUTH_HEADER]); }`,
        errors: [
          {
            messageId: 'secret',
            line: 2, column: 32, endLine: 2, endColumn: 56,
            data: { name: 'authorization', sink: 'logger.debug' },
          },
        ],
      },
      {
        // session options whose secret comes from the environment
        code: `const sessionOptions = { secret: process.env.SESSION_SECRET, resave: false };
logger.info('session config', { session: sessionOptions });`,
        errors: [
          {
            messageId: 'secret',
            line: 2, column: 31, endLine: 2, endColumn: 58,
            data: { name: 'process.env.SESSION_SECRET', sink: 'logger.info' },
          },
        ],
      },
      {
        // OAuth tokens destructured from getToken
        code: `async function cb(code) { const { tokens } = await oauth2Client.getToken(code); console.log('tokens', tokens); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 103, endLine: 1, endColumn: 109,
            data: { name: 'tokens', sink: 'console.log' },
          },
        ],
      },
      {
        // a session that the file fills with an OAuth token
        code: `app.get('/cb', async (req, res) => { const { tokens } = await client.getToken(req.query.code); req.session.accessToken = tokens.access_token; console.log('session saved', req.session); });`,
        errors: [
          {
            messageId: 'record',
            line: 1, column: 172, endLine: 1, endColumn: 183,
            data: { name: 'req.session', sink: 'console.log', field: 'accessToken' },
          },
        ],
      },
      {
        // a record created from an object with a password
        code: `async function signup(email, password) { const hashed = await bcrypt.hash(password, 10); const user = await User.create({ email, password: hashed }); console.log('User created', user); }`,
        errors: [
          {
            messageId: 'record',
            line: 1, column: 179, endLine: 1, endColumn: 183,
            data: { name: 'user', sink: 'console.log', field: 'password' },
          },
        ],
      },
      {
        // a Prisma record created with a password hash
        code: `async function signup(email, passwordHash) { const user = await prisma.user.create({ data: { email, passwordHash } }); logger.info(user); }`,
        errors: [
          {
            messageId: 'record',
            line: 1, column: 132, endLine: 1, endColumn: 136,
            data: { name: 'user', sink: 'logger.info', field: 'passwordHash' },
          },
        ],
      },
      {
        // a random one-time code under a generic name
        code: `function sendCode(email) { const code = Math.floor(100000 + Math.random() * 900000).toString(); console.log(\`Verification code for \${email}: \${code}\`); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 109, endLine: 1, endColumn: 150,
            data: { name: 'code', sink: 'console.log' },
          },
        ],
      },
      {
        // async/await and a CommonJS logger
        code: `const winston = require('winston'); const logger = winston.createLogger(); async function f(getSession) { const refreshToken = await getSession(); logger.info('refreshed', { refreshToken }); }`,
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 173, endLine: 1, endColumn: 189,
            data: { name: 'refreshToken', sink: 'logger.info' },
          },
        ],
      },
      {
        // a logger named only in the shared settings: no log method in the file
        code: `function f(token) { telemetry.capture(token); }`,
        filename: 'src/server.ts',
        settings: { redline: { loggers: ['telemetry'] } },
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 39, endLine: 1, endColumn: 44,
            data: { name: 'token', sink: 'telemetry.capture' },
          },
        ],
      },
      {
        // a log method spelled with an escape
        code: `function f(token) { console.lo\\u0067(token); }`,
        filename: 'src/server.ts',
        errors: [
          {
            messageId: 'secret',
            line: 1, column: 38, endLine: 1, endColumn: 43,
            data: { name: 'token', sink: 'console.log' },
          },
        ],
      },
    ],
});
