import { clipped, DecimalOrPercentValue, MibError, type PeerOptions, peerOptionsOf, type RosterOptions } from '../../core';
import type { Flags } from '../args';

/** Each peer option's flag: the command line's name for a PeerOptions key. */
const FLAG_OF = {
  intervals: 'peer-intervals',
  trim: 'peer-trim',
  lowBandShare: 'low-band-share',
  a6LowBand: 'a6-low-band',
  tierRounding: 'tier-rounding',
  ties: 'peer-ties',
  trimmedHighInterval: 'trimmed-high',
  fundGrowth: 'fund-growth',
} as const satisfies Record<keyof PeerOptions, string>;

/** The shares (trim, low band) and the fund's growth as a clerk writes them: 0.1 or 10%. Their range is
 * the schema's to check. */
function share(text: string, flag: string): number {
  const parsed = DecimalOrPercentValue.safeParse(text);
  if (!parsed.success)
    throw new MibError(
      'invalid-argument',
      `--${flag}`,
      `--${flag} 应为${flag === 'fund-growth' ? '比率（如 0.05 或 5%，可为负）' : '比例（如 0.1 或 10%）'}，收到的是“${clipped(text)}”`,
      `--${flag} must be a share`,
    );
  return parsed.data.toNumber();
}

const NUMBERS = new Set<keyof PeerOptions>(['trim', 'lowBandShare', 'fundGrowth']);

/**
 * The roster's options from `mib roster`'s flags: the peer options checked by PeerOptionsSchema (through
 * peerOptionsOf, whose refusal is reworded to name the flag), --convert and --complete as `mib score`
 * takes them. Trace stays off: a 10,000-row run keeps no trace lines.
 */
export function rosterOptions(flags: Flags): RosterOptions & { peer: PeerOptions } {
  const peer: Partial<Record<keyof PeerOptions, unknown>> = {};
  for (const [key, flag] of Object.entries(FLAG_OF) as [keyof PeerOptions, string][]) {
    const text = flags[flag];
    if (typeof text !== 'string') continue;
    peer[key] = NUMBERS.has(key) ? share(text, flag) : text.trim();
  }
  let checked: PeerOptions;
  try {
    checked = peerOptionsOf(peer as Partial<PeerOptions>);
  } catch (error) {
    if (!(error instanceof MibError) || !Object.hasOwn(FLAG_OF, error.field)) throw error;
    const flag = `--${FLAG_OF[error.field as keyof PeerOptions]}`;
    const given = clipped(String(flags[flag.slice(2)]));
    throw new MibError(
      'invalid-argument',
      flag,
      `${error.message.replace('名册的选项有误：', '').replace(`${error.field}：`, `${flag}：`)}，收到的是“${given}”`,
      error.messageEn.replace(error.field, flag),
    );
  }
  return { peer: checked, convert: flags.convert === true, complete: flags.complete === true, trace: false };
}
