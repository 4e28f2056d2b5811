import { listPolicies, listRubrics } from '../../core';
import { type Flags } from '../args';
import type { Io } from '../io';

export function rubricsList(io: Io, flags: Flags): number {
  const rubrics = listRubrics().map((r) => ({
    id: r.id,
    title: r.title,
    region: r.region,
    year: r.year,
    institution: r.institution,
    source: `${r.provenance.documentNumber} ${r.provenance.attachment}`,
    items: r.items.length,
    total: r.total,
  }));
  const policies = listPolicies().map((p) => ({
    id: p.id,
    title: p.title,
    region: p.region,
    source: p.provenance.documentNumber,
    grades: p.grades.map((g) => g.label),
  }));
  if (flags.json === true) {
    io.out(JSON.stringify({ rubrics, policies }, null, 2));
    return 0;
  }
  io.out('考核表（rubrics）：');
  for (const r of rubrics) io.out(`  ${r.id.padEnd(28)} ${r.region} ${r.title}，${r.items} 项，${r.total} 分（${r.source}）`);
  io.out('政策（policies）：');
  for (const p of policies) io.out(`  ${p.id.padEnd(28)} ${p.title}：${p.grades.join(' / ')}（${p.source}）`);
  return 0;
}
