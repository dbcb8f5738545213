import { describe, expect, it } from 'vitest';
import { analyze } from '@redline/analyzer';

const root = '/virtual/next';

/** `METHOD line` of each route the analyzer reads from one `pages/api` handler. */
function pagesRoutes(text: string, path = 'pages/api/items/[id].ts'): string[] {
  const { facts } = analyze({ root, files: [{ path: `${root}/${path}`, text }], checks: [], severities: {} });
  return facts.routes.map((route) => `${route.method} ${route.path} ${route.at.line}`);
}

describe('Next.js pages-router methods', () => {
  it.each([
    ['if / else if on req.method', `export default async function h(req, res) {
  if (req.method === 'GET') {
    return res.json({});
  } else if (req.method == 'DELETE') {
    return res.status(204).end();
  }
}`, ['GET /api/items/:id 2', 'DELETE /api/items/:id 4']],
    ['a switch with a shared case', `export default async function h(request, response) {
  switch (request.method) {
    case 'PUT':
    case 'PATCH':
      return response.status(204).end();
    default:
      return response.status(405).end();
  }
}`, ['PUT /api/items/:id 4', 'PATCH /api/items/:id 4']],
    ['a guard that lets two methods through, then branches on one', `export default function h(req, res) {
  if (!['GET', 'POST'].includes(req.method)) return res.status(405).end();
  if (req.method === 'GET') return res.json([]);
  return res.status(201).end();
}`, ['GET /api/items/:id 3', 'POST /api/items/:id 1']],
    ['a method taken into a local', `export default function h(req, res) {
  const { method } = req;
  if (method === 'POST' || method === 'PUT') return res.status(201).end();
}`, ['POST /api/items/:id 3', 'PUT /api/items/:id 3']],
    ['no branch: every method', `const handler = (req, res) => res.json({ ok: true });
export default handler;`, ['ALL /api/items/:id 1']],
    ['a wrapped handler with a method guard', `async function handler(req, res) {
  if (req.method !== 'DELETE') { res.status(405).end(); return; }
  res.status(204).end();
}
export default withSentry(withAuth(handler));`, ['DELETE /api/items/:id 1']],
  ])('%s', (_name, text, expected) => {
    expect(pagesRoutes(text)).toEqual(expected);
  });

  it('reads the path from the file: index files, catch-alls, src/pages', () => {
    const handler = 'export default function h(req, res) { res.end(); }';
    expect(pagesRoutes(handler, 'src/pages/api/users/index.ts')).toEqual(['ALL /api/users 1']);
    expect(pagesRoutes(handler, 'pages/api/files/[...path].js')).toEqual(['ALL /api/files/*path 1']);
    expect(pagesRoutes(handler, 'pages/api/index.ts')).toEqual(['ALL /api 1']);
  });

  it('leaves out tests, next-connect chains, API clients, files outside pages/api and app-router private files', () => {
    const handler = 'export default function h(req, res) { res.end(); }';
    expect(pagesRoutes(handler, 'pages/api/users.test.ts')).toEqual([]);
    expect(pagesRoutes(handler, 'pages/users.tsx')).toEqual([]);
    // A React app's API client under src/pages/api is no route.
    expect(pagesRoutes('export default async function login(email: string, password: string) { return fetch(email + password); }', 'src/pages/api/login.ts')).toEqual([]);
    // App router: a `_route.ts` next to a route is a private file, not a handler.
    expect(pagesRoutes('export async function POST() { return Response.json({}); }', 'app/api/auth/[...nextauth]/_route.ts')).toEqual([]);
    expect(pagesRoutes('export async function POST() { return Response.json({}); }', 'app/api/auth/[...nextauth]/route.ts')).toEqual(['POST /api/auth/*nextauth 1']);
    expect(pagesRoutes(`import nc from 'next-connect';
export default nc().use(auth).post((req, res) => res.end());`, 'pages/api/users.ts')).toEqual([]);
  });

  it('takes a wrapper around an app-router handler as a guard, but not the factory that is the handler', () => {
    const guardsOf = (text: string) => analyze({ root, files: [{ path: `${root}/app/api/x/route.ts`, text }], checks: [], severities: {} })
      .facts.routes.map((route) => `${route.method} ${route.guards.map((guard) => `${guard.name}${guard.authenticates ? '+auth' : ''}`).join(',')}`);
    expect(guardsOf(`export const POST = withAuth(async (req: Request) => Response.json({}));`)).toEqual(['POST withAuth(…)+auth']);
    expect(guardsOf(`export const PATCH = withApiWrapper({ auth: 'session', handler: async () => Response.json({}) });`)).toEqual(['PATCH withApiWrapper(…)']);
    expect(guardsOf(`import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth';
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };`)).toEqual(['GET ', 'POST ']);
  });
});
