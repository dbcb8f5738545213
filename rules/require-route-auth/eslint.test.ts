import rule from './eslint.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-route-auth', rule, {
  valid: [
    // Nest: the Swagger description declares the route public.
    `@Controller('feature-flag')
export class FeatureFlagController {
  @UseGuards(JwtAuthGuard)
  @Post()
  create(@Body() body: CreateFlagDto) { return this.flags.create(body); }
  @UseGuards(JwtAuthGuard)
  @Delete(':id')
  remove(@Param('id') id: string) { return this.flags.remove(id); }
  @Post('evaluate')
  @ApiOperation({ summary: 'Evaluate feature flags (public endpoint)', description: 'Does not require authentication.' })
  evaluate(@Body() body: EvaluateDto) { return this.flags.evaluate(body); }
}`,
    // tRPC: a public procedure that verifies the token it is given before anything else checks its caller itself.
    `export const blocksRouter = router({
  list: protectedProcedure.query(({ ctx }) => listBlocks(ctx.user.id)),
  create: protectedProcedure.input(blockInput).mutation(({ ctx, input }) => createBlock(ctx.user.id, input)),
  remove: protectedProcedure.input(idInput).mutation(({ ctx, input }) => removeBlock(ctx.user.id, input.id)),
  cancelWorkflow: publicProcedure.input(cancelInput).mutation(async ({ input }) => {
    const claims = await verifyBlockToken(input.blockToken);
    if (!claims) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Invalid block token' });
    return cancelWorkflow(claims.sub, input.workflowId);
  }),
  getMyBuzzBalance: publicProcedure.input(tokenInput).mutation(async ({ input }) => getBalance(await authorizeBlockBuzzRead(input.blockToken))),
});`,
    // tRPC: procedures named for anonymous callers (\`publicList\`), and one whose resolver checks access to the note
    // it comments on (guests may comment on shared notes).
    `export const noteRouter = router({
  create: authProcedure.input(noteInput).mutation(({ ctx, input }) => createNote(ctx.id, input)),
  update: authProcedure.input(noteInput).mutation(({ ctx, input }) => updateNote(ctx.id, input)),
  trash: authProcedure.input(idInput).mutation(({ ctx, input }) => trashNote(ctx.id, input.id)),
  publicList: publicProcedure.input(pageInput).mutation(({ input }) => prisma.notes.findMany({ where: { isShare: true }, skip: input.skip })),
  comment: publicProcedure.input(commentInput).mutation(async ({ ctx, input }) => {
    await checkNoteAccess(input.noteId, ctx);
    return prisma.comments.create({ data: { noteId: input.noteId, content: input.content, guestName: ctx.id ? null : input.guestName } });
  }),
});`,
    // A handler that deletes a resource named session (`deleteSession`) is no auth check: it is no evidence that the
    // other routes on the router forgot one (audiobookshelf's ApiRouter, mounted behind auth in another file).
    `class ApiRouter {
  constructor() {
    this.router = express();
    this.router.get('/me', MeController.getCurrentUser.bind(this));
    this.router.delete('/me/sessions/:id', MeController.deleteSession.bind(this));
    this.router.patch('/me/progress/:id', MeController.createUpdateMediaProgress.bind(this));
  }
}`,
    // tRPC: public flows by their key, and a router whose procedures are all public.
    `export const authRouter = router({
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  updateProfile: protectedProcedure.input(profile).mutation(({ ctx, input }) => db.user.update({ where: { id: ctx.user.id }, data: input })),
  signUp: publicProcedure.input(credentials).mutation(({ input }) => createAccount(input)),
  resetPassword: publicProcedure.input(reset).mutation(({ input }) => resetPassword(input)),
  verifyEmail: publicProcedure.input(token).mutation(({ input }) => verifyEmail(input)),
});
export const publicListsRouter = createTRPCRouter({
  view: publicProcedure.input(id).query(({ input }) => getPublicList(input)),
  vote: publicProcedure.input(id).mutation(({ input }) => vote(input)),
});
export const usersAppRouter = router({
  whoami: authedProcedure.query(({ ctx }) => ctx.user),
  create: publicProcedure.input(signUp).mutation(({ input }) => createUser(input)),
  invite: publicProcedure.use(createRateLimitMiddleware({ maxRequests: 3 })).input(email).mutation(({ input }) => sendInvite(input)),
});
// A project's own base procedure (defined in another file) is neither open nor known to authenticate.
export const rolesRouter = router({
  all: protectedProcedure.query(() => listRoles()),
  create: enterpriseProcedure.input(role).mutation(({ input }) => createRole(input)),
});`,
    // A sibling that reads the session token itself shows how it checks its caller, not a convention its siblings skip.
    `fastify.get('/api/v1/config/email', async (request, reply) => {
  const session = await prisma.session.findUnique({ where: { sessionToken: String(request.headers.authorization) } });
  reply.send({ email: await prisma.email.findFirst({ select: { host: true } }), user: session?.userId });
});
fastify.put('/api/v1/config/email', async (request, reply) => {
  reply.send(await prisma.email.update({ where: { id: 1 }, data: { host: String(request.body.host) } }));
});`,
    // Handlers that check the caller's credential themselves: a project key in a header, a token in the query.
    `router.post('/items', auth, createItem);
router.put('/items/:id', auth, updateItem);
router.patch('/items/:id', auth, patchItem);
router.delete('/items/:id', auth, deleteItem);
router.post('/items/ingest', async (req, res) => {
  const project = await prisma.project.findFirst({ where: { apiKey: String(req.headers['x-api-key']) } });
  if (!project) return res.status(404).json({ error: 'Not found' });
  res.sendStatus(202);
});
router.post('/items/import', async (req, res) => {
  const { token } = req.query;
  const owner = await findOwnerByToken(String(token));
  if (!owner) return res.sendStatus(404);
  res.json(await importItems(owner.id, req.body.items));
});
router.delete('/items/:id/sync', async (req, res) => {
  await syncService.forget(req.header('X-Sync-Token'), req.params.id);
  res.sendStatus(204);
});`,
    // A gateway controller whose routes mostly forward to a service that checks its own callers.
    `@controller('/v1')
export class PaymentsController extends BaseHttpController {
  @httpPost('/subscriptions/cancel', subscriptionTokenAuthMiddleware)
  async confirm(req, res) { await this.proxy.callPaymentsServer(req, res, 'subscriptions/cancel', req.body); }
  @httpPost('/admin/auth/logout')
  async adminLogout(req, res) { await this.proxy.callPaymentsServer(req, res, 'admin/auth/logout', req.body); }
  @httpPost('/students')
  async students(req, res) { await this.proxy.callPaymentsServer(req, res, 'students', req.body); }
  @httpDelete('/claims/:id')
  async removeClaim(req, res) { await this.proxy.callPaymentsServer(req, res, 'claims', req.body); }
}`,
    // Most of the resource is open by design; the route behind a purchase-token middleware is the exception.
    `router.post('/payments/subscriptions', subscriptionTokenAuth, controller.subscribe);
router.post('/payments/students', (req, res) => paymentsProxy.forward(req, res, 'students'));
router.post('/payments/admin/logout', (req, res) => paymentsProxy.forward(req, res, 'admin/logout'));
router.delete('/payments/claims/:id', (req, res) => paymentsProxy.forward(req, res, 'claims'));`,
    // A privilege middleware decides who may read profiles (guests included, by default).
    `router.get('/user/unread/total', [...middlewares, middleware.ensureLoggedIn], controllers.unreadTotal);
router.get('/user/uid/:uid', [...middlewares, middleware.canViewUsers], controllers.getUserByUID);`,
    // Middleware passed by the name of a local list or alias.
    `module.exports = function (router, name, middleware, controllers) {
  const middlewares = [upload.array('files[]', 20), middleware.applyCSRF, middleware.ensureLoggedIn];
  const mw = middleware.ensureLoggedIn;
  router.get(\`/api/\${name}/config\`, middleware.ensureLoggedIn, controllers.getConfig);
  router.post(\`/api/\${name}/uploadlogo\`, middlewares, controllers.uploadLogo);
  router.post(\`/api/\${name}/uploadfavicon\`, mw, controllers.uploadFavicon);
};`,
    // Every route goes through a middleware factory this file cannot read; one handler adds a membership check.
    `const router = Router({ mergeParams: true });
router.get('/', route({ responses: { 200: { body: 'GuildResponse' } } }), async (req, res) => {
  const member = await Member.findOne({ where: { guild_id: req.params.guild_id, id: req.user_id } });
  if (!member) throw new HTTPError('You are not a member of the guild you are trying to access', 401);
  res.json(await Guild.findOneOrFail({ where: { id: req.params.guild_id } }));
});
router.patch('/', route({ requestBody: 'GuildUpdateSchema', permission: 'MANAGE_GUILD' }), async (req, res) => {
  res.json(await Guild.update({ id: req.params.guild_id }, pick(req.body, ['name', 'icon'])));
});`,
    // \`canModifyAdmin(user, updates)\` asks about the record being changed (the last admin must stay one), not the caller.
    `const { canModifyAdmin } = require('../utils/helpers/admin');
const { validApiKey } = require('../utils/middleware/validApiKey');
function adminEndpoints(app) {
  app.get('/v1/admin/users', [validApiKey], async (request, response) => {
    if (!multiUserMode(response)) return response.sendStatus(401).end();
    response.json(await User.where({}));
  });
  app.post('/v1/admin/users/:id', [validApiKey], async (request, response) => {
    if (!multiUserMode(response)) return response.sendStatus(401).end();
    const user = await User.get({ id: Number(request.params.id) });
    const { valid, error } = await canModifyAdmin(user, request.body);
    if (!valid) return response.status(200).json({ success: false, error });
    response.json(await User.update(user.id, request.body));
  });
}`,    // A handler's own 403 refuses a caller who is signed in (module middleware authenticates them all): a role
    // check, not evidence that the other handlers were meant to carry auth of their own.
    `
@Controller('/posts')
export class PostsController {
  @Get('/debug-export')
  async debugExport(@GetUserFromRequest() user: User) {
    if (!user.isSuperAdmin) throw new HttpException('Forbidden', 403);
    return this.posts.exportAll();
  }
  @Post('/')
  create(@GetOrgFromRequest() org: Organization, @Body() body: CreatePostDto) { return this.posts.create(org.id, body); }
}
`,
    `const router = Router();
router.get('/reports/all', async (req, res) => {
  if (req.user.role !== 'admin') return res.status(403).json({ error: 'Forbidden' });
  res.json(await reports.all());
});
router.post('/reports', async (req, res) => res.json(await reports.create(req.user.id, req.body)));`,
    // the settings' public view, read by the sign-in page before anyone signs in
    `const router = Router();
router.get('/settings/public', (req, res) => res.json(settings.fullPublicSettings));
router.get('/settings/main', isAuthenticated, (req, res) => res.json(settings.main));
router.post('/settings/main', isAuthenticated, (req, res) => res.json(save(req.body)));`,
    // a sign-up page's question whether the first admin exists yet, next to signed-in user routes
    `const router = Router();
router.get('/users/superadmin', authController.checkSuperadminExists);
router.get('/users', verifyJWT, authController.getAllUsers);
router.delete('/users/:userId', verifyJWT, authController.deleteUserById);`,
    // The admin's sign-in is public like anyone's: no one calling it is signed in yet.
    `
const routes = express.Router();
routes.post('/admin/login', adminController.login);
routes.post('/admin/token', authenticateToken, adminController.refresh);
routes.delete('/admin/user', authenticateUser, adminController.deleteUser);
`,
    // Class-level auth in other decorator frameworks: inversify's `@controller(path, ...middleware)`, routing-controllers' `@Authorized()`.
    `
@controller('/api/orders', TYPES.AuthMiddleware)
export class OrderController implements interfaces.Controller {
  @httpGet('/')
  public async list(req, res) { res.json(await this.orders.list(req.user.id)); }
  @httpDelete('/:id', TYPES.AuditMiddleware)
  public async remove(req, res) { await this.orders.remove(req.params.id); res.sendStatus(204); }
}
`,
    `
@Authorized()
@JsonController('/orders')
export class OrderController {
  @Get('/')
  list(@CurrentUser() user) { return this.orders.list(user.id); }
  @Delete('/:id')
  @Authorized('admin')
  remove(@Param('id') id: string) { return this.orders.remove(id); }
  @Post('/')
  create(@Body() body) { return this.orders.create(body); }
}
`,
    // fastify-decorators: a `@Hook('onRequest')` method guards every route of its controller.
    `
import { Controller, DELETE, Hook, PUT } from 'fastify-decorators';
@Controller('/profile')
export default class ProfileController {
  @Hook('onRequest')
  async authenticate(request, reply) {
    try { await request.jwtVerify(); } catch { return reply.code(401).send({ message: 'Unauthorized' }); }
  }
  @PUT('/', { preHandler: [requireFreshAuthentication] })
  async update(request) { return profiles.update(request.user.id, request.body); }
  @DELETE('/')
  async remove(request) { await profiles.remove(request.user.id); }
}
`,
    // Stubs that can only turn a request down (a feature behind a flag, "not implemented"), inline or by a local helper.
    `
const app = new Hono();
app.post('/api/devices', authenticate, createDevice);
app.patch('/api/devices/:id', unsupportedAlphaFeature);
app.get('/api/accounts/password', (c) => {
  c.header('Cache-Control', 'no-store');
  if (!isPasswordChangeEnabled(c.env?.PASSWORD_CHANGE_ENABLED)) {
    return unsupportedFeatureResponse(c, 'Password change is not activated on this server.');
  }
  c.header('Allow', 'POST');
  return c.json(apiError(c.get('requestId'), 'invalid_request', 'Password change requires POST.'), 405);
});
app.delete('/api/sends/:id', (req, res) => res.status(501).json({ error: 'Not implemented' }));
function unsupportedAlphaFeature(c) {
  return unsupportedFeatureResponse(c, 'Not in the alpha scope.');
}
function unsupportedFeatureResponse(c, message) {
  return c.json({ error: { code: 'unsupported_feature', message } }, 501);
}
`,
    `
@Controller('orders')
export class OrdersController {
  @UseGuards(JwtAuthGuard)
  @Post()
  create(@Body() dto: CreateOrderDto) { return this.orders.create(dto); }
  @Delete(':id')
  remove() { throw new NotImplementedException('Orders cannot be deleted yet'); }
}
`,
    // A test app's routes serve nobody.
    {
      code: `
const router = express.Router();
router.get('/orders', requireAuth, listOrders);
router.delete('/orders/:id', deleteOrder);`,
      filename: 'src/routes/orders.spec.ts',
    },
    // Confirming the account before it can sign in is public; switching someone's account on is not (see invalid).
    `
const router = new Router();
router.put('/profile', requireAuth, updateProfile);
router.post('/resend-activation', resendActivation);
router.get('/activate', activateAccount);
`,
    // Guest checkout: optional auth on the route lets guests in on purpose.
    `
const router = Router();
router.post('/', isGuestOrAuthorized, createOrder);
router.delete('/:id', isAuthorized, removeOrder);
`,
    // Accepting an invitation: the token in the link is the credential (Hono chain).
    `
export const invitationRoute = new Hono()
  .post('/', verifySignedIn(), verifyRole(['admin']), createInvitation)
  .delete('/:invitationId', verifySignedIn(), verifyRole(['admin']), deleteInvitation)
  .post('/:token', acceptInvitation);
`,
    // A POST that only reads (ids in the body), and a sign-up form's availability check under /account.
    `
const router = express.Router();
router.post('/products', requireAuth, createProduct);
router.post('/products/get-by-ids', getProductsByIds);
router.patch('/account', requireAuth, updateAccount);
router.get('/account/is-existed-email/:email', isExistedEmail);
`,
    // Every mutating route carries the auth middleware.
    `
import { Router } from 'express';
const router = Router();
router.get('/posts', listPosts);
router.post('/posts', requireAuth, createPost);
router.delete('/posts/:id', requireAuth, deletePost);
`,
    // No route in the file is protected: whether the app has auth is the cross-file analyzer's question.
    `
const router = express.Router();
router.post('/posts', createPost);
router.delete('/posts/:id', deletePost);
`,
    // `router.use(auth)` before the routes protects them all.
    `
const router = express.Router();
router.use(authenticate);
router.post('/posts', createPost);
router.put('/posts/:id', authenticate, updatePost);
`,
    // Public by path: sign-in, sign-up, health, password reset, webhooks.
    `
const router = express.Router();
router.post('/auth/login', login);
router.post('/auth/register', register);
router.post('/forgot-password', forgotPassword);
router.post('/webhooks/stripe', express.raw({ type: 'application/json' }), stripeWebhook);
router.get('/health', (req, res) => res.json({ ok: true }));
router.put('/me', requireAuth, updateMe);
`,
    // `POST /users` with no id is sign-up (RealWorld, Ghostfolio).
    `
const router = Router();
router.post('/users', async (req, res) => res.json(await createUser(req.body)));
router.put('/user', auth.required, updateUser);
`,
    // `auth.optional` is a deliberate choice to let anonymous callers in.
    `
const router = Router();
router.post('/articles/:slug/views', auth.optional, countView);
router.post('/articles', auth.required, createArticle);
`,
    // GET routes that list public content are not user-data routes.
    `
const router = Router();
router.get('/articles', listArticles);
router.get('/articles/:slug', getArticle);
router.post('/articles', requireAuth, createArticle);
`,
    // The handler checks the session itself.
    `
const router = Router();
router.post('/comments', requireAuth, createComment);
router.delete('/comments/:id', async (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'Unauthorized' });
  await Comment.destroy({ where: { id: req.params.id, userId: req.user.id } });
  res.sendStatus(204);
});
`,
    // A local middleware judged by its body, not its name.
    `
const onlySignedIn = (req, res, next) => (req.session?.userId ? next() : res.sendStatus(401));
const router = Router();
router.post('/notes', onlySignedIn, createNote);
router.delete('/notes/:id', onlySignedIn, deleteNote);
`,
    // A router mounted behind auth is protected as a whole.
    `
const app = express();
const admin = express.Router();
admin.delete('/users/:id', deleteUser);
admin.post('/users/:id/ban', requireAuth, banUser);
app.use('/admin', requireAuth, admin);
`,
    // Hono: path-scoped jwt middleware protects the routes under it.
    `
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.use('/api/*', jwt({ secret: process.env.JWT_SECRET! }));
app.post('/api/posts', async (c) => c.json(await createPost(await c.req.json())));
app.delete('/api/posts/:id', jwt({ secret: 'x' }), async (c) => c.json(await removePost(c.req.param('id'))));
`,
    // @hono/zod-openapi: the route config's `middleware` authenticates (a list, or one handler); login is public.
    `
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
const app = new OpenAPIHono();
app.post('/notes/import', requireAuth(), importNotes);
app.openapi(createRoute({ method: 'post', path: '/auth/login', responses: {} }), login);
app.openapi(createRoute({ method: 'post', path: '/notes', middleware: [requireAuth()] as const, responses: {} }), createNote);
const removeNote = createRoute({ method: 'delete', path: '/notes/{id}', middleware: requireAuth(), responses: {} });
app.openapi(removeNote, deleteNote);
`,
    // @hono/zod-openapi: middleware this file cannot list (an imported list, a spread) and a config from another
    // file are the analyzer's to follow.
    `
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { memberOnly } from './middleware';
import * as routes from './notes.routes';
const app = new OpenAPIHono();
app.openapi(createRoute({ method: 'post', path: '/notes', middleware: [requireAuth()], responses: {} }), createNote);
app.openapi(createRoute({ method: 'delete', path: '/notes/{id}', middleware: memberOnly, responses: {} }), deleteNote);
app.openapi(createRoute({ method: 'put', path: '/notes/{id}', middleware: [...memberOnly], responses: {} }), updateNote);
app.openapi(routes.archive, archiveNote);
`,
    // Fastify: an onRequest hook on the instance protects every route.
    `
export default async function routes(fastify) {
  fastify.addHook('onRequest', fastify.authenticate);
  fastify.post('/tasks', async (request) => createTask(request.body));
  fastify.delete('/tasks/:id', { preHandler: [fastify.authenticate] }, async (request) => removeTask(request.params.id));
}
`,
    // GraphQL: the resolver's sign-in and sign-up mutations are public next to guarded ones; a guard on the class covers all.
    `
@Resolver(() => Auth)
export class AuthResolver {
  @Mutation(() => Auth) async login(@Args() args: LoginArgs) { return this.auth.login(args.data); }
  @Mutation(() => Auth, { name: 'signUp' }) async createAccount(@Args() args: SignupArgs) { return this.auth.signup(args.data); }
  @Mutation(() => Boolean) async resetPassword(@Args() args: ResetArgs) { return this.auth.reset(args); }
  @Mutation(() => ApiToken) @UseGuards(GqlAuthGuard) async createApiToken(@UserEntity() user: User) { return this.auth.createToken(user); }
  @Mutation(() => ApiToken) @UseGuards(GqlAuthGuard) async deleteApiToken(@Args() args: FindOneArgs) { return this.auth.deleteToken(args); }
  @Mutation(() => Account) @UseGuards(GqlAuthGuard) async changePassword(@UserEntity() user: User, @Args() args: ChangeArgs) { return this.auth.change(user, args); }
  @Mutation(() => Auth) @UseGuards(GqlAuthGuard) async setCurrentWorkspace(@UserEntity() user: User, @Args() args: SetArgs) { return this.auth.set(user, args); }
}
`,
    `
@Resolver(() => Project)
@UseGuards(GqlAuthGuard)
export class ProjectResolver {
  @Query(() => [Project]) projects() { return this.projects.list(); }
  @Mutation(() => Project) deleteProject(@Args('id') id: string) { return this.projects.remove(id); }
}
`,
    // GraphQL: a field resolver runs under the query that reached it; a catalogue query is no one's data.
    `
@Resolver(() => Product)
export class ProductResolver {
  @Mutation(() => Product) @UseGuards(GqlAuthGuard) updateProduct(@Args('input') input: ProductInput) { return this.products.update(input); }
  @Query(() => [Product]) products() { return this.products.list(); }
  @ResolveField() reviews(@Parent() product: Product) { return this.reviews.forProduct(product.id); }
}
`,
    // NestJS: class-level guard.
    `
@Controller('orders')
@UseGuards(JwtAuthGuard)
export class OrdersController {
  @Get() list() { return this.orders.list(); }
  @Post() create(@Body() dto: CreateOrderDto) { return this.orders.create(dto); }
}
`,
    // NestJS: @Public() marks a global guard; the unmarked methods are protected by it.
    `
@Controller('posts')
export class PostsController {
  @Public() @Get() list() { return this.posts.list(); }
  @UseGuards(RolesGuard) @Delete(':id') remove(@Param('id') id: string) { return this.posts.remove(id); }
  @Post() create(@Body() dto: CreatePostDto) { return this.posts.create(dto); }
}
`,
    // NestJS: a GET whose path is not user data (`/projects/:id/tags`) next to guarded siblings.
    `
@Controller('projects')
export class ProjectTagsController {
  @UseGuards(AuthGuard('jwt')) @Post(':id/tags') add(@Param('id') id: string) { return this.tags.add(id); }
  @Get(':id/tags') list(@Param('id') id: string) { return this.tags.list(id); }
}
`,
    // Next.js: both handlers call the auth helper.
    `
import { auth } from '@/auth';
export async function GET() {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return Response.json(await listTodos(session.user.id));
}
export async function POST(request: Request) {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return Response.json(await createTodo(session.user.id, await request.json()));
}
`,
    // Next.js: a wrapper authenticates the mutating handler.
    `
export async function GET() {
  const session = await getServerSession(authOptions);
  return Response.json(session ? await listItems() : []);
}
export const POST = withAuth(async (request: Request) => Response.json(await createItem(await request.json())));
`,
    // Next.js: `getUser(id)` reads a row; it is no auth evidence for the POST.
    `
export async function GET(request: Request, { params }: { params: { id: string } }) {
  return Response.json(await getUser(params.id));
}
export async function POST(request: Request) {
  return Response.json(await subscribe(await request.json()));
}
`,
    // A client call that looks like a route registration: axios instance.
    `
const api = axios.create({ baseURL: '/api' });
api.get('/me', withAuthHeaders);
api.post('/posts', { title: 'x' });
`,
    // A role check alone presumes authentication elsewhere, so it is no evidence.
    `
const router = Router();
router.delete('/tasks/:id', requireRole('admin'), deleteTask);
router.patch('/tasks/:id', updateTask);
`,
    // A stub that only answers 405 cannot change data.
    `
const router = new Router();
router.post('/', auth(), handleMcp);
router.delete('/', async (ctx) => {
  ctx.status = 405;
  ctx.set('Allow', 'POST');
});
`,
    // Protected by a path-scoped use on another resource: the scope was a deliberate choice.
    `
const app = express();
app.use('/admin', requireAuth);
app.get('/admin/stats', stats);
app.post('/feedback', sendFeedback);
`,
    // Optional chaining, `as`, `satisfies` and non-null on the protected route.
    `
const router = Router() as express.Router;
router!.post('/posts', (requireAuth as RequestHandler), createPost);
router?.put('/posts/:id', requireAuth satisfies RequestHandler, updatePost);
`,
    // Unusual but valid syntax does not throw: decorators without a controller, overloads, JSX, satisfies.
    `
class Service {
  @Inject() private readonly repo!: Repo;
  find(id: string): Promise<Item>;
  find(id: number): Promise<Item>;
  find(id: string | number) { return this.repo.find(id); }
}
const view = <Layout title="x">{items.map((item) => <Row key={item.id} />)}</Layout>;
const config = { port: 3000 } satisfies Config;
`,
    // \`POST /users\` sign-up on a relative path through its handler's name.
    `
const router = Router();
router.route('/').post(registerUser).get(protect, admin, getUsers);
router.route('/profile').put(protect, updateUserProfile);
`,
    // Options: a team's own auth middleware name and public path.
    {
      code: `
const router = Router();
router.post('/share/:token/comments', addSharedComment);
router.post('/notes', sessionGate, createNote);
router.delete('/notes/:id', sessionGate, deleteNote);
`,
      options: [{ authMiddleware: ['sessionGate'], publicRoutes: ['/share/**'] }],
    },
  ],
  invalid: [
    // tRPC: a mutation on publicProcedure among procedures that require a caller.
    {
      code: `export const bookmarksRouter = router({
  list: authedProcedure.query(({ ctx }) => db.bookmark.findMany({ where: { userId: ctx.user.id } })),
  create: authedProcedure.input(bookmark).mutation(({ ctx, input }) => db.bookmark.create({ data: { ...input, userId: ctx.user.id } })),
  update: authedProcedure.input(bookmark).mutation(({ ctx, input }) => db.bookmark.update({ where: { id: input.id, userId: ctx.user.id }, data: input })),
  deleteBookmark: publicProcedure.input(id).mutation(({ input }) => db.bookmark.delete({ where: { id: input.id } })),
  archive: t.procedure.use(isAuthed).input(id).mutation(({ ctx, input }) => archive(ctx.user.id, input.id)),
});`,
      errors: [{ messageId: 'missingAuth', line: 5, data: { route: 'The `deleteBookmark` mutation (on `publicProcedure`)', owner: 'bookmarksRouter', auth: '`authedProcedure`', action: 'change data through it' } }],
    },
    // A role check on the caller in one admin handler is the check its sibling lacks.
    {
      code: `const router = Router();
router.get('/admin/users', requireAuth, async (req, res) => {
  if (!isAdmin(req.user)) return res.status(403).end();
  res.json(await User.where({}));
});
router.delete('/admin/users/:id', requireAuth, async (req, res) => res.json(await User.delete(req.params.id)));`,
      errors: [{ messageId: 'missingRoleCheck', line: 6 }],
    },
    // A middleware that answers 403 to a request without a token authenticates, whatever the status says.
    {
      code: `const router = Router();
const requireToken = (req, res, next) => (req.headers.authorization ? next() : res.status(403).json({ error: 'no token' }));
router.get('/reports', requireToken, (req, res) => res.json(reports.list()));
router.post('/reports', (req, res) => res.json(reports.create(req.body)));`,
      errors: [{ messageId: 'missingAuth', line: 4 }],
    },
    // A handler that rejects callers without a session (401) is auth its siblings lack.
    {
      code: `
@Controller('/posts')
export class PostsController {
  @Get('/mine')
  mine(@Req() req) {
    if (!req.session?.userId) throw new HttpException('Unauthorized', 401);
    return this.posts.listFor(req.session.userId);
  }
  @Post('/')
  create(@Body() body: CreatePostDto) { return this.posts.create(body); }
}
`,
      errors: [{ messageId: 'missingGuard', line: 9 }],
    },
    {
      // overnightjs: the siblings run `isAuthenticated` through `@Middleware([…])`; the new route forgot it.
      code: `
import { Controller, Get, Middleware, Post } from '@overnightjs/core';
@Controller('projects')
export class Projects {
  @Get('id/:id')
  @Middleware([isAuthenticated])
  public async getProject(req, res) { res.json(await projects.find(req.params.id)); }
  @Post('id/:id/archive')
  public async archive(req, res) { res.json(await projects.archive(req.params.id)); }
}
`,
      errors: [{ messageId: 'missingGuard', line: 8, data: { name: 'archive', route: '`POST /projects/id/:id/archive`', controller: 'Projects', auth: '`isAuthenticated`', action: 'change data through it' } }],
    },
    {
      // routing-controllers: the delete forgot the `@Authorized()` its siblings carry.
      code: `
@JsonController('/orders')
export class OrderController {
  @Get('/')
  @Authorized()
  list(@CurrentUser() user) { return this.orders.list(user.id); }
  @Delete('/:id')
  remove(@Param('id') id: string) { return this.orders.remove(id); }
}
`,
      errors: [{ messageId: 'missingGuard', line: 7, data: { name: 'remove', route: '`DELETE /orders/:id`', controller: 'OrderController', auth: '`@Authorized()`', action: 'change data through it' } }],
    },
    {
      // inversify-express-utils: middleware after the path on the siblings, none on the update.
      code: `
@controller('/api')
export class UserController implements interfaces.Controller {
  @httpGet('/user', authMiddleware)
  public async current(req, res) { res.json(await this.users.find(req.user.id)); }
  @httpPut('/user/:id')
  public async update(req, res) { res.json(await this.users.update(req.params.id, req.body)); }
}
`,
      errors: [{ messageId: 'missingGuard', line: 6, data: { name: 'update', route: '`PUT /api/user/:id`', controller: 'UserController', auth: '`authMiddleware`', action: 'change data through it' } }],
    },
    {
      // tsoa: \`@Security('jwt')\` on the siblings.
      code: `
@Route('invoices')
export class InvoiceController extends Controller {
  @Security('jwt')
  @Get('{invoiceId}')
  public async getInvoice(@Path() invoiceId: string) { return this.invoices.get(invoiceId); }
  @Delete('{invoiceId}')
  public async deleteInvoice(@Path() invoiceId: string) { await this.invoices.remove(invoiceId); }
}
`,
      errors: [{ messageId: 'missingGuard', line: 7 }],
    },
    {
      // fastify-decorators: the DELETE forgot the hook its siblings' options carry.
      code: `
import { Controller, DELETE, GET, POST } from 'fastify-decorators';
@Controller({ route: '/orders' })
export default class OrdersController {
  @GET({ url: '/', options: { onRequest: [AuthenticationMiddleware()] } })
  async list(request) { return orders.list(request.user.id); }
  @POST('/', { preHandler: [AuthenticationMiddleware()] })
  async create(request) { return orders.create(request.user.id, request.body); }
  @DELETE({ url: '/:id' })
  async remove(request) { await orders.remove(request.params.id); }
}
`,
      errors: [{ messageId: 'missingGuard', line: 9, data: { name: 'remove', route: '`DELETE /orders/:id`', controller: 'OrdersController', auth: '`AuthenticationMiddleware()`', action: 'change data through it' } }],
    },
    {
      // Turned down only when the flag is off: with it on, the handler changes data (it awaits a write).
      code: `
const app = new Hono();
app.post('/api/devices', authenticate, createDevice);
app.patch('/api/devices/:id', async (c) => {
  if (!isEnabled(c.env.DEVICES)) return c.json({ error: 'disabled' }, 501);
  await db.devices.update(c.req.param('id'), await c.req.json());
  return c.json({ ok: true });
});
`,
      errors: [{ messageId: 'missingAuth', line: 4 }],
    },
    {
      // A local helper that answers 200 is no stub.
      code: `
const app = new Hono();
app.post('/api/devices', authenticate, createDevice);
app.delete('/api/devices/:id', removeDevice);
function removeDevice(c) {
  devices.delete(c.req.param('id'));
  return c.json({ ok: true });
}
`,
      errors: [{ messageId: 'missingAuth', line: 4 }],
    },
    {
      // `/status` after a record's id changes that record; it is no health check.
      code: `const router = Router();\nrouter.delete('/:id', isAuthorized, removeOrder);\nrouter.patch('/:id/status', updateStatus);\n`,
      errors: [{ messageId: 'missingAuth', line: 3 }],
    },
    {
      // The delete route forgot the middleware its siblings carry.
      code: `
import { Router } from 'express';
const router = Router();
router.post('/posts', requireAuth, createPost);
router.delete('/posts/:id', deletePost);
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 40,
          data: {
            route: '`DELETE /posts/:id`',
            owner: 'router',
            auth: '`requireAuth`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // A user-data GET without auth, CommonJS and `passport.authenticate`.
      code: `
const express = require('express');
const passport = require('passport');
const router = express.Router();
router.put('/account', passport.authenticate('jwt', { session: false }), updateAccount);
router.get('/account/orders', listOrders);
module.exports = router;
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 42,
          data: {
            route: '`GET /account/orders`',
            owner: 'router',
            auth: "`passport.authenticate('jwt', { session: false })`",
            action: 'read the user data it returns',
          },
        },
      ],
    },
    {
      // Records about people are user data: a customer list next to authenticated writes.
      code: `
const router = express.Router();
router.post('/customers', requireAuth, createCustomer);
router.get('/customers/:id', getCustomer);
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 42,
          data: { route: '`GET /customers/:id`', owner: 'router', auth: '`requireAuth`', action: 'read the user data it returns' },
        },
      ],
    },
    {
      // An admin switching an account on by its id is not the account's own activation.
      code: `
const router = express.Router();
router.delete('/users/:id', requireAuth, deleteUser);
router.patch('/users/:id/activate', activateUser);
`,
      errors: [{ messageId: 'missingAuth', line: 4, column: 1, endLine: 4, endColumn: 50, data: { route: '`PATCH /users/:id/activate`', owner: 'router', auth: '`requireAuth`', action: 'change data through it' } }],
    },
    {
      // Routes registered before `router.use(auth)` are not protected by it.
      code: `
const router = express.Router();
router.patch('/settings', saveSettings);
router.use(verifyToken);
router.get('/settings', getSettings);
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 40,
          data: {
            route: '`PATCH /settings`',
            owner: 'router',
            auth: '`verifyToken`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // `router.route('/x').get(auth, h).post(h)`: the chain's post has no auth.
      code: `
const router = Router();
router
  .route('/projects/:id')
  .get(isAuthenticated, getProject)
  .put(updateProject);
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 6,
          column: 4,
          endLine: 6,
          endColumn: 22,
          data: {
            route: '`PUT /projects/:id`',
            owner: 'router',
            auth: '`isAuthenticated`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // Admin route with authentication but no role check while its sibling has one; async handlers, aliased import.
      code: `
import { requireAuth as authed, requireRole } from './middleware';
const router = Router();
router.get('/admin/users', authed, requireRole('admin'), async (req, res) => res.json(await listUsers()));
router.delete('/admin/users/:id', authed, async (req, res) => res.json(await removeUser(req.params.id)));
`,
      errors: [
        {
          messageId: 'missingRoleCheck',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 105,
          data: { route: '`DELETE /admin/users/:id`', role: "`requireRole('admin')`" },
        },
      ],
    },
    {
      // Fastify: preHandler on a sibling, none on the delete.
      code: `
export default async function (fastify: FastifyInstance) {
  fastify.post('/tasks', { preHandler: [fastify.authenticate] }, async (request) => createTask(request.body));
  fastify.delete('/tasks/:id', async (request) => removeTask(request.params.id));
}
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 81,
          data: {
            route: '`DELETE /tasks/:id`',
            owner: 'fastify',
            auth: '`fastify.authenticate`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // Hono: inline jwt middleware on one route, none on the sibling.
      code: `
const app = new Hono<{ Bindings: Env }>();
app.post('/posts', jwt({ secret: 'k' }), async (c) => c.json(await createPost(await c.req.json())));
app.put('/posts/:id', async (c) => c.json(await updatePost(c.req.param('id'), await c.req.json())));
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 100,
          data: {
            route: '`PUT /posts/:id`',
            owner: 'app',
            auth: "`jwt({ secret: 'k' })`",
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // @hono/zod-openapi: the delete route's config has no middleware, its sibling's authenticates.
      code: `
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
const app = new OpenAPIHono();
const createPost = createRoute({ method: 'post', path: '/posts', middleware: [requireAuth()] as const, responses: {} });
const deletePost = createRoute({ method: 'delete', path: '/posts/{id}', responses: {} });
app.openapi(createPost, async (c) => c.json(await posts.create(c.req.valid('json')), 201));
app.openapi(deletePost, async (c) => c.json(await posts.remove(c.req.valid('param').id)));
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 90,
          data: { route: '`DELETE /posts/:id`', owner: 'app', auth: '`requireAuth()`', action: 'change data through it' },
        },
      ],
    },
    {
      // @hono/zod-openapi in a chain on a factory's router: reported where the unprotected `.openapi(…)` is written.
      code: `
const router = createRouter()
  .openapi(createRoute({ method: 'patch', path: '/orders/{id}', middleware: [authMiddleware], responses: {} }), updateOrder)
  .openapi(createRoute({ method: 'delete', path: '/orders/{id}', responses: {} }), deleteOrder);
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 4,
          column: 4,
          endLine: 4,
          endColumn: 96,
          data: { route: '`DELETE /orders/:id`', owner: 'createRouter()', auth: '`authMiddleware`', action: 'change data through it' },
        },
      ],
    },
    {
      // Koa router: the in-body check of a sibling is evidence.
      code: `
const router = new Router({ prefix: '/api' });
router.post('/invites', async (ctx) => {
  ctx.assert(ctx.state.user, 401);
  ctx.body = await createInvite(ctx.state.user.id, ctx.request.body);
});
router.del('/invites/:id', async (ctx) => {
  await Invite.destroy({ where: { id: ctx.params.id } });
  ctx.status = 204;
});
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 7,
          column: 1,
          endLine: 10,
          endColumn: 3,
          data: {
            route: '`DELETE /invites/:id`',
            owner: 'router',
            auth: 'a 401 response',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // GraphQL: sibling operations of the resolver are guarded, this mutation and the caller's own query are not.
      code: `
@Resolver(() => Workspace)
export class WorkspaceResolver {
  @Mutation(() => Workspace)
  @UseGuards(GqlAuthGuard)
  updateWorkspace(@Args() args: UpdateWorkspaceArgs) { return this.workspaces.update(args); }
  @Mutation(() => Workspace) @UseGuards(GqlAuthGuard) createWorkspace(@Args() args: CreateWorkspaceArgs) { return this.workspaces.create(args); }
  @Mutation(() => Workspace, { name: 'removeWorkspace' })
  deleteWorkspace(@Args('id') id: string) { return this.workspaces.remove(id); }

  @Query(() => User)
  me(@Context() ctx: GraphQLContext) { return this.users.find(ctx.userId); }
}
`,
      errors: [
        {
          messageId: 'missingGuard',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 58,
          data: {
            name: 'deleteWorkspace',
            route: 'GraphQL mutation `removeWorkspace`',
            controller: 'WorkspaceResolver',
            auth: '`@UseGuards(GqlAuthGuard)`',
            action: 'change data through it',
          },
        },
        {
          messageId: 'missingGuard',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 21,
          data: {
            name: 'me',
            route: 'GraphQL query',
            controller: 'WorkspaceResolver',
            auth: '`@UseGuards(GqlAuthGuard)`',
            action: 'read the user data it returns',
          },
        },
      ],
    },
    {
      // NestJS: sibling methods guarded, the delete is not.
      code: `
@Controller('projects')
export class ProjectsController {
  @Get()
  @UseGuards(JwtAuthGuard)
  findAll() { return this.projects.findAll(); }

  @Delete(':id')
  remove(@Param('id') id: string) { return this.projects.remove(id); }
}
`,
      errors: [
        {
          messageId: 'missingGuard',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 17,
          data: {
            name: 'remove',
            route: '`DELETE /projects/:id`',
            controller: 'ProjectsController',
            auth: '`@UseGuards(JwtAuthGuard)`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // NestJS: reading the signed-in user is no protection; without the guard \`user\` is undefined.
      code: `
@Controller('profile')
export class ProfileController {
  @UseGuards(AuthGuard('jwt')) @Get() get(@Req() req) { return req.user; }
  @Patch() update(@CurrentUser() user: User, @Body() dto: UpdateProfileDto) { return this.profiles.update(user.id, dto); }
}
`,
      errors: [
        {
          messageId: 'missingGuard',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 11,
          data: {
            name: 'update',
            route: '`PATCH /profile`',
            controller: 'ProfileController',
            auth: "`@UseGuards(AuthGuard('jwt'))`",
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // Express: the handler reads req.auth, but only the middleware its siblings carry would set it.
      code: `
const router = Router();
router.post('/articles', auth.required, createArticle);
router.delete('/articles/:slug', async (req, res) => {
  await deleteArticle(req.params.slug, req.auth?.user?.id);
  res.sendStatus(204);
});
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 4,
          column: 1,
          endLine: 7,
          endColumn: 3,
          data: {
            route: '`DELETE /articles/:slug`',
            owner: 'router',
            auth: '`auth.required`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // Routes registered before \`router.use(auth)\` with no protected sibling of their resource.
      code: `
const router = express.Router();
router.post('/imports', importCsv);
router.use(requireAuth);
router.get('/reports', listReports);
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 35,
          data: {
            route: '`POST /imports`',
            owner: 'router',
            auth: '`requireAuth`, applied by a later `use`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // Computed member and parentheses: \`(router)['delete'](…)\`.
      code: `
const router = Router();
router.post('/cards', verifyJWT, addCard);
(router)['delete']('/cards/:id', removeCard);
`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 45,
          data: {
            route: '`DELETE /cards/:id`',
            owner: 'router',
            auth: '`verifyJWT`',
            action: 'change data through it',
          },
        },
      ],
    },
    {
      // Next.js: GET calls auth(), POST does not.
      code: `
import { auth } from '@clerk/nextjs/server';
export async function GET() {
  const { userId } = await auth();
  if (!userId) return new Response('Unauthorized', { status: 401 });
  return Response.json(await db.note.findMany({ where: { userId } }));
}
export const DELETE = async (request: Request) => {
  const { id } = await request.json();
  await db.note.delete({ where: { id } });
  return new Response(null, { status: 204 });
};
`,
      errors: [
        {
          messageId: 'missingHandlerAuth',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 20,
          data: { name: 'DELETE', sibling: 'GET', auth: '`auth()`' },
        },
      ],
    },
  ],
});
