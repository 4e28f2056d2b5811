// issue 12, point 6: a strict, honest command line. Unknown flags and extra words are refused (exit 2,
// listing the command's flags); --help per command; numbers as decimal text; money exact; one fact under
// two spellings refused; __proto__ an unknown id; deep, huge and malformed JSON a clear Chinese message.
import { describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../src/cli/commands/specs';
import { mibWith } from '../support/mibRunner';

const JIANGBEI = 'cq-jiangbei-2025-hospital';
const WEIHAI = 'weihai-2021-hospital-l2';
const deep = (n: number) => `{"4.2": ${'['.repeat(n)}${']'.repeat(n)}}`;
const mib = mibWith({
  'one.json': '{"4.2": 1}',
  'deep.json': '['.repeat(100_000) + ']'.repeat(100_000),
  'deep-value.json': deep(100_000),
  'deep-object.json': `{"4.2": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
  'inf.json': '{"18.1": 1e309}',
  'huge-count.json': '{"4.2": 1e308}',
  'unsafe-count.json': '{"4.2": 9007199254740993}',
  'unsafe-count-text.json': '{"4.2": "9007199254740993"}',
  'proto.json': '{"__proto__": 1, "constructor": 2, "4.2": 1}',
  'proto-object.json': '{"__proto__": {"4.2": 5}}',
  'spaced.json': '{"4.2": 1, " 4.2": 2}',
  'alias.json': '{"B1.1": 1, "1.1": 2}',
  'dup-key.json': '{\n  "4.2": 1,\n  "4.2": 3\n}',
  'syntax.json': '{\n  "4.2": 1,\n  "5.1" true\n}',
  'truncated.json': '{ "4.2": ',
  'array.json': '[1, 2]',
  'long.json': JSON.stringify({ '4.2': 'x'.repeat(5000), ['y'.repeat(3000)]: 1 }),
  'rubric-array.json': '[]',
  'rubric-bad.json': JSON.stringify({ kind: 'rubric', id: 'x', title: 1, items: 'no', layout: 'other', extra: true }),
  'policy-bad.json': JSON.stringify({ kind: 'policy', id: 'p', grades: [{ label: 5, min: 'x' }], veto: [] }),
});

/** No English sentence from JSON.parse or zod: their phrasing, or a stack. */
const ENGLISH = /Unexpected|Invalid input|expected|received|Too (small|big)|in JSON at|SyntaxError|\n\s+at /;

describe('flags and words each command does not take are refused', () => {
  it('an unknown flag: exit 2, naming it and listing the valid flags', () => {
    const r = mib('grade', '85', '--policy', 'jilin-2025', '--polcy', 'x');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('mib grade 没有参数“--polcy”');
    for (const flag of ['--policy <政策编号>', '--downgrade <档数>', '--veto', '--json', '--help']) expect(r.err).toContain(flag);
  });

  it('an extra word', () => {
    const r = mib('grade', '85', '90', '--policy', 'jilin-2025');
    expect(r.code).toBe(2);
    expect(r.err).toContain('多余的参数“90”：mib grade 只接受 <得分>');
    expect(mib('rubrics', 'all').err).toContain('mib rubrics 不接受位置参数');
  });

  it('a flag of another command (--veto on score), a flag twice, a value for a yes/no flag, an unknown short flag', () => {
    expect(mib('score', JIANGBEI, '--input', 'one.json', '--veto')).toMatchObject({ code: 2 });
    expect(mib('score', JIANGBEI, '--input', 'one.json', '--veto').err).toContain('mib score 没有参数“--veto”');
    expect(mib('grade', '85', '--policy', 'jilin-2025', '--policy', 'ningde-2025-hospital').err).toContain('参数 --policy 给了两次');
    expect(mib('grade', '85', '--policy', 'jilin-2025', '--json=no').err).toContain('参数 --json 不带取值');
    expect(mib('grade', '85', '--policy', 'jilin-2025', '-x').err).toContain('没有参数“-x”');
  });

  it('a flag that means nothing without another, or does not apply beside another, is refused instead of ignored', () => {
    // before: --downgrade without --policy was ignored, and --case ignored the score and --veto
    expect(mib('score', JIANGBEI, '--input', 'one.json', '--downgrade', '1').err).toContain('参数 --downgrade 需要同时给出 --policy');
    expect(mib('score', JIANGBEI, '--input', 'one.json', '--deposit', '100').err).toContain('参数 --deposit 需要同时给出 --policy');
    const withVeto = mib('refund', '--case', 'rescinded', '--deposit', '100', '--policy', 'jilin-2025', '--veto');
    expect(withVeto).toMatchObject({ code: 2 });
    expect(withVeto.err).toContain('参数 --veto 不适用于 --case');
    expect(mib('refund', '85', '--case', 'rescinded', '--deposit', '100', '--policy', 'jilin-2025').err).toContain('--case 的情形不按得分计算');
    expect(mib('refund', '--case', 'requestedTerminationWithViolations', '--deposit', '10000', '--policy', 'jilin-2025').out).toBe('5000.00');
  });

  it('a flag before the command, and an unknown command, show the usage', () => {
    expect(mib('--json')).toMatchObject({ code: 2 });
    expect(mib('--json').err).toContain('请先写命令');
    expect(mib('scores').err).toContain('未知的命令“scores”');
  });

  it('what was accepted before still is: --flag=value, a negative number read as a word (and refused as a score)', () => {
    expect(mib('grade', '85', '--policy=jilin-2025').out).toBe('良');
    expect(mib('grade', '-5', '--policy', 'jilin-2025').err).toContain('得分不能为负数');
  });
});

describe('mib <command> --help', () => {
  it.each(Object.keys(commands) as CommandName[])('%s --help prints its usage, every flag, and exits 0', (command) => {
    for (const help of ['--help', '-h']) {
      const r = mib(command, help);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^用法：mib ${command}`));
      for (const name of Object.keys(commands[command].flags)) expect(r.out).toContain(`--${name}`);
      expect(r.out).toContain(commands[command].description);
    }
  });

  it('help wins over what is missing or wrong on the same line', () => {
    expect(mib('refund', '--help')).toMatchObject({ code: 0 });
    expect(mib('template', 'x', '--bogus', '-h')).toMatchObject({ code: 0 });
    expect(mib('template', '--help').out).toContain('-o, --output <文件.xlsx>');
  });

  it('mib help <command>, mib help, mib --help; the usage lists every command', () => {
    expect(mib('help', 'score').out).toBe(mib('score', '--help').out);
    const usage = mib('--help');
    expect(usage.code).toBe(0);
    expect(mib('help').out).toBe(usage.out);
    for (const command of Object.keys(commands)) expect(usage.out).toContain(`mib ${command}`);
    expect(usage.out).toContain('mib score <考核表编号> --input <事实.json> [--policy <政策编号>] [--deposit <金额>]');
    expect(mib('help', 'nothing')).toMatchObject({ code: 2 });
  });
});

