import { unzipSync } from 'fflate';
import { QcodeError } from '../core/diagnostics/qcode-error.js';
import { columnLetters, type WorkbookCell, type WorkbookSheet } from '../core/format/workbook.js';
import { CELL_MAX_CHARS, cellTooLong } from '../core/format/workbook-limits.js';
import { SharedStrings } from './shared-strings.js';
import type { ZipEntryWriter, ZipWriter } from './zip-writer.js';

// exceljs (MIT, on the npm registry) is loaded only by the commands that
// read or write a workbook (sheet, import of .xlsx, export --format xlsx).
type ExcelJs = typeof import('exceljs');
let excel: Promise<ExcelJs> | undefined;
export function loadExcel(): Promise<ExcelJs> {
  excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs);
  return excel;
}

/** Document properties carry this date: the same workbook is the same bytes on every run. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** A sheet as described before its rows: name, columns, frozen panes, validations. */
export type SheetHead = Omit<WorkbookSheet, 'rows'>;

type ExcelWorkbook = InstanceType<ExcelJs['Workbook']>;

function toExcelValue(cell: WorkbookCell): string | number | boolean | Date | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return new Date(`${cell.date}T00:00:00Z`);
}

/**
 * An exceljs workbook of the sheets with the given rows: how qcode has
 * always described a workbook to exceljs. The streamed writer asks exceljs
 * for every part but the rows and strings from such a workbook (its
 * skeleton), so the parts are exceljs's own.
 */
export function excelWorkbook(ExcelJS: ExcelJs, sheets: readonly WorkbookSheet[]): ExcelWorkbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'qcode';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of sheets) {
    const views = sheet.freeze ? [{ state: 'frozen' as const, xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : [];
    const ws = wb.addWorksheet(sheet.name, { views });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.min(40, Math.max(8, c.header.length + 2)),
      hidden: c.hidden ?? false,
      style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : { alignment: { vertical: 'top' as const } },
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map(toExcelValue));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
    }
    for (const v of sheet.validations ?? []) {
      if (v.lastRow < v.firstRow) continue;
      const range = `${columnLetters(v.firstColumn)}${v.firstRow}:${columnLetters(v.lastColumn)}${v.lastRow}`;
      // In exceljs since 4.0, missing from its type declarations.
      (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${v.list.join(',')}"`],
        showInputMessage: true,
        prompt: v.prompt,
        showErrorMessage: true,
        errorStyle: v.warnOnly ? 'warning' : 'stop',
        error: v.prompt,
      });
    }
  }
  return wb;
}

/** The parts of exceljs's style manager the writer uses (exceljs's StylesXform, through its XLSX.prepareModel). */
interface StyleManager {
  addStyleModel(style: object, cellType: number): number;
  model: { styles: unknown[] };
}
interface PreparedModel {
  worksheets: { rows: { styleId?: number; cells: { styleId?: number }[] }[] }[];
  styles: StyleManager;
}

type CellKind = 'null' | 'string' | 'number' | 'boolean' | 'date';
const KINDS: readonly CellKind[] = ['null', 'string', 'number', 'boolean', 'date'];

/**
 * XML text as exceljs writes it (utils.xmlEncode): the five entities, and
 * the control characters XML cannot hold (below U+0020 but tab, line feed
 * and carriage return; U+007F) left out.
 */
export function xmlEncode(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => ENTITIES[c] ?? '');
}
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Row bytes gathered before they go to the entry. */
const ROW_BYTES = 1 << 20;
const ascii = (s: string) => Buffer.from(s, 'latin1');
const ROW_OPEN = ascii('<row r="');
const SPANS = ascii('" spans="1:');
const STYLE = ascii(' s="');
const CUSTOM_FORMAT = ascii('" customFormat="1"');
const ROW_OPEN_END = ascii(' x14ac:dyDescent="0.25">');
const QUOTE = ascii('"');
const EMPTY_END = ascii('/>');
const SHARED_VALUE = ascii(' t="s"><v>');
const BOOLEAN_VALUE = ascii(' t="b"><v>');
const VALUE = ascii('><v>');
const VALUE_END = ascii('</v></c>');
const ROW_END = ascii('</row>');
const DIGIT_0 = 0x30;
const DIGIT_1 = 0x31;

