import { describe, expect, it } from 'vitest';
import { classifyManifest } from '../src/vocabulary/app-packages.js';

describe('classifyManifest', () => {
  it('sees a package with a UI runtime and no server as a frontend', () => {
    expect(classifyManifest({ dependencies: { react: '^19', 'react-dom': '^19', axios: '^1' } })).toBe('frontend');
    expect(classifyManifest({ dependencies: { preact: '^10' } })).toBe('frontend');
    expect(classifyManifest({ peerDependencies: { vue: '^3' } })).toBe('frontend');
    expect(classifyManifest({ dependencies: { expo: '^52', 'react-native': '0.76' } })).toBe('frontend');
    // A web app that depends on its API's framework only for the typed client (`hc<AppType>()`).
    expect(classifyManifest({ dependencies: { hono: '^4', react: '^19', 'react-dom': '^19' } })).toBe('frontend');
    expect(classifyManifest({ dependencies: { '@trpc/server': '^11', '@trpc/client': '^11', 'react-dom': '^19' } })).toBe('frontend');
  });
  it('sees a package that ships a bin and no server as a command-line tool', () => {
    expect(classifyManifest({ bin: { novu: './dist/index.js' }, dependencies: { commander: '^12' } })).toBe('command-line');
    expect(classifyManifest({ bin: './cli.js' })).toBe('command-line');
  });
  it('leaves servers, full-stack frameworks and libraries as other', () => {
    expect(classifyManifest({ dependencies: { express: '^5', react: '^19', 'react-dom': '^19' } })).toBe('other');
    expect(classifyManifest({ dependencies: { next: '^15', react: '^19', 'react-dom': '^19' } })).toBe('other');
    expect(classifyManifest({ dependencies: { hono: '^4', '@hono/node-server': '^1' } })).toBe('other');
    expect(classifyManifest({ dependencies: { hono: '^4', express: '^5', 'react-dom': '^19' } })).toBe('other');
    expect(classifyManifest({ bin: { api: './server.js' }, dependencies: { fastify: '^5' } })).toBe('other');
    expect(classifyManifest({ dependencies: { zod: '^3' } })).toBe('other');
    // tRPC routers over a database, with react-dom only to render e-mails.
    expect(classifyManifest({ dependencies: { '@trpc/server': '^11', 'react-dom': '^19', 'drizzle-orm': '^0.39', dockerode: '^4' } })).toBe('other');
    expect(classifyManifest({})).toBe('other');
  });
});
