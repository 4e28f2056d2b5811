// examples/region/ (a region's own table, policy and facts) copied into a fresh folder of its own, as an
// agency would keep them, so a test can write beside them and pass real paths.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function regionExamples(prefix: string): { dir: string; table: string; policy: string; facts: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const paths = { dir, table: join(dir, 'x.json'), policy: join(dir, 'p.json'), facts: join(dir, 'facts.json') };
  copyFileSync('examples/region/table.json', paths.table);
  copyFileSync('examples/region/policy.json', paths.policy);
  copyFileSync('examples/region/facts.json', paths.facts);
  return paths;
}
