// Runs a Node entry point with the given arguments and, when it exits, prints
// its peak resident memory to stderr as `MAXRSS_KB <n>`; used by the benches to
// measure a child process without platform tools.
//
//   node bench/measure-child.mjs <entry.js> [args...]
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
process.on('exit', () => process.stderr.write(`\nMAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(entry).href);
