import { fmt } from '../numbers/decimal';
import type { InputSpec } from '../scoring/inputs';

/** The values a numeric input can take, as its value is parsed (src/core/scoring/inputs.ts): a ratio in [0, 1], a
 * change of a ratio in [-1, 1], a number within its own [min (default 0), max]. */
export interface Domain {
  low: number;
  high: number;
}

export function domainOf(spec: InputSpec): Domain | undefined {
  if (spec.type === 'ratio') return { low: 0, high: 1 };
  if (spec.type === 'signedRatio') return { low: -1, high: 1 };
  if (spec.type === 'number') return { low: spec.min ?? 0, high: spec.max ?? Number.POSITIVE_INFINITY };
  return undefined;
}

export function within(domain: Domain, value: number): boolean {
  return value >= domain.low && value <= domain.high;
}

/** What to write instead of a bound outside the input's values: a ratio written as a percent (90 for
 * 90%) is the common slip, so its hundredth is suggested when that fits. */
export function boundAdvice(spec: InputSpec, domain: Domain, value: number): string {
  if (spec.type === 'ratio' || spec.type === 'signedRatio') {
    const range = spec.type === 'ratio' ? '0 到 1' : '-1 到 1';
    const hundredth = value / 100;
    const hint = within(domain, hundredth) ? `；${fmt(value)}% 请写 ${fmt(hundredth)}` : '';
    return `比例按小数填写（${range}，90% 写 0.9）${hint}`;
  }
  const high = Number.isFinite(domain.high) ? fmt(domain.high) : '∞';
  return `应在该输入的取值范围 [${fmt(domain.low)}, ${high}] 之内（见 input.min / input.max）`;
}

/** Values that tell apart every comparison with `bounds`: the domain's ends, each bound within it, and
 * the points between (an open-ended number domain ends one past the largest bound). */
export function probes(domain: Domain, bounds: number[]): number[] {
  const high = Number.isFinite(domain.high) ? domain.high : Math.max(domain.low, ...bounds) + 1;
  const points = [...new Set([domain.low, high, ...bounds.filter((b) => within(domain, b))])].sort((a, b) => a - b);
  const between = points.slice(1).map((p, i) => (p + points[i]!) / 2);
  return [...points, ...between];
}
