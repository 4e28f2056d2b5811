import ExcelJS from 'exceljs';
import { anyOverlap, parseRange, type Rect } from '../../src/sheet/memory/a1';

/** ExcelJS's worksheet, as far as opening its merged cells goes (exceljs 4.4, lib/doc/worksheet.js). */
interface MergingSheet {
  _merges: Record<string, unknown>;
  _parseMergeCells(model: { mergeCells?: unknown[] }): void;
  mergeCellsWithoutStyle(range: unknown): void;
}

/**
 * ExcelJS opens a sheet's merged cells one at a time, checking each against every merge before it by
 * listing the worksheet's merges anew (`_.each(this._merges, …)` in _mergeCellsInternal): quadratic, with
 * a fresh array per merge. A filled 威海 二级 sheet has hundreds of merges, and this check was about 60% of
 * the CPU of `mib collect` (a profile of 100 files: 5 s of 8 s, much of it garbage collection). Here the
 * same check is made once for all the merges (anyOverlap), and ExcelJS then merges the cells as before
 * with its own list of merges set aside for the call, so the sheet ends as ExcelJS leaves it; two merges
 * that overlap still fail as ExcelJS fails ("Cannot merge already merged cells"). A range this
 * cannot read, or an ExcelJS without these methods, is left to ExcelJS as it is.
 */
export function speedUpMergeOpening(): void {
  if (done) return;
  done = true;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('x')) as Partial<MergingSheet>;
  const original = proto._parseMergeCells;
  if (typeof original !== 'function' || typeof proto.mergeCellsWithoutStyle !== 'function') return;
  proto._parseMergeCells = function (this: MergingSheet, model) {
    const ranges = model.mergeCells ?? [];
    // those it can read, up to the first it cannot (left to ExcelJS with all after it)
    const rects: Rect[] = [];
    for (const range of ranges) {
      try {
        rects.push(parseRange(String(range)));
      } catch {
        break;
      }
    }
    if (anyOverlap(rects)) throw new Error('Cannot merge already merged cells');
    for (const range of ranges.slice(0, rects.length)) {
      const merges = this._merges;
      this._merges = {};
      try {
        this.mergeCellsWithoutStyle(range);
      } finally {
        this._merges = Object.assign(merges, this._merges);
      }
    }
    if (rects.length < ranges.length) original.call(this, { ...model, mergeCells: ranges.slice(rects.length) });
  };
}

let done = false;
