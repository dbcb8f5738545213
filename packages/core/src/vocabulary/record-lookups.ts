/**
 * The ORM calls that read, change or delete one record chosen by a key or a
 * filter: where an insecure direct object reference happens when the key is
 * a client's id and nothing scopes the record to the caller. Shared by the
 * per-file rule and the analyzer's cross-file half.
 */

/** What a lookup does to the record it picks. */
export type RecordAction = 'read' | 'change' | 'delete';

/** Model nouns published to everyone: reading one by id is no IDOR (changing it still is). */
export const PUBLIC_MODEL_NAMES: readonly string[] = [
  'post', 'article', 'product', 'category', 'tag', 'comment', 'page', 'blog', 'review', 'listing', 'event', 'course',
  'lesson', 'video', 'recipe', 'book', 'movie', 'question', 'answer', 'topic', 'thread', 'story', 'brand', 'faq',
  'news', 'announcement', 'profile', 'user', 'author', 'plan', 'feature', 'country', 'city', 'genre', 'track',
  'album', 'artist', 'song', 'podcast', 'episode', 'quote', 'job', 'photo', 'image', 'gallery', 'collection',
];

/** Prisma delegate methods that read or change one record chosen by `where`. */
export const PRISMA_LOOKUP_METHODS: Readonly<Record<string, RecordAction>> = {
  findUnique: 'read', findUniqueOrThrow: 'read', findFirst: 'read', findFirstOrThrow: 'read',
  update: 'change', upsert: 'change', delete: 'delete',
};
/** Mongoose/Sequelize statics whose first argument is the primary key. */
export const BY_KEY_LOOKUP_METHODS: Readonly<Record<string, RecordAction>> = {
  findById: 'read', findByPk: 'read', findByIdAndUpdate: 'change', findByIdAndDelete: 'delete', findByIdAndRemove: 'delete',
};
/** Mongoose/Sequelize statics whose first argument is a filter (Sequelize: `{ where }`). */
export const BY_FILTER_LOOKUP_METHODS: Readonly<Record<string, RecordAction>> = {
  findOne: 'read', findOneAndUpdate: 'change', findOneAndDelete: 'delete', findOneAndRemove: 'delete',
  findOneAndReplace: 'change', deleteOne: 'delete', updateOne: 'change', destroy: 'delete',
};
/** TypeORM repository methods: `findOneBy({ id })`, `findOne({ where: { id } })`, `update(id, …)`, `delete(id)`. */
export const REPOSITORY_LOOKUP_METHODS: Readonly<Record<string, RecordAction>> = {
  findOne: 'read', findOneBy: 'read', findOneOrFail: 'read', findOneByOrFail: 'read', update: 'change',
  delete: 'delete', softDelete: 'delete', restore: 'change',
};
