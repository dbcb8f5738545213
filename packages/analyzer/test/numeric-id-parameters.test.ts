import { describe, expect, it } from 'vitest';
import { analyze } from '@redline/analyzer';

const root = '/virtual/api';

/** The lines where the analyzer saw a numeric id read from the URL, in one file. */
function numericIdLines(text: string): number[] {
  const { facts } = analyze({ root, files: [{ path: `${root}/src/handler.ts`, text }], checks: [], severities: {} });
  return (facts.numericIdParameters ?? []).map((span) => span.line);
}

describe('numeric ids read from the URL', () => {
  it.each([
    ['Express params', `app.get('/links/:id', (req, res) => res.json(find(Number(req.params.id))));`],
    ['Next.js pages query', `export default function h(req, res) { const id = Number(req.query.linkId as string); }`],
    ['parseInt with a radix', `router.get('/u/:userId', (req, res) => load(parseInt(req.params.userId, 10)));`],
    ['Number.parseInt', `router.get('/u/:id', (req, res) => load(Number.parseInt(req.params['id'])));`],
    ['unary plus on Koa params', `router.get('/t/:id', async (ctx) => { ctx.body = await get(+ctx.params.id); });`],
    ['Hono param', `app.get('/t/:id', (c) => c.json(get(Number(c.req.param('id')))));`],
    ['a local destructured from params', `app.get('/t/:id', (req, res) => { const { id } = req.params; res.json(get(Number(id))); });`],
    ['Next.js route params', `export async function GET(_r: Request, { params }: { params: { id: string } }) { return get(Number(params.id)); }`],
    ['Nest ParseIntPipe', `class C { @Get(':id') one(@Param('id', ParseIntPipe) id: number) { return id; } }`],
    ['Nest number-typed param', `class C { @Get(':id') one(@Param('id') id: number) { return id; } }`],
  ])('%s', (_name, text) => {
    expect(numericIdLines(text)).toEqual([1]);
  });

  it.each([
    ['a page number', `app.get('/links', (req, res) => list(Number(req.query.page)));`],
    ['a cursor', `app.get('/links', (req, res) => list(Number(req.query.cursor as string)));`],
    ['an id from the body', `app.post('/links', (req, res) => save(Number(req.body.id)));`],
    ['a string id kept as a string', `app.get('/links/:id', (req, res) => res.json(find(req.params.id)));`],
    ['a Nest string param', `class C { @Get(':id') one(@Param('id') id: string) { return id; } }`],
    ['a Nest page param', `class C { @Get() all(@Query('page', ParseIntPipe) page: number) { return page; } }`],
  ])('not %s', (_name, text) => {
    expect(numericIdLines(text)).toEqual([]);
  });
});
