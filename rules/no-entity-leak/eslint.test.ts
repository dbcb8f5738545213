import rule from './eslint.js';
import { createRuleTester } from '../utils/rule-tester.js';

createRuleTester().run('no-entity-leak', rule, {
  valid: [
    // Selected fields from a procedure and a loader; a query() that is no tRPC procedure.
    `import { prisma } from '~/db.server';
export const userRouter = router({
  byId: publicProcedure.input(z.object({ id: z.string() })).query(({ input }) => prisma.user.findUnique({ where: { id: input.id }, select: { id: true, name: true } })),
});
export async function loader({ params }: LoaderFunctionArgs) {
  return json({ user: await prisma.user.findUnique({ where: { id: params.userId }, select: { id: true, name: true } }) });
}
export const rows = db.query(async () => prisma.user.findMany());`,
    // The user relation is replaced by its partial form after the spread; a TypeORM entity's own toJSON shapes it.
    `import { In } from 'typeorm';
import { Webhook, Message } from '@app/database';
router.get('/:webhook_id', async (req, res) => {
  const webhook = await Webhook.findOneOrFail({ where: { id: req.params.webhook_id }, relations: { user: true, channel: true } });
  return res.json({ ...webhook, user: webhook.user.toPartialUser() });
});`,
    `import { In } from 'typeorm';
import { Webhook, Message } from '@app/database';
router.get('/:channel_id/pins', async (req, res) => {
  const pins = await Message.find({ where: { channel_id: req.params.channel_id, pinned: true }, relations: { author: true } });
  res.send(pins.map((pin) => pin.toJSON()));
});`,
    // Prisma select picks the public fields
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const user = await prisma.user.findUnique({ where: { id: req.params.id }, select: { id: true, name: true, email: true } });
  res.json(user);
}
`,
    },
    // Prisma omit drops the hash
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const user = await prisma.user.create({ data: { email: req.body.email, password: await hash(req.body.password) }, omit: { password: true } });
  res.status(201).json({ user });
}
`,
    },
    // Sequelize attributes exclude
    {
      code: `
const { User } = require('../models');
module.exports.show = async (req, res) => {
  const user = await User.findByPk(req.params.id, { attributes: { exclude: ['password'] } });
  res.json(user);
};
`,
    },
    // Mongoose select(-password)
    {
      code: `
import User from '../models/User';
export const me = async (req, res) => {
  const user = await User.findById(req.userId).select('-password -__v');
  res.json(user);
};
`,
    },
    // Mongoose projection argument
    {
      code: `
import User from '../models/User';
export const list = async (req, res) => {
  res.json(await User.find({}, { name: 1, avatar: 1 }));
};
`,
    },
    // a mapper shapes the record
    {
      code: `
import { prisma } from '../prisma';
import { toPublicUser } from './user.mapper';
export async function handler(req, res) {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.json({ user: toPublicUser(user) });
}
`,
    },
    // DTO factory and plainToInstance
    {
      code: `
import { Controller, Get, Param } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { UserDto } from './user.dto';
@Controller('users')
export class UsersController {
  constructor(private readonly usersRepository: Repository<User>) {}
  @Get(':id')
  async one(@Param('id') id: string) {
    const user = await this.usersRepository.findOneBy({ id });
    return plainToInstance(UserDto, user, { excludeExtraneousValues: true });
  }
  @Get()
  async all() {
    const users = await this.usersRepository.find();
    return users.map((u) => UserDto.from(u));
  }
}
`,
    },
    // map to an object of picked fields
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const users = await prisma.user.findMany();
  res.json(users.map((u) => ({ id: u.id, name: u.name })));
}
`,
    },
    // ClassSerializerInterceptor applies the entity @Exclude
    {
      code: `
