// The child process of bench/rosterCommand.ts: one `mib` command through the real handler (run, with
// files on disk), then one JSON line: its time, exit code and the process's peak RSS in bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { run } from '../src/cli/main';
import { peakRss } from './measure';

const start = performance.now();
const code = await run(process.argv.slice(2), {
  out: () => {},
  err: () => {},
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  writeFile: (path, data) => writeFileSync(path, data),
});
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, code, maxRss: peakRss() }));
