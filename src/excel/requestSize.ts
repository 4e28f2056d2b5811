/// <reference types="office-js" />
import { jsonBytes } from './cells';

/** Something the writer queues on the new worksheet. */
export type Step = (sheet: Excel.Worksheet) => void;

// Rough sizes of Office.js request entries: an object path ({"Id":..,"ObjectPathType":..,"Name":..,
// "ParentObjectPathId":..} plus its instantiate action) and a property or method action.
const PATH_BYTES = 160;
const ACTION_BYTES = 100;

/**
 * Bytes a step adds to the request: it is run against a stand-in for Excel that counts each object
 * reached, each property set and each method call, with the JSON of what is passed. The estimate is
 * made by the very code that writes, so it cannot drift from it.
 */
export function stepBytes(step: Step): number {
  let bytes = 0;
  const standIn = (): unknown =>
    new Proxy(function standInTarget() {}, {
      get(_target, property) {
        if (typeof property === 'symbol' || property === 'toJSON' || property === 'then') return undefined;
        bytes += PATH_BYTES;
        return standIn();
      },
      set(_target, _property, value) {
        bytes += ACTION_BYTES + jsonBytes(value);
        return true;
      },
      apply(_target, _this, args: unknown[]) {
        bytes += ACTION_BYTES + jsonBytes(args.filter((arg) => typeof arg !== 'function'));
        return standIn();
      },
    });
  step(standIn() as Excel.Worksheet);
  return bytes;
}

/** Consecutive items grouped so that each group's request (the sum of `bytes`) stays within `limit`;
 * an item larger than the limit alone makes a group. */
export function batches<T>(items: readonly T[], limit: number, bytes: (item: T) => number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemBytes = bytes(item);
    if (current.length > 0 && size + itemBytes > limit) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemBytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
