import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

const ruleTester = createRuleTester();

ruleTester.run('no-internal-id-exposure', rule, {
  valid: [
    // The response sends the project's Mongo id as \`project_id\`: Mongo ids are this API's public ids.
    `app.post('/project/:Project_id/clone', async (req, res) => {
  const project = await ProjectDuplicator.duplicate(req.session.user, req.body.projectName);
  const owner = await User.findOne({ email: req.session.user.email });
  res.json({ name: project.name, project_id: project._id, owner: { first_name: owner.first_name, _id: owner._id } });
});`,
    // The same through local names: \`const id = req.params.id\` and \`const { inviteId } = req.params\`.
    `router.get('/team/invitations', async (req, res) => {
  const invites = await TeamInvite.find({ teamId: req.user.team });
  res.json({ data: invites.map((invite) => ({ _id: invite._id.toString(), email: invite.email })) });
});
router.delete('/team/invitation/:id', async (req, res) => {
  const id = req.params.id;
  await TeamInvite.findOneAndDelete({ _id: id, teamId: req.user.team });
  res.sendStatus(204);
});`,
    `router.get('/members', async (req, res) => res.json((await Member.find()).map((m) => ({ _id: m._id }))));
router.patch('/members/:memberId', async (req, res) => {
  const { memberId: id } = req.params;
  res.json(await Member.findByIdAndUpdate(id, { role: String(req.body.role) }));
});`,
    // The API looks documents up by the Mongo id in the URL: `_id` is its public id.
    `router.get('/tenants/:id', async (req, res) => {
  const tenant = await Tenant.findById(req.params.id);
  res.json({ _id: tenant._id, name: tenant.name });
});
router.put('/project_users/:project_userid', async (req, res) => {
  const user = await ProjectUser.findOneAndUpdate({ _id: req.params.project_userid }, { role: String(req.body.role) });
  res.json({ _id: user._id });
});`,
    // The classic login response: the caller's own id next to the token issued for it.
    `app.post('/api/users/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  res.json({ _id: user._id, name: user.name, token: generateToken(user._id) });
});`,
    // Sign-up tells the caller its own id, next to the token issued for that record.
    `app.post('/signup', async (req, res) => {
  const newUser = await User.create({ email: req.body.email });
  generateTokenAndSetCookie(newUser._id, res);
  res.status(201).json({ _id: newUser._id, email: newUser.email });
});`,
    // Sign-in: the model method issues the token for the record the sign-in middleware loaded.
    `export async function signIn(req: Request, res: Response) {
  const member = req.data.member;
  const token = await (member as any).createJwt();
  res.status(200).json({ token, member: { _id: member._id, handle: member.handle } });
}`,
    // Sign-up: the model method issues the token, which goes into a cookie; the body tells the caller its id.
    `router.post('/register', async (req, res) => {
  const user = await User.create({ email: req.body.email, name: req.body.name });
  const session = user.generateAuthToken();
  res.cookie('auth', session, { httpOnly: true });
  res.status(201).json({ _id: user._id, email: user.email });
});`,
    // A service that signs the token for the record it is given.
    `class SessionController {
  async login(dto: LoginDto) {
    const account = await this.accounts.verifyCredentials(dto);
    const accessToken = await this.authService.getSignedJwtToken(account.email);
    return this.res.json({ accessToken, _id: account._id });
  }
}`,
    // The response hands out a token issued here next to the caller's record.
    `app.post('/auth/exchange', async (req, res) => {
  const account = await Account.findOne({ email: req.body.email });
  const claims = { sub: account.email, scope: 'app' };
  const token = signAccessToken(claims);
  res.json({ accessToken: token, account: { _id: account._id, email: account.email } });
});`,
    // The ObjectId renamed to `id` is a deliberate public id (and not sequential); only the raw `_id` key is reported.
    {
      code: `
app.get('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  res.json({ id: user._id.toString(), name: user.name });
});
`,
    },
    // A public id column sent under `id`.
    {
      code: `
router.get('/orders/:ref', async (req, res) => {
  const order = await Order.findOne({ publicId: req.params.ref });
  res.json({ id: order.publicId, total: order.total });
});
`,
    },
    // `_id` in the query filter, not in the response.
    {
      code: `
app.delete('/posts/:id', async (req, res) => {
  await Post.deleteOne({ _id: req.params.id, author: req.user._id });
  res.json({ deleted: true });
});
`,
    },
    // `-_id` drops the key from the projection.
    {
      code: `
app.get('/tags', async (req, res) => {
  const tags = await Tag.find().select('-_id name slug').lean();
  res.json(tags);
});
`,
    },
    // A uuid primary key is not sequential.
    {
      code: `
@Entity()
class Invoice {
  @PrimaryGeneratedColumn('uuid') id: string;
}
app.get('/invoices/:id', async (req, res) => {
  const invoice = await dataSource.getRepository(Invoice).findOneBy({ id: req.params.id });
  res.json({ id: invoice.id });
});
`,
    },
    // The internal field filtered out by a mapper: what the mapper returns is not visible here.
    {
      code: `
app.get('/orders/:id', async (req, res) => {
  const order = await prisma.order.findUnique({ where: { id: req.params.id } });
  res.json(toOrderDto(order));
});
`,
    },
    // Echoing back what the client sent exposes nothing new.
    {
      code: `
app.put('/notes/:id', async (req, res) => {
  await Note.updateOne({ _id: req.params.id }, { internalNotes: req.body.internalNotes });
  res.json({ _id: req.params.id, internalNotes: req.body.internalNotes });
});
`,
    },
    // A mapper declared in this file that leaves the internal fields out.
    {
      code: `
const toPublicOrder = (order) => ({ id: order.publicId, total: order.total });
app.get('/orders', async (req, res) => {
  const orders = await Order.find({ owner: req.user.id }).lean();
  res.json(orders.map(toPublicOrder));
});
`,
    },
    // The internal field only tested, not sent.
    {
      code: `
app.get('/billing', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.user.id } });
  res.json({ hasBillingAccount: Boolean(user.stripeCustomerId), linked: !!user.stripeCustomerId });
});
`,
    },
    // Internal fields used to call Stripe, not sent.
    {
      code: `
export async function POST(req: Request) {
  const user = await getUser(req);
  const session = await stripe.billingPortal.sessions.create({ customer: user.stripeCustomerId });
  return NextResponse.json({ url: session.url });
}
`,
    },
    // A rest-destructure that leaves the internal field out.
    {
      code: `
app.get('/orders/:id', async (req, res) => {
  const { internalNotes, ...order } = await Order.findById(req.params.id).lean();
  res.json(order);
});
`,
    },
    // A whole Mongoose document is the entity-leak rule's finding, not this one's.
    {
      code: `
app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user);
});
`,
    },
    // A numeric id of an entity declared elsewhere: the analyzer's job, not provable here.
    {
      code: `
import { Order } from './order.entity';
app.get('/orders/:id', async (req, res) => {
  const order = await Order.findOneBy({ id: Number(req.params.id) });
  res.json({ id: order.id });
});
`,
    },
    // `_id` key in an object that is stored, not sent.
    {
      code: `
app.post('/orders', async (req, res) => {
  const order = await Order.create({ user: req.user._id, items: req.body.items });
  res.status(201).json({ id: order.id });
});
`,
    },
    // `_id: undefined` sends nothing.
    {
      code: `
app.get('/me', (req, res) => {
  res.json({ ...req.user.profile, _id: undefined });
});
`,
    },
    // Not a response sink: a log call and a plain function return.
    {
      code: `
function toRow(user) {
  return { _id: user._id, internalNotes: user.internalNotes };
}
console.log({ _id: user._id });
`,
    },
    // Express ignores return values: a non-Fastify handler's return is not the response.
    {
      code: `
router.get('/x', (req, res) => {
  return { _id: 1 };
});
`,
    },
    // Option off: the team exposes Mongo ids as `_id` on purpose.
    {
      code: `
app.get('/me', async (req, res) => {
  res.json({ _id: req.user._id, name: req.user.name });
});
`,
      options: [{ reportMongoId: false }],
    },
    // Aggregation results: `$group: { _id }` is a pipeline stage, not the response shape.
    {
      code: `
app.get('/stats', async (req, res) => {
  const stats = await Order.aggregate([{ $group: { _id: '$status', count: { $sum: 1 } } }]);
  res.json(stats);
});
`,
    },
    // `_id` as an aggregation group key (a stage name, a date), not a document id.
    {
      code: `
app.get('/pipeline', async (req, res) => {
  const groups = await Deal.aggregate([{ $group: { _id: '$stage', count: { $sum: 1 } } }]);
  const byStage = new Map(groups.map((g) => [g._id, g]));
  res.json({
    stages: STAGES.map((stage) => byStage.get(stage) || { _id: stage, count: 0 }),
    top: groups.map((g) => ({ _id: g._id, count: g.count })),
  });
});
`,
    },
    // Drizzle: a uuid primary key, and a `select({ … })` that names its own shape without the serial id.
    {
      code: `
import { pgTable, serial, uuid, text } from 'drizzle-orm/pg-core';
const projects = pgTable('projects', { id: uuid('id').defaultRandom().primaryKey(), name: text('name') });
const tasks = pgTable('tasks', { id: serial('id').primaryKey(), ref: uuid('ref').defaultRandom(), title: text('title') });
app.get('/projects/:id', async (req, res) => {
  const [project] = await db.select().from(projects).where(eq(projects.id, req.params.id));
  const [task] = await db.select({ ref: tasks.ref, title: tasks.title }).from(tasks).limit(1);
  res.json({ id: project.id, name: project.name, task: { id: task.ref, title: task.title } });
});
`,
    },
    // Sequelize-looking `define` without any Sequelize evidence (an AMD module, a custom element registry).
    {
      code: `
const Widget = registry.define('Widget', { render: renderWidget });
app.get('/widgets/:id', async (req, res) => {
  const widget = await Widget.findOne({ where: { id: req.params.id } });
  res.json({ id: widget.id });
});
`,
    },
    // A Sequelize model with a UUID primary key has no implicit autoincrement id.
    {
      code: `
import { DataTypes } from 'sequelize';
const Project = sequelize.define('Project', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
  name: DataTypes.STRING,
});
app.get('/projects/:id', async (req, res) => {
  const project = await Project.findByPk(req.params.id);
  res.json({ id: project.id, name: project.name });
});
`,
    },
    // Names that merely contain a listed word are not the listed field.
    {
      code: `
app.get('/me', (req, res) => {
  res.json({ internal: req.user.internal, notes: req.user.notes, customerId: req.user.customerId });
});
`,
    },
    // A NestJS method without a route decorator is not a route handler.
    {
      code: `
@Controller('users')
export class UsersController {
  toView(user: UserDoc) {
    return { _id: user._id };
  }
}
`,
    },
    // A projection that selects `_id` whose result only feeds another query.
    {
      code: `
app.get('/feed', async (req, res) => {
  const following = await Follow.find({ follower: req.user.id }).select('_id');
  const posts = await Post.find({ author: { $in: following.map((f) => f._id) } }, 'title body');
  res.json(posts);
});
`,
    },
    // An aliased Fastify instance name outside the route-handler shapes the rule knows stays quiet.
    {
      code: `
import { json as sendJson } from './http';
sendJson({ _id: 1 });
`,
    },
    // Internal fields on a back-office route (path segment) are shown to staff on purpose.
    {
      code: `
router.get('/admin/customers/:id', async (req, res) => {
  const customer = await Customer.findById(req.params.id).select('name stripeCustomerId').lean();
  res.json({ name: customer.name, stripeCustomerId: customer.stripeCustomerId });
});
`,
    },
    // …or behind a role-check middleware before the handler.
    {
      code: `
router.get('/tickets/:id', protect, admin, async (req, res) => {
  const ticket = await Ticket.findById(req.params.id);
  res.json({ subject: ticket.subject, internalNotes: ticket.internalNotes });
});
`,
    },
    // …also through a wrapper such as `asyncHandler(…)`, and with the role check applied router-wide.
    {
      code: `
router.use(requireRole('support'));
router.get('/orders/:id', asyncHandler(async (req, res) => {
  const order = await Order.findById(req.params.id);
  res.json({ total: order.total, internalNotes: order.internalNotes });
}));
`,
    },
    // …or in a NestJS controller guarded by a roles decorator.
    {
      code: `
@Controller('tickets')
@Roles('support')
export class TicketsController {
  @Get(':id')
  async show(@Param('id') id: string) {
    const ticket = await this.tickets.get(id);
    return { subject: ticket.subject, internalNotes: ticket.internalNotes };
  }
}
`,
    },
    // …or in a file of the admin area (Next.js \`app/api/admin/…\`).
    {
      code: `
export async function GET() {
  const user = await loadUser();
  return NextResponse.json({ email: user.email, stripeCustomerId: user.stripeCustomerId });
}
`,
      filename: 'app/api/admin/users/route.ts',
    },
  ],
  invalid: [
    // A token key whose value was not issued here (an invite's stored token) does not make the inviter the caller.
    {
      code: `
app.get('/invites/:code', async (req, res) => {
  const invite = await Invite.findOne({ code: req.params.code });
  const inviter = await User.findById(invite.inviterId);
  res.json({ token: invite.token, inviter: { _id: inviter._id, name: inviter.name } });
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 5, column: 46, endLine: 5, endColumn: 62, data: { sink: 'res.json' } }],
    },
    // The caller's token next to other users' ids: only the caller's own id is exempt.
    {
      code: `
export async function signIn(req: Request, res: Response) {
  const user = req.data.user;
  const token = await user.createJwt();
  const friends = await User.find({ _id: { $in: user.friends } });
  res.json({ token, friends: friends.map((friend) => ({ _id: friend._id, name: friend.name })) });
}
`,
      errors: [{ messageId: 'mongoIdKey', line: 6, column: 57, endLine: 6, endColumn: 72, data: { sink: 'res.json' } }],
    },
    // Another user's record, looked up by name, sent with its Mongo `_id` key.
    {
      code: `
app.get('/api/users/:username', async (req, res) => {
  const user = await User.findOne({ username: req.params.username });
  res.json({ _id: user._id, name: user.name });
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 4, column: 14, endLine: 4, endColumn: 27, data: { sink: 'res.json' } }],
    },
    // Chained status, nested object, `as` and `!`.
    {
      code: `
router.put('/profile', async (req: Request, res: Response) => {
  const updated = (await User.findByIdAndUpdate(req.user!.id, req.body, { new: true }))!;
  res.status(200).json({ user: { _id: updated._id as string, email: updated.email } });
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 4, column: 34, endLine: 4, endColumn: 60, data: { sink: 'res.json' } }],
    },
    // Through a local variable and a `.map` callback with a block body.
    {
      code: `
app.get('/products', async (req, res) => {
  const products = await Product.find({});
  const body = products.map((p) => {
    return { _id: p._id, name: p.name };
  });
  res.send(body);
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 5, column: 14, endLine: 5, endColumn: 24, data: { sink: 'res.send' } }],
    },
    // A projection that explicitly selects `_id`, with optional chaining on the result.
    {
      code: `
app.get('/users', async (req, res) => {
  const users = await User.find({}, '_id name email').lean();
  res.json({ users, count: users?.length });
});
`,
      errors: [{ messageId: 'mongoIdSelected', line: 4, column: 14, endLine: 4, endColumn: 19, data: { sink: 'res.json' } }],
    },
    // Mongo driver `.project({ _id: 1 })` sent by Fastify's reply.
    {
      code: `
fastify.get('/items', async (request, reply) => {
  const items = await db.collection('items').find({}).project({ _id: 1, title: 1 }).toArray();
  return reply.send(items);
});
`,
      errors: [{ messageId: 'mongoIdSelected', line: 4, column: 21, endLine: 4, endColumn: 26, data: { sink: 'reply.send' } }],
    },
    // Fastify: the returned object is the response (arrow expression body).
    {
      code: `
fastify.get('/me', async (request) => ({ _id: request.user._id, plan: request.user.plan }));
`,
      errors: [{ messageId: 'mongoIdKey', line: 2, column: 42, endLine: 2, endColumn: 63, data: { sink: 'return' } }],
    },
    // Koa `ctx.body =` with a computed string key.
    {
      code: `
router.get('/me', async (ctx) => {
  const doc = await User.findById(ctx.state.user.id);
  ctx.body = { ['_id']: doc._id, name: doc.name };
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 4, column: 16, endLine: 4, endColumn: 32, data: { sink: 'ctx.body' } }],
    },
    // Hono `c.json` with an internal field under its own name.
    {
      code: `
app.get('/account', async (c) => {
  const account = await getAccount(c.get('userId'));
  return c.json({ email: account.email, stripeCustomerId: account.stripeCustomerId });
});
`,
      errors: [{ messageId: 'internalField', line: 4, column: 41, endLine: 4, endColumn: 83, data: { field: 'stripeCustomerId', sink: 'c.json' } }],
    },
    // Next.js: an internal field renamed, `satisfies`, and a snake_case column name.
    {
      code: `
export async function GET() {
  const order = await getOrder();
  return NextResponse.json({ id: order.id, notes: order.internal_notes } satisfies OrderView);
}
`,
      errors: [{ messageId: 'internalField', line: 4, column: 51, endLine: 4, endColumn: 71, data: { field: 'internal_notes', sink: 'NextResponse.json' } }],
    },
    // Prisma `select` that explicitly includes an internal field.
    {
      code: `
app.get('/me', async (req, res) => {
  const me = await prisma.user.findUnique({
    where: { id: req.user.id },
    select: { id: true, email: true, stripeCustomerId: true },
  });
  res.json(me);
});
`,
      errors: [{ messageId: 'internalFieldSelected', line: 7, column: 12, endLine: 7, endColumn: 14, data: { field: 'stripeCustomerId', sink: 'res.json' } }],
    },
    // Team-listed internal field from settings and options, as a shorthand property.
    {
      code: `
app.get('/tickets/:id', async (req, res) => {
  const { subject, escalationCode, riskScore } = await loadTicket(req.params.id);
  res.json({ subject, escalationCode, riskScore });
});
`,
      options: [{ internalFields: ['riskScore'] }],
      settings: { redline: { internalFields: ['escalationCode'] } },
      errors: [
        { messageId: 'internalField', line: 4, column: 23, endLine: 4, endColumn: 37, data: { field: 'escalationCode', sink: 'res.json' } },
        { messageId: 'internalField', line: 4, column: 39, endLine: 4, endColumn: 48, data: { field: 'riskScore', sink: 'res.json' } },
      ],
    },
    // TypeORM entity in the same file with `@PrimaryGeneratedColumn()`, read through `getRepository`.
    {
      code: `
@Entity()
export class Order {
  @PrimaryGeneratedColumn()
  id: number;
  @Column()
  total: number;
}

app.post('/orders', async (req, res) => {
  const order = await AppDataSource.getRepository(Order).save({ total: req.body.total });
  res.status(201).json({ orderId: order.id, total: order.total });
});
`,
      errors: [{ messageId: 'autoIncrementId', line: 12, column: 35, endLine: 12, endColumn: 43, data: { expression: 'order.id', entity: 'Order', sink: 'res.json' } }],
    },
    // NestJS: `@InjectRepository(Ticket)` and a controller return, with `String(…)`.
    {
      code: `
@Entity()
export class Ticket {
  @PrimaryGeneratedColumn('increment') ticketNumber: number;
  @Column() title: string;
}

@Controller('tickets')
export class TicketsController {
  constructor(@InjectRepository(Ticket) private readonly tickets: Repository<Ticket>) {}

  @Get(':id')
  async findOne(@Param('id') id: string) {
    const ticket = await this.tickets.findOneBy({ title: id });
    return { ref: String(ticket.ticketNumber), title: ticket.title };
  }
}
`,
      errors: [{ messageId: 'autoIncrementId', line: 15, column: 19, endLine: 15, endColumn: 46, data: { expression: 'ticket.ticketNumber', entity: 'Ticket', sink: 'return' } }],
    },
    // Sequelize `define` with `autoIncrement: true`, CommonJS `require`, `.map` over `findAll`.
    {
      code: `
const { Sequelize, DataTypes } = require('sequelize');
const Invoice = sequelize.define('Invoice', {
  number: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
  amount: DataTypes.DECIMAL,
});
app.get('/invoices', async (req, res) => {
  const invoices = await Invoice.findAll({ where: { customer: req.user.id } });
  res.json(invoices.map((invoice) => ({ number: invoice.number, amount: invoice.amount })));
});
`,
      errors: [{ messageId: 'autoIncrementId', line: 9, column: 49, endLine: 9, endColumn: 63, data: { expression: 'invoice.number', entity: 'Invoice', sink: 'res.json' } }],
    },
    // Sequelize `Model.init` without a declared key: the implicit autoincrement `id`, destructured.
    {
      code: `
import { Model, DataTypes } from 'sequelize';
class Comment extends Model {}
Comment.init({ body: DataTypes.TEXT }, { sequelize, modelName: 'comment' });

router.post('/comments', async (req, res) => {
  const comment = await Comment.create({ body: req.body.body });
  const { id } = comment;
  res.status(201).json({ id });
});
`,
      errors: [{ messageId: 'autoIncrementId', line: 9, column: 26, endLine: 9, endColumn: 28, data: { expression: 'id', entity: 'Comment', sink: 'res.json' } }],
    },
    // sequelize-typescript `@AutoIncrement`, a typed variable, and `.toString()`.
    {
      code: `
@Table
class Receipt extends Model<Receipt> {
  @AutoIncrement
  @PrimaryKey
  @Column
  declare seq: number;
}
app.get('/receipts/latest', async (req, res) => {
  const receipt: Receipt | null = await loadLatest();
  res.json({ receipt: receipt?.seq.toString() });
});
`,
      errors: [{ messageId: 'autoIncrementId', line: 11, column: 23, endLine: 11, endColumn: 46, data: { expression: 'receipt?.seq', entity: 'Receipt', sink: 'res.json' } }],
    },
    // `Response.json` with a ternary, and `new Response(JSON.stringify(…))` with an `_id` key.
    {
      code: `
export async function GET(request: Request) {
  const doc = await Note.findById(new URL(request.url).searchParams.get('id'));
  if (!doc) return Response.json(null, { status: 404 });
  return doc.shared
    ? Response.json({ _id: doc._id, text: doc.text })
    : new Response(JSON.stringify({ _id: doc._id }), { status: 200 });
}
`,
      errors: [
        { messageId: 'mongoIdKey', line: 6, column: 23, endLine: 6, endColumn: 35, data: { sink: 'Response.json' } },
        { messageId: 'mongoIdKey', line: 7, column: 37, endLine: 7, endColumn: 49, data: { sink: 'new Response' } },
      ],
    },
    // A back-office route still reports the raw `_id` key: the staff exemption covers internal fields only.
    {
      code: `
router.get('/admin/users', protect, admin, async (req, res) => {
  const users = await User.find({}).lean();
  res.json(users.map((u) => ({ _id: u._id, email: u.email })));
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 4, column: 32, endLine: 4, endColumn: 42, data: { sink: 'res.json' } }],
    },
    // Mounting an admin router elsewhere does not make this file's other routes back-office routes.
    {
      code: `
app.use('/admin', adminRouter);
app.get('/me/billing', async (req, res) => {
  const me = await loadUser(req.user.id);
  res.json({ plan: me.plan, stripeCustomerId: me.stripeCustomerId });
});
`,
      errors: [{ messageId: 'internalField', line: 5, column: 29, endLine: 5, endColumn: 66, data: { field: 'stripeCustomerId', sink: 'res.json' } }],
    },
    // A mapper declared in the same file is read: its `_id` key reaches the response.
    {
      code: `
function toUserResponse(user) {
  return { _id: user._id, name: user.name };
}
app.get('/users', async (req, res) => {
  const users = await User.find().lean();
  res.send(JSON.stringify({ users: users.map(toUserResponse), me: toUserResponse(req.user) }));
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 3, column: 12, endLine: 3, endColumn: 25, data: { sink: 'res.send' } }],
    },
    // A destructured `_id` sent as a shorthand key, and the driver's `insertedId` under `_id`.
    {
      code: `
app.post('/signup', async (req, res) => {
  const { _id, email } = await User.create({ email: req.body.email });
  const result = await db.collection('audit').insertOne({ email });
  res.status(201).json({ user: { _id, email }, audit: { _id: result.insertedId } });
});
`,
      errors: [
        { messageId: 'mongoIdKey', line: 5, column: 34, endLine: 5, endColumn: 37, data: { sink: 'res.json' } },
        { messageId: 'mongoIdKey', line: 5, column: 57, endLine: 5, endColumn: 79, data: { sink: 'res.json' } },
      ],
    },
    // Aliased imports do not hide the response object.
    {
      code: `
import { Router as createRouter, type Response as ExpressResponse } from 'express';
const users = createRouter();
users.get('/me', async (req, res: ExpressResponse) => {
  res.json({ _id: req.user._id, email: req.user.email });
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 5, column: 14, endLine: 5, endColumn: 31, data: { sink: 'res.json' } }],
    },
    // Drizzle table declared in the same file with a serial primary key; rows from select, insert and the query API.
    {
      code: `
import { pgTable, serial, integer } from 'drizzle-orm/pg-core';
export const invoices = pgTable('invoices', { id: serial('id').primaryKey(), amount: integer('amount') });
app.post('/invoices', async (req, res) => {
  const [created] = await db.insert(invoices).values({ amount: req.body.amount }).returning();
  const rows = await db.select().from(invoices).where(eq(invoices.amount, 0));
  const first = await db.query.invoices.findFirst();
  res.status(201).json({ id: created.id, zero: rows.map((r) => r.id), first: first?.id });
});
`,
      errors: [
        { messageId: 'autoIncrementId', line: 8, column: 30, endLine: 8, endColumn: 40, data: { expression: 'created.id', entity: 'invoices', sink: 'res.json' } },
        { messageId: 'autoIncrementId', line: 8, column: 64, endLine: 8, endColumn: 68, data: { expression: 'r.id', entity: 'invoices', sink: 'res.json' } },
        { messageId: 'autoIncrementId', line: 8, column: 78, endLine: 8, endColumn: 87, data: { expression: 'first?.id', entity: 'invoices', sink: 'res.json' } },
      ],
    },
    // Generic type arguments on the sink and a parenthesized payload.
    {
      code: `
app.get('/me', async (req, res) => {
  const me = await User.findById(req.user.id);
  res.json<UserView>(({ _id: me!._id, email: me!.email }));
});
`,
      errors: [{ messageId: 'mongoIdKey', line: 4, column: 25, endLine: 4, endColumn: 37, data: { sink: 'res.json' } }],
    },
  ],
});
