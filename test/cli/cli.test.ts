import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mibWith } from '../support/mibRunner';

const mib = mibWith({
  'clean.json': JSON.stringify({
    '4.2': 0,
    '5.1': '是',
    '5.2': true,
    '18.1': 0.6,
    '20.1': '95%',
    '21.1': 0.3,
    '22.1': 0.2,
    '22.2': 0.5,
    '23.1': 1,
    '23.2': 2,
    '24.1': 1,
  }),
  'veto.json': JSON.stringify({ '15.1': '是', '5.1': '是' }),
  'overcap.json': JSON.stringify({ '4.2': 7, '17.2': 3 }),
  'a1cap.json': JSON.stringify({ '25.1': 0.14, '25.2': 0 }),
  'noscore.json': JSON.stringify({ '7.1': true, '7.2': 2, '4.2': 7 }),
  'batches.json': JSON.stringify({ '19.1': 3, '19.2': 2 }),
  'bad.json': JSON.stringify({ '4.2': -1, '18.1': 1.5, '6.1': '三次', '99.1': 1 }),
  'notjson.json': '{ "4.2": ',
  'array.json': '[1,2]',
});

describe('mib score: every reading visible (口径说明), ownership 公立/民营', () => {
  it('prints the table’s, each clause’s and the policy’s readings under 口径说明', () => {
    const r = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'clean.json', '--policy', 'cq-jiangbei-2025');
    expect(r.code).toBe(0);
    const [, readings = ''] = r.out.split('口径说明：');
    expect(readings).toContain('【考核表】考核实行计分制管理');
    expect(readings).toContain('【考核表 未写分值的条款】');
    expect(readings).toContain('【第20项 20.1】指标释义问“是否高于90%”');
    expect(readings).toContain('【第14项 14.1、14.2】');
    expect(readings).toContain('【政策】通知写“得分60分以下为不合格”');
  });
  it('--json carries the same readings', () => {
    const json = JSON.parse(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'clean.json', '--policy', 'jilin-2025', '--json').out);
    expect(json.readings).toContainEqual({ source: 'clause', id: '21.1', itemNo: '21', text: '“占比30%的”读作达到30%（含）。' });
    expect(json.readings.filter((r: { source: string }) => r.source === 'policy').length).toBeGreaterThanOrEqual(3);
    expect(json.readings.find((r: { id?: string }) => r.id === 'refund')?.source).toBe('policy');
    // without a policy, no policy readings
    const bare = JSON.parse(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'clean.json', '--json').out);
    expect(bare.readings.some((r: { source: string }) => r.source === 'policy')).toBe(false);
  });
  it('--ownership 民营: 江北 19 (公立医疗机构) does not apply; blank lists the ownership as missing', () => {
    const priv = JSON.parse(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'batches.json', '--ownership', '民营', '--json').out);
    const pub = JSON.parse(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'batches.json', '--ownership', '公立', '--json').out);
    expect(priv.items.find((i: { id: string }) => i.id === '19')).toMatchObject({ score: 10, deducted: 0 });
    expect(pub.items.find((i: { id: string }) => i.id === '19')).toMatchObject({ score: 7, deducted: 3 });
    expect(priv).toMatchObject({ ownership: 'private', ownershipMissing: false });
    const blank = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'batches.json');
    expect(blank.out).toContain('未填写的机构性质：公立/民营');
    const bad = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'batches.json', '--ownership', '私立');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--ownership（机构性质）应为“公立”或“民营”');
  });
});

