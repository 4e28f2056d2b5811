import { setFlagsFromString } from 'node:v8';
import { nodeIo, run } from './main';

// A reader that stops early (`mib rubrics | head`) closes the pipe: that ends the output quietly, as
// it does for other command-line tools, instead of an unhandled EPIPE and its stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// A pipe written as a file is, blocking: `mib roster --json | jq` then writes as fast as the reader reads.
// Node otherwise queues in memory what the pipe cannot take at once, and with a reader slower than the
// scoring (a busy machine) a 20,000-row roster's whole text was queued: over a gigabyte.
const stdoutHandle = (process.stdout as unknown as { _handle?: { setBlocking?(blocking: boolean): unknown } })._handle;
if (!process.stdout.isTTY) stdoutHandle?.setBlocking?.(true);

// V8 lets its heap grow to up to four times what it held after a full collection before it collects again:
// `mib roster` of 100,000 rows holds some 250 MB while it scores, and its peak ran from 740 MB to 960 MB
// with the machine's load. Growing by at most twice keeps it near 640 MB, for a few more collections.
setFlagsFromString('--heap-growing-percent=100');

const code = run(process.argv.slice(2), nodeIo);
if (typeof code === 'number') process.exitCode = code;
else void code.then((c) => (process.exitCode = c));
