import type { ProjectCheck } from '@redline/core';

/**
 * The cross-file half of `no-jwt-misuse`: `jwtService.sign(payload)` in a
 * service takes the `signOptions` of the `JwtModule` registered in another
 * file. When every registration the project makes is read and none sets
 * `expiresIn`, and the call passes none either, the tokens never expire.
 * A registration whose options are built elsewhere (`useClass`, a config
 * object) leaves the question open, and the check stays quiet; a call in the
 * same file as its module is the ESLint rule's.
 */
const noJwtMisuseProject: ProjectCheck = {
  name: 'no-jwt-misuse',
  category: 'jwt-misuse',
  check(facts) {
    const modules = facts.nestJwt?.modules ?? [];
    const [module] = modules;
    if (!module || modules.some((candidate) => candidate.expiry !== 'missing')) return [];
    const moduleFiles = new Set(modules.map((candidate) => candidate.at.file));
    return (facts.nestJwt?.signCalls ?? [])
      .filter((call) => !moduleFiles.has(call.at.file))
      .map((call) => ({
        at: call.at,
        message: `\`${call.call}\` issues tokens that never expire: the \`JwtModule\` in ${module.at.file} sets no \`expiresIn\` in its \`signOptions\`, and this call passes none. A stolen token then works forever; set \`expiresIn\` in the module's \`signOptions\` (or on this call).`,
        related: modules.map((candidate) => ({ at: candidate.at, message: 'This `JwtModule` registration sets no `expiresIn`.' })),
      }));
  },
};

export default noJwtMisuseProject;