describe('numbers are decimal text; money never passes through a JS number', () => {
  it.each(['0x2710', '1e3', 'Infinity', '', ' ', '10,000', '85分', '0b101', 'NaN'])('refuses %j as a score and as a deposit', (text) => {
    const score = mib('grade', text, '--policy', 'jilin-2025');
    expect(score.code).toBe(2);
    expect(score.err).toContain('错误：得分应为数字（十进制写法');
    const deposit = mib('refund', '80', '--deposit', text, '--policy', 'jilin-2025');
    expect(deposit.code).toBe(2);
    expect(deposit.err).toContain('--deposit（质量保证金）应为数字');
  });

  it('names a numbered argument with a space before what it should be, a word without one', () => {
    expect(mib('composite', '80', '90', 'abc', '--policy', 'jilin-2025').err).toContain('错误：下属得分 2 应为数字（十进制写法');
  });

  it('9007199254740.93 × 80% = 7205759403792.74; 90071992547409.93 is past 10¹³ and refused (issue 19)', () => {
    expect(mib('refund', '80', '--deposit', '9007199254740.93', '--policy', 'jilin-2025')).toMatchObject({ code: 0, out: '7205759403792.74' });
    const past = mib('refund', '80', '--deposit', '90071992547409.93', '--policy', 'jilin-2025');
    expect(past.code).toBe(2);
    expect(past.err).toContain('质量保证金金额须小于 10000000000000 元');
    const forty = mib('refund', '80', '--deposit', '1234567890123456789012345678901234567890.12', '--policy', 'jilin-2025');
    expect(forty.code).toBe(2);
    expect(forty.out).toBe('');
    // 吉林: 80 is 良, 10 points below 90 at 2% each: 80%
    expect(mib('refund', '80', '--deposit', '0.05', '--policy', 'jilin-2025').out).toBe('0.04');
  });

  it('decimal forms a person writes are read: 84.5, .5, +85, 85.', () => {
    expect(mib('grade', '84.5', '--policy', 'jilin-2025').out).toBe('良');
    expect(mib('grade', '+85', '--policy', 'jilin-2025').out).toBe('良');
    expect(mib('grade', '90.', '--policy', 'jilin-2025').out).toBe('优');
    expect(mib('refund', '85', '--deposit', '10000.00', '--policy', 'jilin-2025').out).toBe('9000.00');
  });

  it('--downgrade is a whole number', () => {
    expect(mib('grade', '85', '--policy', 'jilin-2025', '--downgrade', '1.5').err).toContain('--downgrade（降档数）应为整数');
    expect(mib('grade', '85', '--policy', 'jilin-2025', '--downgrade', '0x1').err).toContain('应为数字');
  });
});

