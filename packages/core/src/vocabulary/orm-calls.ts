import { splitIdentifierWords } from './identifier-words.js';
import { isSecretName } from './secret-names.js';

/** Prisma model delegate methods that return records. */
export const PRISMA_RECORD_METHODS: ReadonlySet<string> = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany',
  'create', 'update', 'upsert', 'delete', 'createManyAndReturn', 'updateManyAndReturn',
]);

/** TypeORM repository / EntityManager methods that return entities. */
export const TYPEORM_RECORD_METHODS: ReadonlySet<string> = new Set([
  'find', 'findOne', 'findOneBy', 'findBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount',
  'findAndCountBy', 'save', 'preload', 'getOne', 'getMany', 'getOneOrFail',
]);

/** Mongoose model methods that return documents. */
export const MONGOOSE_RECORD_METHODS: ReadonlySet<string> = new Set([
  'find', 'findOne', 'findById', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete',
  'findByIdAndDelete', 'create', 'insertMany',
]);

/** Sequelize model methods that return instances. */
export const SEQUELIZE_RECORD_METHODS: ReadonlySet<string> = new Set([
  'findAll', 'findOne', 'findByPk', 'findOrCreate', 'findAndCountAll', 'create', 'bulkCreate',
]);

/** Methods that write a payload into the database (create/update shapes). */
export const ORM_WRITE_METHODS: ReadonlySet<string> = new Set([
  'create', 'createMany', 'update', 'updateMany', 'upsert', 'save', 'insert', 'insertMany',
  'updateOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'bulkCreate', 'build', 'merge', 'set',
]);

/** Sequelize model methods whose result is a `{ rows, count }` object. */
export const ROWS_CONTAINER_METHODS: ReadonlySet<string> = new Set(['findAndCountAll']);

/** ORM methods whose result is a tuple with the records first (`[rows, count]`, `[record, created]`). */
export const TUPLE_RESULT_METHODS: ReadonlySet<string> = new Set(['findAndCount', 'findAndCountBy', 'findOrCreate']);

/** Prisma-only method names: a call with one of these on `<client>.<model>` is a Prisma query. */
export const PRISMA_ONLY_METHODS: ReadonlySet<string> = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'upsert',
  'createManyAndReturn', 'updateManyAndReturn',
]);

/** Drizzle relational-query methods (`db.query.users.findFirst(...)`). */
export const DRIZZLE_QUERY_METHODS: ReadonlySet<string> = new Set(['findFirst', 'findMany']);

/**
 * Mongoose query-chain methods that pass the documents through unchanged
 * (`User.findById(id).lean().exec()`); `select` is the one that shapes them.
 */
export const MONGOOSE_CHAIN_METHODS: ReadonlySet<string> = new Set([
  'exec', 'lean', 'populate', 'sort', 'limit', 'skip', 'where', 'orFail', 'session', 'collation',
  'hint', 'read', 'setOptions', 'and', 'or', 'nor', 'equals', 'in', 'gt', 'gte', 'lt', 'lte', 'ne', 'populated',
]);

/** Record-instance methods that resolve to the same record (`await user.update({...})`). */
export const RECORD_INSTANCE_METHODS: ReadonlySet<string> = new Set(['save', 'update', 'reload', 'populate', 'increment', 'decrement', 'restore', 'remove']);

/**
 * Record-instance methods that turn the record into a plain object with every
 * column (Mongoose `toObject()` / `toJSON()`): what they return is the record, unshaped.
 * Sequelize's `get({ plain: true })` does the same (see `isPlainRecordCall`).
 */
export const RECORD_SERIALIZE_METHODS: ReadonlySet<string> = new Set(['toObject', 'toJSON']);

/**
 * Nouns that name the model people log in with: a record of one carries an
 * email, and usually a password hash, tokens and flags. Deliberately narrow:
 * `Client`, `Owner`, `Employee`, `Patient` records in CRM/HR apps are the
 * resource the API serves, and are reported only when this file shows a
 * sensitive column on them. Nor `Member`: in most schemas a membership row (user id, organisation id, role),
 * whose person is a relation of its own.
 */
const USER_MODEL_NOUNS: ReadonlySet<string> = new Set([
  'user', 'users', 'account', 'accounts', 'customer', 'customers',
  'admin', 'admins', 'administrator', 'administrators',
]);