import { ClassSerializerInterceptor, Controller, Get, UseInterceptors } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
@Controller('users')
@UseInterceptors(ClassSerializerInterceptor)
export class UsersController {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  @Get()
  findAll() {
    return this.users.find();
  }
}
`,
    },
    // a post is not a person: whole records of content are fine
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const posts = await prisma.post.findMany({ where: { published: true } });
  res.json(posts);
}
`,
    },
    // join tables and bank accounts are not people
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const memberships = await prisma.teamMember.findMany({ where: { teamId: req.params.id } });
  const accounts = await prisma.bankAccount.findMany({ where: { userId: req.user.id } });
  res.json({ memberships, accounts });
}
`,
    },
    // included author picks its fields
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const posts = await prisma.post.findMany({ include: { author: { select: { id: true, name: true } } } });
  res.json(posts);
}
`,
    },
    // an export of the caller's own data that turns the password off by name
    {
      code: `
import { prisma } from '../db';
export async function loader({ request }) {
  const userId = await requireUserId(request);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { notes: true, password: false } });
  return Response.json({ user });
}
`,
    },
    // the hash is deleted before the record is sent
    {
      code: `
import User from '../models/User';
export const login = async (req, res) => {
  const user = await User.findOne({ email: req.body.email }).lean();
  delete user.password;
  res.json(user);
};
`,
    },
    // `Reflect.deleteProperty` takes the hash off as `delete` does
    {
      code: `
import mongoose from 'mongoose';
const UserSchema = new mongoose.Schema({ email: String, password: String, displayName: String });
const User = mongoose.model('User', UserSchema);
export const me = async (req, res) => {
  const user = (await User.findById(req.params.id)).toObject();
  Reflect.deleteProperty(user, 'password');
  res.json(user);
};
`,
    },
    // the schema shows no secret but the one deleted
    {
      code: `
import mongoose from 'mongoose';
const UserSchema = new mongoose.Schema({ email: String, password: String, displayName: String });
const User = mongoose.model('User', UserSchema);
export const me = async (req, res) => {
  const user = await User.findById(req.params.id).lean();
  delete user.password;
  res.json(user);
};
`,
    },
    // the new account's API token, generated here, is handed over once; the hash is deleted
    {
      code: `
import prisma from 'lib/prisma';
export async function register(req, res) {
  const newUser = await prisma.user.create({ data: { username: req.body.username, password: await hash(req.body.password), token: createToken() } });
  delete newUser.password;
  return res.json(newUser);
}
`,
    },
    // the hash is replaced by a flag that only says there is one
    {
      code: `
import prisma from 'lib/prisma';
export async function handler(req, res) {
  const user = await prisma.user.findUnique({ where: { id: req.query.id } });
  if (user.password) user.password = true;
  return res.json(user);
}
`,
    },
    // rest destructuring leaves the hash out
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  const { passwordHash, ...safeUser } = user;
  res.json(safeUser);
}
`,
    },
    // req.user is not an ORM read in this handler
    {
      code: `
export function me(req, res) {
  res.json(req.user);
}
`,
    },
    // a service returns the record; the response is built elsewhere (cross-file: analyzer)
    {
      code: `
import { prisma } from '../prisma';
export async function findUser(id: string) {
  return prisma.user.findUnique({ where: { id } });
}
`,
    },
    // Express ignores a handler return value
    {
      code: `
import { prisma } from '../prisma';
router.get('/u', async (req, res) => {
  const user = await prisma.user.findFirst();
  return user;
});
`,
    },
    // Mongoose schema in the file hides the hash and has toJSON
    {
      code: `
import mongoose from 'mongoose';
const UserSchema = new mongoose.Schema({ email: String, password: { type: String, select: false } });
const User = mongoose.model('User', UserSchema);
export async function list(req, res) {
  res.json(await User.find());
}
`,
    },
    // TypeORM entity in the file with select: false on the password
    {
      code: `
import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
import { AppDataSource } from './data-source';
@Entity()
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() email: string;
  @Column({ select: false }) password: string;
}
export async function getUser(req, res) {
  res.json(await AppDataSource.getRepository(User).findOneBy({ id: req.params.id }));
}
`,
    },
    // query options built elsewhere may select
    {
      code: `
