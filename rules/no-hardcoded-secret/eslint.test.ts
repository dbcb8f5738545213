import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

createRuleTester().run('no-hardcoded-secret', rule, {
  valid: [
    // A service's credential left as a placeholder fails against the service; it opens nothing.
    `module.exports = { GITHUB_TOKEN: process.env.GITHUB_TOKEN || 'YOUR_GITHUB_TOKEN', GOOGLE_SECRET: process.env.GOOGLE_CLIENT_SECRET || 'YOUR_GOOGLE_CLIENT_SECRET' };`,
    // Algolia's search-only key is public by design: DocSearch ships it to every browser.
    `import axios from 'axios';
const ALGOLIA_SEARCH_API_KEY = 'fe7422b190b4ec77f8e60c80a3a3ed8a';
export function searchDocs(query: string) {
  return axios.post('https://ABC123-dsn.algolia.net/1/indexes/docs/query', { query }, {
    headers: { 'X-Algolia-Application-Id': 'ABC123', 'X-Algolia-API-Key': ALGOLIA_SEARCH_API_KEY },
    timeout: 10000,
  });
}`,
    // The cookie a session travels in is named, not secret.
    `export const cookieName = process.env.GRIST_SESSION_COOKIE || 'grist_sid';
const { AUTH_TOKEN_HEADER = 'x-grist-auth-token' } = process.env;`,
    { code: `export const trace = { ingestion_api_key: 'pk-lf-1234567890abcdef', secret_key: 'sk-lf-1234567890abcdef' };`, filename: 'packages/shared/src/server/test-utils/tracing-factory.ts' },
    { code: `const apiKey = 'sk-test-4f9a8b7c6d5e4f3a2b1c';`, filename: 'web/src/features/automations/components/automationForm.clienttest.tsx' },
    // A stand-in for the object store's own secret: without the variable the client cannot connect, nothing opens.
    `const minioClient = new Minio.Client({ endPoint: 'minio', accessKey: process.env.MINIO_ACCESS_KEY, secretKey: process.env.MINIO_SECRET_KEY || 'minio-secret-key' });`,
    // A Sails route table and a JSON-LD context: paths to actions, terms to vocabulary IRIs.
    `module.exports.routes = {
  'POST /api/users/:id/api-key': 'users/create-api-key',
  'DELETE /api/users/:id/api-key': 'users/delete-api-key',
};
export const securityContext = {
  sec: 'https://w3id.org/security#',
  privateKeyPem: 'sec:privateKeyPem',
  encryptionKey: 'sec:encryptionKey',
};`,
    // Stand-ins that keep an optional integration from throwing: no other service takes them.
    `const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY || 'sk-proj-' });
const resend = new Resend(process.env.RESEND_API_KEY || 're_132');
const local = { apiKey: process.env.OLLAMA_API_KEY ?? 'not-used' };
const { STRIPE_API_KEY = 'sk-local-123456' } = process.env;
const agent = { apiKey: ctx.apiKey ?? 'internal-agent' };
const datasource = { host: 'warehouse', user: 'reader', password: 'pending_provisioning' };`,
    // A permission name, a config schema's type tag and an OpenAPI sample response.
    `const apikey = 'apikeys:import';
export const ENV_MAP = { CAPTCHA_TURNSTILE_SECRET: ['plugins.captcha.turnstile.secret', 'string'] };
export const tokensSchema = { type: 'array', example: [{ secret: 'a3c84b25409ea8ca1782ef17f94a42fc', name: 'Invite viewers' }] };`,
    // A local development entry point.
    { code: `const db = { host: 'localhost', user: 'unleash', password: 'Passw0rd!' };`, filename: 'src/server-dev.ts' },
    // The secret comes from the environment with no fallback.
    `import jwt from 'jsonwebtoken';
export const issue = (id: string) => jwt.sign({ sub: id }, process.env.JWT_SECRET!, { expiresIn: '1h' });`,
    // A fallback for a non-secret variable (a port, a log level) is fine.
    `const port = Number(process.env.PORT ?? '3000'); const level = process.env.LOG_LEVEL || 'info';`,
    // An empty fallback is not a credential (the call fails loudly instead).
    `const apiKey = process.env.LLM_API_KEY ?? '';`,
    // Obvious placeholders in docs and samples.
    `const cfg = { cookieSecret: 'session_cookie_secret_key_here' };`,
    `const cfg2 = { jwtSecret: '<your jwt secret>' }; app.use(session({ secret: 'changeme' }));`,
    // Empty and short fallbacks for secret variables are not credentials (the call fails loudly instead).
    `const jwtSecret = process.env.JWT_SECRET || ''; const key = process.env.API_KEY ?? \`\`; const s = process.env.SESSION_SECRET || 'x';`,
    // A fallback that is the env variable's own name or a path is a lookup, not a value.
    `const keyVar = process.env.API_KEY_NAME || 'API_KEY'; const keyFile = process.env.PRIVATE_KEY || './keys/private.pem';`,
    // An id-prefix table: `whsec` is the prefix of the ids it generates, not a secret.
    `export const newId = new IdGenerator({ webhook: 'wh', webhookEvent: 'evt', webhookSecret: 'whsec', apiKey: 'ak', token: 'pmk' }).id;`,
    // Substitution tokens a setup script or README says to replace.
    `export default { jwt: { secretOrKey: '__JWT_SECRET_KEY__' }, mail: { host: 'smtp.sendgrid.net', user: 'apikey', pass: '__SENDGRID_API_KEY__' } };`,
    // A known key prefix alone is never a credential.
    `const PREFIXES = { apiKey: 'sk_live_' }; const cfg3 = { secret: 'whsec_' };`,
    // A documented local seed password in a seed file.
    { code: `const password = 'admin123';
await db.insert(users).values({ email: 'admin@example.com', password: await hash(password) });`, filename: 'lib/db/seed.ts' },
    { code: `export const up = async (qi) => qi.bulkInsert('users', [{ password: 'seedpass1' }]); const API_SECRET = 'seed-secret-1';`, filename: 'db/seeders/20240101-users.js' },
    // A test runner script under bin/ sends a wrong secret on purpose.
    { code: `const headers = { 'api-secret': 'incorrect' }; const SECRET = 'runner-secret-9';`, filename: 'bin/testdatarunner.js' },
    { code: `const SECRET = 'helper-secret-9';`, filename: 'src/utils/test-utils.ts' },
    // Test runner setup stubs the environment with fake secrets.
    { code: `process.env = { ...process.env, GOOGLE_CLIENT_SECRET: 'stub-google-client-secret' }; const API_SECRET = 'setup-secret-9';`, filename: 'apps/web/vitestSetup.ts' },
    { code: `export const MOCK_SECRET = 'Mock_secret_for_e2e_0nly';`, filename: 'apps/web/playwright/utils/mock.ts' },
    // A \`sign\` method of something that is not jsonwebtoken (a crypto signer, a local helper).
    `const signature = signer.sign(payload, 'base64'); const verified = verify(token, 'utf8');`,
    // The names of env variables, headers and config keys are not secrets.
    `export const JWT_SECRET_ENV = 'JWT_SECRET'; export const API_KEY_HEADER = 'x-api-key'; export const HEADER_KEY_TOKEN = 'Authorization';`,
    // Storage keys, cookie names and enum-like constants named after tokens or sessions.
    `export const KEY_TOKEN = 'auth-token'; const OAUTH_CSRF_COOKIE = 'oauth_csrf'; const TYPE_SESSION = 'session';`,
    // Error messages in constants named after passwords.
    `export const NO_PASSWORD = 'Password not found'; export const INVALID_SECRET = 'Secret mismatch';`,
    // i18n keys and messages that mention passwords.
    `const labels = { password: 'label.password', newPassword: 'label.new-password', apiKey: 'Your API key is shown once below' };`,
    // A seed user's password is not a connection credential (and seeds hash it).
    `await prisma.user.create({ data: { email: 'a@example.com', username: 'alice', password: await hash('Alice123!') } });`,
    // A connection string whose password is built from the environment or is a placeholder.
    'const url = `postgres://app:${process.env.DB_PASSWORD}@db:5432/app`; const doc = "postgresql://user:password@localhost:5432/db";',
    // The AWS documentation example key and filler keys are obviously fake.
    `const sample = 'AKIAIOSFODNN7EXAMPLE'; const filler = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx';`,
    // A PEM header alone (as in a parser test) is no key material.
    `const isPem = (text: string) => text.startsWith('-----BEGIN RSA PRIVATE KEY-----');`,
    // Test files are ignored by default.
    {
      code: `const token = jwt.sign({ sub: 1 }, 'test-secret');
const secret = process.env.JWT_SECRET || 'test-secret';`,
      filename: 'src/auth/auth.service.spec.ts',
    },
    // A list of known placeholder values that the app refuses at startup.
    `const PLACEHOLDER_SECRETS = { AUTH_JWT_SECRET: 'secret', AUTH_REFRESH_SECRET: 'secret_for_refresh' } as const;`,
    // \`fetch\`'s \`credentials\` option and a let that holds state are not secrets.
    `const init = { credentials: 'include' as const }; let password = 'hunter22'; password = read();`,
    // A literal passed to a non-secret option of a session.
    `app.use(session({ name: 'sid', secret: process.env.SESSION_SECRET!, cookie: { sameSite: 'lax' } }));`,
    // Mock data for tests.
    { code: `export const mockUser = { twoFactorSecret: 'JBSWY3DPEHPK3PXP', password: 'mock-pass-123' };`, filename: 'src/_mocks_/index.ts' },
    // A search-only key, made to be shipped to browsers.
    `const ALGOLIA_SEARCH_API_KEY = '3f1c9a7b2e4d6f8a0b1c2d3e4f5a6b7c';`,
    // An enum of secret names: each value is its own key.
    `export const SecretName = { gocardless_secretKey: 'gocardless_secretKey', simplefin_accessKey: 'simplefin_accessKey' };`,
    // Defaults the author marks for replacing, on their line or the line above.
    `module.exports = { session_secret: 'node_club_secret', // 务必修改
  cookie: 'x' };`,
    `export const config = {
  // change this before deploying
  sessionSecret: 'keyboard-cat-2024',
};`,
    // Instructions to the reader, not values: 'your access key'.
    `export const qn = { accessKey: 'your access key', secretKey: 'your secret key' };`,
    // Config templates and documentation are for the reader to fill in.
    { code: `export default { jwtSecret: 'a8f5f167f44f4964e6c998dee827110c' };`, filename: 'config/config.example.ts' },
    { code: `export default { jwtSecret: 'a8f5f167f44f4964e6c998dee827110c' };`, filename: 'docs/setup/config.js' },
    // Sentences in a secret-named option are descriptions, not values.
    `@ApiProperty({ description: 'the secret', example: 'n/a' }) class Dto { @ApiProperty({ secret: 'The webhook signing secret from the dashboard' } as any) s!: string }`,
  ],
  invalid: [
    // A note that the key should move elsewhere: until it does, the key in the code is the deployed one.
    {
      code: `export const config = {
  sessionSecret: 'keyboard-cat-2024', // TODO: replace this with an env variable
};`,
      errors: [{ messageId: 'sinkSecret', line: 2 }],
    },
    // A value that only shares words with its key is no name.
    {
      code: `export const keys = { simplefin_accessKey: 'simplefin_accessKey_8f2a91c3' };`,
      errors: [{ messageId: 'sinkSecret', line: 1 }],
    },
    // jsonwebtoken sign with a literal key
    {
      code: `import jwt from 'jsonwebtoken';

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, 'super-secret-key', { expiresIn: '1h' });
}
`,
      errors: [
        { messageId: 'sinkSecret', line: 4, column: 36, endLine: 4, endColumn: 54, data: {"sink":"`jwt.sign`"} },
      ],
    },
    // named import of verify, CommonJS style alias through const
    {
      code: `const { verify: check } = require('jsonwebtoken');
const JWT_KEY = 'kd93!mzQ';

export const readToken = (token: string) => check(token, JWT_KEY);
`,
      errors: [
        { messageId: 'sinkSecret', line: 2, column: 17, endLine: 2, endColumn: 27, data: {"sink":"`check`"} },
      ],
    },
    // env fallback with ||
    {
      code: `const secret = process.env.JWT_SECRET || 'dev-secret';
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 42, endLine: 1, endColumn: 54, data: {"name":"JWT_SECRET"} },
      ],
    },
    // A placeholder fallback is what runs in production when the variable is unset.
    {
      code: `const secret = process.env.JWT_SECRET || "your-secret-whatever";
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 42, endLine: 1, endColumn: 64, data: {"name":"JWT_SECRET"} },
      ],
    },
    // A placeholder written like a constant's name signs the tokens all the same when the variable is unset.
    {
      code: `module.exports = { TOKEN_SECRET: process.env.TOKEN_SECRET || 'YOUR_UNIQUE_JWT_TOKEN_SECRET' };
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 62, endLine: 1, endColumn: 92, data: {"name":"TOKEN_SECRET"} },
      ],
    },
    // A placeholder fallback inside an option, with ??: the session is signed with it when the variable is unset.
    {
      code: `app.use(session({ secret: process.env.SESSION_SECRET ?? 'change-me-in-production', resave: false }));
const { COOKIE_SECRET = 'replace with your secret please' } = process.env;
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 57, endLine: 1, endColumn: 82, data: {"name":"SESSION_SECRET"} },
        { messageId: 'envFallback', line: 2, column: 25, endLine: 2, endColumn: 58, data: {"name":"COOKIE_SECRET"} },
      ],
    },
    // A fallback for another service's credential that could work: a real-looking key is one to rotate.
    {
      code: `const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY || 'k3yF0rTheDemoAccount9Q' });
const { MAILER_PASSWORD = 'Mail3r!pass' } = process.env;
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 67, endLine: 1, endColumn: 91, data: {"name":"OPENAI_API_KEY"} },
        { messageId: 'envFallback', line: 2, column: 27, endLine: 2, endColumn: 40, data: {"name":"MAILER_PASSWORD"} },
      ],
    },
    // A short secret in a config object (not a table of ids) is still reported.
    {
      code: `app.use(session({ secret: 'shhhh', resave: false, saveUninitialized: true }));
`,
      errors: [
        { messageId: 'sinkSecret', line: 1, column: 27, endLine: 1, endColumn: 34, data: {"sink":"The `secret` option"} },
      ],
    },
    // A substitution token as the fallback of a secret variable is still the secret when the variable is unset.
    {
      code: `const secret = process.env.JWT_SECRET ?? '__JWT_SECRET__';
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 42, endLine: 1, endColumn: 58, data: {"name":"JWT_SECRET"} },
      ],
    },
    // A seed-like name that is not a seed file is linted.
    {
      code: `const SECRET = 'seedling-secret-1';
`,
      filename: 'src/seedling.ts',
      errors: [
        { messageId: 'namedSecret', line: 1, column: 16, endLine: 1, endColumn: 35, data: {"name":"SECRET"} },
      ],
    },
    // env fallback with ?? through a computed member and as
    {
      code: `export const config = { session: (process.env['SESSION_SECRET'] ?? 'keyboard cat') as string };
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 68, endLine: 1, endColumn: 82, data: {"name":"SESSION_SECRET"} },
      ],
    },
    // destructured env default
    {
      code: `const { JWT_SECRET = 'local-jwt-secret' } = process.env;
`,
      errors: [
        { messageId: 'envFallback', line: 1, column: 22, endLine: 1, endColumn: 40, data: {"name":"JWT_SECRET"} },
      ],
    },
    // express-session secret option
    {
      code: `import session from 'express-session';
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
`,
      errors: [
        { messageId: 'sinkSecret', line: 2, column: 27, endLine: 2, endColumn: 41, data: {"sink":"The `secret` option"} },
      ],
    },
    // cookie-parser aliased
    {
      code: `import parseCookies from 'cookie-parser';
app.use(parseCookies('kekse'));
`,
      errors: [
        { messageId: 'sinkSecret', line: 2, column: 22, endLine: 2, endColumn: 29, data: {"sink":"`parseCookies`"} },
      ],
    },
    // NestJS JwtModule secret in a factory
    {
      code: `@Module({
  imports: [JwtModule.registerAsync({ useFactory: async () => ({ secret: 'nest-jwt-secret', signOptions: { expiresIn: '15m' } }) })],
})
export class AuthModule {}
`,
      errors: [
        { messageId: 'sinkSecret', line: 2, column: 74, endLine: 2, endColumn: 91, data: {"sink":"The `secret` option"} },
      ],
    },
    // passport-jwt strategy secretOrKey via super
    {
      code: `export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'jwt-strategy-key' });
  }
}
`,
      errors: [
        { messageId: 'sinkSecret', line: 3, column: 84, endLine: 3, endColumn: 102, data: {"sink":"The `secretOrKey` option"} },
      ],
    },
    // connection string with a literal password
    {
      code: `const sequelize = new Sequelize('postgres://app:s3cr3tPa55@db.internal:5432/app');
