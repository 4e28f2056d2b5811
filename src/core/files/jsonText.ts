import { D } from '../numbers/decimal';
import { clipped } from '../messages/echo';
import { MibError } from '../messages/errors';

/**
 * A strict JSON reader for the files a person gives `mib` (facts, rubrics, policies). JSON.parse would
 * read them too, but it reports errors in English without a line, keeps the last of two equal keys
 * silently ({"4.2": 1, "4.2": 3}: the same fact twice), turns 1e309 into Infinity, and its result's
 * "__proto__" key is lost by any later copy. Here every problem is a Chinese message with its line and
 * column, a key may appear once per object, a number must be finite and held exactly by the double it
 * becomes (9007199254740993 would silently be 9007199254740992), nesting stops at MAX_DEPTH (no
 * stack overflow on a file nested 100,000 deep), and keys are own data properties whatever their name.
 */
export const MAX_DEPTH = 64;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonReader {
  private at = 0;
  private depth = 0;
  /** the key whose value is being read, for a message about a number */
  private key: string | undefined;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  read(): unknown {
    this.space();
    const value = this.value();
    this.space();
    if (this.at < this.text.length) this.fail(`内容在 JSON 值之后还有多余的字符 ${this.near()}`);
    return value;
  }

  /** Line and column (from 1) of a position, counting characters as an editor does. */
  private where(position: number): string {
    const before = this.text.slice(0, position);
    const line = before.split('\n').length;
    const column = Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1;
    return `第 ${line} 行第 ${column} 列`;
  }

  private near(): string {
    const rest = this.text.slice(this.at, this.at + 20);
    return rest === '' ? '（文件已结束）' : `“${clipped(rest.split('\n')[0] ?? '', 20)}”`;
  }

  private fail(message: string, position = this.at): never {
    throw new MibError(
      'invalid-file',
      this.file,
      `文件“${clipped(this.file)}”不是有效的 JSON：${this.where(position)}：${message}`,
      `${this.file} is not valid JSON at ${position}`,
    );
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
  }

  private value(): unknown {
    const char = this.text[this.at];
    if (char === '{') return this.nested(() => this.object());
    if (char === '[') return this.nested(() => this.array());
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail(
      char === undefined ? '文件在应有取值处结束' : `应为取值（对象、数组、字符串、数字、true、false 或 null），看到的是 ${this.near()}`,
    );
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(`嵌套超过 ${MAX_DEPTH} 层（事实文件只有一层“输入编号: 取值”，考核表与政策也远不到这么深）`);
    const value = read();
    this.depth--;
    return value;
  }

  private expect(char: string, what: string): void {
    this.space();
    if (this.text[this.at] !== char) this.fail(`${what}，看到的是 ${this.near()}`);
    this.at++;
  }

  private object(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    this.at++; // {
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return object;
    }
    for (;;) {
      this.space();
      const keyAt = this.at;
      if (this.text[this.at] !== '"') this.fail(`应为用双引号括起的键，看到的是 ${this.near()}`);
      const key = this.string();
      const earlier = seen.get(key);
      if (earlier !== undefined) this.fail(`键“${clipped(key)}”重复（${this.where(earlier)}已有）：每个键只能出现一次`, keyAt);
      seen.set(key, keyAt);
      this.expect(':', `键“${clipped(key)}”之后应为冒号`);
      this.space();
      this.key = key;
      // an own data property even for "__proto__", as JSON.parse makes it
      Object.defineProperty(object, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.space();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect('}', '应为逗号或右花括号 }');
      return object;
    }
  }

  private array(): unknown[] {
    const array: unknown[] = [];
    this.at++; // [
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return array;
    }
    for (;;) {
      this.space();
      array.push(this.value());
      this.space();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect(']', '应为逗号或右方括号 ]');
      return array;
    }
  }

  private string(): string {
    const start = this.at;
    this.at++; // "
    let out = '';
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) this.fail('字符串没有结束的双引号', start);
      if (char === '"') {
        this.at++;
        return out;
      }
      if (char < ' ') this.fail('字符串中不能直接含换行等控制字符（换行写作 \\n）');
      if (char !== '\\') {
        out += char;
        this.at++;
        continue;
      }
      const escape = this.text[this.at + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (escape !== undefined && Object.hasOwn(simple, escape)) {
        out += simple[escape];
        this.at += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.at + 2, this.at + 6), 16));
        this.at += 6;
      } else this.fail(`无效的转义 ${this.near()}`);
    }
  }

  private number(): number {
    const start = this.at;
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail(`数字写法不对 ${this.near()}`);
    this.at += match[0].length;
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail(`数字 ${clipped(match[0])} 超出可表示的范围`, start);
    if (!heldExactly(match[0], value)) {
      const of = this.key === undefined ? '' : `“${clipped(this.key)}”的`;
      this.fail(
        `${of}数字 ${clipped(match[0])} 超出 JSON 数字能准确保存的位数，会被悄悄读成 ${String(value)}：请改正；确需这么多位的金额写成文字（加双引号），按原样读取`,
        start,
      );
    }
    return value;
  }
}

/** Whether the double a number's text becomes holds what the text says: at most 15 significant digits
 * always do; a longer one must read back as the same decimal (0.8999999999999999 does, 9007199254740993
 * and a 40-digit deposit do not). */
function heldExactly(text: string, value: number): boolean {
  const mantissa = text
    .replace(/^-/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '');
  if (mantissa.length <= 15) return true;
  return new D(text).eq(new D(String(value)));
}

/** The value a JSON file's text holds (a leading byte-order mark is ignored), or a MibError naming the
 * file, line and column. */
export function readJsonText(text: string, file: string): unknown {
  return new JsonReader(text.replace(/^\uFEFF/, ''), file).read();
}