import { prisma } from '../prisma';
const publicUser = { select: { id: true, name: true } };
export async function handler(req, res) {
  const users = await prisma.user.findMany(publicUser);
  res.json(users);
}
`,
    },
    // only picked fields are sent
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.json({ id: user.id, email: user.email });
}
`,
    },
    // Prisma client with a global omit of the hash
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient({ omit: { user: { password: true } } });
export async function handler(req, res) {
  res.json(await prisma.user.findMany());
}
`,
    },
    // Drizzle select of picked columns
    {
      code: `
import { db } from './db';
import { users } from './db/schema';
app.get('/users', async (c) => c.json(await db.select({ id: users.id, name: users.name }).from(users)));
app.get('/u', async (c) => {
  const rows = await db.select({ id: users.id }).from(users);
  return c.json(rows);
});
`,
    },
    // knex with a table name string is not Drizzle
    {
      code: `
import { db } from './db';
export async function handler(req, res) {
  const rows = await db.select('*').from('users');
  res.json(rows);
}
`,
    },
    // option safeModels
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  res.json(await prisma.author.findMany());
}
`,
      options: [{'safeModels':['Author']}],
    },
    // the object sets the hash to undefined over the spread
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.json({ ...user, password: undefined });
}
`,
    },
    // sanitizer helper called on the record
    {
      code: `
import User from '../models/User';
export const me = async (req, res) => {
  const user = await User.findById(req.userId);
  sanitizeUser(user);
  res.json(user);
};
`,
    },
    // a count or a boolean from the record is not the record
    {
      code: `
import { prisma } from '../prisma';
export async function handler(req, res) {
  const user = await prisma.user.findUnique({ where: { email: req.body.email } });
  res.json({ exists: Boolean(user), name: user?.name });
}
`,
    },
    // a helper call is no ORM read here (what it returns is the analyzer's job)
    {
      code: `
export async function handler(req, res) {
  const users = await fetchUsers();
  res.json(users);
}
`,
    },
    // Mongoose schema with a toJSON transform
    {
      code: `
import mongoose from 'mongoose';
const userSchema = new mongoose.Schema({ email: String, password: String }, { toJSON: { transform: (_doc, ret) => { delete ret.password; return ret; } } });
const User = mongoose.model('User', userSchema);
export async function list(req, res) {
  res.json(await User.find());
}
`,
    },
    // a capitalised class that is no model
    {
      code: `
import { Cache } from './cache';
export async function handler(req, res) {
  const user = await Cache.findOne('user:' + req.params.id);
  res.json(user);
}
`,
    },
    // JSX, decorators and overloads do not confuse the rule
    {
      code: `
export function render(): JSX.Element { return <div>{String(1)}</div>; }
export function f(a: string): string;
export function f(a: number): number;
export function f(a: unknown) { return a; }
`,
      filename: 'file.tsx',
    },
    // a Fastify response schema strips the columns it does not list
    {
      code: `
import { prisma } from '../prisma';
export default async function routes(fastify) {
  fastify.get('/users/:id', { schema: { response: { 200: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } } } }, async (request) => {
    return prisma.user.findUnique({ where: { id: request.params.id } });
  });
  fastify.route({
    method: 'GET',
    url: '/users',
    schema: userListSchema,
    handler: async (_request, reply) => reply.send(await prisma.user.findMany()),
  });
}
`,
    },
  ],
  invalid: [
    {
      // An include that turns on relations only sends the whole user record with them.
      code: `
import { prisma } from '../db';
export async function loader({ request }) {
  const userId = await requireUserId(request);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { notes: true, avatar: false } });
  return Response.json({ user });
}
`,
      errors: [{ messageId: 'entityLeak', line: 6 }],
    },
    // A T3 router file: nothing in it names a response but its procedures' builders.
    {
      code: `import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
export const userRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => ctx.db.user.findMany()),
});
`,
      errors: [{ messageId: 'entityLeak', line: 3 }],
    },
    // A tRPC procedure's and a Remix loader's return value is the response.
    {
      code: `import { prisma } from '~/db.server';
