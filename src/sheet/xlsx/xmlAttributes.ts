// An XML element's attributes as the scanner (xmlScan.ts) hands them on, and the error it throws at XML that
// is not well formed.

export class XmlNotWellFormed extends Error {}
export const fail = (what: string): never => {
  throw new XmlNotWellFormed(what);
};

/**
 * An element's attributes, by name (an element's few are found sooner by comparing names than an object's
 * made for each tag: making them was a third of the scanner's time). One for the scanner, filled again for
 * each tag: what a reader keeps of it, it copies.
 */
export class XmlAttributes {
  readonly #names: string[] = [];
  readonly #values: string[] = [];
  #count = 0;
  /** once there are many (a hostile tag may have thousands), the names, to find one given twice */
  #many: Set<string> | undefined;
  /** an xmlns or xmlns:… among them (a namespace declared: xmlNames.ts) */
  declares = false;

  /** the value of the attribute of that name, or undefined */
  get(name: string): string | undefined {
    for (let k = 0; k < this.#count; k++) if (this.#names[k] === name) return this.#values[k];
    return undefined;
  }

  /** each attribute, in the order written */
  entries(): [string, string][] {
    return this.#names.slice(0, this.#count).map((name, k) => [name, this.#values[k]!]);
  }

  clear(): void {
    this.#count = 0;
    this.#many = undefined;
    this.declares = false;
  }

  /** the attribute `from` (a name with a prefix) named `to` instead, where it is there */
  rename(from: string, to: string): void {
    for (let k = 0; k < this.#count; k++) if (this.#names[k] === from) this.#names[k] = to;
  }

  add(name: string, value: string): void {
    const count = this.#count;
    if (this.#many === undefined) {
      for (let k = 0; k < count; k++) if (this.#names[k] === name) fail(`duplicate attribute: ${name.slice(0, 40)}`);
      if (count >= 16) this.#many = new Set(this.#names.slice(0, count));
    }
    if (this.#many !== undefined && this.#many.size === this.#many.add(name).size) fail(`duplicate attribute: ${name.slice(0, 40)}`);
    this.#names[count] = name;
    this.#values[count] = value;
    this.#count = count + 1;
    // a namespace declared (x: a first look that leaves out nearly every name)
    if (name.charCodeAt(0) === 120 && (name === 'xmlns' || name.startsWith('xmlns:'))) this.declares = true;
  }
}
