import type { ProjectModel } from '../../project/project-model.js';
import { getProperty } from './fastify-adapter.js';
import type { FastifyEvent } from './fastify-model.js';
import { resolveObjectLiteral } from './object-literal.js';

/**
 * Whether a route declares `schema.response`: Fastify then serialises only
 * the properties the schema lists, so a whole record returned by the handler
 * does not reach the client as it is. The schema may be a constant in another file.
 */
export function hasResponseSchema(event: Extract<FastifyEvent, { type: 'route' }>, project: ProjectModel): boolean {
  const options = event.options && resolveObjectLiteral(event.options, event.file, project);
  const schema = options && getProperty(options.node, 'schema');
  const resolved = schema && resolveObjectLiteral(schema, options.file, project);
  return resolved !== undefined && getProperty(resolved.node, 'response') !== undefined;
}