describe('mib score', () => {
  it('prints the DESIGN.md JSON contract', () => {
    const r = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'clean.json', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.total).toBe(100);
    expect(json.max).toBe(100);
    expect(json.veto).toBe(false);
    expect(json.vetoItems).toEqual([]);
    expect(json.items).toHaveLength(24);
    expect(json.items[3]).toMatchObject({ id: '4', score: 5, max: 5, deducted: 0, overCap: 0 });
    expect(json.grade).toBeUndefined();
  });
  it('出现否决项得分为0, with grade under a policy', () => {
    const r = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'veto.json', '--policy', 'cq-jiangbei-2025', '--json');
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ total: 0, veto: true, vetoItems: ['15'], grade: '不合格' });
  });
  it('reports over-cap deductions per item', () => {
    const json = JSON.parse(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'overcap.json', '--json').out);
    expect(json.items.find((i: { id: string }) => i.id === '4')).toMatchObject({ score: 0, deducted: 7, overCap: 2 });
    expect(json.items.find((i: { id: string }) => i.id === '17')).toMatchObject({ score: 0, deducted: 15, overCap: 5 });
  });
  it('a clause’s own cap (威海 A1 “最多扣5分”) is named as that clause’s cap, not as over the item’s points', () => {
    const text = mib('score', 'weihai-2021-hospital-l2', '--input', 'a1cap.json').out;
    const a1 = text.split('\n').find((l) => l.includes(' A1 '))!;
    expect(a1).toContain('：5 / 10 【第1条封顶，2 分未计】');
    expect(a1).not.toContain('扣分超过单项分值');
    const json = JSON.parse(mib('score', 'weihai-2021-hospital-l2', '--input', 'a1cap.json', '--json').out);
    expect(json.items.find((i: { id: string }) => i.id === '25')).toMatchObject({ score: 5, deducted: 7, overCap: 0, clauseCapped: 2 });
  });
  it('an item zeroed by “不得分” is not called over cap; a true over-cap still is', () => {
    const lines = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'noscore.json').out.split('\n');
    expect(lines.find((l) => l.startsWith('  7 '))).toMatch(/：0 \/ 4$/);
    expect(lines.find((l) => l.startsWith('  4 '))).toMatch(/：0 \/ 5 【扣分超过单项分值 2 分】$/);
    const json = JSON.parse(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'noscore.json', '--json').out);
    expect(json.items.find((i: { id: string }) => i.id === '7')).toMatchObject({ score: 0, deducted: 6, overCap: 0, clauseCapped: 0 });
  });
  it('adds grade and refund with --policy and --deposit', () => {
    const r = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'clean.json', '--policy', 'jilin-2025', '--deposit', '20000', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ total: 100, grade: '优', refund: 20000 });
  });
  it('bad facts: every problem named in Chinese, non-zero exit, nothing printed to stdout', () => {
    const r = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'bad.json', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('4.2（未能完整、准确、及时备案人员变更的次数）应为不小于0的整数');
    expect(r.err).toContain('18.1');
    expect(r.err).toContain('0% 到 100%');
    expect(r.err).toContain('6.1');
    expect(r.err).toContain('未知的输入编号“99.1”');
  });
  it('unknown rubric names the valid ones', () => {
    const r = mib('score', 'cq-jiangbei-2024', '--input', 'clean.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知的考核表编号“cq-jiangbei-2024”');
    expect(r.err).toContain('cq-jiangbei-2025-hospital');
  });
  it('unreadable and malformed input files', () => {
    expect(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'missing.json').err).toContain('读不到文件“missing.json”');
    expect(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'notjson.json').err).toContain('不是有效的 JSON');
    expect(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'array.json').err).toContain('--input');
    expect(mib('score', 'cq-jiangbei-2025-hospital').err).toContain('缺少参数 --input');
  });
});