export const userRouter = router({
  byId: publicProcedure.input(z.object({ id: z.string() })).query(async ({ input }) => {
    return prisma.user.findUnique({ where: { id: input.id } });
  }),
  list: protectedProcedure.query(() => prisma.user.findMany()),
  members: withPermission('member', 'read').query(async ({ ctx }) => prisma.user.findMany({ where: { orgId: ctx.orgId } })),
  // tRPC parses the result with the output schema, which drops the keys it does not list.
  create: adminProcedure.input(newUser).output(z.object({ id: z.string(), email: z.string() })).mutation(async ({ input }) => prisma.user.create({ data: input })),
});
export async function loader({ params }: LoaderFunctionArgs) {
  const user = await prisma.user.findUnique({ where: { id: params.userId } });
  return json({ user });
}`,
      errors: [{ messageId: 'entityLeak', line: 4 }, { messageId: 'entityLeak', line: 6 }, { messageId: 'entityLeak', line: 7 }, { messageId: 'entityLeak', line: 13 }],
    },
    // the hash is deleted, the reset token the schema shows is not
    {
      code: `
import mongoose from 'mongoose';
const UserSchema = new mongoose.Schema({ email: String, password: String, resetToken: String });
const User = mongoose.model('User', UserSchema);
export const me = async (req, res) => {
  const user = await User.findById(req.params.id).lean();
  delete user.password;
  res.json(user);
};
`,
      errors: [{ messageId: 'sensitiveEntityLeak', line: 8, data: { model: 'User', query: 'User.findById', field: 'resetToken' } }],
    },
    // `Reflect.deleteProperty` of the hash leaves the reset token in
    {
      code: `
import mongoose from 'mongoose';
const UserSchema = new mongoose.Schema({ email: String, password: String, resetToken: String });
const User = mongoose.model('User', UserSchema);
export const me = async (req, res) => {
  const user = await User.findById(req.params.id).lean();
  Reflect.deleteProperty(user, 'password');
  res.json(user);
};
`,
      errors: [{ messageId: 'sensitiveEntityLeak', line: 8, data: { model: 'User', query: 'User.findById', field: 'resetToken' } }],
    },
    // routing-controllers: a `@JsonController` method's return value is the body.
    {
      code: `
import { Get, JsonController, Param } from 'routing-controllers';
import { prisma } from '../lib/prisma';

@JsonController('/users')
export class UserController {
  @Get('/:id')
  async getOne(@Param('id') id: string) {
    return prisma.user.findUnique({ where: { id } });
  }
}
`,
      errors: [
        { messageId: 'entityLeak', line: 9, data: { model: 'user', query: 'prisma.user.findUnique' } },
      ],
    },
    // fastify-decorators: the controller method's return value is the body.
    {
      code: `
import { Controller, GET } from 'fastify-decorators';
import { prisma } from '../lib/prisma';

@Controller({ route: '/users' })
export default class UserController {
  @GET('/:id')
  async getUser(request) {
    return prisma.user.findUnique({ where: { id: request.params.id } });
  }
}
`,
      errors: [
        { messageId: 'entityLeak', line: 9, data: { model: 'user', query: 'prisma.user.findUnique' } },
      ],
    },
    // Express + Prisma: findUnique sent as it is
    {
      code: `
import express from 'express';
import { prisma } from '../lib/prisma';

const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  if (!user) return res.status(404).json({ error: 'Not found' });
  res.json(user);
});
`,
      errors: [
        { messageId: 'entityLeak', line: 10, column: 12, endLine: 10, endColumn: 16, data: { model: 'user', query: 'prisma.user.findUnique' } },
      ],
    },
    // Prisma create that writes a password hash, wrapped in { user }
    {
      code: `
import bcrypt from 'bcrypt';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function register(req, res) {
  const passwordHash = await bcrypt.hash(req.body.password, 10);
  const user = await prisma.user.create({
    data: { email: req.body.email, passwordHash },
  });
  res.status(201).json({ user });
}
`,
      errors: [
        { messageId: 'sensitiveEntityLeak', line: 12, column: 26, endLine: 12, endColumn: 30, data: { model: 'user', query: 'prisma.user.create', field: 'passwordHash' } },
      ],
    },
    // Prisma include of the author relation
    {
      code: `
