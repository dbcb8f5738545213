import ts from '../project/typescript.cjs';
import { getStringValue, skipOuterExpressions } from '../project/lexical-scope.js';

/** A relation a query loads with its records, by the property it is loaded into. */
export interface IncludedRelation {
  /** The property on the record (`author`), or the model's name when the query names only the model (`include: [User]`). */
  name: string;
  /** The related model when the query names it (Sequelize `include: [{ model: User, as: 'author' }]`). */
  model?: string;
  /** A `select`/projection/`attributes` list limits the related record's columns. */
  shaped: boolean;
  /** Columns left out explicitly (`populate('author', '-password')`, `attributes: { exclude: ['password'] }`). */
  omitted?: string[];
  /** Relations loaded on the related records in turn (`relations: ['comments.author']`). */
  relations?: IncludedRelation[];
}

/** What a query's options say about the columns and relations it returns. */
export interface QueryShape {
  /** A `select`/`omit`/`attributes` list or projection limits the columns. */
  shaped: boolean;
  /** The fields a literal `select` keeps. */
  selected?: string[];
  /** Columns left out explicitly (an exclusion list). */
  omitted?: string[];
  relations: IncludedRelation[];
}

/**
 * Prisma: `select: { id: true, author: true }` keeps fields (a relation set
 * to `true` comes whole), `include: { author: true }` adds whole relations,
 * `{ author: { select: { name: true } } }` shapes one, `omit: { passwordHash: true }`
 * drops the columns it names (and keeps the rest).
 */
export function readPrismaShape(options: ts.Expression | undefined): QueryShape {
  const select = getProperty(options, 'select');
  const omit = getProperty(options, 'omit');
  const relations = [...readPrismaRelations(getProperty(options, 'include')), ...readPrismaRelations(select)];
  const selected = select && ts.isObjectLiteralExpression(select) ? getTrueKeys(select) : undefined;
  return {
    shaped: select !== undefined,
    ...(selected ? { selected } : {}),
    ...(omit && ts.isObjectLiteralExpression(omit) ? { omitted: getTrueKeys(omit) } : {}),
    relations,
  };
}

/**
 * TypeORM find options: `select` (an object or a list) shapes the records
 * and their relations; `relations: ['author', 'comments.author']` or
 * `relations: { author: true }` loads relations whole.
 */
export function readTypeOrmShape(options: ts.Expression | undefined): QueryShape {
  const select = getProperty(options, 'select');
  const selected = !select ? undefined : ts.isObjectLiteralExpression(select) ? getTrueKeys(select) : ts.isArrayLiteralExpression(select) ? select.elements.flatMap((element) => getStringValue(element) ?? []) : undefined;
  const paths = readRelationPaths(getProperty(options, 'relations'));
  return { shaped: select !== undefined, ...(selected ? { selected } : {}), relations: pathsToRelations(paths, select !== undefined) };
}

/**
 * Sequelize: `attributes: ['id', 'name']` shapes, `attributes: { exclude: ['password'] }`
 * drops columns; `include: [User]`, `include: [{ model: User, as: 'author', attributes }]`,
 * `include: [{ association: 'author' }]` load relations.
 */
export function readSequelizeShape(options: ts.Expression | undefined): QueryShape {
  const attributes = readAttributes(getProperty(options, 'attributes'));
  return { ...attributes, relations: readSequelizeIncludes(getProperty(options, 'include')) };
}

/**
 * Mongoose `.populate()`: `populate('author')`, `populate('author comments')`,
 * `populate(['author'])`, `populate({ path: 'author', select: 'name' })`,
 * `populate('author', 'name avatar')`, `populate('author', '-password')`.
 */
export function readPopulate(args: readonly ts.Expression[]): IncludedRelation[] {
  const [first, second] = args;
  if (!first) return [];
  const projection = second ? readProjection(second) : { shaped: false };
  const node = skipOuterExpressions(first);
  const text = getStringValue(node);
  if (text !== undefined) return text.split(/\s+/).filter(Boolean).map((path) => ({ ...pathToRelation(path), ...projection }));
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => readPopulate([element, ...(second ? [second] : [])]));
  if (!ts.isObjectLiteralExpression(node)) return [];
  const path = getStringValue(getProperty(node, 'path'));
  if (!path) return [];
  const select = getProperty(node, 'select');
  const nested = getProperty(node, 'populate');
  return [{ ...pathToRelation(path), ...(select ? readProjection(select) : { shaped: false }), ...(nested ? { relations: readPopulate([nested]) } : {}) }];
}

/** A Mongoose projection string or object: `'name email'` shapes, `'-password'` or `{ password: 0 }` drops columns, `'+password'` forces a hidden one in. */
export function readProjection(node: ts.Expression): { shaped: boolean; omitted?: string[]; forced?: string[] } {
  const value = skipOuterExpressions(node);
  const text = getStringValue(value);
  if (text !== undefined) {
    const words = text.split(/\s+/).filter(Boolean);
    const omitted = words.filter((word) => word.startsWith('-')).map((word) => word.slice(1));
    const forced = words.filter((word) => word.startsWith('+')).map((word) => word.slice(1));
    const kept = words.filter((word) => !word.startsWith('-') && !word.startsWith('+'));
    return { shaped: kept.length > 0, ...(omitted.length ? { omitted } : {}), ...(forced.length ? { forced } : {}) };
  }
  if (ts.isObjectLiteralExpression(value)) {
    const entries = value.properties.filter(ts.isPropertyAssignment);
    const omitted = entries.filter((entry) => /^(?:0|false)$/.test(entry.initializer.getText())).map((entry) => getKey(entry));
    return omitted.length === entries.length ? { shaped: false, omitted } : { shaped: true };
  }
  return { shaped: true };
}

