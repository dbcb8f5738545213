// Runs a Node entry point with the given arguments and, when it exits, prints
// its peak resident memory to stderr as `MAXRSS_KB <n>` and the CPU time it used
// as `CPU_MS <n>` (user + system, which a busy machine disturbs less than wall
// time); used by the benches to measure a child process without platform tools.
//
//   node bench/measure-child.mjs <entry.js> [args...]
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nMAXRSS_KB ${usage.maxRSS}\nCPU_MS ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
await import(pathToFileURL(entry).href);
