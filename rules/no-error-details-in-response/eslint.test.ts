import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

const ruleTester = createRuleTester();
const filename = 'src/routes/users.ts';

ruleTester.run('no-error-details-in-response', rule, {
  valid: [
    // A role check that awaits nothing: what it throws is a programming error, which JSON sends as \`{}\`.
    `export async function requireTeamLead(req, res, next) {
  try {
    if (!req.user) return res.status(401).send('Unauthorized');
    if (!isTeamLeadFromSession(req.user)) return res.status(403).send('Team Lead role required.');
    next();
  } catch (error) {
    return res.status(500).send(error);
  }
}`,
    // A callback's error from the app's own check (a permission or login-attempt helper) carries the app's message.
    `router.post('/current', (req, res) => {
  auth.currentUser(req, res, (err) => {
    if (err) return res.status(401).send(err.message);
    res.send(req.user);
  });
});`,
    // Only the services holding the webhook token, or moderators, reach these handlers.
    `export default WebhookEndpoint(async (req, res) => {
  try { await setCustomChallenge(req.body); } catch (e) { return res.status(500).send({ error: (e as Error).message }); }
  res.send({ ok: true });
});
export const reconcile = ModEndpoint(async (req, res) => {
  try { await db.query('select 1'); } catch (e) { return res.status(500).json({ error: (e as Error).message }); }
});`,
    // A SyntaxError from JSON.parse serialises to \`{}\`: nothing of it reaches the client.
    `router.post('/pubsub/emails', async (req, res) => {
  try {
    await emails.save(JSON.parse(Buffer.from(req.body.message.data, 'base64').toString()));
    res.sendStatus(200);
  } catch (e) {
    if (e instanceof SyntaxError) return res.status(400).send(e);
    res.sendStatus(500);
  }
});`,
    // A token check's message ("jwt expired", "invalid signature") is written for the caller: the promise reaches no
    // database, file or network.
    `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
@Injectable()
export class ValidateAccountService {
  constructor(private readonly jwtService: JwtService) {}
  async verify(token: string) { return this.jwtService.verifyAsync(token); }
  async confirm(dto: { token: string }) {
    const claims = await this.verify(dto.token).catch((e) => { throw new UnauthorizedException(e.message); });
    return claims;
  }
}`,
    // A 500 with the message of a service in another file: nothing in the try shows a database, file or network call.
    `export async function rename(req: Request, res: Response) {
  try {
    res.json(await projects.rename(req.params.id, String(req.body.name)));
  } catch (err) {
    res.status(500).json({ message: err.message });
  }
}`,
    // The handler turns away everyone but administrators before it answers.
    `import { json, redirect } from '@remix-run/node';
export async function action({ request }) {
  const user = await requireUser(request);
  if (!user.admin) return redirect('/');
  try {
    await prisma.worker.deleteMany({ where: { id: String(request.url) } });
    return json({ ok: true });
  } catch (error) {
    return json({ error: error.stack }, { status: 500 });
  }
}
export async function loader({ request }) {
  await requireAdminUser(request);
  try {
    return json(await prisma.worker.findMany());
  } catch (error) {
    return json({ error: error.stack }, { status: 500 });
  }
}`,
    // Only administrators reach these routes: they read the errors to fix their setup.
    `router.post('/admin/backup', isAdmin, error_catcher(async (req, res) => {
  try {
    await createBackup();
    res.json({ success: true });
  } catch (e) {
    res.status(500).json({ error: e.message });
  }
}));`,
    `import { Body, Controller, InternalServerErrorException, Post } from '@nestjs/common';
@Controller('admin/plugins')
export class PluginsController {
  @Post('install')
  @Roles(Role.Admin)
  async install(@Body() body: InstallDto) {
    try {
      return await this.plugins.install(body.name);
    } catch (error) {
      throw new InternalServerErrorException(error.message);
    }
  }
}`,
    // A 4xx answer carries the message as feedback when nothing in the try visibly reaches a database, file or network.
    `export async function redeem(req: Request, res: Response) {
  try {
    await coupons.redeem(req.body.code);
    res.sendStatus(204);
  } catch (err) {
    res.status(409).json({ message: err.message });
  }
}
export function receive(req: Request, res: Response) {
  try {
    JSON.parse(req.body.payload);
  } catch (err: any) {
    return res.status(400).json({ error: err.message });
  }
}
export const update = async (c: Context) => {
  try {
    return c.json(await projects.rename(c.req.param('id'), await c.req.json()));
  } catch (error) {
    return c.json({ message: error.message }, 400);
  }
};`,
    // Four parameters with req and res in the middle, but the first is the lookup field, not an error.
    `async function byType(type, req, res, next) {
  const userData = await getUserDataByField(req.uid, type, req.params[type]);
  res.json(userData);
}`,
    // Written to run with or without \`next\`: Express always passes it, so the error reaches the app's error handler.
    `app.get('/auth/callback', (req, res, next) => {
  passport.authenticate('sso', (err, user) => {
    if (err) return next ? next(err) : res.status(401).json(err);
    if (!next) { res.status(401).json({ message: err.message }); return; }
    res.redirect('/');
  })(req, res, next);
});`,
    // Internal errors masked in production; the API's own errors pass.
    `app.use((error, req, res, next) => {
  const message = req.server?.options?.production ? 'Internal Server Error' : error.message;
  res.status(500).json({ message });
});`,
    // A generic message; the error is logged.
    { filename, code: `app.get('/u', async (req, res) => { try { res.json(await db.user.findMany()); } catch (err) { logger.error(err); res.status(500).json({ message: 'Internal error' }); } });` },
    // The app's own error class carries a message written for the client.
    { filename, code: `app.use((err, req, res, next) => { if (err instanceof AppError) return res.status(err.status).json({ message: err.message }); res.status(500).json({ message: 'Internal error' }); });` },
    // Only client errors (status < 500) show their message.
    { filename, code: `app.use((err, req, res, next) => { const status = err.status ?? 500; res.status(status).json({ message: status < 500 ? err.message : 'Internal error' }); });` },
    // The stack only in development.
    { filename, code: `app.use((err, req, res, next) => { res.status(500).json({ message: 'Internal error', stack: process.env.NODE_ENV === 'development' ? err.stack : undefined }); });` },
    // A spread guarded by a development flag.
    { filename, code: `const isDev = process.env.NODE_ENV !== 'production'; app.use((err, req, res, next) => { res.status(500).json({ message: 'Oops', ...(isDev && { stack: err.stack }) }); });` },
    // An environment flag imported from another module, negated: the raw error only outside production.
    { filename, code: `import { isProductionEnv } from './utils/environment'; app.setErrorHandler((error, request, reply) => { if (!isProductionEnv) { return reply.send(error); } return reply.send(new InternalServerError()); });` },
    // Validation errors returned as a list of field problems.
    { filename, code: `app.post('/u', (req, res) => { try { schema.parse(req.body); } catch (err) { if (err instanceof ZodError) return res.status(400).json({ errors: err.issues }); throw err; } });` },
    // A try that only throws the app's own errors.
    { filename, code: `app.get('/x', (req, res) => { try { if (!req.query.id) throw new HttpError(400, 'id is required'); } catch (err) { res.status(400).json({ message: err.message }); } });` },
    // A mapped problem response from a helper.
    { filename, code: `app.use((err, req, res, next) => { res.status(500).json(toProblem(err)); });` },
    // The error code only.
    { filename, code: `app.get('/x', async (req, res) => { try { await db.q(); } catch (err) { res.status(500).json({ code: err.code }); } });` },
    // Nest exceptions with fixed messages.
    { filename, code: `import { InternalServerErrorException } from '@nestjs/common'; export async function f() { try { await g(); } catch (e) { throw new InternalServerErrorException('Could not save'); } }` },
    // A custom exception class from elsewhere: whether it reaches the client is unknown.
    { filename, code: `import { ApiException } from './api-exception'; export async function f() { try { await g(); } catch (e) { throw new ApiException(e.message); } }` },
    // A function with four parameters that is not an error handler.
    { filename, code: `export const notFound = (message: string, details?: object, cors = true, cache = 0) => Response.json({ code: 'not_found', message });` },
    // Logging the error is not a response.
    { filename, code: `app.get('/x', async (req, res) => { try { await db.q(); } catch (err) { console.error(err.stack); res.sendStatus(500); } });` },
    // A catch-all filter that hides the message of 5xx errors.
    // A driver-error filter that maps to a fixed message.
    { filename, code: `@Catch(QueryFailedError) export class F { catch(exception: QueryFailedError, host: ArgumentsHost) { host.switchToHttp().getResponse().status(409).json({ message: 'Conflict with existing data' }); } }` },
    { filename, code: `@Catch(HttpException) export class F { catch(exception: HttpException, host: ArgumentsHost) { const response = host.switchToHttp().getResponse(); response.status(exception.getStatus()).json({ message: exception.message }); } }` },
    // The message is checked against known text before it is sent.
    { filename, code: `app.get('/x', async (req, res) => { try { await svc.run(); } catch (e) { if (e.message.includes('validation failed')) return res.status(400).json({ message: e.message }); res.sendStatus(500); } });` },
    // A development-only handler.
    { filename, code: `export const developmentErrors = (error, req, res, next) => { res.status(500).json({ message: error.message, stack: error.stack }); };` },
    // Test files are skipped.
    { filename: 'src/users.test.ts', code: `app.use((err, req, res, next) => res.json({ stack: err.stack }));` },
    // The try only calls a check of this file: it reads to decide and throws a message written for the client.
    {
      filename,
      code: `
        async function verifySeatLimit(teamId: string) {
          const MAX_SEATS = Number(process.env.MAX_SEATS ?? 10);
          const seats = await prisma.member.count({ where: { teamId } });
          if (seats >= MAX_SEATS) {
            throw new Error(\`A team can have at most \${MAX_SEATS} members.\`);
          }
        }
        export async function invite(req: Request, res: Response) {
          try {
            await verifySeatLimit(req.params.teamId);
          } catch (err: any) {
            return res.status(400).json({ message: err.message });
          }
          res.sendStatus(204);
        }`,
    },
    // A method check on the same class, throwing the app's own error type with a constant message.
    {
      filename,
      code: `
        class QuotaError extends Error {}
        const QUOTA_MESSAGE = 'Monthly export quota reached';
        export class ExportController {
          private ensureQuota(user: { exportsLeft: number }): void {
            if (user.exportsLeft <= 0) throw new QuotaError(QUOTA_MESSAGE);
          }
          async create(req: Request, res: Response) {
            try {
              this.ensureQuota(req.user);
            } catch (e) {
              return res.status(429).send({ error: e.message });
            }
            return res.json(await this.exports.start(req.user));
          }
        }`,
    },
    // An imported assertion (\`assertX\`) is the app's validator: its throws are the answer to the client.
    {
      filename,
      code: `
        import { assertPublicUrl } from '@/lib/url-policy';
        export async function subscribe(req: Request, res: Response) {
          try {
            await assertPublicUrl(req.body.feedUrl);
          } catch (error: any) {
            return res.status(400).json({ response: error?.message || 'This URL is not allowed.' });
          }
          res.sendStatus(201);
        }`,
    },
    // Every other error leaves the catch first: only the app's own error reaches the response.
    {
      filename,
      code: `
        export async function redeem(req: Request, res: Response, next: NextFunction) {
          try {
            await coupons.redeem(req.body.code);
            res.sendStatus(204);
          } catch (err) {
            if (!(err instanceof CouponError)) return next(err);
            res.status(409).json({ message: err.message });
          }
        }`,
    },
    // The same, sorting by name: the validation library's message is written for the client.
    {
      filename,
      code: `
        export async function update(req: Request, res: Response) {
          try {
            await Profile.validate(req.body);
            await Profile.updateOne({ _id: req.user.id }, req.body);
          } catch (err) {
            if (err.name !== 'ValidationError') {
              throw err;
            }
            res.status(422).json({ error: err.message });
          }
        }`,
    },
  ],
  invalid: [
    {
      // The driver's callback error.
      filename,
      code: `router.get('/users/:id', (req, res) => {\n  User.findById(req.params.id, (err, user) => { if (err) return res.status(500).send(err.message); res.json({ name: user.name }); });\n});`,
      errors: [{ messageId: 'errorDetails', line: 2 }],
    },
    {
      // A wrapper that adds metrics lets anyone in.
      filename,
      code: `export default withApiMetrics(async (req, res) => {\n  try { await db.query('select 1'); } catch (e) { return res.status(500).json({ error: (e as Error).message }); }\n});`,
      errors: [{ messageId: 'errorDetails', line: 2 }],
    },
    // A check of the record's own flag after the answer, or of another user, does not make the route admin-only.
    {
      code: `import { json } from '@remix-run/node';
export async function action({ request }) {
  const user = await requireUser(request);
  try {
    await prisma.worker.deleteMany({ where: { ownerId: user.id } });
    return json({ ok: true });
  } catch (error) {
    return json({ error: error.stack }, { status: 500 });
  }
  if (!user.admin) return null;
}`,
      errors: [{ messageId: 'errorDetails', line: 8 }],
    },
    {
      // Hono's error handler, declared apart from the app.onError(handleError) that registers it: the app's own errors
      // say what they mean; the last branch sends whatever else was thrown.
      filename,
      code: `import type { Context } from 'hono';
import { ApiError } from './api-error';
export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json({ message: err.message }, err.status);
  return c.json({ code: 'INTERNAL_SERVER_ERROR', message: err.message ?? 'Something went wrong' }, 500);
}`,
      errors: [{ messageId: 'errorDetails', line: 5 }],
    },
    {
      // A check of this file that also writes: a database error of the write reaches the catch.
      filename,
      code: `async function addMember(teamId: string, email: string) {
  if (!email.includes('@')) throw new Error('A valid e-mail is required.');
  await prisma.member.create({ data: { teamId, email } });
}
export async function invite(req: Request, res: Response) {
  try {
    await addMember(req.params.teamId, req.body.email);
  } catch (err: any) {
    return res.status(400).json({ message: err.message });
  }
  res.sendStatus(204);
}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err.message', what: 'the raw error message', sink: 'res.status(400).json' }, line: 9, column: 44, endLine: 9, endColumn: 55 }],
    },
    {
      // A check that passes on a caught error's text is not the app's message.
      filename,
      code: `function parseWebhook(raw: string) {
  try {
    JSON.parse(raw);
  } catch (e: any) {
    throw new Error(\`Bad payload: \${e.message}\`);
  }
}
export async function receive(req: Request, res: Response) {
  try {
    parseWebhook(req.body);
    await db.webhookEvents.insert({ payload: req.body });
  } catch (err: any) {
    return res.status(500).json({ error: err.message });
  }
}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err.message', what: 'the raw error message', sink: 'res.status(500).json' }, line: 13, column: 42, endLine: 13, endColumn: 53 }],
    },
    {
      // A catch-all around the handlers of this file: they throw nothing themselves, their database and file calls do.
      filename,
      code: `async function handleGet(req: Request, res: Response) {
  const file = await storage.read(req.query.path);
  return res.send(file);
}
export default async function handler(req: Request, res: Response) {
  try {
    if (req.method === 'GET') return await handleGet(req, res);
    return res.status(405).json({ response: 'Method not allowed' });
  } catch (error: any) {
    return res.status(400).json({ response: error.message });
  }
}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'error.message', what: 'the raw error message', sink: 'res.status(400).json' }, line: 10, column: 45, endLine: 10, endColumn: 58 }],
    },
    {
      // Leaving early only for non-\`Error\` values does not sort the app's errors from the rest.
      filename,
      code: `export async function redeem(req: Request, res: Response, next: NextFunction) {
  try {
    await prisma.coupon.update({ where: { code: req.body.code }, data: { redeemed: true } });
  } catch (err) {
    if (!(err instanceof Error)) return next(err);
    res.status(500).json({ message: err.message });
  }
}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err.message', what: 'the raw error message', sink: 'res.status(500).json' }, line: 6, column: 37, endLine: 6, endColumn: 48 }],
    },
    {
      filename,
      code: `app.get('/users', async (req, res) => {
  try {
    res.json(await prisma.user.findMany());
  } catch (error) {
    res.status(500).json({ success: false, message: error.message });
  }
});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'error.message', what: 'the raw error message', sink: 'res.status(500).json' }, line: 5, column: 53, endLine: 5, endColumn: 66 }],
    },
    {
      // Express error handler that echoes the stack.
      filename,
      code: `app.use((err: Error, req: Request, res: Response, next: NextFunction) => {\n  res.status(500).send({ error: err.message, stack: err.stack });\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err.message', what: 'the raw error message', sink: 'res.status(500).send' }, line: 2, column: 33, endLine: 2, endColumn: 44 }],
    },
    {
      // A flag that is not about the environment does not make the echo development-only.
      filename,
      code: `app.use((err: Error, req: Request, res: Response, next: NextFunction) => {\n  if (!isProductPage) return next();\n  res.status(500).send({ error: err.message });\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err.message', what: 'the raw error message', sink: 'res.status(500).send' }, line: 3, column: 33, endLine: 3, endColumn: 44 }],
    },
    {
      // The error object itself.
      filename,
      code: `router.post('/orders', (req, res) => {\n  Order.create(req.body, (err, order) => {\n    if (err) return res.status(500).json(err);\n    res.json(order);\n  });\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err', what: 'the error object', sink: 'res.status(500).json' }, line: 3, column: 42, endLine: 3, endColumn: 45 }],
    },
    {
      // `instanceof Error` does not narrow to the app's errors; aliased through a const.
      filename,
      code: `export async function POST(request: Request) {\n  try {\n    await db.insert(users).values(await request.json());\n  } catch (error: unknown) {\n    const message = error instanceof Error ? error.message : 'Unknown error';\n    return NextResponse.json({ error: message }, { status: 500 });\n  }\n}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'message', what: 'the raw error message', sink: 'NextResponse.json' }, line: 6, column: 39, endLine: 6, endColumn: 46 }],
    },
    {
      // Koa: ctx.body; `as` cast and optional chaining.
      filename,
      code: `export async function handle(ctx, next) {\n  try { await next(); } catch (e) {\n    ctx.status = 500;\n    ctx.body = { detail: (e as Error)?.stack };\n  }\n}`,
      errors: [{ messageId: 'errorDetails', data: { expression: '(e as Error)?.stack', what: 'the stack trace', sink: 'ctx.body' }, line: 4, column: 26, endLine: 4, endColumn: 45 }],
    },
    {
      // Hono onError with c.text and a template literal.
      filename,
      code: 'app.onError((err, c) => {\n  return c.text(`Internal error: ${err}`, 500);\n});',
      errors: [{ messageId: 'errorDetails', data: { expression: 'err', what: 'the error object', sink: 'c.text' }, line: 2, column: 36, endLine: 2, endColumn: 39 }],
    },
    {
      // Fastify setErrorHandler with reply.send(String(error)).
      filename,
      code: `fastify.setErrorHandler((error, request, reply) => {\n  reply.code(500).send({ message: String(error) });\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'String(error)', what: 'the raw error message', sink: 'reply.code(500).send' }, line: 2, column: 35, endLine: 2, endColumn: 48 }],
    },
    {
      // Nest: the message of a database error thrown as an HttpException body.
      filename,
      code: `import { InternalServerErrorException } from '@nestjs/common';\nexport class S {\n  async save(dto: object) {\n    try { return await this.repo.save(dto); } catch (error) {\n      throw new InternalServerErrorException(error.message);\n    }\n  }\n}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'error.message', what: 'the raw error message', sink: 'InternalServerErrorException' }, line: 5, column: 46, endLine: 5, endColumn: 59 }],
    },
    {
      // Nest catch-all exception filter.
      filename,
      code: `@Catch()\nexport class AllExceptionsFilter {\n  catch(exception: any, host: ArgumentsHost) {\n    const response = host.switchToHttp().getResponse();\n    response.status(500).json({ message: exception.message, sql: exception.sql });\n  }\n}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'exception.message', what: 'the raw error message', sink: 'response.status(500).json' }, line: 5, column: 42, endLine: 5, endColumn: 59 }],
    },
    {
      // A filter for a driver's errors: the message names tables, columns and constraints.
      filename,
      code: `@Catch(QueryFailedError, Prisma.PrismaClientKnownRequestError)\nexport class DbExceptionFilter {\n  catch(exception: QueryFailedError, host: ArgumentsHost) {\n    const response = host.switchToHttp().getResponse<Response>();\n    response.status(400).json({ statusCode: 400, message: exception.message });\n  }\n}`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'exception.message', what: 'the raw error message', sink: 'response.status(400).json' }, line: 5, column: 59, endLine: 5, endColumn: 76 }],
    },
    {
      // A promise .catch callback on a database call; a helper that extracts the message.
      filename,
      code: `app.get('/r', (req, res) => {\n  db.query(sql).then((r) => res.json(r)).catch((e) => res.status(500).json({ error: getErrorMessage(e) }));\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'getErrorMessage(e)', what: 'the raw error message', sink: 'res.status(500).json' }, line: 2, column: 85, endLine: 2, endColumn: 103 }],
    },
    {
      // Sequelize error details.
      filename,
      code: `app.post('/x', async (req, res) => {\n  try { await Model.create(req.body); } catch (err) { res.status(400).json({ sql: err.sql }); }\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err.sql', what: 'the failing SQL', sink: 'res.status(400).json' }, line: 2, column: 83, endLine: 2, endColumn: 90 }],
    },
    {
      // An Express error handler is the only place the error is caught: no `catch` and no `err` in the file.
      filename,
      code: `app.use((e, req, res, next) => { res.status(500).json({ detail: e.stack }); });`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'e.stack', what: 'the stack trace', sink: 'res.status(500).json' }, line: 1, column: 65, endLine: 1, endColumn: 72 }],
    },
  ],
});
