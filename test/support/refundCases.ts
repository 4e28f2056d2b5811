// Refund cases shared by the HyperFormula and LibreOffice checks of the sheet's grade and refund
// formulas: a row per case (score, deposit, grade, veto count, refund) and the core's answer.
import { circumstancesFrom, D, type Dec, fromDouble, getPolicy, type Policy, refundOf } from '../../src/core';
import { circumstanceShareFormula, effectiveScore, gradeFormula, refundFormula } from '../../src/sheet/policyCells';

export interface RefundCase {
  /** a number, or a formula that computes the score ("=0.7*64.6+0.3*82.6") */
  score: string;
  /** the deposit as typed, at most 2 decimals */
  deposit: string;
  /** the 扣减情形 cell as typed ("挂牌督办"), for a policy with extra withholding */
  circumstances?: string;
  /** a veto (否决项) was found: the veto count cell holds 1 */
  veto?: boolean;
}

/** The score as the core reads the cell: typed text exactly, a computed double at 15 digits. */
export function coreScore(score: string): Dec {
  return score.startsWith('=') ? fromDouble(Function(`return ${score.slice(1)}`)() as number) : new D(score);
}

/** A bundled policy by id, or a policy object (a variant with other refund options). */
export type PolicyRef = string | Policy;
const policyOf = (ref: PolicyRef): Policy => (typeof ref === 'string' ? getPolicy(ref) : ref);

/** One row per case: A score, B deposit, C grade, D veto count (0, or 1 under a veto), E refund, F the
 * circumstances. The refund reads the score a veto leaves, as the sheet's does. */
export function refundRows(ref: PolicyRef, cases: RefundCase[]): (string | number)[][] {
  const policy = policyOf(ref);
  return cases.map((c, i) => {
    const r = i + 1;
    return [
      c.score.startsWith('=') ? c.score : Number(c.score),
      Number(c.deposit),
      gradeFormula(policy, `A${r}`, `D${r}`),
      c.veto ? 1 : 0,
      // the amount reads the 另扣比例 cell (G), which reads the names typed in F, as on the sheet
      refundFormula(policy, `C${r}`, effectiveScore(policy, `A${r}`, `D${r}`), `B${r}`, `G${r}`)!,
      c.circumstances ?? '',
      circumstanceShareFormula(policy, `F${r}`) ?? 0,
    ];
  });
}

export function expectedRefund(ref: PolicyRef, c: RefundCase): { grade: string; amount: number } {
  const refund = refundOf(policyOf(ref), coreScore(c.score), c.deposit, {
    circumstances: circumstancesFrom(c.circumstances ?? ''),
    veto: c.veto === true,
  });
  return { grade: refund.grade.label, amount: refund.amount.toNumber() };
}

export const money = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** x with a·x ≡ 1 (mod m), for a and m coprime. */
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

/** From `start` fen up, the first deposit whose refund at this score lands exactly on half a fen:
 * cents × ratio ≡ ½ (mod 1), solved in whole numbers (ratio = n / 10^m). Null when there is none. */
export function halfFenDeposit(ref: PolicyRef, score: string, start: bigint): string | null {
  const ratio = refundOf(policyOf(ref), coreScore(score), 1).ratio;
  const m = BigInt(ratio.decimalPlaces());
  const modulus = 10n ** m;
  const n = BigInt(ratio.times(modulus.toString()).toFixed(0));
  const half = modulus / 2n;
  const g = gcd(n, modulus);
  if (n === 0n || half * 2n !== modulus || half % g !== 0n) return null;
  const step = modulus / g;
  const residue = ((half / g) * inverse(n / g, step)) % step;
  const cents = start + ((residue - (start % step) + step) % step);
  return cents <= 10n ** 14n ? money(cents) : null;
}
