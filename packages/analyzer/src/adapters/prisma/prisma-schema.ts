import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import type { Field, Model, getSchema } from '@mrleebo/prisma-ast';
import { isSecretName, type CodeSpan, type EntityFact, type PrimaryKeyKind } from '@redline/core';

/**
 * Entities from `schema.prisma` files: columns, the primary key's kind
 * (`@default(autoincrement())` is internal and enumerable; uuid/cuid are not),
 * secret-bearing columns and foreign keys to autoincrement ids.
 * A schema that does not parse is skipped, never fatal.
 */
export function readPrismaEntities(root: string, schemaPaths: readonly string[]): EntityFact[] {
  if (schemaPaths.length === 0) return [];
  const getSchema = loadPrismaParser();
  const schemas = schemaPaths.flatMap((path) => {
    try {
      const text = readFileSync(path, 'utf8');
      return [{ path, text, models: getSchema(text).list.filter((block): block is Model => block.type === 'model') }];
    } catch {
      return [];
    }
  });
  // A schema folder (`prisma/schema/*.prisma`) is one schema: a relation may point at a model in another file.
  const models = schemas.flatMap((schema) => schema.models);
  const autoincrementKeys = new Map(models.flatMap((model) => {
    const key = getPrimaryKey(model);
    return key?.kind === 'autoincrement' ? [[model.name, key.name] as const] : [];
  }));
  const entities: EntityFact[] = [];
  for (const { path, text, models: declared } of schemas) {
    const file = relative(root, path).split(sep).join('/');
    const lines = text.split('\n');
    for (const model of declared) {
      const fields = model.properties.filter((property): property is Field => property.type === 'field');
      const foreignKeys = getAutoincrementForeignKeys(fields, autoincrementKeys);
      const modelLine = lines.findIndex((line) => new RegExp(`^\\s*model\\s+${model.name}\\s*\\{`).test(line));
      const primaryKey = getPrimaryKey(model);
      entities.push({
        name: model.name,
        orm: 'prisma',
        at: spanOfLine(file, lines, modelLine),
        ...(primaryKey ? { primaryKey } : {}),
        columns: fields
          .filter((field) => !isRelationField(field, models))
          .map((field) => ({
            name: field.name,
            sensitive: isSecretName(field.name),
            hidden: false,
            internalForeignKey: foreignKeys.has(field.name),
            at: spanOfLine(file, lines, findFieldLine(lines, modelLine, field.name)),
          })),
        relations: fields
          .filter((field) => isRelationField(field, models))
          .map((field) => ({ name: field.name, target: field.fieldType as string, at: spanOfLine(file, lines, findFieldLine(lines, modelLine, field.name)) })),
        serializerStripsHidden: false,
      });
    }
  }
  return entities;
}

function getPrimaryKey(model: Model): { name: string; kind: PrimaryKeyKind } | undefined {
  for (const property of model.properties) {
    if (property.type !== 'field' || !property.attributes?.some((attribute) => attribute.name === 'id')) continue;
    const defaultValue = property.attributes.find((attribute) => attribute.name === 'default')?.args?.[0]?.value;
    const generator = typeof defaultValue === 'object' && defaultValue !== null && 'name' in defaultValue ? String(defaultValue.name) : undefined;
    const kind: PrimaryKeyKind =
      generator === 'autoincrement' ? 'autoincrement'
      : generator === 'uuid' ? 'uuid'
      : generator === 'cuid' || generator === 'nanoid' || generator === 'ulid' ? 'cuid'
      : generator === 'auto' ? 'objectid'
      : 'other';
    return { name: property.name, kind };
  }
  return undefined;
}

/**
 * Scalar fields named in `@relation(fields: [...])` that reference the target model's autoincrement key: not a
 * relation by another unique column (`references: [skillId]`, a generated string id).
 */
function getAutoincrementForeignKeys(fields: Field[], autoincrementKeys: ReadonlyMap<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const field of fields) {
    const primaryKey = autoincrementKeys.get(field.fieldType as string);
    if (primaryKey === undefined) continue;
    const relation = field.attributes?.find((attribute) => attribute.name === 'relation');
    const listed = (key: string): string[] => {
      for (const arg of relation?.args ?? []) {
        const value = arg.value as { type?: string; key?: string; value?: { args?: unknown[] } };
        if (value.type === 'keyValue' && value.key === key) return ((value.value?.args ?? []) as unknown[]).filter((name): name is string => typeof name === 'string');
      }
      return [];
    };
    const references = listed('references');
    listed('fields').forEach((name, index) => {
      if (references.length === 0 || references[index] === primaryKey) keys.add(name);
    });
  }
  return keys;
}

function isRelationField(field: Field, models: Model[]): boolean {
  return models.some((model) => model.name === field.fieldType);
}

function findFieldLine(lines: string[], modelLine: number, name: string): number {
  for (let index = modelLine + 1; index < lines.length && !/^\s*}/.test(lines[index]!); index++) {
    if (new RegExp(`^\\s*${name}\\s`).test(lines[index]!)) return index;
  }
  return modelLine;
}

function spanOfLine(file: string, lines: string[], index: number): CodeSpan {
  const line = Math.max(index, 0);
  const text = lines[line] ?? '';
  const column = text.length - text.trimStart().length + 1;
  return { file, line: line + 1, column, endLine: line + 1, endColumn: text.length + 1, code: text.trim() };
}

/** The schema parser, required on first use: it takes a while to load, and most projects have no schema. */
function loadPrismaParser(): typeof getSchema {
  return (createRequire(import.meta.url)('@mrleebo/prisma-ast') as { getSchema: typeof getSchema }).getSchema;
}
