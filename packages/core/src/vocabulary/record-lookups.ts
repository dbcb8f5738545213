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

/** Instance methods that change or delete a loaded record: `order.save()`, `doc.deleteOne()`. */
export const INSTANCE_WRITE_METHODS: Readonly<Record<string, RecordAction>> = {
  save: 'change', update: 'change', set: 'change', destroy: 'delete', remove: 'delete', deleteOne: 'delete', increment: 'change',
  decrement: 'change', updateOne: 'change', softRemove: 'delete',
};

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

/**
 * Names of calls and middleware that decide access to a record: a policy
 * (`canUpdateBoard(auth, id)`, `authorize(…)`, `ability.can`), an ownership
 * or membership check (`checkNoteOwnership`, `isMember`, `belongsToTeam`), an
 * assertion (`assertOwner`, `ensureAccess`). Broad on purpose: it only ever
 * silences an ownership finding.
 */
const ACCESS_CHECK_VERB = /^(?:can|cannot|assert|ensure|check|verify|require|has|is)(?:[A-Z_]|$)/;
const ACCESS_CHECK_WORD = /authori[sz]|permission|access|own|polic|abilit|belong|member|scope/i;

export function looksLikeAccessCheckName(name: string): boolean {
  // The verb is matched with its case: `canEdit` asks, `cancelOrder` and `issueRefund` act.
  return ACCESS_CHECK_VERB.test(name) || ACCESS_CHECK_WORD.test(name);
}