import { Router } from 'express';
import prisma from '../db';

export const posts = Router();

posts.get('/', async (_req, res) => {
  const items = await prisma.post.findMany({ include: { author: true, tags: true } });
  res.json({ data: items });
});
`,
      errors: [
        { messageId: 'relationLeak', line: 9, column: 20, endLine: 9, endColumn: 25, data: { query: 'prisma.post.findMany', relation: 'author' } },
      ],
    },
    // Next.js route handler returning findMany directly
    {
      code: `
import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

export async function GET() {
  return NextResponse.json(await db.user.findMany({ orderBy: { createdAt: 'desc' } }));
}
`,
      errors: [
        { messageId: 'entityLeak', line: 6, column: 28, endLine: 6, endColumn: 86, data: { model: 'user', query: 'db.user.findMany' } },
      ],
    },
    // Hono: c.json with a { data: users } wrapper
    {
      code: `
import { Hono } from 'hono';
import { prisma } from './prisma';

const app = new Hono();

app.get('/customers', async (c) => {
  const customers = await prisma.customer.findMany();
  return c.json({ data: customers, count: customers.length });
});
`,
      errors: [
        { messageId: 'entityLeak', line: 9, column: 25, endLine: 9, endColumn: 34, data: { model: 'customer', query: 'prisma.customer.findMany' } },
      ],
    },
    // Koa + Sequelize through CommonJS require
    {
      code: `
const Router = require('@koa/router');
const { User } = require('../models');

const router = new Router();

router.get('/users/:id', async (ctx) => {
  const user = await User.findByPk(ctx.params.id);
  ctx.body = user;
});

module.exports = router;
`,
      errors: [
        { messageId: 'entityLeak', line: 9, column: 14, endLine: 9, endColumn: 18, data: { model: 'User', query: 'User.findByPk' } },
      ],
    },
    // Fastify handler returning the record
    {
      code: `
import type { FastifyInstance } from 'fastify';

export default async function routes(fastify: FastifyInstance) {
  fastify.get('/me', async (request, reply) => {
    const account = await fastify.prisma.account.findFirst({ where: { userId: request.user.id } });
    return account;
  });
}
`,
      errors: [
        { messageId: 'entityLeak', line: 7, column: 12, endLine: 7, endColumn: 19, data: { model: 'account', query: 'prisma.account.findFirst' } },
      ],
    },
    // NestJS controller returning a repository result
    {
      code: `
import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  @Get(':id')
  async findOne(@Param('id') id: string) {
    return this.repo.findOne({ where: { id } });
  }
}
`,
      errors: [
        { messageId: 'entityLeak', line: 13, column: 12, endLine: 13, endColumn: 48, data: { model: 'User', query: 'repo.findOne' } },
      ],
    },
    // TypeORM entity declared in the file with a password column
    {
      code: `
import { Entity, PrimaryGeneratedColumn, Column } from 'typeorm';
import { AppDataSource } from './data-source';

@Entity()
export class Staff {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column() password: string;
}

export async function getStaff(req, res) {
  const staff = await AppDataSource.manager.findOne(Staff, { where: { id: req.params.id } });
  res.send(staff);
}
`,
      errors: [
        { messageId: 'sensitiveEntityLeak', line: 14, column: 12, endLine: 14, endColumn: 17, data: { model: 'Staff', query: 'manager.findOne', field: 'password' } },
      ],
    },
    // Mongoose findById with lean() and exec()
    {
      code: `
import { Request, Response } from 'express';
import User from '../models/User';

export const getUser = async (req: Request, res: Response) => {
  const user = await User.findById(req.params.id).lean().exec();
  res.status(200).json(user);
};
`,
      errors: [
        { messageId: 'entityLeak', line: 7, column: 24, endLine: 7, endColumn: 28, data: { model: 'User', query: 'User.findById' } },
      ],
    },
    // Mongoose callback style
    {
      code: `
