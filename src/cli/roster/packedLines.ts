import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Lines a block at a time, in blocks of LINES_A_BLOCK lines. */
const LINES_A_BLOCK = 1024;

/**
 * A CSV's data lines kept as UTF-8 bytes (given as text, or as the file's own bytes), a block of lines to
 * a buffer, and made text again when asked for. Kept as slices of the file's text, each line held the whole text (twice the file's size where a
 * name is Chinese) until the last was let go, and the cells taken from them (a name kept to the end) held
 * it still; a block is let go once all its lines are.
 */
export class PackedLines {
  length = 0;
  /** each block deflated (zlib's fastest level) and inflated when a line of it is asked for, the last so
   * inflated kept: for lines held long and read in about the order they came (HeldJson's rows' JSON, a
   * tenth of its size so) */
  readonly #deflated: boolean;
  #inflated: { block: number; bytes: Buffer } | undefined;
  readonly #blocks: (Buffer | undefined)[] = [];
  /** each block's line ends (byte offsets in its buffer) */
  readonly #ends: Uint32Array[] = [];
  /** how many lines of each block are still held */
  readonly #held: number[] = [];
  readonly #released: Uint8Array[] = [];
  #pending: (string | Uint8Array)[] = [];

  constructor(options: { deflated?: boolean } = {}) {
    this.#deflated = options.deflated === true;
  }

  push(line: string | Uint8Array): void {
    this.#pending.push(line);
    this.length++;
    if (this.#pending.length === LINES_A_BLOCK) this.#pack();
  }

  /** the last block packed: no line is pushed after */
  end(): void {
    if (this.#pending.length > 0) this.#pack();
  }

  #pack(): void {
    const lines = this.#pending;
    this.#pending = [];
    const ends = new Uint32Array(lines.length);
    let size = 0;
    lines.forEach((line, k) => (ends[k] = size += typeof line === 'string' ? Buffer.byteLength(line) : line.length));
    const block = Buffer.allocUnsafeSlow(size);
    lines.forEach((line, k) => {
      const at = k === 0 ? 0 : ends[k - 1]!;
      if (typeof line === 'string') block.write(line, at);
      else block.set(line, at);
    });
    this.#blocks.push(this.#deflated ? deflateRawSync(block, { level: 1 }) : block);
    this.#ends.push(ends);
    this.#held.push(lines.length);
    this.#released.push(new Uint8Array(lines.length));
  }

  at(index: number): string | undefined {
    const b = Math.floor(index / LINES_A_BLOCK);
    const k = index % LINES_A_BLOCK;
    const stored = this.#blocks[b];
    if (stored === undefined || this.#released[b]![k] === 1) return undefined;
    const ends = this.#ends[b]!;
    let block = stored;
    if (this.#deflated) {
      if (this.#inflated?.block !== b)
        // (inflated in one piece of the block's own size, as nativeInflate does: zlib's 16 KB pieces, joined, cost more)
        this.#inflated = { block: b, bytes: inflateRawSync(stored, { chunkSize: Math.max(64, ends[ends.length - 1]! + 1) }) };
      block = this.#inflated.bytes;
    }
    return block.toString('utf8', k === 0 ? 0 : ends[k - 1], ends[k]);
  }

  release(index: number): void {
    const b = Math.floor(index / LINES_A_BLOCK);
    const k = index % LINES_A_BLOCK;
    const released = this.#released[b];
    if (released === undefined || released[k] === 1) return;
    released[k] = 1;
    if (--this.#held[b]! === 0) {
      this.#blocks[b] = undefined;
      if (this.#inflated?.block === b) this.#inflated = undefined;
    }
  }
}
