/** Packages whose default export (or `fetch` export) is a WHATWG-style `fetch(url, init)`. */
export const FETCH_PACKAGES: ReadonlySet<string> = new Set([
  'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici',
]);

/** Node's core HTTP modules, whose `request`/`get` open a socket with no timeout by default. */
export const NODE_HTTP_MODULES: ReadonlySet<string> = new Set(['http', 'https', 'node:http', 'node:https']);

/**
 * The `request` library and its wrappers: `request(urlOrOptions, cb)` and
 * `request.get/post/…` wait forever unless given a `timeout` option.
 */
export const REQUEST_LIBRARY_MODULES: ReadonlySet<string> = new Set(['request', 'request-promise', 'request-promise-native', 'postman-request']);

/** HTTP clients that apply a timeout by default (ky: 10 s), so only an explicit `timeout: false` is a finding. */
export const CLIENTS_WITH_DEFAULT_TIMEOUT: ReadonlySet<string> = new Set(['ky']);

/** axios request methods and the argument index of their config object. */
export const AXIOS_CONFIG_INDEX: ReadonlyMap<string, number> = new Map([
  ['request', 0], ['get', 1], ['delete', 1], ['head', 1], ['options', 1],
  ['post', 2], ['put', 2], ['patch', 2], ['postForm', 2], ['putForm', 2], ['patchForm', 2],
]);

/** got request methods (their options are the second argument). */
export const GOT_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'stream']);

/** Option names, per client, that abort a request after a while (or on a signal). */
export const TIMEOUT_OPTIONS_BY_CLIENT: Readonly<Record<'fetch' | 'axios' | 'got' | 'undici' | 'http', readonly string[]>> = {
  // node-fetch v2 also honours a non-standard `timeout`; an undici `dispatcher` (an `Agent`) carries its own timeouts.
  fetch: ['signal', 'timeout', 'dispatcher'],
  axios: ['timeout', 'signal', 'cancelToken'],
  got: ['timeout', 'signal'],
  undici: ['signal', 'headersTimeout', 'bodyTimeout', 'dispatcher'],
  http: ['timeout', 'signal'],
};

/**
 * Packages only browser code imports: a file that imports one is client-side,
 * and its outbound calls are not a server's resilience concern.
 */
export const CLIENT_SIDE_PACKAGES: ReadonlySet<string> = new Set([
  'react', 'react-dom', 'react-dom/client', 'next/navigation', 'next/router', 'next/link', 'next/dynamic',
  'vue', 'svelte', 'solid-js', 'preact', '@angular/core', '@angular/common/http', 'zustand', 'swr', 'jotai', 'recoil',
  'mobx', 'mobx-react', 'mobx-react-lite', '@tanstack/react-query', '@tanstack/vue-query', 'react-query',
  '@apollo/client', 'pinia', 'jquery', 'react-router', 'react-router-dom',
]);

/** Globals that exist only in a browser; a file that reads them runs there. */
export const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'window', 'document', 'localStorage', 'sessionStorage', 'navigator',
]);