const express = require('express');
const User = require('../models/user');
const router = express.Router();

router.get('/:id', (req, res) => {
  User.findById(req.params.id, (err, user) => {
    if (err) return res.status(500).send(err.message);
    res.json(user);
  });
});
`,
      errors: [
        { messageId: 'entityLeak', line: 9, column: 14, endLine: 9, endColumn: 18, data: { model: 'User', query: 'User.findById' } },
      ],
    },
    // Promise then callback
    {
      code: `
import { Router } from 'express';
import { prisma } from '../prisma';
const router = Router();
router.get('/', (req, res, next) => {
  prisma.user.findMany().then((users) => res.send(users)).catch(next);
});
`,
      errors: [
        { messageId: 'entityLeak', line: 6, column: 51, endLine: 6, endColumn: 56, data: { model: 'user', query: 'prisma.user.findMany' } },
      ],
    },
    // Mongoose select(+password) asks for the hidden hash
    {
      code: `
import { Customer } from '../models/customer.model';

export async function show(req, res) {
  const customer = await Customer.findOne({ email: req.query.email }).select('+password');
  return res.json({ customer });
}
`,
      errors: [
        { messageId: 'sensitiveEntityLeak', line: 6, column: 21, endLine: 6, endColumn: 29, data: { model: 'Customer', query: 'Customer.findOne', field: 'password' } },
      ],
    },
    // new Model + save with a hashed password
    {
      code: `
import User from '../models/User.js';
import bcrypt from 'bcryptjs';

export const signup = async (req, res) => {
  const { email, password } = req.body;
  const hashed = await bcrypt.hash(password, 12);
  const user = new User({ email, password: hashed });
  await user.save();
  res.status(201).json({ message: 'created', user });
};
`,
      errors: [
        { messageId: 'sensitiveEntityLeak', line: 10, column: 46, endLine: 10, endColumn: 50, data: { model: 'User', query: 'new User()', field: 'password' } },
      ],
    },
    // Sequelize findAndCountAll, rows destructured
    {
      code: `
import { UserModel } from '../models/user';

export function listUsers() {
  return async (req, res) => {
    const { rows, count } = await UserModel.findAndCountAll({ limit: 20, offset: Number(req.query.offset) });
    res.json({ total: count, items: rows });
  };
}
`,
      errors: [
        { messageId: 'entityLeak', line: 7, column: 37, endLine: 7, endColumn: 41, data: { model: 'UserModel', query: 'UserModel.findAndCountAll' } },
      ],
    },
    // TypeORM findAndCount tuple
    {
      code: `
import { getRepository } from 'typeorm';
import { User } from '../entity/User';

export async function list(req, res) {
  const [users, total] = await getRepository(User).findAndCount({ take: 10 });
  res.json({ users, total });
}
`,
      errors: [
        { messageId: 'entityLeak', line: 7, column: 14, endLine: 7, endColumn: 19, data: { model: 'User', query: 'getRepository(User).findAndCount' } },
      ],
    },
    // Drizzle select() of a whole table
    {
      code: `
import { Hono } from 'hono';
import { db } from './db';
import { users } from './db/schema';

const app = new Hono();
app.get('/users', async (c) => {
  const rows = await db.select().from(users).limit(50);
  return c.json(rows);
});
`,
      errors: [
        { messageId: 'entityLeak', line: 9, column: 17, endLine: 9, endColumn: 21, data: { model: 'users', query: 'db.select().from(users)' } },
      ],
    },
    // Drizzle relational query with a with relation
    {
      code: `
import { NextResponse } from 'next/server';
import { db } from '@/db';

