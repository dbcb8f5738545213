import type { RedlineRuleDocs } from '@redline/core';

/** A fenced ```ts example block of a rule doc, and whether it is ❌ or ✅. */
export interface DocExample {
  kind: 'incorrect' | 'correct';
  code: string;
  /** 1-based line of the fence in the doc, for failure messages. */
  line: number;
}

/** The header every `docs/rules/<id>.md` starts with, derived from the rule's meta. */
export function renderDocHeader(name: string, docs: RedlineRuleDocs & { description: string }): string {
  const config = docs.recommended === false ? 'off' : docs.recommended;
  return [
    `# redline/${name}`,
    '',
    docs.description,
    '',
    '| category | CWE | config | severity |',
    '| --- | --- | --- | --- |',
    `| \`${docs.category}\` | ${docs.cwe.join(', ')} | ${config} | ${docs.severity} |`,
  ].join('\n');
}

/**
 * The code blocks under `### ❌ Incorrect` and `### ✅ Correct` of a rule doc.
 * A heading of level 3 or above ends a section.
 */
export function readDocExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split('\n');
  let kind: DocExample['kind'] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^#{1,3}\s/.test(line)) {
      kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
      continue;
    }
    const fence = /^```(ts|tsx|js|typescript|javascript)\s*$/.exec(line);
    if (!fence || !kind) continue;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index]!.startsWith('```'); index++) body.push(lines[index]!);
    examples.push({ kind, code: body.join('\n'), line: start + 1 });
  }
  return examples;
}
