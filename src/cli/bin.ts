import { nodeIo, run } from './main';

// A reader that stops early (`mib rubrics | head`) closes the pipe: that ends the output quietly, as
// it does for other command-line tools, instead of an unhandled EPIPE and its stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = run(process.argv.slice(2), nodeIo);
if (typeof code === 'number') process.exitCode = code;
else void code.then((c) => (process.exitCode = c));