export async function GET(request: Request, { params }: { params: { id: string } }) {
  const post = await db.query.posts.findFirst({ where: (p, { eq }) => eq(p.id, params.id), with: { author: true } });
  return NextResponse.json(post);
}
`,
      errors: [
        { messageId: 'relationLeak', line: 7, column: 28, endLine: 7, endColumn: 32, data: { query: 'db.query.posts.findFirst', relation: 'author' } },
      ],
    },
    // TS syntax: as, non-null, satisfies, parentheses
    {
      code: `
import { prisma } from '../prisma';
import type { User } from '@prisma/client';

export async function handler(req, res) {
  const user = (await prisma.user.findFirst({ where: { email: req.body.email } }))!;
  res.json({ user: user as User, again: (user satisfies User) });
}
`,
      errors: [
        { messageId: 'entityLeak', line: 7, column: 20, endLine: 7, endColumn: 32, data: { model: 'user', query: 'prisma.user.findFirst' } },
        { messageId: 'entityLeak', line: 7, column: 42, endLine: 7, endColumn: 61, data: { model: 'user', query: 'prisma.user.findFirst' } },
      ],
    },
    // Computed member and optional chaining on the sink
    {
      code: `
import { prisma } from '../prisma';

export async function handler(req, res) {
  const customers = await prisma['customer'].findMany({ where: { active: true } });
  res?.status(200).json(customers);
}
`,
      errors: [
        { messageId: 'entityLeak', line: 6, column: 25, endLine: 6, endColumn: 34, data: { model: 'customer', query: 'prisma.customer.findMany' } },
      ],
    },
    // Aliased model import and instance update
    {
      code: `
import { UserModel as Users } from '../models/user';

export async function changeEmail(req, res) {
  const user = await Users.findByPk(req.user.id);
  const updated = await user.update({ email: req.body.email });
  res.json(updated);
}
`,
      errors: [
        { messageId: 'entityLeak', line: 7, column: 12, endLine: 7, endColumn: 19, data: { model: 'Users', query: 'Users.findByPk' } },
      ],
    },
    // instance update with a password, then the record sent
    {
      code: `
import { UserModel } from '../models/user';

export const changePassword = () => async (req, res) => {
  const user = await UserModel.findByPk(req.user.id);
  await user.update({ password: req.body.newPassword });
  res.json({ user });
};
`,
      errors: [
        { messageId: 'sensitiveEntityLeak', line: 7, column: 14, endLine: 7, endColumn: 18, data: { model: 'UserModel', query: 'UserModel.findByPk', field: 'password' } },
      ],
    },
    // Sequelize include of the User model
    {
      code: `
import { MemoryModel } from '../models/memory';
import { UserModel } from '../models/user';

export const getMemories = () => async (req, res) => {
  const memories = await MemoryModel.findAll({ include: [UserModel] });
  res.status(200).json({ status: 'success', data: memories });
};
`,
      errors: [
        { messageId: 'relationLeak', line: 7, column: 51, endLine: 7, endColumn: 59, data: { query: 'MemoryModel.findAll', relation: 'UserModel' } },
      ],
    },
    // Mongoose populate of a user relation
    {
      code: `
import Order from '../models/order';

export async function getOrder(req, res) {
  const order = await Order.findById(req.params.id).populate('customer');
  res.json(order);
}
`,
      errors: [
        { messageId: 'relationLeak', line: 6, column: 12, endLine: 6, endColumn: 17, data: { query: 'Order.findById', relation: 'customer' } },
      ],
    },
    // Mongoose schema written inside the model call
    {
      code: `
import mongoose from 'mongoose';

const Vendor = mongoose.model('Vendor', new mongoose.Schema({ name: String, apiSecret: String }));

export async function listVendors(req, res) {
  res.json(await Vendor.find());
}
`,
      errors: [{ messageId: 'sensitiveEntityLeak', line: 7, data: { model: 'Vendor', query: 'Vendor.find', field: 'apiSecret' } }],
    },
    // Mongoose schema in the file with a password field
    {
      code: `
import mongoose from 'mongoose';

const VendorSchema = new mongoose.Schema({ name: String, apiSecret: String });
const Vendor = mongoose.model('Vendor', VendorSchema);