`,
      errors: [
        { messageId: 'connectionPassword', line: 1, column: 33, endLine: 1, endColumn: 81, data: {"scheme":"postgres"} },
      ],
    },
    // connection string in a template literal with a computed host
    {
      code: `mongoose.connect(\`mongodb+srv://admin:Zx81qq@\${host}/shop\`);
`,
      errors: [
        { messageId: 'connectionPassword', line: 1, column: 18, endLine: 1, endColumn: 59, data: {"scheme":"mongodb+srv"} },
      ],
    },
    // known key shape: Stripe live key
    {
      code: `const stripe = new Stripe('sk_live_51SYNTHETICk3yF0rT3st1ngOnly');
`,
      errors: [
        { messageId: 'knownKey', line: 1, column: 27, endLine: 1, endColumn: 65, data: {"kind":"Stripe live secret key"} },
      ],
    },
    // known key shape: AWS access key id
    {
      code: `const s3 = new S3Client({ credentials: { accessKeyId: 'AKIAZZSYNTHETIC12345', secretAccessKey: process.env.AWS_SECRET! } });
`,
      errors: [
        { messageId: 'knownKey', line: 1, column: 55, endLine: 1, endColumn: 77, data: {"kind":"AWS access key id"} },
      ],
    },
    // module-level exported secret constant
    {
      code: `export const SECRET = 'secret-key';
`,
      errors: [
        { messageId: 'namedSecret', line: 1, column: 23, endLine: 1, endColumn: 35, data: {"name":"SECRET"} },
      ],
    },
    // DB config object with a password
    {
      code: `export default new DataSource({ type: 'postgres', host: 'localhost', username: 'app', password: 'Pa55w0rd!', database: 'app' });
`,
      errors: [
        { messageId: 'sinkSecret', line: 1, column: 97, endLine: 1, endColumn: 108, data: {"sink":"The connection's `password`"} },
      ],
    },
    // jose secret through TextEncoder
    {
      code: `import { jwtVerify } from 'jose';
const key = new TextEncoder().encode('jose-hs256-secret');
export const check = (t: string) => jwtVerify(t, key);
`,
      errors: [
        { messageId: 'sinkSecret', line: 2, column: 38, endLine: 2, endColumn: 57, data: {"sink":"`jwtVerify`"} },
      ],
    },
    // private key PEM block
    {
      code: `const privateKey = '-----BEGIN RSA PRIVATE KEY-----\\nMIICXAIBAAKBgQDNwqLEe9wgTXCbC7SYNTHETICONLYabcdEFGHijklMNOPqrstUVWX\\n-----END RSA PRIVATE KEY-----';
`,
      errors: [
        { messageId: 'knownKey', line: 1, column: 20, endLine: 1, endColumn: 153, data: {"kind":"private key"} },
      ],
    },
    // option override adds a key
    {
      code: `const client = createClient({ licenceCode: 'LC-88213-XY' });
`,
      options: [{"secretOptionKeys":["licenceCode"]}],
      errors: [
        { messageId: 'sinkSecret', line: 1, column: 44, endLine: 1, endColumn: 57, data: {"sink":"The `licenceCode` option"} },
      ],
    },
  ],
});
