// The MIB_FILES contract as data: a file's text cut into pieces Excel can hold, and joined back whole.
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core';
import { CHUNK_MAX as STORED_PIECE, planStoredFiles, readStoredFiles } from '../../src/sheet/storedFiles/contract';

describe('planStoredFiles', () => {
  it('one row per file: kind, id, fingerprint, then the text in pieces of at most 32,000 characters', () => {
    const long = `{"notes":["${'考'.repeat(70_000)}"]}`;
    const rows = planStoredFiles([
      { kind: 'rubric', id: 'moudi-2026-hospital', text: long },
      { kind: 'policy', id: 'moudi-2026', text: '{"kind":"policy"}' },
    ]);
    expect(rows[0]).toEqual(['类型', '编号', '指纹', '内容（分段）']);
    expect(rows[1]!.slice(0, 3)).toEqual(['rubric', 'moudi-2026-hospital', fingerprint(long)]);
    expect(rows[1]!.slice(3).map((p) => p.length)).toEqual([32_000, 32_000, long.length - 64_000]);
    expect(rows[1]!.slice(3).join('')).toBe(long);
    expect(rows[2]).toEqual(['policy', 'moudi-2026', fingerprint('{"kind":"policy"}'), '{"kind":"policy"}']);
  });

  it('never cuts a character outside the basic plane in two', () => {
    const text = `${'a'.repeat(STORED_PIECE - 1)}𠀀b`; // 𠀀 is two UTF-16 units, starting at the last place of a piece
    const pieces = planStoredFiles([{ kind: 'rubric', id: 'x', text }])[1]!.slice(3);
    expect(pieces.map((p) => p.length)).toEqual([STORED_PIECE - 1, 3]);
    expect(pieces[1]).toBe('𠀀b');
  });

  it('reads its own rows back, and reports a file whose text no longer matches its fingerprint', () => {
    const rows = planStoredFiles([
      { kind: 'rubric', id: 'a', text: '{"a":1}' },
      { kind: 'policy', id: 'b', text: '{"b":2}' },
    ]);
    const a = { kind: 'rubric', id: 'a', version: fingerprint('{"a":1}'), text: '{"a":1}' };
    expect(readStoredFiles(rows)).toEqual({ files: [a, { kind: 'policy', id: 'b', version: fingerprint('{"b":2}'), text: '{"b":2}' }], damaged: [] });
    rows[2]![3] = '{"b":3}';
    expect(readStoredFiles(rows)).toEqual({ files: [a], damaged: ['b'] });
  });
});
