import { nodeIo, run } from './main';

const code = run(process.argv.slice(2), nodeIo);
if (typeof code === 'number') process.exitCode = code;
else void code.then((c) => (process.exitCode = c));
