/** Methods on a response object that send a body to the client (Express `res`, Fastify `reply`). */
export const RESPONSE_SEND_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'jsonp', 'end']);

/** Conventional names of response objects. */
export const RESPONSE_OBJECT_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'resp']);

/** Static constructors that build a response body (Next.js, Fetch API). */
export const RESPONSE_FACTORIES: readonly string[] = ['NextResponse.json', 'Response.json'];

/** Hono's context methods that send a body. */
export const HONO_CONTEXT_SEND_METHODS: ReadonlySet<string> = new Set(['json', 'body', 'text']);
