import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

const ruleTester = createRuleTester();
const filename = 'src/auth/tokens.ts';

ruleTester.run('no-jwt-misuse', rule, {
  valid: [
    // A seed script signs tokens for demo rows no one signs in with.
    { filename: 'packages/core/src/invite/invite.seed.ts', code: `import { sign } from 'jsonwebtoken'; export const createToken = (email: string) => sign({ email }, process.env.JWT_SECRET!, {});` },
    { filename: 'prisma/seed.ts', code: `import jwt from 'jsonwebtoken'; const token = jwt.sign({ sub: 'demo-user' }, process.env.JWT_SECRET!); await db.apiToken.create({ data: { token } });` },
    // A long-lived integration token revoked by bumping the version the server stores.
    `import jwt from 'jsonwebtoken';
export const createIntegrationToken = (serviceId, version) => jwt.sign({ service_id: serviceId, token_version: version }, secret, { algorithm: 'HS256', audience: 'integration' });`,
    // An OAuth strategy's verify callback: the provider's token endpoint sent these tokens, no user did.
    `import jwt from 'jsonwebtoken';
passport.use(new OAuth2Strategy(options, async function (accessToken, refreshToken, params, profile, cb) {
  const token = jwt.decode(accessToken);
  const user = await User.findOne({ _id: token.sub });
  const profileInfo = jwt.decode(params.access_token);
  cb(null, user, profileInfo);
}));`,
    // Access token with an expiry.
    { filename, code: `import jwt from 'jsonwebtoken'; export const t = (id: string) => jwt.sign({ sub: id }, process.env.JWT_SECRET!, { expiresIn: '15m' });` },
    // `exp` in the payload.
    { filename, code: `import jwt from 'jsonwebtoken'; export const t = (id: string) => jwt.sign({ sub: id, exp: Math.floor(Date.now() / 1000) + 900 }, secret);` },
    // Options built elsewhere: unknown.
    { filename, code: `import jwt from 'jsonwebtoken'; export const t = (p: object, o: jwt.SignOptions) => jwt.sign(p, secret, o);` },
    // Options that get their expiry later.
    { filename, code: `import jwt from 'jsonwebtoken'; export function t(days?: number) { const options: jwt.SignOptions = {}; if (days) options.expiresIn = days * 86400; return jwt.sign({ a: 1 }, secret, options); }` },
    // decode only to read the header kid before verify.
    {
      filename,
      code: `import jwt from 'jsonwebtoken';
        export async function check(token: string) {
          const { header } = jwt.decode(token, { complete: true })!;
          const key = await getKey(header.kid);
          return jwt.verify(token, key, { algorithms: ['RS256'] });
        }`,
    },
    // decode to show an expiry date, not to authenticate.
    { filename, code: `import { decode } from 'jsonwebtoken'; export function expiresAt(token: string) { const payload = decode(token) as { exp: number }; return new Date(payload.exp * 1000); }` },
    // verify with one algorithm family.
    { filename, code: `import jwt from 'jsonwebtoken'; export const v = (t: string) => jwt.verify(t, publicKey, { algorithms: ['RS256', 'ES256'] });` },
    // ignoreExpiration: false.
    { filename, code: `import { ExtractJwt, Strategy } from 'passport-jwt'; export const s = new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: 'x' }, verify);` },
    // jose builder with an expiration time.
    { filename, code: `import { SignJWT } from 'jose'; export const t = (key: Uint8Array) => new SignJWT({ sub: '1' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(key);` },
    // Nest: JwtModule in the same file sets expiresIn.
    {
      filename,
      code: `import { JwtModule, JwtService } from '@nestjs/jwt';
        export const mod = JwtModule.register({ secret: 's', signOptions: { expiresIn: '1h' } });
        export class A { constructor(private readonly jwtService: JwtService) {} t(id: string) { return this.jwtService.sign({ sub: id }); } }`,
    },
    // Nest: module config in another file: unknown.
    { filename, code: `import { JwtService } from '@nestjs/jwt'; export class A { constructor(private jwtService: JwtService) {} t(id: string) { return this.jwtService.sign({ sub: id }); } }` },
    // Not jsonwebtoken: a local sign helper.
    { filename, code: `import { sign } from './crypto'; export const s = sign({ a: 1 }, 'k');` },
    // A file without any JWT import is not checked for ignoreExpiration.
    { filename, code: `export const cacheOptions = { ignoreExpiration: true };` },
    // Refresh token with a longer expiry.
    { filename, code: `const jwt = require('jsonwebtoken'); module.exports = (id) => jwt.sign({ id, type: 'refresh' }, process.env.REFRESH_SECRET, { expiresIn: '30d' });` },
    // Test files are skipped.
    { filename: 'src/auth.test.ts', code: `import jwt from 'jsonwebtoken'; const t = jwt.sign({ sub: '1' }, 'test');` },
  ],
  invalid: [
    {
      filename,
      code: `import jwt from 'jsonwebtoken';\nexport const issue = (user: { id: string }) => jwt.sign({ id: user.id }, process.env.JWT_SECRET!);`,
      errors: [
        {
          messageId: 'signWithoutExpiry',
          data: { call: 'jwt.sign' },
          line: 2, column: 48, endLine: 2, endColumn: 98,
          suggestions: [
            {
              messageId: 'addExpiresIn',
              data: { value: '15m' },
              output: `import jwt from 'jsonwebtoken';\nexport const issue = (user: { id: string }) => jwt.sign({ id: user.id }, process.env.JWT_SECRET!, { expiresIn: '15m' });`,
            },
          ],
        },
      ],
    },
    {
      // Named aliased import; options without expiresIn.
      filename,
      code: `import { sign as signToken } from 'jsonwebtoken';\nexport const issue = (id: string) => signToken({ sub: id }, key, { algorithm: 'RS256' });`,
      errors: [
        {
          messageId: 'signWithoutExpiry',
          data: { call: 'signToken' },
          line: 2, column: 38, endLine: 2, endColumn: 89,
          suggestions: [
            {
              messageId: 'addExpiresIn',
              data: { value: '15m' },
              output: `import { sign as signToken } from 'jsonwebtoken';\nexport const issue = (id: string) => signToken({ sub: id }, key, { algorithm: 'RS256', expiresIn: '15m' });`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS destructured require, callback form.
      filename,
      code: `const { sign } = require('jsonwebtoken');\nsign({ id: 1 }, secret, (err, token) => done(token));`,
      errors: [
        {
          messageId: 'signWithoutExpiry',
          data: { call: 'sign' },
          line: 2, column: 1, endLine: 2, endColumn: 53,
          suggestions: [{ messageId: 'addExpiresIn', data: { value: '15m' }, output: `const { sign } = require('jsonwebtoken');\nsign({ id: 1 }, secret, { expiresIn: '15m' }, (err, token) => done(token));` }],
        },
      ],
    },
    {
      // decode drives req.user in a middleware.
      filename,
      code: `import jwt from 'jsonwebtoken';
export function auth(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  const decoded = jwt.decode(token!) as { id: string };
  req.user = decoded;
  next();
}`,
      errors: [{ messageId: 'decodeForAuth', data: { call: 'jwt.decode', verify: 'jwt.verify' }, line: 4, column: 19, endLine: 4, endColumn: 37 }],
    },
    {
      // decode result feeds a user lookup; namespace import.
      filename,
      code: `import * as jwt from 'jsonwebtoken';
export async function me(token: string) {
  const payload = jwt.decode(token) as { sub: string };
  return prisma.user.findUnique({ where: { id: payload.sub } });
}`,
      errors: [{ messageId: 'decodeForAuth', data: { call: 'jwt.decode', verify: 'jwt.verify' }, line: 3, column: 19, endLine: 3, endColumn: 36 }],
    },
    {
      // jose decodeJwt in a Nest guard.
      filename,
      code: `import { decodeJwt } from 'jose';
export class RolesGuard {
  canActivate(context: any) {
    const { role } = decodeJwt(context.switchToHttp().getRequest().headers.authorization);
    return role === 'admin';
  }
}`,
      errors: [{ messageId: 'decodeForAuth', data: { call: 'decodeJwt', verify: 'jwtVerify' }, line: 4, column: 22, endLine: 4, endColumn: 90 }],
    },
    {
      // ignoreExpiration in verify options.
      filename,
      code: `import jwt from 'jsonwebtoken';\nexport const v = (t: string) => jwt.verify(t, secret, { ignoreExpiration: true });`,
      errors: [{ messageId: 'ignoreExpiration', line: 2, column: 57, endLine: 2, endColumn: 79 }],
    },
    {
      // passport-jwt strategy ignoring expiry.
      filename,
      code: `import { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() { super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: true, secretOrKey: process.env.JWT_SECRET }); }\n}`,
      errors: [{ messageId: 'ignoreExpiration', line: 4, column: 85, endLine: 4, endColumn: 107 }],
    },
    {
      // `none` among the algorithms.
      filename,
      code: `import jwt from 'jsonwebtoken';\nexport const v = (t: string) => jwt.verify(t, secret, { algorithms: ['HS256', 'none'] });`,
      errors: [{ messageId: 'noneAlgorithm', data: { value: "algorithms: ['HS256', 'none']" }, line: 2, column: 57, endLine: 2, endColumn: 86 }],
    },
    {
      // HMAC and RSA mixed.
      filename,
      code: `import jwt from 'jsonwebtoken';\nexport const v = (t: string) => jwt.verify(t, publicKey, { algorithms: ['RS256', 'HS256'] });`,
      errors: [{ messageId: 'mixedAlgorithms', data: { hmac: 'HS256', asymmetric: 'RS256' }, line: 2, column: 60, endLine: 2, endColumn: 90 }],
    },
    {
      // jose builder signed without an expiration time.
      filename,
      code: `import { SignJWT } from 'jose';\nexport const t = (key: Uint8Array) => new SignJWT({ sub: '1' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(key);`,
      errors: [{ messageId: 'signWithoutExpiry', data: { call: 'new SignJWT' }, line: 2, column: 39, endLine: 2, endColumn: 64 }],
    },
    {
      // Nest: JwtModule in the same file has no expiresIn.
      filename,
      code: `import { JwtModule, JwtService } from '@nestjs/jwt';
export const mod = JwtModule.register({ secret: 's' });
export class A {
  constructor(private readonly jwtService: JwtService) {}
  t(id: string) { return this.jwtService.sign({ sub: id }); }
}`,
      errors: [{ messageId: 'signWithoutExpiry', data: { call: 'this.jwtService.sign' }, line: 5, column: 26, endLine: 5, endColumn: 59 }],
    },
    {
      // The module name spelled with an escape is still jsonwebtoken.
      filename,
      code: `import jwt from 'json\\u0077ebtoken';\nexport const issue = (id: string) => jwt.sign({ sub: id }, process.env.JWT_SECRET!);`,
      errors: [
        {
          messageId: 'signWithoutExpiry',
          data: { call: 'jwt.sign' },
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'addExpiresIn',
              data: { value: '15m' },
              output: `import jwt from 'json\\u0077ebtoken';\nexport const issue = (id: string) => jwt.sign({ sub: id }, process.env.JWT_SECRET!, { expiresIn: '15m' });`,
            },
          ],
        },
      ],
    },
  ],
});
