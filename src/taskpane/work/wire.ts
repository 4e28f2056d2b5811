// What crosses between the pane and its worker: structured clone copies plain data but refuses a
// Decimal (decimal.js keeps its constructor on each value), so a Decimal travels as its exact text and
// comes back as a Decimal of the core's configuration. Objects shared inside one message stay shared.
import { D } from '../../core/numbers/decimal';

const DEC = '$dec';

/** `value` with every Decimal as { $dec: its text }; arrays and plain objects copied, the rest as is. */
export function toWire(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (D.isDecimal(value)) return { [DEC]: value.toString() };
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = toWire(value[i], seen);
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = toWire((value as Record<string, unknown>)[key], seen);
  return out;
}

/** The inverse of toWire, in place (the message's copy is the pane's own). */
export function fromWire<T>(value: unknown, seen = new Set<object>()): T {
  return revive(value, seen) as T;
}

function revive(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return value;
  if (!Array.isArray(value)) {
    const text = (value as Record<string, unknown>)[DEC];
    if (typeof text === 'string') return new D(text);
  }
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], seen);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revive(record[key], seen);
  }
  return value;
}
