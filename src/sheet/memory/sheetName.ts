/** Excel's limits on a worksheet name: at most 31 characters, none of : \ / ? * [ ] */
const MAX_LENGTH = 31;

/**
 * The first of `wanted`, "wanted (2)", "wanted (3)", ... that no existing sheet uses (Excel compares
 * sheet names without regard to case), shortened so the suffix still fits in 31 characters.
 */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((name) => name.toLowerCase()));
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim() || 'MIB';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, MAX_LENGTH - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
