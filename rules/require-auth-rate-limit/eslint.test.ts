import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

createRuleTester().run('require-auth-rate-limit', rule, {
  valid: [
    // A global limiter on the app this file creates.
    `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(rateLimit({ windowMs: 60_000, limit: 100 }));
app.post('/login', login);`,
    // A limiter on the route itself.
    `import express from 'express';
const app = express();
app.post('/login', loginLimiter, login);`,
    // Limiters spread into the chain.
    `import express from 'express';
const app = express();
const credentialLimiters = [ipLimiter, accountLimiter];
app.post('/login', ...credentialLimiters, login);`,
    // An app a test builds serves nobody.
    {
      code: `import express from 'express';
const app = express();
app.post('/login', login);`,
      filename: 'tests/integration/auth-hardening.test.ts',
    },
    // A limiter mounted on the route's prefix.
    `import express from 'express';
import { rateLimit } from 'express-rate-limit';
const app = express();
app.use('/api/auth', rateLimit({ limit: 10 }));
app.post('/api/auth/login', login);`,
    // A router file with no limiter anywhere: the app that mounts it may have one (decided across files).
    `import { Router } from 'express';
const router = Router();
router.post('/login', validate(loginSchema), login);
router.post('/register', register);
export default router;`,
    // Routes handed in as a parameter: the app is created elsewhere.
    `module.exports = (app) => {
  app.post('/login', sessionHandler.handleLoginRequest);
};`,
    // A client call to a login endpoint is not a route.
    `const { data } = await axios.post('/api/users/login', { email, password });`,
    // GET renders the login page; the attempt is the POST.
    `import express from 'express';
const app = express();
app.get('/login', (req, res) => res.render('login', { next: req.query.next }));`,
    // Fastify with @fastify/rate-limit registered (global by default).
    `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const fastify = Fastify();
await fastify.register(rateLimit, { max: 100, timeWindow: '1 minute' });
fastify.post('/login', login);`,
    // Account routes behind authentication are not public guessing targets.
    `const router = Router();
router.post('/login', loginLimiter, login);
router.post('/account/2fa/verify', isAuthenticated, verify2fa);`,
    // Not credential paths: an AI agent reset, a password policy read.
    `import express from 'express';
const app = express();
app.post('/ai/agent/reset', resetAgent);
app.post('/settings/password-policy', savePolicy);`,
    // A disabled signup that never reads the request checks no credentials.
    `const router = Router();
router.post('/signin', authRateLimit, signin);
router.post('/signup', (req, res) => res.status(403).json({ message: 'Sign up is disabled' }));`,
    // NestJS: a controller without any throttling relies on the global ThrottlerGuard in its module.
    `@Controller('auth') export class AuthController {
  @Post('login') login(@Body() dto: LoginDto) { return this.auth.login(dto); }
}`,
    // NestJS: a class-level throttler guard covers every route.
    `@UseGuards(ThrottlerGuard) @Controller('auth') export class AuthController {
  @Throttle({ default: { limit: 3, ttl: 60_000 } }) @Post('login') login(@Body() dto: LoginDto) { return dto; }
  @Post('register') register(@Body() dto: RegisterDto) { return dto; }
}`,
    // NestJS: SkipThrottle with every throttler re-enabled.
    `@Controller('auth') export class AuthController {
  @SkipThrottle({ default: false }) @Post('login') login(@Body() dto: LoginDto) { return dto; }
}`,
    // An imported rate-limit package that this file applies in a way we cannot follow: quiet.
    `import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
const app = express();
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
app.post('/login', async (req, res, next) => { await limiter.consume(req.ip!); next(); }, login);`,
    // A Router used as middleware whose own use() limits: it runs for every later route of the app.
    `import express from 'express';
import rateLimit from 'express-rate-limit';
const globalMiddleware = express.Router();
globalMiddleware.use(rateLimit({ limit: 30 }));
const app = express();
app.use(globalMiddleware);
app.post('/auth/sign-in', signIn);`,
    // Middleware from a project file runs first (a Router with a limiter, maybe): the analyzer follows it there.
    `import express from 'express';
import globalMiddleware from './middleware/globalMiddleware';
const app = express();
app.use(globalMiddleware);
app.post('/auth/sign-in', signIn);`,
    // The same through require(), and an alias path.
    `const express = require('express');
const app = express();
app.use(require('./middleware/global'));
app.post('/login', login);`,
  ],
  invalid: [
    // Project middleware mounted only after the route does not run before it; a package's middleware is no limiter.
    {
      code: `import express from 'express';
import cors from 'cors';
import errorHandler from './middleware/errorHandler';
const app = express();
app.use(cors());
app.post('/login', login);
app.use(errorHandler);
`,
      errors: [
        { messageId: 'noLimiterInApp', line: 6, column: 1, endLine: 6, endColumn: 26, data: { method: 'POST', path: '/login', abuse: 'a client can try passwords or codes as fast as it can send requests' } },
      ],
    },
    // express app created here, login without limiter
    {
      code: `import express from 'express';

const app = express();
app.use(express.json());
app.post('/login', async (req, res) => {
  res.json(await login(req.body.email, req.body.password));
});
`,
      errors: [
        { messageId: 'noLimiterInApp', line: 5, column: 1, endLine: 7, endColumn: 3, data: { method: 'POST', path: '/login', abuse: 'a client can try passwords or codes as fast as it can send requests' } },
      ],
    },
    // CommonJS express, register and forgot-password
    {
      code: `const express = require('express');
const app = express();
app.post('/api/auth/register', authController.register);
app.post('/api/auth/forgot-password', authController.forgotPassword);
`,
      errors: [
        { messageId: 'noLimiterInApp', line: 3, column: 1, endLine: 3, endColumn: 56, data: { method: 'POST', path: '/api/auth/register', abuse: 'a client can create accounts in bulk (spam and fake sign-ups) as fast as it can send requests' } },
        { messageId: 'noLimiterInApp', line: 4, column: 1, endLine: 4, endColumn: 69, data: { method: 'POST', path: '/api/auth/forgot-password', abuse: 'a client can send reset mail or codes to anyone, and guess the codes, as fast as it can send requests' } },
      ],
    },
    // router with a limiter on signin but not on signup
    {
      code: `import { Router } from 'express';
import rateLimit from 'express-rate-limit';

const router = Router();
const loginLimiter = rateLimit({ windowMs: 60_000, limit: 5 });
router.post('/signin', loginLimiter, signin);
router.post('/signup', signup);
`,
      errors: [
        { messageId: 'noLimiterLikeSiblings', line: 7, column: 1, endLine: 7, endColumn: 31, data: {"method":"POST","path":"/signup"} },
      ],
    },
    // route() chain without limiter next to a limited sibling
    {
      code: `const router = express.Router();
router.route('/login').post(limiter, login);
router.route('/reset-password/:token').post(resetPassword);
`,
      errors: [
        { messageId: 'noLimiterLikeSiblings', line: 3, column: 1, endLine: 3, endColumn: 59, data: {"method":"POST","path":"/reset-password/:token"} },
      ],
    },
    // fastify app with per-route rateLimit on one route only
    {
      code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.post('/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, login);
fastify.post('/otp/verify', verifyOtp);
`,
      errors: [
        { messageId: 'noLimiterLikeSiblings', line: 4, column: 1, endLine: 4, endColumn: 39, data: {"method":"POST","path":"/otp/verify"} },
      ],
    },
    // NestJS SkipThrottle on login
    {
      code: `@Controller('auth')
export class AuthController {
  @SkipThrottle()
  @Post('login')
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }
}
`,
      errors: [
        { messageId: 'throttlerSkipped', line: 3, column: 3, endLine: 3, endColumn: 18, data: {"path":"/auth/login"} },
      ],
    },
    // NestJS throttled login, unthrottled register
    {
      code: `@Controller('auth')
export class AuthController {
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('login')
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }

  @Post('register')
  register(@Body() dto: RegisterDto) {
    return this.auth.register(dto);
  }
}
`,
      errors: [
        { messageId: 'noLimiterLikeSiblings', line: 9, column: 3, endLine: 9, endColumn: 20, data: {"method":"POST","path":"/auth/register"} },
      ],
    },
    // team limiter option marks the sibling as limited
    {
      code: `const router = Router();
router.post('/login', loginGuard, login);
router.post('/2fa/verify', verify2fa);
`,
      options: [{"rateLimiters":["loginGuard"]}],
      errors: [
        { messageId: 'noLimiterLikeSiblings', line: 3, column: 1, endLine: 3, endColumn: 38, data: {"method":"POST","path":"/2fa/verify"} },
      ],
    },
    // team auth path option
    {
      code: `import express from 'express';
const app = express();
app.post('/session/new', (req: Request, res: Response) => createSession(req, res));
`,
      options: [{"authPaths":["/session/new"]}],
      errors: [
        { messageId: 'noLimiterInApp', line: 3, column: 1, endLine: 3, endColumn: 83, data: { method: 'POST', path: '/session/new', abuse: 'a client can try passwords or codes as fast as it can send requests' } },
      ],
    },
  ],
});
