// `npm run validate`: the offline manifest checks (scripts/manifest/checkManifest.ts) on manifest.xml and,
// when built, dist/manifest.xml. `office-addin-manifest validate` needs Microsoft's online service; with
// `--online` it is run as well (it fails where the internet is unreachable).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './build/runBuild';
import { checkManifest } from './manifest/checkManifest';

let failed = false;
for (const file of ['manifest.xml', 'dist/manifest.xml']) {
  const full = path.join(ROOT, file);
  if (!existsSync(full)) continue;
  const problems = checkManifest(readFileSync(full, 'utf8'));
  if (problems.length === 0) console.log(`${file}: offline checks pass`);
  else {
    failed = true;
    console.error(`${file}:\n  ${problems.join('\n  ')}`);
  }
}

if (process.argv.includes('--online')) {
  const cli = createRequire(import.meta.url).resolve('office-addin-manifest/cli.js');
  const run = spawnSync(process.execPath, [cli, 'validate', path.join(ROOT, 'manifest.xml')], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
} else {
  console.log("(online validation by Microsoft's service: npm run validate -- --online, needs the internet)");
}
process.exitCode = failed ? 1 : 0;