describe('mib grade / refund / composite', () => {
  it('grade prints one value', () => {
    expect(mib('grade', '85', '--policy', 'jilin-2025')).toMatchObject({ code: 0, out: '良' });
    expect(mib('grade', '85', '--policy', 'jilin-2025', '--downgrade', '2').out).toBe('基本合格');
    expect(mib('grade', '97', '--policy', 'ningde-2025-hospital').out).toBe('优秀');
  });
  it('refund prints one amount', () => {
    expect(mib('refund', '85', '--deposit', '10000', '--policy', 'jilin-2025')).toMatchObject({ code: 0, out: '9000.00' });
    expect(mib('refund', '80', '--deposit', '50000', '--policy', 'ningde-2025-pharmacy').out).toBe('40000.00');
    expect(mib('refund', '84.5', '--deposit', '10000', '--policy', 'jilin-2025', '--fractional-points', 'whole').out).toBe('9000.00');
    expect(mib('refund', '--case', 'requestedTerminationWithViolations', '--deposit', '10000', '--policy', 'jilin-2025').out).toBe('5000.00');
  });
  it('composite: 吉林 第十一条', () => {
    expect(mib('composite', '90', '80', '70', '--policy', 'jilin-2025').out).toBe('85.5');
  });
  it('bad arguments name the argument', () => {
    expect(mib('grade', 'abc', '--policy', 'jilin-2025').err).toContain('得分应为数字');
    expect(mib('grade', '-5', '--policy', 'jilin-2025').err).toContain('得分不能为负数');
    expect(mib('refund', '85', '--deposit', '-1', '--policy', 'jilin-2025').err).toContain('不能为负数');
    expect(mib('refund', '85', '--deposit', '1000', '--policy', 'nope').err).toContain('未知的政策编号“nope”');
    expect(mib('refund', '85', '--deposit', '1000', '--policy', 'cq-jiangbei-2025').err).toContain('未规定质量保证金返还');
    expect(mib('refund', '85', '--deposit', '1000', '--policy', 'jilin-2025', '--ratio-rounding', 'x').code).toBe(2);
    expect(mib('grade', '85', '--policy').err).toContain('--policy 缺少取值');
    expect(mib('frobnicate').code).toBe(2);
  });
});

describe('mib rubrics / check', () => {
  it('lists rubrics and policies', () => {
    const json = JSON.parse(mib('rubrics', '--json').out);
    expect(json.rubrics.map((r: { id: string }) => r.id)).toContain('cq-jiangbei-2025-hospital');
    expect(json.policies.map((p: { id: string }) => p.id)).toEqual([
      'cq-jiangbei-2025',
      'jilin-2025',
      'ningde-2025-hospital',
      'ningde-2025-pharmacy',
    ]);
  });
});

describe('the installed bin (npx mib)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mib-cli-'));
  it('runs as a real process and exits 0', () => {
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify({ '6.1': 2 }));
    const out = execFileSync('node', ['bin/mib.js', 'score', 'cq-jiangbei-2025-hospital', '--input', input, '--json'], { encoding: 'utf8' });
    const json = JSON.parse(out);
    expect(json.items.find((i: { id: string }) => i.id === '6').score).toBe(3);
  });
  it('a reader that closes the pipe early (mib rubrics | head) ends the output quietly: no EPIPE stack trace', async () => {
    const child = spawn('node', ['bin/mib.js', 'rubrics'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closed long before the process (tsx start-up) writes its first line
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(code).toBe(0);
  });
  it('check: a hand-written policy with a gap exits non-zero with the zod path and a Chinese message', () => {
    const file = join(dir, 'local-policy.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'policy',
        id: 'local',
        title: '某地考核',
        region: '某地',
        institution: 'any',
        provenance: { issuer: '某局', documentNumber: '某〔2025〕1号', title: '某办法', date: '2025', seedFile: '-' },
        scale: { points: 100, text: '百分制' },
        grades: [
          { label: '优秀', min: 90, text: '94–90' },
          { label: '良好', min: 80, max: 89, text: '89–80' },
          { label: '不合格', max: 80, text: '80以下' },
        ],
        veto: { grade: '不合格', text: '一票否决' },
      }),
    );
    const r = spawnSync('node', ['bin/mib.js', 'check', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('grades.1.max');
    expect(r.stderr).toContain('空隙');
    expect(r.stderr).not.toContain('    at ');
  });
  it('check: a malformed rubric reports zod paths', () => {
    const file = join(dir, 'broken-rubric.json');
    writeFileSync(file, JSON.stringify({ kind: 'rubric', id: 'X Y', items: [{ no: 'a' }] }));
    const r = spawnSync('node', ['bin/mib.js', 'check', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('id');
    expect(r.stderr).toContain('id 只能含小写字母、数字和连字符');
    expect(r.stderr).toContain('items.0.no');
  });
});
