import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

const ruleTester = createRuleTester();
const filename = 'src/routes/users.ts';

ruleTester.run('no-error-details-in-response', rule, {
  valid: [
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
    { filename, code: `@Catch(HttpException) export class F { catch(exception: HttpException, host: ArgumentsHost) { const response = host.switchToHttp().getResponse(); response.status(exception.getStatus()).json({ message: exception.message }); } }` },
    // The message is checked against known text before it is sent.
    { filename, code: `app.get('/x', async (req, res) => { try { await svc.run(); } catch (e) { if (e.message.includes('validation failed')) return res.status(400).json({ message: e.message }); res.sendStatus(500); } });` },
    // A development-only handler.
    { filename, code: `export const developmentErrors = (error, req, res, next) => { res.status(500).json({ message: error.message, stack: error.stack }); };` },
    // Test files are skipped.
    { filename: 'src/users.test.ts', code: `app.use((err, req, res, next) => res.json({ stack: err.stack }));` },
  ],
  invalid: [
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
      // A promise .catch callback; a helper that extracts the message.
      filename,
      code: `app.get('/r', (req, res) => {\n  svc.run().then((r) => res.json(r)).catch((e) => res.status(500).json({ error: getErrorMessage(e) }));\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'getErrorMessage(e)', what: 'the raw error message', sink: 'res.status(500).json' }, line: 2, column: 81, endLine: 2, endColumn: 99 }],
    },
    {
      // Sequelize error details.
      filename,
      code: `app.post('/x', async (req, res) => {\n  try { await Model.create(req.body); } catch (err) { res.status(400).json({ sql: err.sql }); }\n});`,
      errors: [{ messageId: 'errorDetails', data: { expression: 'err.sql', what: 'the failing SQL', sink: 'res.status(400).json' }, line: 2, column: 83, endLine: 2, endColumn: 90 }],
    },
  ],
});