/**
 * Words that may come before such a noun and keep its meaning: `AppUser`,
 * `AdminUser`, `UserProfile`, `UserAccount`. Any other qualifier (`TeamMember`,
 * `BankAccount`, `TeamUser`) names a different thing, usually a join table.
 */
const USER_MODEL_QUALIFIERS: ReadonlySet<string> = new Set([
  'app', 'auth', 'admin', 'user', 'users', 'site', 'system', 'platform', 'portal', 'registered',
  'end', 'local', 'internal', 'customer', 'member', 'staff', 'employee', 'tb', 't', 'tbl',
]);

/** Suffixes that name the model's class or repository rather than the model: `UserModel`, `userRepository`. */
const MODEL_NAME_SUFFIXES: ReadonlySet<string> = new Set([
  'model', 'models', 'entity', 'entities', 'schema', 'repository', 'repo', 'document', 'doc', 'table', 'collection',
]);

/**
 * Whether a model, table or repository name denotes people or their accounts:
 * `user`, `User`, `UserModel`, `usersRepository`, `AppUser`, `user_accounts`,
 * `customers` do; `TeamMember`, `BankAccount`, `UserSettings`, `post` do not.
 */
export function isUserModelName(name: string): boolean {
  const words = splitIdentifierWords(name);
  while (words.length > 1 && MODEL_NAME_SUFFIXES.has(words.at(-1)!)) words.pop();
  const noun = words.at(-1);
  if (noun === undefined || !USER_MODEL_NOUNS.has(noun)) return false;
  return words.slice(0, -1).every((word) => USER_MODEL_QUALIFIERS.has(word));
}

/**
 * Relation names that pull a person's record into another model's result:
 * `include: { author: true }`, `relations: ['owner']`, `.populate('createdBy')`.
 */
const USER_RELATION_WORDS: ReadonlySet<string> = new Set([
  'user', 'users', 'author', 'authors', 'owner', 'owners', 'creator', 'creators',
  'admin', 'admins', 'assignee', 'assignees', 'reporter', 'sender', 'receiver', 'recipient', 'recipients',
  'participant', 'participants', 'follower', 'followers', 'following', 'reviewer', 'reviewers', 'uploader',
  'account', 'accounts', 'customer', 'customers',
]);

/** Whether an included relation's name denotes a person's record: `author`, `createdBy`, `owner`, `User`. */
export function isUserRelationName(name: string): boolean {
  const words = splitIdentifierWords(name);
  while (words.length > 1 && MODEL_NAME_SUFFIXES.has(words.at(-1)!)) words.pop();
  if (words.length === 2 && (words[0] === 'created' || words[0] === 'updated' || words[0] === 'deleted') && words[1] === 'by') return true;
  return words.length === 1 && USER_RELATION_WORDS.has(words[0]!);
}

/** Column words that are sensitive in a stored record even though they are no secret word on their own. */
const SENSITIVE_COLUMN_WORDS: ReadonlySet<string> = new Set(['hash', 'salt', 'hashed']);

/**
 * Whether a stored column is one a client should never receive: secret names
 * (`password`, `passwordHash`, `resetToken`, `totpSecret`, `apiKey`) and bare
 * `hash`/`salt`. `passwordChangedAt`, `tokenVersion`, `sessionId` are not.
 */
export function isSensitiveColumnName(name: string, extraWords: readonly string[] = []): boolean {
  if (isSecretName(name, extraWords)) return true;
  const words = splitIdentifierWords(name);
  return words.length === 1 && SENSITIVE_COLUMN_WORDS.has(words[0]!);
}

const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'passcode', 'passphrase', 'hash', 'salt']);

/**
 * Whether a column's name speaks of the password (`password`, `passwordHash`, `salt`): what a record carries from
 * the moment it is created, where reset tokens and API keys only come later.
 */
export function namesPassword(column: string): boolean {
  const words = splitIdentifierWords(column);
  // `resetPasswordToken`, `passwordResetCode`: a token issued later, not the password.
  return words.some((word) => PASSWORD_WORDS.has(word)) && !words.some((word) => word === 'token' || word === 'code' || word === 'reset');
}
