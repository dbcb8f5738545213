/**
 * What a package.json says about the code in its package: a package that
 * depends on a UI runtime and on no server runtime ships browser or mobile
 * code (a React app, an embeddable SDK, an Expo app), whatever its files
 * import; one that ships a `bin` and no server runtime is a command-line tool.
 */

/** UI runtimes: a package that depends on one renders in a browser or on a phone. */
const UI_RUNTIMES: readonly string[] = [
  'react-dom', 'react-native', 'expo', 'vue', '@angular/core', 'svelte', 'preact', 'solid-js', 'lit',
  '@builder.io/qwik', 'jquery',
];

/** Server runtimes: a package that depends on one also serves requests (Next.js and Nuxt render on both sides). */
const SERVER_RUNTIMES: readonly string[] = [
  'express', 'fastify', 'koa', 'hono', '@nestjs/core', 'next', 'nuxt', 'h3', '@hapi/hapi', 'restify', 'polka',
  '@remix-run/node', '@remix-run/server-runtime', '@react-router/node', '@sveltejs/kit', 'astro', 'elysia',
  '@trpc/server', '@apollo/server', 'apollo-server', 'apollo-server-express', 'graphql-yoga', '@adonisjs/core',
  '@feathersjs/feathers', '@loopback/core', 'sails', 'firebase-functions', 'firebase-admin', '@vercel/node',
  '@netlify/functions',
];

/**
 * Server runtimes whose types a web app depends on for a typed client
 * (`hc<AppType>()` from `hono/client`, tRPC's router types): next to a UI
 * runtime and no other server runtime, the package is the browser app.
 */
const TYPED_CLIENT_RUNTIMES: ReadonlySet<string> = new Set(['hono', '@trpc/server', 'elysia']);

/**
 * Packages only a server runs: databases, queues, containers, shells. A package that renders e-mails with
 * `react-dom` and defines tRPC routers over Drizzle and dockerode is the server.
 */
const SERVER_ONLY_PACKAGES: readonly string[] = [
  'drizzle-orm', '@prisma/client', 'prisma', 'typeorm', 'sequelize', 'mongoose', 'mongodb', 'knex', 'kysely', '@mikro-orm/core',
  'pg', 'postgres', 'mysql2', 'better-sqlite3', 'ioredis', 'redis', 'bullmq', 'bull', 'dockerode', 'node-pty', 'ssh2', 'nodemailer',
];

/** The fields of a package.json that say what its code runs as. */
export interface PackageManifest {
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Where a package's code runs: in a browser or an app, as a command-line tool, or anywhere else (a server, a library). */
export type PackageKind = 'frontend' | 'command-line' | 'other';

export function classifyManifest(manifest: PackageManifest): PackageKind {
  const runtime = { ...manifest.peerDependencies, ...manifest.dependencies };
  const servers = SERVER_RUNTIMES.filter((name) => name in runtime);
  const hasUi = UI_RUNTIMES.some((name) => name in runtime);
  const serverOnly = SERVER_ONLY_PACKAGES.some((name) => name in runtime);
  if (hasUi && !serverOnly && servers.every((name) => TYPED_CLIENT_RUNTIMES.has(name))) return 'frontend';
  if (servers.length > 0) return 'other';
  return manifest.bin === undefined ? 'other' : 'command-line';
}
