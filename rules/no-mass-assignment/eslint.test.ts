import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

createRuleTester().run('no-mass-assignment', rule, {
  valid: [
    // A field of the body that is one value, not the record.
    `import Note from '../models/note.js';
router.put('/:id', auth, async (req, res) => {
  await Note.updateOne({ _id: req.params.id, owner: req.user._id }, { memo: req.body.memo });
  await Note.create(req.body.title);
});`,
    // The instance built from the body is never saved: only a reshaped copy of it (without `_id` and `role`) is written.
    `import User from '../models/user.model.js';
export const replace = async (req, res) => {
  const { user } = req.locals;
  const newUser = new User(req.body);
  const newUserObject = omit(newUser.toObject(), '_id', 'role');
  await user.updateOne(newUserObject, { override: true });
  res.json(await User.findById(user._id));
};`,
    // The privileged field is taken out of the body first: a decision the author made, not an oversight.
    `const User = require('mongoose').model('User');
exports.signup = function (req, res) {
  delete req.body.roles;
  const user = new User(req.body);
  user.provider = 'local';
  user.save(() => res.json({ id: user.id }));
};`,
    // The route middleware checks the body against a named schema (additionalProperties: false) before the handler.
    `router.patch('/', route({ requestBody: 'GuildUpdateSchema', permission: 'MANAGE_GUILD' }), async (req, res) => {
  const guild = await Guild.findOneOrFail({ where: { id: req.params.guild_id } });
  guild.assign(req.body);
  await guild.save();
  res.json(guild);
});`,
    // An explicit pick of fields.
    `app.post('/posts', async (req, res) => {
  const { title, body } = req.body;
  await prisma.post.create({ data: { title, body, authorId: req.user.id } });
});`,
    // Fields copied one by one from the body.
    `app.post('/posts', async (req, res) => {
  await Post.create({ title: req.body.title, content: req.body.content });
});`,
    // A body parsed by a zod schema (the result is a new, stripped object).
    `app.post('/users', async (req, res) => {
  const input = createUserSchema.parse(req.body);
  await prisma.user.create({ data: input });
});`,
    // Joi validation of the same body earlier in the handler.
    `app.post('/invoices', async (req, res) => {
  const { error } = invoiceSchema.validate(req.body);
  if (error) return res.status(400).json({ error: error.message });
  await Invoice.create(req.body);
});`,
    // Validation middleware on the same route.
    `router.post('/users', validate(userValidation.createUser), async (req, res) => {
  await User.create(req.body);
});`,
    // A Fastify route schema for the body (Ajv strips additional properties).
    `fastify.patch('/tasks/:id', { schema: { body: UpdateTaskSchema } }, async (request) => {
  return tasksRepository.update(request.params.id, request.body);
});`,
    // A NestJS DTO class: the global ValidationPipe({ whitelist: true }) strips unknown keys.
    `@Controller('users') class UsersController {
  @Post() create(@Body() dto: CreateUserDto) { return this.usersRepository.save(dto); }
}`,
    // A service method is not the ORM; what it writes is decided in its own file.
    `app.post('/roles', async (req, res) => {
  res.json(await roleService.create(req.body));
});`,
    // A nested field of the body may be a scalar (\`memo\` is a string here).
    `app.post('/memos', (req, res) => memosDAO.insert(req.body.memo, () => res.end()));`,
    // An HMAC over the raw body, a cache and a Map are not database writes.
    `app.post('/webhook', (req, res) => {
  const signature = crypto.createHmac('sha256', secret).update(req.body).digest('hex');
  cache.set('last', req.body);
  seen.set(req.body.id, true);
});`,
    // Object.assign into a fresh options object, not a loaded entity.
    `app.post('/search', async (req, res) => {
  const options = Object.assign({}, defaults, req.body);
  res.json(await search(options));
});`,
    // A variable that was reassigned to a sanitized copy.
    `app.post('/items', async (req, res) => {
  let data = req.body;
  data = pickAllowed(data);
  await Item.create(data);
});`,
    // A team validator named in options.
    {
      code: `app.post('/orders', async (req, res) => {
  assertOrderShape(req.body);
  ensureShape(req.body);
  await Order.create(req.body);
});`,
      options: [{ validators: ['ensureShape'] }],
    },
    // A PascalCase class that is not a model (defined locally, not extending Model).
    `class Event { constructor(public data: unknown) {} }
app.post('/events', (req, res) => { queue.push(new Event(req.body)); });`,
    // The model's schema is in this file: the owner is pinned after the spread, and every other column is the client's own.
    `import mongoose from 'mongoose';
const addressSchema = new mongoose.Schema({ city: String, postalCode: String, receiverName: String, userId: { type: mongoose.Schema.Types.ObjectId, ref: 'User' } });
const Address = mongoose.model('Address', addressSchema);
export const createAddress = async (req, res) => {
  res.status(201).json(await Address.create({ ...req.body, userId: req.user.id }));
};`,
    // Hono's validated body from zValidator.
    `app.post('/todos', zValidator('json', todoSchema), async (c) => {
  const body = c.req.valid('json');
  await db.insert(todos).values(body);
});`,
  ],
  invalid: [
    // Mongoose create with req.body
    {
      code: `import User from '../models/user.model';

export const createUser = async (req, res) => {
  const user = await User.create(req.body);
  res.status(201).json({ id: user.id });
};
`,
      errors: [
        { messageId: 'massAssignment', line: 4, column: 34, endLine: 4, endColumn: 42, data: {"source":"`req.body`","sink":"User.create"} },
      ],
    },
    // Deleting a harmless field leaves the body's role in; deleting after the write is too late.
    {
      code: `const User = require('mongoose').model('User');
exports.signup = function (req, res) {
  delete req.body.confirmPassword;
  const user = new User(req.body);
  delete req.body.roles;
  user.save(() => res.json({ id: user.id }));
};`,
      errors: [{ messageId: 'massAssignment', line: 4 }],
    },

    {
      code: `const Goal = require('../models/goalModel');
router.put('/:id', async (req, res) => {
  const goal = await Goal.findByIdAndUpdate(req.params.id, req.body, { new: true });
  res.json(goal);
});
`,
      errors: [
        { messageId: 'massAssignment', line: 3, column: 60, endLine: 3, endColumn: 68, data: {"source":"`req.body`","sink":"Goal.findByIdAndUpdate"} },
      ],
    },
    // Prisma data: req.body with as
    {
      code: `app.post('/posts', async (req, res) => {
  const post = await prisma.post.create({ data: req.body as Prisma.PostCreateInput });
  res.json(post);
});
`,
      errors: [
        { messageId: 'massAssignment', line: 2, column: 49, endLine: 2, endColumn: 83, data: {"source":"`req.body`","sink":"prisma.post.create"} },
      ],
    },
    // Prisma update with a spread body
    {
      code: `app.patch('/users/:id', async (req, res) => {
  await this.prisma.user.update({ where: { id: req.params.id }, data: { ...req.body, updatedAt: new Date() } });
  res.sendStatus(204);
});
`,
      errors: [
        { messageId: 'spreadBeforeServerKeys', line: 2, column: 76, endLine: 2, endColumn: 84, data: {"source":"`req.body`","sink":"this.prisma.user.update","keys":"`updatedAt`"} },
      ],
    },
    // A field of the body that holds the record: the client sets any column of it (`role` included).
    {
      code: `import User from '../models/user.js';
import Merchant from '../models/merchant.js';
router.put('/', auth, async (req, res) => {
  await User.findOneAndUpdate({ _id: req.user._id }, req.body.profile, { new: true });
  await Merchant.findOneAndUpdate({ _id: req.params.id }, req.body.merchant, { new: true });
  res.sendStatus(204);
});
`,
      errors: [
        { messageId: 'massAssignment', line: 4, data: { source: '`req.body.profile`', sink: 'User.findOneAndUpdate' } },
        { messageId: 'massAssignment', line: 5, data: { source: '`req.body.merchant`', sink: 'Merchant.findOneAndUpdate' } },
      ],
    },
    // alias through a const, new Model(body)
    {
      code: `import Product from '../models/product.model.js';
export const create = async (req, res) => {
  const product = req.body;
  const doc = new Product(product);
  await doc.save();
};
`,
      errors: [
        { messageId: 'massAssignment', line: 4, column: 27, endLine: 4, endColumn: 34, data: {"source":"`req.body` (as `product`)","sink":"new Product"} },
      ],
    },
    // TypeORM repository save
    {
      code: `router.post('/orders', async (req: Request, res: Response) => {
  const saved = await orderRepository.save(req.body);
  res.json(saved);
});
`,
      errors: [
        { messageId: 'massAssignment', line: 2, column: 44, endLine: 2, endColumn: 52, data: {"source":"`req.body`","sink":"orderRepository.save"} },
      ],
    },
    // Object.assign onto a loaded entity
    {
      code: `router.put('/profile', async (req, res) => {
  const user = await userRepository.findOneBy({ id: req.user.id });
  Object.assign(user!, req.body);
  await userRepository.save(user!);
});
`,
      errors: [
        { messageId: 'massAssignment', line: 3, column: 24, endLine: 3, endColumn: 32, data: {"source":"`req.body`","sink":"Object.assign"} },
      ],
    },
    // Sequelize update with optional chaining on the model
    {
      code: `const { Order } = require('../models');
app.put('/orders/:id', async (req, res) => {
  await models?.Order.update(req.body, { where: { id: req.params.id } });
});
`,
      errors: [
        { messageId: 'massAssignment', line: 3, column: 30, endLine: 3, endColumn: 38, data: {"source":"`req.body`","sink":"models.Order.update"} },
      ],
    },
    // Koa ctx.request.body into updateOne
    {
      code: `router.patch('/settings', async (ctx) => {
  await Settings.updateOne({ owner: ctx.state.user.id }, { $set: ctx.request.body });
});
`,
      errors: [
        { messageId: 'massAssignment', line: 2, column: 66, endLine: 2, endColumn: 82, data: {"source":"`ctx.request.body`","sink":"Settings.updateOne"} },
      ],
    },
    // Hono await c.req.json() into Drizzle insert
    {
      code: `app.post('/todos', async (c) => {
  const body = await c.req.json();
  const [todo] = await db.insert(todos).values(body).returning();
  return c.json(todo);
});
`,
      errors: [
        { messageId: 'massAssignment', line: 3, column: 48, endLine: 3, endColumn: 52, data: {"source":"`c.req.json()` (as `body`)","sink":"….values"} },
      ],
    },
    // Next.js route handler request.json() into Prisma
    {
      code: `export async function POST(request: Request) {
  const data = await request.json();
  const item = await prisma.item.create({ data });
  return Response.json(item);
}
`,
      errors: [
        { messageId: 'massAssignment', line: 3, column: 43, endLine: 3, endColumn: 47, data: {"source":"`request.json()` (as `data`)","sink":"prisma.item.create"} },
      ],
    },
    // NestJS @Body() without a DTO
    {
      code: `@Controller('users')
export class UsersController {
  constructor(private readonly usersRepository: Repository<User>) {}

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: any) {
    return this.usersRepository.update(id, body);
  }
}
`,
      errors: [
        { messageId: 'massAssignment', line: 7, column: 44, endLine: 7, endColumn: 48, data: {"source":"The `@Body()` parameter `body`","sink":"this.usersRepository.update"} },
      ],
    },
    // NestJS @Body() typed with a Prisma input type: a type only, nothing validates it.
    {
      code: `@Controller('user')
export class UserController {
  constructor(private readonly prisma: PrismaService) {}

  @Patch(':id')
  update(@Param('id') id: string, @Body() updateUserDto: Prisma.UserUpdateInput) {
    return this.prisma.user.update({ where: { id: +id }, data: updateUserDto });
  }
}
`,
      errors: [
        { messageId: 'massAssignment', line: 7, data: {"source":"The `@Body()` parameter `updateUserDto`","sink":"this.prisma.user.update"} },
      ],
    },
    // knex insert
    {
      code: `app.post('/notes', async (req, res) => {
  const [id] = await knex('notes').insert(req.body);
  res.json({ id });
});
`,
      errors: [
        { messageId: 'massAssignment', line: 2, column: 43, endLine: 2, endColumn: 51, data: {"source":"`req.body`","sink":"….insert"} },
      ],
    },
    // The spread comes after the owner: the client overwrites `userId` (and sets the moderation flag).
    {
      code: `import Comment from '../models/comment.model.js';
export const createComment = async (req, res) => {
  const comment = await Comment.create({ productId: req.params.id, userId: req.user.id, ...req.body });
  res.status(201).json(comment);
};
`,
      errors: [
        { messageId: 'spreadOverServerKeys', line: 3, column: 92, endLine: 3, endColumn: 100, data: {"source":"`req.body`","sink":"Comment.create","keys":"`productId` and `userId`"} },
      ],
    },
    // The owner is pinned after the spread, but the model lives elsewhere: every other column is still the client's.
    {
      code: `const Address = require('../models/address.model');
router.post('/addresses', async (req, res) => {
  await Address.create({ ...(req.body as AddressInput), userId: req.user!.id, createdAt: new Date(), source: 'web', tag: 'x' });
});
`,
      errors: [
        { messageId: 'spreadBeforeServerKeys', line: 3, column: 30, endLine: 3, endColumn: 54, data: {"source":"`req.body`","sink":"Address.create","keys":"`userId`, `createdAt`, `source` and 1 more"} },
      ],
    },
    // The schema is in this file, the owner pinned after the spread, but `isPublish` is left to the client.
    {
      code: `const { Schema, model } = require('mongoose');
const Review = model('Review', new Schema({ text: String, userId: String, isPublish: Boolean }));
app.post('/reviews', async (req, res) => {
  await Review.create({ ...req.body, userId: req.user.id });
});
`,
      errors: [
        { messageId: 'spreadBeforeServerKeys', line: 4, column: 28, endLine: 4, endColumn: 36, data: {"source":"`req.body`","sink":"Review.create","keys":"`userId`"} },
      ],
    },
    // A same-file schema with nothing privileged, but nothing pinned after the spread either: wholesale.
    {
      code: `const Note = sequelize.define('Note', { text: DataTypes.STRING });
app.post('/notes', async (req, res) => {
  await new Note({ ...req.body }).save();
});
`,
      errors: [
        { messageId: 'massAssignment', line: 3, column: 23, endLine: 3, endColumn: 31, data: {"source":"`req.body`","sink":"new Note"} },
      ],
    },
    // team ORM object via option
    {
      code: `app.post('/x', async (req, res) => {
  await store.create(req.body);
});
`,
      options: [{"ormObjects":["store"]}],
      errors: [
        { messageId: 'massAssignment', line: 2, column: 22, endLine: 2, endColumn: 30, data: {"source":"`req.body`","sink":"store.create"} },
      ],
    },
  ],
});
