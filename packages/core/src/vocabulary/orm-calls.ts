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
