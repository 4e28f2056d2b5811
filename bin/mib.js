#!/usr/bin/env node
// The `mib` command. It runs the compiled bundle (scripts/build/cliBundle.mjs), built at install and
// rebuilt here whenever a source has changed since; where it cannot be built (no esbuild, a read-only
// install) it compiles the TypeScript sources through tsx instead, as slow as that is.
import { bundleEntry } from '../scripts/build/cliBundle.mjs';

const entry = await bundleEntry();
if (entry) {
  await import(entry);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/bin.ts');
}