export async function listVendors(req, res) {
  res.json(await Vendor.find());
}
`,
      errors: [
        { messageId: 'sensitiveEntityLeak', line: 8, column: 12, endLine: 8, endColumn: 31, data: { model: 'Vendor', query: 'Vendor.find', field: 'apiSecret' } },
      ],
    },
    // option sensitiveModels
    {
      code: `
import { prisma } from '../prisma';

export async function handler(req, res) {
  const invoices = await prisma.invoice.findMany({ where: { customerId: req.user.id } });
  res.json(invoices);
}
`,
      options: [{'sensitiveModels':['Invoice']}],
      errors: [
        { messageId: 'entityLeak', line: 6, column: 12, endLine: 6, endColumn: 20, data: { model: 'invoice', query: 'prisma.invoice.findMany' } },
      ],
    },
    // option checkAllModels
    {
      code: `
import { prisma } from '../prisma';

export async function handler(req, res) {
  res.json(await prisma.post.findMany());
}
`,
      options: [{'checkAllModels':true}],
      errors: [
        { messageId: 'entityLeak', line: 5, column: 12, endLine: 5, endColumn: 40, data: { model: 'post', query: 'prisma.post.findMany' } },
      ],
    },
    // nested object payload and a conditional
    {
      code: `
import { prisma } from '../prisma';

export async function handler(req, res) {
  const admin = await prisma.admin.findUnique({ where: { id: req.params.id } });
  const payload = { ok: true, result: { admin: admin ?? null } };
  res.json(req.query.full ? payload : { ok: true });
}
`,
      errors: [
        { messageId: 'entityLeak', line: 7, column: 29, endLine: 7, endColumn: 36, data: { model: 'admin', query: 'prisma.admin.findUnique' } },
      ],
    },
    // TypeORM repository named after the entity, query builder
    {
      code: `
import { Controller, Get } from '@nestjs/common';
import { AppDataSource } from '../data-source';
import { Account } from '../entities/account';

const accountRepository = AppDataSource.getRepository(Account);

@Controller('accounts')
export class AccountsController {
  @Get()
  list() {
    return accountRepository.createQueryBuilder('a').where('a.active = :a', { a: true }).getMany();
  }
}
`,
      errors: [
        { messageId: 'entityLeak', line: 12, column: 12, endLine: 12, endColumn: 99, data: { model: 'Account', query: 'createQueryBuilder(…).getMany' } },
      ],
    },
    // a PrismaClient held under any name
    {
      code: `
import { PrismaClient } from '@prisma/client';
const orm = new PrismaClient();
export async function GET() {
  const list = await orm.user.findMany();
  return Response.json({ list });
}
`,
      errors: [
        { messageId: 'entityLeak', line: 6, column: 26, endLine: 6, endColumn: 30, data: { model: 'user', query: 'orm.user.findMany' } },
      ],
    },
    // Sequelize models taken off the db object
    {
      code: `
const db = require('../models');
const User = db.User;
const { account } = db.sequelize.models;
exports.show = async (req, res) => {
  const user = await User.findByPk(req.params.id);
  const acct = await account.findOne({ where: { userId: user.id } });
  res.send({ user, acct });
};
`,
      errors: [
        { messageId: 'entityLeak', line: 8, column: 14, endLine: 8, endColumn: 18, data: { model: 'User', query: 'User.findByPk' } },
        { messageId: 'entityLeak', line: 8, column: 20, endLine: 8, endColumn: 24, data: { model: 'account', query: 'account.findOne' } },
      ],
    },
    // Fastify schema without a response part does not filter
    {
      code: `
import { prisma } from '../prisma';
export default async function routes(fastify) {
  fastify.get('/users/:id', { schema: { params: { type: 'object' } } }, async (request) => {
    return prisma.user.findUnique({ where: { id: request.params.id } });
  });
}
`,
      errors: [
        { messageId: 'entityLeak', line: 5, column: 12, endLine: 5, endColumn: 72, data: { model: 'user', query: 'prisma.user.findUnique' } },
      ],
    },
  ],
});
