import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildOptions {
  mode: 'production' | 'development';
  /** MIB_PUBLIC_URL for the production manifest; unset keeps https://localhost:3000/ */
  publicUrl?: string;
}

/** Runs the webpack build into `outDir` (not dist/, so tests and the bench leave a developer's build
 * alone) and returns how long it took. Throws with webpack's output when the build fails. */
export function buildAddin(outDir: string, options: BuildOptions): { seconds: number } {
  const require = createRequire(import.meta.url);
  const webpack = require.resolve('webpack/bin/webpack.js');
  const env = { ...process.env };
  if (options.publicUrl === undefined) delete env.MIB_PUBLIC_URL;
  else env.MIB_PUBLIC_URL = options.publicUrl;
  const started = performance.now();
  const run = spawnSync(process.execPath, [webpack, '--mode', options.mode, '--output-path', outDir], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { seconds: (performance.now() - started) / 1000 };
}
