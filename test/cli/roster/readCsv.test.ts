import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MibError } from '../../../src/core';
import { readCsv, readCsvRows } from '../../../src/cli/roster/readCsv';
import { ROSTER_MAX_ROWS } from '../../../src/cli/roster/limits';

// a roster as a clerk types it: Chinese names, a code with leading zeros, a percent, 是/否
const ROSTER = [
  '机构编码,机构名称,公立/民营,质量保证金,4.1,20.1',
  '0012,江北区人民医院,公立,50000,是,95%',
  '0013,"观音桥街道社区卫生服务中心，分院",民营,12345.67,否,0.9',
].join('\r\n');

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

function refusal(read: () => unknown): MibError {
  try {
    read();
  } catch (error) {
    if (error instanceof MibError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('readCsv: a roster as Chinese Excel saves it', () => {
  const expected = {
    header: ['机构编码', '机构名称', '公立/民营', '质量保证金', '4.1', '20.1'],
    rows: [
      ['0012', '江北区人民医院', '公立', '50000', '是', '95%'],
      ['0013', '观音桥街道社区卫生服务中心，分院', '民营', '12345.67', '否', '0.9'],
    ],
  };

  it.each([
    ['UTF-8', utf8(ROSTER), 'UTF-8'],
    ['CSV UTF-8 (with BOM)', withBom(ROSTER), 'UTF-8（带 BOM）'],
    ['GBK (Excel 的“CSV（逗号分隔）”)', gbk(ROSTER), 'GBK'],
    [
      'UTF-16 (“Unicode 文本”, tabs)',
      new Uint8Array([
        0xff,
        0xfe,
        ...iconv.encode(ROSTER.replace(/,/g, '\t').replace('"观音桥街道社区卫生服务中心，分院"', '观音桥街道社区卫生服务中心，分院'), 'utf-16le'),
      ]),
      'UTF-16',
    ],
  ])('%s: the same header and rows, text exact, the encoding named', (_name, bytes, encoding) => {
    const table = readCsv(bytes, '名单.csv');
    expect(table.header).toEqual(expected.header);
    expect(table.rows).toEqual(expected.rows);
    expect(table.encoding).toBe(encoding);
    expect(table.source).toBe(`名单.csv（CSV，${encoding} 编码）`);
  });

  it('blank lines before the header and between rows (spaces, delimiters, a full-width space) are skipped, tabs found below them', () => {
    const tabs = readCsv(utf8('\r\n\t \t\r\n机构编码\t机构名称\r\n \t\u3000\r\n0012\t江北区人民医院\r\n'), 't.csv');
    expect(tabs.header).toEqual(['机构编码', '机构名称']);
    expect(tabs.rows).toEqual([['0012', '江北区人民医院']]);
    expect(tabs.cellName(0, 1)).toBe('第5行第2列（B5）');
    const commas = readCsv(utf8(', ,\n机构编码,机构名称\n ,\u3000, \n0012,江北区人民医院\n'), 'c.csv');
    expect(commas.header).toEqual(['机构编码', '机构名称']);
    expect(commas.rows).toEqual([['0012', '江北区人民医院']]);
  });

  it('GBK bytes are not valid UTF-8, so they are not misread as mojibake', () => {
    const table = readCsv(gbk('机构编码,机构名称\n1,江北区人民医院\n'), 'g.csv');
    expect(table.rows[0]![1]).toBe('江北区人民医院');
  });

  it('quoted fields: commas, doubled quotes and a newline inside a cell; CRLF and LF alike', () => {
    const text = '机构编码,机构名称,备注\r\n001,"某医院,东院","他说""好"""\r\n002,"两行\n名称",x\n';
    const table = readCsv(utf8(text), 'q.csv');
    expect(table.rows).toEqual([
      ['001', '某医院,东院', '他说"好"'],
      ['002', '两行\n名称', 'x'],
    ]);
  });

  it('cellName gives the row and column a clerk finds in Excel, counting blank rows and cells spanning lines', () => {
    const text = '机构编码,机构名称,4.1\n\n001,"两行\n名称",是\n,,\n002,某院,否\n';
    const table = readCsv(utf8(text), 'c.csv');
    expect(table.rows).toEqual([
      ['001', '两行\n名称', '是'],
      ['002', '某院', '否'],
    ]);
    // Excel shows: row 1 header, row 2 blank, row 3 the first institution, row 4 blank, row 5 the second
    expect(table.cellName(0, 2)).toBe('第3行第3列（C3）');
    expect(table.cellName(1, 1)).toBe('第5行第2列（B5）');
    expect(table.cellName(1, 27)).toBe('第5行第28列（AB5）');
  });

  it('blank fields are null and a row is as long as its last value (",,," at the end dropped)', () => {
    const table = readCsv(utf8('机构编码,机构名称,4.1,4.2,,\n001,,  ,1,,\n'), 'b.csv');
    expect(table.header).toEqual(['机构编码', '机构名称', '4.1', '4.2']);
    expect(table.rows).toEqual([['001', null, null, '1']]);
  });
});

describe('readCsv: files that are not a roster get one clear message', () => {
  it.each([
    ['an empty file', new Uint8Array(0), '是空文件'],
    ['only blank lines', utf8('\r\n\r\n'), '是空文件'],
    ['a header and no rows', withBom('机构编码,机构名称,4.1\r\n'), '只有表头，没有机构行（表头：机构编码，机构名称，4.1）'],
    ['a binary file', new Uint8Array([1, 2, 0, 0, 255, 7, 0, 3]), '不是文本文件'],
    ['an .xlsx saved as .csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), '是 Excel 工作簿（.xlsx），不是 CSV'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '是旧版 Excel 文件（.xls）'],
    ['a quote left open', utf8('机构编码,机构名称\n001,"某医院\n002,x\n'), '有一个引号没有配对'],
  ])('%s', (_name, bytes, words) => {
    const error = refusal(() => readCsv(bytes, 'x.csv'));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('“x.csv”');
    expect(error.message).toContain(words);
  });

  it(`more than ${ROSTER_MAX_ROWS} rows is refused, naming the limit; exactly the limit is read`, () => {
    const rows = (n: number) => `机构编码,4.1\n${'1,是\n'.repeat(n)}`;
    expect(readCsv(utf8(rows(ROSTER_MAX_ROWS)), 'ok.csv').rows).toHaveLength(ROSTER_MAX_ROWS);
    const error = refusal(() => readCsv(utf8(rows(ROSTER_MAX_ROWS + 1)), 'big.csv'));
    expect(error.message).toContain('超过 100,000 行');
  });

  it('a file past the byte limit is refused before it is decoded', () => {
    const huge = new Uint8Array(64 * 1024 * 1024 + 1).fill(0x31);
    expect(refusal(() => readCsv(huge, 'huge.csv')).message).toContain('超过名单文件的上限 64.0 MB');
  });
});

describe('a CSV roster read a row at a time (mib roster)', () => {
  // 2,500 rows: three blocks of kept lines, names in Chinese (a two-byte text), one a quoted field with a comma
  const names = Array.from({ length: 2500 }, (_, i) => (i === 1500 ? '"威海市立医院，东院区（分院名称较长的一家）"' : `威海市第${i}医院`));
  const text = `机构编码,机构名称,4.1\r\n${names.map((name, i) => `${String(i).padStart(5, '0')},${name},${i % 2 ? '是' : '否'}`).join('\r\n')}\r\n`;

  it('gives each row as readCsv does, as often as asked, across the blocks its lines are kept in', () => {
    const whole = readCsv(utf8(text), 'r.csv').rows;
    const rows = readCsvRows(utf8(text), 'r.csv');
    expect(rows.count).toBe(2500);
    for (const i of [0, 1023, 1024, 1500, 2047, 2048, 2499]) {
      expect(rows.row(i)).toEqual(whole[i]);
      expect(rows.row(i)).toEqual(whole[i]);
    }
    expect(rows.row(1500)[1]).toBe('威海市立医院，东院区（分院名称较长的一家）');
  });

  it('a row let go is no longer given; the rows around it are', () => {
    const rows = readCsvRows(utf8(text), 'r.csv');
    for (let i = 0; i < 1024; i++) rows.release(i);
    expect(() => rows.row(5)).toThrow('row 5 of r.csv was let go');
    rows.release(1030);
    expect(() => rows.row(1030)).toThrow('was let go');
    expect(rows.row(1029)).toEqual(['01029', '威海市第1029医院', '是']);
  });
});

describe('a CSV roster row read at a few of its cells (the first pass of mib roster)', () => {
  const header = 'a,b,c,d,e,f';
  const columnSets = [[0], [1, 3], [0, 2, 5], [4, 5], [5], [0, 1, 2, 3, 4, 5], []];
  const lines = ['1,2,3,4,5,6', '1,,3, ,5,', ' x ,y,,,,', ',,,,,z', '1,2', ',  ,3,,,', 'a\tb,c', '"q,1",2,,4', '1,"2",3,,,'];
  it('gives at each column what the whole row gives there, blanks as null and none past the last filled cell', () => {
    const rows = readCsvRows(utf8([header, ...lines].join('\n')), 'r.csv');
    lines.forEach((_, index) => {
      const whole = rows.row(index);
      for (const columns of columnSets) {
        const picked = rows.cells!(index, columns);
        for (const column of columns) expect([index, column, picked[column]]).toEqual([index, column, whole[column]]);
        // in or out of the array as the whole row has it (null and undefined told apart)
        for (const column of columns) expect(column in picked && picked[column] !== undefined).toBe(whole[column] !== undefined);
      }
    });
  });

  it('reads a tab-separated file the same way', () => {
    const rows = readCsvRows(utf8(['a\tb\tc', 'x\t\ty', 'x\t \t'].join('\n')), 'r.txt');
    expect(rows.cells!(0, [0, 1, 2])).toEqual(['x', null, 'y']);
    expect(rows.cells!(1, [0, 1, 2])[1]).toBeUndefined();
    expect(rows.row(1)[1]).toBeUndefined();
  });
});

describe('readCsvRows: a UTF-8 file without quotes, read from its bytes, reads as the same text in GBK (read as text)', () => {
  /** all a reader says of a file: its header, each row and the name of its cells, or its refusal */
  const everything = (bytes: Uint8Array) => {
    try {
      const rows = readCsvRows(bytes, 'r.csv');
      return {
        header: rows.header,
        rows: Array.from({ length: rows.count }, (_, i) => [rows.row(i), rows.cells!(i, [0, 2]), rows.cellName(i, 1)]),
        headerName: rows.cellName(-1, 0),
      };
    } catch (error) {
      return (error as Error).message;
    }
  };
  // blank lines (spaces, a full-width space, delimiters) before the header, lines ended by CR LF, LF or a
  // lone CR, tabs or commas, a line of spaces, a break at the end or none; 中 (GBK D6 D0, never UTF-8)
  // makes the GBK file one that is read as GBK text
  const piece = fc.constantFrom('a', '1', '0.5', ',', '\t', ' ', '\u3000', '医', '\r', '\n', '\r\n', '', ',,');
  const text = fc
    .tuple(fc.array(fc.constantFrom(' ', '\u3000', ',', '\r\n', '\n', '\r', '\t'), { maxLength: 4 }), fc.array(piece, { maxLength: 60 }))
    .map(([before, after]) => `${before.join('')}中${after.join('')}`);

  it('the same header, rows, cells and their names, or the same refusal', () => {
    fc.assert(
      fc.property(text, (csv) => {
        expect(everything(utf8(csv))).toEqual(everything(gbk(csv)));
        expect(everything(withBom(csv))).toEqual(everything(gbk(csv)));
      }),
      { numRuns: 3_000 },
    );
  });
});
