import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

createRuleTester().run('no-unscoped-resource-access', rule, {
  valid: [
    // The caller links themselves to a shared record (a favourite): nothing of the recipe changes.
    `server.post('/recipes/:id/favorite', { onRequest: [server.authenticate] }, async (request) => {
  const { id } = request.params;
  const userId = request.user!.userId;
  return prisma.recipe.update({ where: { id }, data: { favoritedBy: { connect: { id: userId } } } });
});
`,
    // Only whether a clashing appointment exists is used: nothing of it reaches the caller.
    `router.post('/book/:doctorId', requireAuth, async (req, res) => {
  const clash = await Appointment.findOne({ doctorId: req.params.doctorId, status: 'Scheduled' });
  if (clash) return res.status(409).json({ message: 'Slot taken', viewer: req.user.email });
  const order = await Order.findById(req.params.doctorId);
  res.json({ free: !order, viewer: req.user.email });
});`,
    // A bare imported `get('keywords')` is not a context read, and must not crash the rule.
    `import { get } from '@vercel/edge-config';
export default async function handler(req, res) {
  const keywords = await get('keywords');
  res.json({ keywords });
}`,
    // The filter names the owner next to the id.
    `router.get('/orders/:id', async (req, res) => {
  const order = await Order.findOne({ _id: req.params.id, user: req.user._id });
  res.json(order);
});`,
    // Prisma where with userId from the caller.
    `app.delete('/notes/:id', async (req, res) => {
  await prisma.note.delete({ where: { id: req.params.id, userId: req.user.id } });
  res.sendStatus(204);
});`,
    // The loaded record's owner is compared with the caller.
    `router.put('/goals/:id', async (req, res) => {
  const goal = await Goal.findById(req.params.id);
  if (goal.user.toString() !== req.user.id) return res.status(401).json({ message: 'Not authorized' });
  await Goal.findByIdAndUpdate(req.params.id, { text: String(req.body.text) });
  res.json({ ok: true });
});`,
    // Mongoose .equals against the caller.
    `router.delete('/tickets/:id', async (req, res) => {
  const ticket = await Ticket.findById(req.params.id);
  if (!ticket.user.equals(req.user._id)) return res.sendStatus(403);
  await ticket.deleteOne();
});`,
    // A policy helper decides (Outline style).
    `router.post('/documents.info', async (ctx) => {
  const { user } = ctx.state.auth;
  const document = await Document.findByPk(ctx.request.body.id);
  authorize(user, 'read', document);
  ctx.body = { data: document?.title };
});`,
    // CASL ability check.
    `router.get('/invoices/:id', async (req, res) => {
  const invoice = await Invoice.findById(req.params.id);
  if (req.ability.cannot('read', invoice)) return res.sendStatus(403);
  res.json({ total: invoice.total, by: req.user.id });
});`,
    // A role check in the handler (admin acts on everyone's data).
    `router.delete('/orders/:id', async (req, res) => {
  if (!req.user.isAdmin) return res.sendStatus(403);
  await Order.findByIdAndDelete(req.params.id);
});`,
    // Role middleware in the same registration.
    `router.put('/orders/:id/deliver', protect, admin, asyncHandler(async (req, res) => {
  await Order.findByIdAndUpdate(req.params.id, { isDelivered: true, deliveredBy: req.user._id });
}));`,
    // Nest roles decorator on the method.
    `@Controller('users') class UsersController {
  @Delete(':id') @Roles('admin')
  remove(@Param('id') id: string, @CurrentUser() user: User) { return this.usersRepository.delete(id); }
}`,
    // The caller's own record.
    `router.get('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  res.json({ name: user.name });
});`,
    // A public model read by id (products are published to everyone).
    `router.get('/products/:id', async (req, res) => {
  const product = await Product.findById(req.params.id);
  res.json({ product, viewer: req.user?.name });
});`,
    // No caller in hand: whether the route is protected and owned is the analyzer's question.
    `export const getOrderById = asyncHandler(async (req, res) => {
  const order = await Order.findById(req.params.id);
  res.json(order);
});`,
    // The caller is only stamped as the editor of a shared record (audit column).
    `export const deleteCategory = async (req, res) => {
  await Category.findByIdAndUpdate(req.params.id, { isDeleted: true, deletedBy: req.user?.id || null });
  res.json({ ok: true });
};`,
    // A service call with the caller scopes in its own file.
    `router.get('/orders/:id', async (req, res) => {
  res.json(await orderService.getForUser(req.params.id, req.user.id));
});`,
    // A spread filter may carry the scope.
    `router.get('/projects/:id', async (req, res) => {
  const project = await prisma.project.findFirst({ where: { id: req.params.id, ...tenantScope(req.user) } });
  res.json(project);
});`,
    // The id is not the client's: it comes from the caller's session.
    `export async function GET() {
  const session = await getServerSession(authOptions);
  const account = await prisma.account.findUnique({ where: { id: session.user.accountId } });
  return Response.json(account);
}`,
    // A membership lookup with the caller is an access check.
    `router.get('/teams/:teamId', async (req, res) => {
  const membership = await Membership.findOne({ where: { teamId: req.params.teamId, userId: req.user.id } });
  if (!membership) return res.sendStatus(404);
  const team = await Team.findByPk(req.params.teamId);
  res.json(team);
});`,
    // A caller-scoped filter built in a local first.
    `router.get('/files/:id', async (req, res) => {
  const filter = { _id: req.params.id, owner: req.user._id };
  const file = await File.findOne(filter);
  res.json(file);
});`,
    // A scoping column (tenantId) with a value the client did not choose.
    `router.get('/reports/:id', async (req, res) => {
  const tenantId = getTenant(req);
  const report = await prisma.report.findFirst({ where: { id: req.params.id, tenantId } });
  res.json({ report, viewer: req.user.id });
});`,
    // A team's own scoping column, named in the options.
    {
      code: `router.get('/receipts/:id', async (req, res) => {
  const receipt = await prisma.receipt.findFirst({ where: { id: req.params.id, shopId: currentShop(req) } });
  res.json({ receipt, viewer: req.user.id });
});`,
      options: [{"scopingFields": ["shopId"]}],
    },
    // A public model named in the options.
    {
      code: `router.get('/dishes/:id', async (req, res) => {
  const dish = await Dish.findById(req.params.id);
  res.json({ dish, viewer: req.user.id });
});`,
      options: [{"publicModels": ["Dish"]}],
    },
    // A team's policy helper named in the options.
    {
      code: `router.get('/invoices/:id', async (req, res) => {
  const invoice = await Invoice.findById(req.params.id);
  assertInvoiceAccess(invoice);
  res.json({ invoice, viewer: req.user.id });
});`,
      options: [{"policyHelpers": ["assertInvoiceAccess"]}],
    },
    // A slug lookup is no id lookup.
    `router.get('/articles/:slug', async (req, res) => {
  const article = await prisma.article.findUnique({ where: { slug: req.params.slug } });
  res.json({ article, viewer: req.user.id });
});`,
    // A helper taking an id argument is not a request handler.
    `async function loadOrder(id: string, user: User) {
  return Order.findById(id);
}`,
    // A body id read to reference a catalogue record while adding to the caller's cart.
    `router.post('/cart', async (req, res) => {
  const item = await Item.findById(req.body.itemId);
  await Cart.updateOne({ user: req.user._id }, { $push: { items: item._id } });
  res.sendStatus(201);
});`,
  ],
  invalid: [
    // Re-filing someone's recipe under another category changes the recipe, whoever the caller is.
    {
      code: `server.post('/recipes/:id/category', { onRequest: [server.authenticate] }, async (request) => {
  const userId = request.user.userId;
  request.log.info({ userId }, 'recategorising');
  return prisma.recipe.update({ where: { id: request.params.id }, data: { category: { connect: { id: request.body.categoryId } } } });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 4, data: {"model": "recipe", "action": "changed", "source": "`request.params.id`"} },
      ],
    },
    // Tested for existence, then sent: the record reaches the caller.
    {
      code: `router.get('/orders/:id', requireAuth, async (req, res) => {
  const order = await Order.findById(req.params.id);
  if (!order) return res.sendStatus(404);
  res.json({ order, viewer: req.user.email });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 2, column: 23, endLine: 2, endColumn: 52, data: {"model": "Order", "action": "loaded", "source": "`req.params.id`"} },
      ],
    },
    // Mongoose findById by req.params.id; the caller is read only for the response.
    {
      code: `router.get('/orders/:id', requireAuth, async (req, res) => {
  const order = await Order.findById(req.params.id);
  res.json({ status: order.status, viewer: req.user.email });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 2, column: 23, endLine: 2, endColumn: 52, data: {"model": "Order", "action": "loaded", "source": "`req.params.id`"} },
      ],
    },
    // Prisma delete by a destructured param id, with a non-null assertion on req.user.
    {
      code: `app.delete('/api/notes/:noteId', async (req, res) => {
  const { noteId } = req.params;
  await prisma.note.delete({ where: { id: noteId } });
  res.status(204).json({ by: req.user!.id });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 3, column: 9, endLine: 3, endColumn: 54, data: {"model": "note", "action": "deleted", "source": "`noteId`"} },
      ],
    },
    // CommonJS Sequelize update with a Number() conversion of the id.
    {
      code: `const { Invoice } = require('../models');
exports.update = async (req, res) => {
  const id = Number(req.params.id);
  await Invoice.update({ paid: true }, { where: { id } });
  res.json({ ok: true, user: req.user?.email });
};
`,
      errors: [
        { messageId: 'unscopedAccess', line: 4, column: 9, endLine: 4, endColumn: 58, data: {"model": "Invoice", "action": "changed", "source": "`id`"} },
      ],
    },
    // NestJS TypeORM repository with @Param and @CurrentUser, the user never used.
    {
      code: `@Controller('orders')
export class OrdersController {
  constructor(private readonly ordersRepository: Repository<Order>) {}
  @Get(':id')
  findOne(@Param('id') id: string, @CurrentUser() user: User) {
    return this.ordersRepository.findOne({ where: { id } });
  }
}
`,
      errors: [
        { messageId: 'unscopedAccess', line: 6, column: 12, endLine: 6, endColumn: 60, data: {"model": "Order", "action": "loaded", "source": "`id`"} },
      ],
    },
    // Next.js route handler, awaited params, an `as` cast around the query.
    {
      code: `export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  const { id } = await params;
  const booking = (await prisma.booking.findUnique({ where: { id } })) as Booking | null;
  return Response.json(booking);
}
`,
      errors: [
        { messageId: 'unscopedAccess', line: 5, column: 26, endLine: 5, endColumn: 70, data: {"model": "booking", "action": "loaded", "source": "`id`"} },
      ],
    },
    // Koa + Sequelize destroy by ctx.params.id.
    {
      code: `router.put('/:id', async (ctx) => {
  await Project.destroy({ where: { id: ctx.params.id } });
  ctx.body = { by: ctx.state.user.email };
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 2, column: 9, endLine: 2, endColumn: 58, data: {"model": "Project", "action": "deleted", "source": "`ctx.params.id`"} },
      ],
    },
    // TypeORM getRepository(...).findOneBy with a computed member and res.locals.user.
    {
      code: `router.get('/addresses/:id', auth, async (req, res) => {
  const address = await getRepository(Address).findOneBy({ id: req.params['id'] });
  res.json({ line1: address?.line1, owner: res.locals.user.name });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 2, column: 25, endLine: 2, endColumn: 83, data: {"model": "Address", "action": "loaded", "source": "`req.params['id']`"} },
      ],
    },
    // Hono c.req.param and c.get('user') with a Prisma client named db.
    {
      code: `app.get('/wallets/:id', async (c) => {
  const user = c.get('user');
  const wallet = await db.wallet.findFirst({ where: { id: c.req.param('id') } });
  return c.json({ balance: wallet?.balance, name: user.name });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 3, column: 24, endLine: 3, endColumn: 81, data: {"model": "wallet", "action": "loaded", "source": "`c.req.param('id')`"} },
      ],
    },
    // An aliased Router import; the file scopes OrderModel to the caller elsewhere and the route has auth middleware.
    {
      code: `import { Router as makeRouter } from 'express';
import OrderModel from './order.model';
const router = makeRouter();
router.get('/orders/mine', isAuth, async (req, res) => {
  res.json(await OrderModel.find({ user: req.user._id }));
});
router.get('/orders/:id', isAuth, async (req, res) => {
  const order = await OrderModel.findById(req.params.id).lean();
  res.json(order);
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 8, column: 23, endLine: 8, endColumn: 57, data: {"model": "OrderModel", "action": "loaded", "source": "`req.params.id`"} },
      ],
    },
    // A public model that is changed through the loaded record (post.save()).
    {
      code: `router.post('/posts/:id/publish', requireAuth, async (req, res) => {
  const post = await Post.findById(req.params.id);
  post.published = true;
  await post.save();
  res.json({ ok: true, by: req.user.id });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 2, column: 22, endLine: 2, endColumn: 50, data: {"model": "Post", "action": "changed", "source": "`req.params.id`"} },
      ],
    },
    // An owner column filtered by a client value scopes nothing.
    {
      code: `router.delete('/messages/:id', async (req, res) => {
  const msg = await Message.findOneAndDelete({ _id: new ObjectId(req.params.id), userId: req.params.userId });
  res.json({ ok: Boolean(msg), actor: req.user.email });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 2, column: 21, endLine: 2, endColumn: 110, data: {"model": "Message", "action": "deleted", "source": "`req.params.id`"} },
      ],
    },
    // One finding per model and handler.
    {
      code: `router.patch('/tasks/:id', async (req, res) => {
  const task = await Task.findByIdAndUpdate(req.params.id, { done: true });
  const other = await Task.findById(req.params.id);
  res.json({ task, other, me: req.user.name });
});
`,
      errors: [
        { messageId: 'unscopedAccess', line: 2, column: 22, endLine: 2, endColumn: 75, data: {"model": "Task", "action": "changed", "source": "`req.params.id`"} },
      ],
    },
    // A change by an id from the body still counts.
    {
      code: `export const renameGroup = async (req, res) => {
  const { chatId, chatName } = req.body;
  const chat = await Chat.findByIdAndUpdate(chatId, { chatName }, { new: true });
  res.json({ chat, by: req.user.name });
};
`,
      errors: [
        { messageId: 'unscopedAccess', line: 3, column: 22, endLine: 3, endColumn: 81, data: {"model": "Chat", "action": "changed", "source": "`chatId`"} },
      ],
    },
  ],
});