function readPrismaRelations(node: ts.Expression | undefined): IncludedRelation[] {
  if (!node || !ts.isObjectLiteralExpression(node)) return [];
  return node.properties.filter(ts.isPropertyAssignment).flatMap((property): IncludedRelation[] => {
    const name = getKey(property);
    if (name === '_count') return [];
    const value = skipOuterExpressions(property.initializer);
    // In a `select`, `author: true` may be a scalar; the entity's relations decide later.
    if (value.kind === ts.SyntaxKind.TrueKeyword) return [{ name, shaped: false }];
    if (!ts.isObjectLiteralExpression(value)) return [];
    const nested = readPrismaShape(value);
    return [{ name, shaped: nested.shaped, ...(nested.omitted ? { omitted: nested.omitted } : {}), ...(nested.relations.length ? { relations: nested.relations } : {}) }];
  });
}

function readRelationPaths(node: ts.Expression | undefined): string[] {
  if (!node) return [];
  const value = skipOuterExpressions(node);
  if (ts.isArrayLiteralExpression(value)) return value.elements.flatMap((element) => getStringValue(element) ?? []);
  if (!ts.isObjectLiteralExpression(value)) return [];
  return value.properties.filter(ts.isPropertyAssignment).flatMap((property) => {
    const inner = skipOuterExpressions(property.initializer);
    if (inner.kind === ts.SyntaxKind.TrueKeyword) return [getKey(property)];
    return ts.isObjectLiteralExpression(inner) ? [getKey(property), ...readRelationPaths(inner).map((path) => `${getKey(property)}.${path}`)] : [];
  });
}

/** `['author', 'comments', 'comments.author']` → author; comments with author. */
function pathsToRelations(paths: readonly string[], shaped: boolean): IncludedRelation[] {
  const relations: IncludedRelation[] = [];
  for (const path of paths) {
    let level = relations;
    for (const name of path.split('.')) {
      let relation = level.find((candidate) => candidate.name === name);
      if (!relation) {
        relation = { name, shaped };
        level.push(relation);
      }
      relation.relations ??= [];
      level = relation.relations;
    }
  }
  return relations;
}

function pathToRelation(path: string): IncludedRelation {
  return pathsToRelations([path], false)[0]!;
}

function readAttributes(node: ts.Expression | undefined): Omit<QueryShape, 'relations'> {
  if (!node) return { shaped: false };
  const value = skipOuterExpressions(node);
  const exclude = getProperty(value, 'exclude');
  if (exclude && ts.isArrayLiteralExpression(exclude) && !getProperty(value, 'include')) {
    return { shaped: false, omitted: exclude.elements.flatMap((element) => getStringValue(element) ?? []) };
  }
  const selected = ts.isArrayLiteralExpression(value) ? value.elements.flatMap((element) => getStringValue(element) ?? []) : undefined;
  return { shaped: true, ...(selected ? { selected } : {}) };
}

function readSequelizeIncludes(node: ts.Expression | undefined): IncludedRelation[] {
  if (!node) return [];
  const value = skipOuterExpressions(node);
  const elements = ts.isArrayLiteralExpression(value) ? value.elements : [value];
  return elements.flatMap((element): IncludedRelation[] => {
    const include = skipOuterExpressions(element);
    if (ts.isIdentifier(include)) return [{ name: include.text, model: include.text, shaped: false }];
    if (!ts.isObjectLiteralExpression(include)) return [];
    const model = getProperty(include, 'model');
    const modelName = model && ts.isIdentifier(model) ? model.text : model && ts.isPropertyAccessExpression(model) ? model.name.text : undefined;
    const name = getStringValue(getProperty(include, 'as')) ?? getStringValue(getProperty(include, 'association')) ?? modelName;
    if (!name) return [];
    const nested = readSequelizeShape(include);
    return [{
      name,
      ...(modelName ? { model: modelName } : {}),
      shaped: nested.shaped,
      ...(nested.omitted ? { omitted: nested.omitted } : {}),
      ...(nested.relations.length ? { relations: nested.relations } : {}),
    }];
  });
}

export function getProperty(node: ts.Node | undefined, name: string): ts.Expression | undefined {
  const value = node && ts.isExpression(node) ? skipOuterExpressions(node) : node;
  if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
  for (const property of value.properties) {
    if (ts.isPropertyAssignment(property) && getKey(property) === name) return skipOuterExpressions(property.initializer);
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}

function getTrueKeys(literal: ts.ObjectLiteralExpression): string[] {
  return literal.properties
    .filter((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && property.initializer.kind === ts.SyntaxKind.TrueKeyword)
    .map(getKey);
}

function getKey(property: ts.PropertyAssignment): string {
  return property.name.getText().replace(/^['"]|['"]$/g, '');
}