describe('facts files: one fact once, known ids, clear messages', () => {
  it('the same fact under two spellings is refused, as MIB.SCORE refuses it', () => {
    const spaced = mib('score', JIANGBEI, '--input', 'spaced.json', '--json');
    expect(spaced.code).toBe(2);
    expect(spaced.out).toBe('');
    expect(spaced.err).toContain('输入编号 “4.2”与“ 4.2” 是同一输入 4.2');
    const alias = mib('score', WEIHAI, '--input', 'alias.json');
    expect(alias.code).toBe(2);
    expect(alias.err).toContain('“B1.1”与“1.1” 是同一输入 1.1');
  });

  it('the same key twice in the file is refused with both lines', () => {
    const r = mib('score', JIANGBEI, '--input', 'dup-key.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('第 3 行第 3 列：键“4.2”重复（第 2 行第 3 列已有）');
  });

  it('__proto__ and constructor are unknown ids, never dropped nor applied', () => {
    const r = mib('score', JIANGBEI, '--input', 'proto.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知的输入编号“__proto__”');
    expect(r.err).toContain('未知的输入编号“constructor”');
    const nested = mib('score', JIANGBEI, '--input', 'proto-object.json');
    expect(nested.code).toBe(2);
    expect(nested.err).toContain('未知的输入编号“__proto__”');
  });

  it.each([
    ['deep.json', '嵌套超过 64 层'],
    ['deep-value.json', '嵌套超过 64 层'],
    ['deep-object.json', '嵌套超过 64 层'],
    ['inf.json', '第 1 行第 10 列：数字 1e309 超出可表示的范围'],
    ['huge-count.json', '4.2（未能完整、准确、及时备案人员变更的次数）不能大于 9007199254740991'],
    // issue 19: accepted and scored as 9007199254740990 before
    ['unsafe-count.json', '第 1 行第 9 列：“4.2”的数字 9007199254740993 超出 JSON 数字能准确保存的位数，会被悄悄读成 9007199254740992'],
    ['unsafe-count-text.json', '4.2（未能完整、准确、及时备案人员变更的次数）不能大于 9007199254740991'],
    ['syntax.json', '第 3 行第 9 列：键“5.1”之后应为冒号'],
    ['truncated.json', '第 1 行第 10 列：文件在应有取值处结束'],
    ['array.json', '应为“输入编号: 取值”的 JSON 对象（如 {"4.2": 1}），收到的是数组'],
  ])('%s: exit 2 and a Chinese message, never an internal error', (file, message) => {
    for (const command of [
      ['score', JIANGBEI, '--input', file],
      ['check', file],
    ]) {
      const r = mib(...command);
      expect(r.code, r.err).not.toBe(0);
      expect(r.err).not.toContain('内部错误');
      expect(r.err).not.toMatch(ENGLISH);
    }
    const r = mib('score', JIANGBEI, '--input', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('echoed values are cut to about 80 characters', () => {
    const r = mib('score', JIANGBEI, '--input', 'long.json');
    expect(r.code).toBe(2);
    for (const line of r.err.split('\n')) expect(line.length).toBeLessThan(220);
    expect(r.err).toContain('…（共 5000 个字符）');
    expect(r.err).toContain('…（共 3000 个字符）');
    const flag = mib('grade', '85', '--policy', 'p'.repeat(1000));
    expect(flag.err.length).toBeLessThan(400);
  });
});

describe('no English from JSON.parse or zod reaches a user', () => {
  it.each(['rubric-array.json', 'rubric-bad.json', 'policy-bad.json', 'truncated.json'])('mib check %s', (file) => {
    const r = mib('check', file);
    expect(r.code).not.toBe(0);
    expect(r.err).not.toMatch(ENGLISH);
    expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a bad option value names the choices in Chinese', () => {
    const r = mib('refund', '85', '--deposit', '1000', '--policy', 'jilin-2025', '--ratio-rounding', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--ratio-rounding：取值应为以下之一："percent-2"、"fraction-2"、"none"，收到的是“x”');
    expect(r.err).not.toMatch(ENGLISH);
  });

  it('a rubric or policy id such as __proto__ is unknown, not Object.prototype', () => {
    expect(mib('score', '__proto__', '--input', 'one.json').err).toContain('未知的考核表编号“__proto__”');
    expect(mib('grade', '85', '--policy', 'constructor').err).toContain('未知的政策编号“constructor”');
  });
});
