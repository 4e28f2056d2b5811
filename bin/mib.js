#!/usr/bin/env node
// The `mib` command: runs the TypeScript sources through tsx, so no build step stands between
// `npm install` and `npx mib`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');
