import { assess, evaluate, getPolicy, listPolicies, listRubrics, type Policy, type Rubric, scaleFits } from '../src/core';
import { inputIndex } from '../src/core/scoring/evaluate';

/** A deterministic pseudo-random roster: the same institutions on every run. */
export function roster(rubric: Rubric, count: number, seed = 1): Record<string, unknown>[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const entries = [...inputIndex(rubric).byId.values()];
  return Array.from({ length: count }, () => {
    const facts: Record<string, unknown> = {};
    for (const { spec, rule } of entries) {
      const r = next();
      switch (spec.type) {
        case 'boolean':
          facts[spec.id] = r < 0.1;
          break;
        case 'count':
          facts[spec.id] = Math.floor(r * r * 4);
          break;
        case 'ratio':
          facts[spec.id] = Math.round(r * 1000) / 1000;
          break;
        case 'signedRatio':
          facts[spec.id] = Math.round((r - 0.5) * 100) / 1000;
          break;
        case 'number':
          facts[spec.id] = Math.round((spec.min ?? 0) + r * ((spec.max ?? 100) - (spec.min ?? 0)));
          break;
        case 'points':
          // a discretionary clause's one occurrence at its printed maximum, or a manual score
          facts[spec.id] = r < 0.7 ? 0 : rule.kind === 'discretionary' ? rule.max : Math.round(r * (spec.max ?? 10));
          break;
        case 'band':
        case 'choice':
          facts[spec.id] = 1 + Math.floor(r * (spec.options?.length ?? 1));
          break;
        case 'rank':
          facts[spec.id] = 1 + Math.floor(r * 20);
          break;
      }
    }
    return facts;
  });
}

/** The floor: the same facts through plain JavaScript numbers, summing each item's points minus the
 * facts that deduct, with no parsing, no Decimal and no trace. */
function plainFloor(rubric: Rubric, facts: Record<string, unknown>[]): number {
  const items = rubric.items.map((item) => ({ points: item.points ?? 0, ids: item.rules.map((r) => ('input' in r ? r.input.id : '')) }));
  let checksum = 0;
  for (const f of facts) {
    let total = 0;
    for (const item of items) {
      let deduct = 0;
      for (const id of item.ids) {
        const v = f[id];
        deduct += typeof v === 'number' ? v : v === true ? 1 : 0;
      }
      total += Math.max(0, item.points - deduct);
    }
    checksum += total;
  }
  return checksum;
}

function perSecond(run: () => void, count: number): number {
  run(); // warm-up
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  return count / seconds;
}

/** A policy with a refund rule to grade the table under: one on its own scale where there is one, else
 * 吉林's with the score converted (威海 795 → 百分制). */
function gradingPolicy(rubric: Rubric): { policy: Policy; convert: boolean } {
  const fitting = listPolicies().find((p) => p.refund && scaleFits(rubric, p));
  return fitting ? { policy: fitting, convert: false } : { policy: getPolicy('jilin-2025'), convert: true };
}

/** What a roster does per institution: evaluate without the trace, then the grade and the refund. */
function scoreRoster(rubric: Rubric, facts: Record<string, unknown>[]): void {
  const { policy, convert } = gradingPolicy(rubric);
  for (const f of facts) assess(rubric, evaluate(rubric, f, { ownership: 'public', trace: false }), policy, { convert, deposit: 50000 });
}

/** The core's CPU milliseconds for `count` 威海 二级 institutions (evaluate + assess under jilin-2025 折算,
 * without trace): what a roster's per-row cost is set against (bench/rosterScale.ts). `warm`: after 1,000 of
 * them, V8's code for the rules made (the core's steady cost); cold: from the first, as a fresh process meets
 * them (V8 compiles the rules as they run: half a second of 10,000 rows' CPU), as `mib roster` does. */
export function coreRosterCpuMs(count: number, warm = true): number {
  const weihai = listRubrics().find((r) => r.id === 'weihai-2021-hospital-l2')!;
  const facts = roster(weihai, count);
  if (warm) scoreRoster(weihai, facts.slice(0, 1000));
  const cpu = cpuMs();
  scoreRoster(weihai, facts);
  return cpuMs() - cpu;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Issue 14's roster: 10,000 威海 二级 institutions scored, graded and refunded in at most 2 s (0.2 ms each).
 * Run first, as `mib roster` runs: one table in a fresh process (after the other tables' runs, with and
 * without the trace, V8's code for the rules is more general and the heap fuller). */
function benchRoster(): void {
  const weihai = listRubrics().find((r) => r.id === 'weihai-2021-hospital-l2');
  if (!weihai) return;
  const tenThousand = roster(weihai, 10_000, 2);
  scoreRoster(weihai, tenThousand.slice(0, 1000)); // warm-up
  const [wall, cpu] = [performance.now(), cpuMs()];
  scoreRoster(weihai, tenThousand);
  const seconds = (performance.now() - wall) / 1000;
  const cpuSeconds = (cpuMs() - cpu) / 1000;
  console.log(
    `weihai-2021-hospital-l2 roster of 10,000 (evaluate+assess without trace): ${seconds.toFixed(2)} s, ${((seconds * 1000) / 10_000).toFixed(3)} ms per institution ` +
      `(process CPU ${cpuSeconds.toFixed(2)} s, ${((cpuSeconds * 1000) / 10_000).toFixed(3)} ms)`,
  );
}

export function benchCore(): void {
  benchRoster();
  const count = 2000;
  for (const rubric of listRubrics()) {
    const facts = roster(rubric, count);
    const core = perSecond(() => {
      for (const f of facts) evaluate(rubric, f);
    }, count);
    const floor = perSecond(() => plainFloor(rubric, facts), count);
    const bare = perSecond(() => scoreRoster(rubric, facts), count);
    console.log(
      `${rubric.id.padEnd(28)} evaluate: ${Math.round(core).toLocaleString('en-US').padStart(9)} institutions/s   ` +
        `evaluate+assess without trace: ${Math.round(bare).toLocaleString('en-US').padStart(9)} /s   ` +
        `plain-number floor: ${Math.round(floor).toLocaleString('en-US').padStart(11)} /s   ratio floor/evaluate: ${(floor / core).toFixed(1)}×`,
    );
  }
}
