import type ts from '../project/typescript.cjs';

/**
 * Fields the code takes off a record before it leaves: `delete user.resetToken`
 * (`delete user['salt']`, `Reflect.deleteProperty(user, 'password')`),
 * `user.password = undefined`, or replaces by a flag (`file.password = true`: "has one"). `'all'` when it is shaped by a call or a rest
 * destructuring (`omit(user, …)`, `const { password, ...rest } = user`) whose
 * result is what leaves.
 */
export function getStrippedFields(name: string, fn: ts.Node): string[] | 'all' {
  const text = fn.getText();
  if (new RegExp(`omit\\(\\s*${name}\\b|\\.\\.\\.\\s*\\w+\\s*}\\s*=\\s*${name}\\b`).test(text)) return 'all';
  const deleted = new RegExp(
    `delete\\s+${name}\\.(\\w+)|delete\\s+${name}\\[\\s*['"](\\w+)['"]\\s*\\]|Reflect\\.deleteProperty\\(\\s*${name}\\s*,\\s*['"](\\w+)['"]|` +
      `${name}\\.(\\w+)\\s*=\\s*(?:undefined|null|true|false)\\b`,
    'g',
  );
  return [...text.matchAll(deleted)].map((match) => match.slice(1).find((group) => group !== undefined)!);
}
