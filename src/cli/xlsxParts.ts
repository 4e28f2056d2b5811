import { absoluteArea, cellAddress, parseCell, parseRange } from '../sheet/memory/a1';
import { quotedSheet, validSheetName } from '../sheet/sheetName';
import type { ChartPlan, GridPlan, PlanCell } from '../sheet/types';
import { xmlEncode } from './xmlEncode';

// What ExcelJS's streamed writer does not write, added to its .xlsx as it writes: each sheet's print titles
// (the _xlnm.Print_Titles name, local to the sheet; ExcelJS would write it from pageSetup.printTitlesRow, but
// leaves an apostrophe in a sheet's name unescaped) and
// the charts, as DrawingML parts built from the same ChartPlan the Office.js writer draws (src/excel/charts.ts):
// xl/charts/chartN.xml, xl/drawings/drawingN.xml with its rels, the sheet's <drawing> and rels, content types.
// ECMA-376 Part 1 §21.2 (charts), §20.5 (spreadsheet drawing), §18.2.5 (definedName).

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const CONTENT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** ExcelJS 4.4's streamed workbook and worksheet, as far as adding parts goes (lib/stream/xlsx/workbook-writer.js,
 * worksheet-writer.js, sheet-rels-writer.js). */
interface WorkbookInternals {
  zip: { append(source: unknown, data: { name: string }): unknown };
}
interface SheetInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  stream: { write(xml: string): unknown };
}

const hasInternals = (workbook: object): workbook is WorkbookInternals => typeof (workbook as Partial<WorkbookInternals>).zip?.append === 'function';
const isSheetWithInternals = (sheet: object): sheet is SheetInternals => {
  const s = sheet as Partial<SheetInternals>;
  return (
    typeof s._sheetRelsWriter?.addRelationship === 'function' && typeof s._writeLegacyData === 'function' && typeof s.stream?.write === 'function'
  );
};
const internalsChanged = () => new Error('ExcelJS 的流式写入与 4.4 版不同：无法加入打印标题和图表');

/** The parts added to one workbook as ExcelJS writes it: see addXlsxParts. */
export interface XlsxParts {
  /** the sheet of `plans[index]`, before ExcelJS commits it: its charts' drawing related and placed */
  beforeCommit(sheet: object, index: number): void;
}

/**
 * Adds what ExcelJS's streamed writer leaves out to `workbook` as it writes: the charts' and drawings' parts
 * are put in its zip, the sheets' drawings related and placed as each sheet is committed, and the print
 * titles and the parts' content types written into xl/workbook.xml and [Content_Types].xml as ExcelJS puts
 * them in the zip. (Reopening the written .xlsx for this, as before, cost a tenth of a second and a second
 * copy of the workbook at 10,000 rows.)
 */
