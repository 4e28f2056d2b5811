/**
 * `JSON.stringify(value, null, 2)` written a block of lines at a time, so that no single string holds a
 * whole roster (one of 100,000 rows is near a gigabyte of text, past the longest string V8 can make:
 * “Invalid string length”). The top object's arrays are written one element at a time, and an element
 * given as a `LazyList` is built only as it is written. The text is the same, byte for byte, as the
 * one-string call would give (a test holds them equal).
 */
export function writePrettyJson(write: (lines: string) => void, value: Record<string, unknown>): void {
  const json = new PrettyJsonWriter(write);
  for (const [key, v] of Object.entries(value)) {
    const list = v instanceof LazyList ? v : Array.isArray(v) ? new LazyList(v.length, (k) => v[k]) : undefined;
    if (list === undefined) {
      json.entry(key, v);
      continue;
    }
    json.openList(key);
    for (let k = 0; k < list.length; k++) json.item(list.at(k));
    json.closeList();
  }
  json.end();
}

/**
 * The text of `JSON.stringify(object, null, 2)` written as the object's entries come: an entry whole, or a
 * list an element at a time (`mib roster --json` writes each institution as it is scored). The last line
 * written waits until the next one comes, to know whether a comma follows it; nothing else is held.
 */
export class PrettyJsonWriter {
  /** the last line at the current level, written when its next sibling (with a comma) or its end comes */
  #pending: string | undefined;
  #started = false;
  /** the open list's key and how many elements it has had */
  #list: { key: string; count: number } | undefined;

  constructor(readonly write: (lines: string) => void) {}

  /** one entry of the object (skipped, as JSON.stringify skips it, when undefined or a function) */
  entry(key: string, value: unknown): void {
    if (value === undefined || typeof value === 'function') return;
    this.#sibling(`  ${JSON.stringify(key)}: ${indented(JSON.stringify(value instanceof LazyList ? [] : value, null, 2), '  ')}`);
  }

  /** an entry whose value is a list, its elements given by `item` until `closeList` */
  openList(key: string): void {
    this.#list = { key, count: 0 };
  }

  item(value: unknown): void {
    const list = this.#list!;
    if (list.count++ === 0) {
      this.#sibling(`  ${JSON.stringify(list.key)}: [`);
      this.#flush('');
    }
    // an element JSON cannot hold (undefined, a function) is null inside an array, as JSON.stringify has it
    const text = `    ${indented(JSON.stringify(value, null, 2) ?? 'null', '    ')}`;
    // written at once but for its last line, which waits for its comma
    const last = text.lastIndexOf('\n');
    this.#sibling(last < 0 ? text : text.slice(0, last));
    if (last >= 0) {
      this.#flush('');
      this.#pending = text.slice(last + 1);
    }
  }

  closeList(): void {
    const list = this.#list!;
    this.#list = undefined;
    if (list.count === 0) this.#sibling(`  ${JSON.stringify(list.key)}: []`);
    else {
      this.#flush('');
      this.#pending = '  ]';
    }
  }

  end(): void {
    if (!this.#started) this.write('{}');
    else {
      this.#flush('');
      this.write('}');
    }
  }

  #sibling(line: string): void {
    if (!this.#started) {
      this.write('{');
      this.#started = true;
    }
    this.#flush(',');
    this.#pending = line;
  }

  #flush(comma: string): void {
    if (this.#pending !== undefined) this.write(`${this.#pending}${comma}`);
    this.#pending = undefined;
  }
}

/** An array whose elements are made as they are asked for; as JSON (toJSON) it is the whole array. */
export class LazyList<T> {
  constructor(
    readonly length: number,
    readonly at: (index: number) => T,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k));
  }
}

const indented = (text: string, indent: string) => text.replace(/\n/g, `\n${indent}`);
