import type { ClientDefaultTimeoutFact, CodeSpan } from '@redline/core';
import type { ProjectFile } from '../project/project-file.js';

/** `import axios from 'axios'`, `const axios = require('axios')`: the name the file gives axios's default instance. */
const AXIOS_BINDING = /\bimport\s+(\w+)(?:\s*,\s*\{[^}]*\})?\s+from\s+['"]axios['"]|\b(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]axios['"]\s*\)/g;
/** A request through the default instance: `axios(config)`, `axios.get(url)`, `axios.request(config)`. */
const REQUEST_METHODS = '(?:\\.(?:get|post|put|patch|delete|head|options|request|postForm|putForm|patchForm))?';

/**
 * A timeout set on axios's default instance anywhere in the project
 * (`axios.defaults.timeout = 10_000` in `lib/http.ts`, loaded at start-up),
 * and the requests every other file makes through that instance, which it
 * covers. Read from the files' text, so files the cache leaves unparsed count too.
 */
export function findAxiosDefaultTimeout(files: Iterable<ProjectFile>): ClientDefaultTimeoutFact | undefined {
  const bound: { file: ProjectFile; names: string[] }[] = [];
  let setAt: CodeSpan | undefined;
  for (const file of files) {
    if (!file.text.includes('axios')) continue;
    const names = [...file.text.matchAll(AXIOS_BINDING)].map((match) => (match[1] ?? match[2])!);
    if (names.length === 0) continue;
    bound.push({ file, names });
    setAt ??= findDefaultTimeout(file, names);
  }
  if (!setAt) return undefined;
  return { client: 'axios', at: setAt, calls: bound.flatMap(({ file, names }) => findDefaultInstanceCalls(file, names)) };
}

/**
 * `axios.defaults.timeout = 10_000` (not `= 0`, which is no timeout, `undefined` or `null`), or a request
 * interceptor that sets one on every request (`axios.interceptors.request.use((config) => { config.timeout = 5000; … })`).
 */
function findDefaultTimeout(file: ProjectFile, names: readonly string[]): CodeSpan | undefined {
  for (const name of names) {
    const match = new RegExp(`\\b${name}\\.defaults\\.timeout\\s*=\\s*(?!0\\b|undefined\\b|null\\b)[^=;\\n]`).exec(file.text) ??
      new RegExp(`\\b${name}\\.interceptors\\.request\\.use\\(\\s*(?:async\\s*)?\\(?\\s*(\\w+)[^]{0,300}?\\b\\1\\.timeout\\s*=\\s*(?!0\\b)[^=;\\n]`).exec(file.text);
    if (match) return toSpan(file, match.index, match[0].split('\n')[0]!);
  }
  return undefined;
}

function findDefaultInstanceCalls(file: ProjectFile, names: readonly string[]): CodeSpan[] {
  return names.flatMap((name) => [...file.text.matchAll(new RegExp(`(?<![\\w.])${name}${REQUEST_METHODS}\\s*\\(`, 'g'))].map((match) => toSpan(file, match.index, match[0])));
}

function toSpan(file: ProjectFile, index: number, code: string): CodeSpan {
  const before = file.text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { file: file.relativePath, line, column, endLine: line, endColumn: column + code.length, code };
}