export function addXlsxParts(workbook: object, plans: readonly GridPlan[]): XlsxParts {
  const titles = plans.map((plan, index) => {
    const ref = printTitlesRef(plan);
    return ref && `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlEncode(ref)}</definedName>`;
  });
  const names = titles.filter(Boolean).join('');
  const overrides: string[] = [];
  const added: { name: string; xml: string }[] = [];
  const drawings = new Map<number, string>();
  let chartNumber = 0;
  for (const [index, plan] of plans.entries()) {
    const charts = plan.charts ?? [];
    if (charts.length === 0) continue;
    const sheetName = validSheetName(plan.name);
    const drawing = drawings.size + 1;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    charts.forEach((chart, i) => {
      const number = ++chartNumber;
      added.push({ name: `xl/charts/chart${number}.xml`, xml: chartXml(chart, sheetName, plan) });
      overrides.push(`<Override PartName="/xl/charts/chart${number}.xml" ContentType="${CONTENT.chart}"/>`);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${REL.chart}" Target="../charts/chart${number}.xml"/>`);
      anchors.push(anchorXml(chart, i + 1, `rId${i + 1}`));
    });
    added.push({
      name: `xl/drawings/drawing${drawing}.xml`,
      xml: `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`,
    });
    added.push({ name: `xl/drawings/_rels/drawing${drawing}.xml.rels`, xml: relsXml(drawingRels) });
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="${CONTENT.drawing}"/>`);
    drawings.set(index, `../drawings/drawing${drawing}.xml`);
  }
  if (!names && added.length === 0) return { beforeCommit: () => {} };
  if (!hasInternals(workbook)) throw internalsChanged();

  // ExcelJS puts xl/workbook.xml and [Content_Types].xml in the zip whole, as text, when it commits
  const amend: Record<string, (xml: string) => string> = {
    'xl/workbook.xml': (xml) => withDefinedNames(xml, names),
    '[Content_Types].xml': (xml) => xml.replace('</Types>', `${overrides.join('')}</Types>`),
  };
  const zip = workbook.zip;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    const change = amend[data.name.replace(/^\//, '')];
    return append(change && typeof source === 'string' ? change(source) : source, data);
  };
  for (const part of added) append(part.xml, { name: part.name });

  return {
    beforeCommit(sheet, index) {
      const target = drawings.get(index);
      if (target === undefined) return;
      if (!isSheetWithInternals(sheet)) throw internalsChanged();
      const relId = sheet._sheetRelsWriter.addRelationship({ Type: REL.drawing, Target: target });
      // <drawing> follows the page setup and the breaks and comes before <legacyDrawing> (the order of
      // CT_Worksheet in ECMA-376 Part 1's schema), which ExcelJS writes last before </worksheet>
      const legacy = sheet._writeLegacyData.bind(sheet);
      sheet._writeLegacyData = () => {
        sheet.stream.write(`<drawing r:id="${relId}"/>`);
        legacy();
      };
    },
  };
}

/** xl/workbook.xml with `names` (<definedName> elements) first in its <definedNames>, which follows <sheets>
 * where the workbook had none. */
export function withDefinedNames(workbookXml: string, names: string): string {
  if (!names) return workbookXml;
  return workbookXml.includes('<definedNames>')
    ? workbookXml.replace('<definedNames>', `<definedNames>${names}`)
    : workbookXml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
}

/** `'汇总名单'!$A:$B,'汇总名单'!$1:$1`: the columns first, as Excel writes them. */
export function printTitlesRef(plan: GridPlan): string | undefined {
  const setup = plan.pageSetup;
  const sheet = quotedSheet(validSheetName(plan.name));
  const parts = [setup?.titleColumns, setup?.titleRows].filter((part): part is string => !!part).map((part) => `${sheet}!${part}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}

const relsXml = (relations: string[]) => `${XML_HEAD}<Relationships xmlns="${NS.rels}">${relations.join('')}</Relationships>`;

/** The chart placed over the cells the plan gives (from its top-left corner to the top-left of `to`). */
function anchorXml(chart: ChartPlan, id: number, relId: string): string {
  const marker = (tag: string, address: string) => {
    const { row, col } = parseCell(address);
    return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  };
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', chart.from)}${marker('to', chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${xmlEncode(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const richText = (text: string) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlEncode(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;

const cellValue = (cell: PlanCell | null | undefined) => (cell && 'value' in cell && cell.value !== null ? String(cell.value) : '');

/**
 * A clustered column chart as the Office.js writer makes it (charts.add('ColumnClustered', data, 'Columns')):
 * the data's first row is the header, its first column the categories, its second column the one series;
 * titled, both axes titled, no legend. The categories carry their labels as a cache (they are plain values
 * in the plan); the counts are formulas, computed by the spreadsheet on opening.
 */
export function chartXml(chart: ChartPlan, sheetName: string, plan: GridPlan): string {
  const rect = parseRange(chart.data);
  const sheet = quotedSheet(sheetName);
  const first = rect.top + 1;
  const ref = (col: number, from: number, to: number) => `${sheet}!${absoluteArea(`${cellAddress(from, col)}:${cellAddress(to, col)}`)}`;
  const labels = Array.from({ length: rect.bottom - first + 1 }, (_, i) => cellValue(plan.grid[first + i]?.[rect.left]));
  const strCache = `<c:strCache><c:ptCount val="${labels.length}"/>${labels.map((label, i) => `<c:pt idx="${i}"><c:v>${xmlEncode(label)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const seriesName = cellValue(plan.grid[rect.top]?.[rect.left + 1]);
  const axisTitle = (text: string) => `<c:title>${richText(text)}</c:title>`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(chart.title)}</c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:strRef><c:f>${xmlEncode(`${sheet}!${absoluteArea(cellAddress(rect.top, rect.left + 1))}`)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlEncode(seriesName)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${xmlEncode(ref(rect.left, first, rect.bottom))}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEncode(ref(rect.left + 1, first, rect.bottom))}</c:f></c:numRef></c:val>` +
    `</c:ser><c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `${axisTitle(chart.categoryAxisTitle)}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `${axisTitle(chart.valueAxisTitle)}<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