/**
 * An .xlsx workbook written as its rows are made, byte for byte the file
 * exceljs writes for the same workbook (packed again with fixed dates, as
 * qcode always did): exceljs makes every part but the rows and the shared
 * strings from a skeleton of the workbook (the headers, and the few rows
 * that first used a cell style, so its style manager numbers the styles as
 * for the whole), and those two are written here the way exceljs writes
 * them, a row at a time, the strings through a temp file (SharedStrings). A
 * string cell over a spreadsheet's limit is refused (QC706) at the end of
 * its sheet.
 */
export class XlsxWriter {
  private sheet = -1;
  private entry: ZipEntryWriter | null = null;
  private rowNumber = 0;
  private dimension = { lastRow: 0, lastColumn: 0 };
  private seenLastRow = 0;
  private seenLastColumn = 0;
  /** Per sheet, the rows that first used a cell style: the skeleton replays them. */
  private readonly firstUses: WorkbookCell[][][];
  /** Style numbers of the current sheet's data cells by column and kind (KINDS order); -1 until first used. */
  private styleOf: number[] = [];
  private styles: StyleManager | null = null;
  private colStyles: object[] = [];
  private epilogue = '';
  private over = 0;
  private firstOver = '';
  /** Each column's `<c r="` and letters, each style's `" s="n"`, as bytes. */
  private cellOpens: Buffer[] = [];
  private styleEnds: Buffer[] = [];
  private readonly digits = new Uint8Array(16);
  /** Rows made into bytes and not yet handed to the entry: the buffer being filled, and full ones. */
  private out = Buffer.allocUnsafe(ROW_BYTES);
  private at = 0;
  private full: Buffer[] = [];

  private constructor(
    private readonly ExcelJS: ExcelJs,
    private readonly sheets: readonly SheetHead[],
    private readonly zip: ZipWriter,
    private readonly strings: SharedStrings,
  ) {
    this.firstUses = sheets.map(() => []);
  }

  /** A writer of these sheets into `zip`; its shared strings go through `stringsFile` (removed by finish or discard). */
  static async open(sheets: readonly SheetHead[], zip: ZipWriter, stringsFile: string): Promise<XlsxWriter> {
    return new XlsxWriter(await loadExcel(), sheets, zip, new SharedStrings(stringsFile));
  }

