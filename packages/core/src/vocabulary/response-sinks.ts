/** Methods on a response object that send a body to the client (Express `res`, Fastify `reply`). */
export const RESPONSE_SEND_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'jsonp', 'end']);

/** Conventional names of response objects. */
export const RESPONSE_OBJECT_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'resp']);