  /**
   * Starts sheet k (in order): `dimension` is its last row holding a value
   * (the header is row 1) and its last column, which exceljs writes before
   * the rows (checked at endSheet).
   */
  async beginSheet(k: number, dimension: { lastRow: number; lastColumn: number }): Promise<void> {
    if (k !== this.sheet + 1 || this.entry) throw new Error('XlsxWriter.beginSheet: sheets are written in order, one at a time');
    this.sheet = k;
    const { entries, model, workbook } = await this.skeleton(k);
    // Every entry before the first sheet is the skeleton's (content types, relationships): they name the sheets, not their rows.
    const sheetName = `xl/worksheets/sheet${k + 1}.xml`;
    if (k === 0) for (const [name, data] of entries) {
      if (name === sheetName) break;
      await this.zip.add(name, data);
    }
    const xml = new TextDecoder().decode(entries.find(([name]) => name === sheetName)![1]);
    const open = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    const close = xml.lastIndexOf('</sheetData>');
    const ref = `A1:${columnLetters(dimension.lastColumn)}${dimension.lastRow}`;
    const prologue = xml.slice(0, open).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`);
    this.epilogue = xml.slice(close);
    this.dimension = dimension;
    this.seenLastRow = 0;
    this.seenLastColumn = 0;
    this.over = 0;
    this.styles = model.styles;
    this.styleOf = [];
    const ws = workbook.worksheets[k]!;
    this.colStyles = this.sheets[k]!.columns.map((_, c) => ws.getColumn(c + 1).style as object);
    this.entry = this.zip.entry(sheetName);
    await this.entry.write(prologue);
    const header = model.worksheets[k]!.rows[0]!;
    this.rowNumber = 0;
    await this.writeRow(
      this.sheets[k]!.columns.map((c) => c.header),
      header.styleId ?? 0,
      header.cells.map((c) => c.styleId ?? 0),
    );
  }

  /** The next row of the current sheet. */
  async row(cells: readonly WorkbookCell[]): Promise<void> {
    const before = this.styles!.model.styles.length;
    const ids: number[] = [];
    for (let c = 0; c < cells.length; c++) ids.push(this.cellStyle(c, cells[c]!));
    if (this.styles!.model.styles.length > before) this.firstUses[this.sheet]!.push([...cells]);
    await this.writeRow(cells, 0, ids);
  }

  /** Ends the current sheet; QC706 if a string cell was over a spreadsheet's limit. */
  async endSheet(): Promise<void> {
    const entry = this.entry!;
    await this.flushRows();
    await entry.write(this.epilogue);
    await entry.end();
    this.entry = null;
    if (this.over > 0) throw new QcodeError([cellTooLong(this.sheets[this.sheet]!.name, this.firstOver, this.over)]);
    if (this.seenLastRow !== this.dimension.lastRow || this.seenLastColumn !== this.dimension.lastColumn) {
      throw new Error(`XlsxWriter: sheet ${this.sheets[this.sheet]!.name} ends at row ${this.seenLastRow}, column ${this.seenLastColumn}, not as declared`);
    }
  }

  /** The shared strings and every part after the sheets, then the zip's directory; the strings file is removed. */
  async finish(): Promise<void> {
    if (this.sheet !== this.sheets.length - 1 || this.entry) throw new Error('XlsxWriter.finish: every sheet is written first');
    const { entries } = await this.skeleton(this.sheets.length);
    const last = `xl/worksheets/sheet${this.sheets.length}.xml`;
    let after = false;
    for (const [name, data] of entries) {
      if (after && name === 'xl/sharedStrings.xml') await this.writeStrings();
      else if (after) await this.zip.add(name, data);
      if (name === last) after = true;
    }
    this.strings.close();
    await this.zip.finish();
  }

  /** Abandons the workbook: the strings file is removed. */
  discard(): void {
    this.strings.close();
  }

  private async writeStrings(): Promise<void> {
    const entry = this.zip.entry('xl/sharedStrings.xml');
    await entry.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.strings.count}" uniqueCount="${this.strings.uniqueCount}">`);
    let piece = '';
    for (const s of this.strings.strings()) {
      // As exceljs's TextXform: space kept where leading, trailing or around a line break.
      piece += /^\s|\n|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlEncode(s)}</t></si>` : `<si><t>${xmlEncode(s)}</t></si>`;
      if (piece.length > 1 << 16) {
        await entry.write(piece);
        piece = '';
      }
    }
    await entry.write(`${piece}</sst>`);
    await entry.end();
  }

  /**
   * The skeleton of the workbook before sheet k's rows: every sheet's
   * header, the first-use rows of the sheets before k. Its zip entries, and
   * its model prepared (styles numbered) as far as sheet k.
   */
  private async skeleton(k: number): Promise<{ entries: [string, Uint8Array][]; model: PreparedModel; workbook: ExcelWorkbook }> {
    const sheets = this.sheets.map((s, i) => ({ ...s, rows: i < k ? this.firstUses[i]! : [] }));
    const workbook = excelWorkbook(this.ExcelJS, sheets);
    const entries = Object.entries(unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer())));
    const model = (workbook as unknown as { model: PreparedModel & { worksheets: unknown[] } }).model;
    model.worksheets = model.worksheets.slice(0, k + 1);
    (workbook.xlsx as unknown as { prepareModel(model: object, options: object): void }).prepareModel(model, {});
    return { entries, model, workbook };
  }

  /** The style number of a data cell of column c, as exceljs numbers it: the column's style, a date's number format added. */
  private cellStyle(c: number, cell: WorkbookCell): number {
    const k = cell === null ? 0 : typeof cell === 'string' ? 1 : typeof cell === 'number' ? 2 : typeof cell === 'boolean' ? 3 : 4;
    const known = this.styleOf[c * KINDS.length + k];
    if (known !== undefined) return known;
    const kind = KINDS[k]!;
    const col = (this.colStyles[c] ?? {}) as Record<string, unknown>;
    const style: Record<string, unknown> = {};
    for (const key of ['numFmt', 'font', 'alignment', 'border', 'fill', 'protection']) if (col[key]) style[key] = col[key];
    if (kind === 'date') style.numFmt = 'yyyy-mm-dd';
    const V = this.ExcelJS.ValueType;
    const type = { null: V.Null, string: V.String, number: V.Number, boolean: V.Boolean, date: V.Date }[kind];
    const id = this.styles!.addStyleModel(style, type);
    this.styleOf[c * KINDS.length + k] = id;
    return id;
  }

  /**
   * A row's XML, as exceljs writes it, made straight into bytes: it is ASCII
   * throughout (a string cell holds its shared string's number), and the
   * strings built per cell and row, encoded again as UTF-8, were most of a
   * large workbook's garbage.
   */
  private async writeRow(cells: readonly WorkbookCell[], rowStyle: number, styleIds: readonly number[]): Promise<void> {
    const r = ++this.rowNumber;
    if (cells.length === 0) return;
    this.room(128);
    this.bytes(ROW_OPEN);
    this.int(r);
    this.bytes(SPANS);
    this.int(cells.length);
    this.bytes(QUOTE);
    if (rowStyle) {
      this.bytes(STYLE);
      this.int(rowStyle);
      this.bytes(CUSTOM_FORMAT);
    }
    this.bytes(ROW_OPEN_END);
    // The row number's digits, made once for all its cells' references.
    const digits = this.digits;
    let length = 0;
    for (let v = r; v > 0; v = (v / 10) | 0) length++;
    for (let v = r, i = length; v > 0; v = (v / 10) | 0) digits[--i] = DIGIT_0 + (v % 10);
    let last = 0;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      const s = styleIds[c] ?? 0;
      if (cell === null && !s) continue;
      this.room(96);
      this.bytes(this.cellOpen(c));
      const out = this.out;
      for (let i = 0; i < length; i++) out[this.at++] = digits[i]!;
      this.bytes(s ? this.styleEnd(s) : QUOTE);
      if (cell === null) {
        this.bytes(EMPTY_END);
        continue;
      }
      last = c + 1;
      if (typeof cell === 'string') {
        if (cell.length > CELL_MAX_CHARS && this.over++ === 0) this.firstOver = `cell ${columnLetters(c + 1)}${r} (${this.sheets[this.sheet]!.columns[c]?.header ?? ''}) holds ${cell.length.toLocaleString('en-US')} characters`;
        this.bytes(SHARED_VALUE);
        this.int(this.strings.add(cell));
      } else if (typeof cell === 'boolean') {
        this.bytes(BOOLEAN_VALUE);
        this.out[this.at++] = cell ? DIGIT_1 : DIGIT_0;
      } else {
        this.bytes(VALUE);
        const n = typeof cell === 'number' ? cell : 25569 + new Date(`${cell.date}T00:00:00Z`).getTime() / 86_400_000;
        // -0 too: String writes it 0.
        if ((n | 0) === n && n >= 0) this.int(n);
        else this.text(String(n));
      }
      this.bytes(VALUE_END);
    }
    this.room(8);
    this.bytes(ROW_END);
    if (last > 0) {
      this.seenLastRow = r;
      this.seenLastColumn = Math.max(this.seenLastColumn, last);
    }
    if (this.full.length > 0) await this.flushFull();
  }

  /** At least n bytes free in the row buffer (a full one is set aside for the entry). */
  private room(n: number): void {
    if (this.at + n <= this.out.length) return;
    this.full.push(this.out.subarray(0, this.at));
    this.out = Buffer.allocUnsafe(ROW_BYTES);
    this.at = 0;
  }

  private bytes(b: Uint8Array): void {
    const out = this.out;
    let at = this.at;
    for (let i = 0; i < b.length; i++) out[at++] = b[i]!;
    this.at = at;
  }

  /** A non-negative integer below 2^31 in decimal, as String writes it. */
  private int(n: number): void {
    const out = this.out;
    if (n < 10) {
      out[this.at++] = DIGIT_0 + n;
      return;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    let at = this.at + digits;
    this.at = at;
    for (let v = n; v > 0; v = (v / 10) | 0) out[--at] = DIGIT_0 + (v % 10);
  }

  /** A number as String writes it (ASCII, under 32 characters). */
  private text(s: string): void {
    this.room(s.length);
    this.at += this.out.write(s, this.at, 'latin1');
  }

  /** The full row buffers go to the entry (which keeps them: each is fresh). */
  private async flushFull(): Promise<void> {
    const full = this.full;
    this.full = [];
    for (const b of full) await this.entry!.writeBytes(b);
  }

  /** Every row made goes to the entry. */
  private async flushRows(): Promise<void> {
    if (this.at > 0) this.room(this.out.length);
    await this.flushFull();
  }

  /** `<c r="` and column c's letters. */
  private cellOpen(c: number): Buffer {
    return (this.cellOpens[c] ??= ascii(`<c r="${columnLetters(c + 1)}`));
  }

  /** The end of a cell reference and style s: `" s="s"`. */
  private styleEnd(s: number): Buffer {
    return (this.styleEnds[s] ??= ascii(`" s="${s}"`));
  }
}
