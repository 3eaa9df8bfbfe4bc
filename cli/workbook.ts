import { open, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Cell } from '../shared/grid/schema.js';

/** Why a file could not be read as a workbook; each has a one-line reason in both languages. */
export type UnreadableReason =
  | 'not-found'
  | 'not-a-file'
  | 'empty'
  | 'encrypted'
  | 'legacy-xls'
  | 'not-a-workbook'
  | 'corrupt'
  | 'no-sheets';

export class UnreadableError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly detail: string = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'UnreadableError';
  }
}

/** A formula cell whose file carries no computed (cached) value. */
export interface UncachedFormula {
  row: number;
  column: number;
  formula: string;
}

/** The cells of one worksheet as Office.js `range.values` would give them, from A1. */
export interface SheetCells {
  name: string;
  values: Cell[][];
  numberFormat: string[][];
  uncached: UncachedFormula[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: legacy `.xls`, or an `.xlsx` encrypted with a password. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEAD_BYTES = 64 * 1024;
/** Excel's serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** True when the bytes name a stream `EncryptedPackage` or `EncryptionInfo` (UTF-16LE, as CFB directories do). */
function namesEncryptionStream(bytes: Buffer): boolean {
  return (
    bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')) ||
    bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))
  );
}

/** Tells what kind of file this is from its first bytes, before handing it to the .xlsx reader. */
async function sniff(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableError(code === 'ENOENT' ? 'not-found' : 'not-a-file', code ?? String(error));
  }
  if (!info.isFile()) throw new UnreadableError('not-a-file');
  if (info.size === 0) throw new UnreadableError('empty');
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    if (startsWith(head, CFB_MAGIC)) {
      // The directory of a small compound file sits in its first sectors; read all of a larger one.
      const whole = info.size <= HEAD_BYTES ? head : Buffer.alloc(Math.min(info.size, 64 * 1024 * 1024));
      if (whole !== head) await handle.read(whole, 0, whole.length, 0);
      throw new UnreadableError(namesEncryptionStream(whole) ? 'encrypted' : 'legacy-xls');
    }
    if (!startsWith(head, ZIP_MAGIC)) throw new UnreadableError('not-a-workbook');
  } finally {
    await handle.close();
  }
}

/** The first line of an error, short enough for a one-line reason. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * Loads a workbook read-only: the file is opened for reading and never written. Throws
 * {@link UnreadableError} with a reason for anything that is not a readable `.xlsx`.
 */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  await sniff(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new UnreadableError('corrupt', firstLine(error));
  }
  if (workbook.worksheets.length === 0) throw new UnreadableError('no-sheets');
  return workbook;
}

type CellValue = ExcelJS.CellValue;

/** A date as Excel's serial number in the 1900 date system (45658 is 2025-01-01). */
export function dateSerial(date: Date): number {
  return date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A cell value as `range.values` gives it: numbers, text, booleans, dates as serials, errors as
 * their text (`#DIV/0!`), rich text and links as their text, and a formula as its cached result.
 * `undefined` for a formula that has no cached result.
 */
export function officeValue(value: CellValue | undefined): Cell | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateSerial(value);
  if (!isObject(value)) return '';
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || result === null ? undefined : officeValue(result as CellValue);
  }
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('error' in value && typeof value.error === 'string') return value.error;
  if ('text' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    return officeValue(text as CellValue);
  }
  return '';
}

function formulaText(value: CellValue): string {
  if (!isObject(value)) return '';
  const formula = (value as { formula?: unknown; sharedFormula?: unknown }).formula;
  if (typeof formula === 'string') return `=${formula}`;
  const shared = (value as { sharedFormula?: unknown }).sharedFormula;
  return typeof shared === 'string' ? `(= ${shared})` : '';
}

/**
 * Reads a worksheet's cells from A1 to the last used cell, as the pane gets them from Excel:
 * merged cells hold their value in the top-left cell only; number formats as Excel names them
 * (`General` where none is set). Formulas are read by their cached value; a formula without one
 * is read as blank and listed in `uncached`.
 */
export function sheetCells(worksheet: ExcelJS.Worksheet): SheetCells {
  const values: Cell[][] = [];
  const numberFormat: string[][] = [];
  const uncached: UncachedFormula[] = [];
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.value !== null && cell.value !== undefined) width = Math.max(width, column);
    });
  });
  const height = worksheet.actualRowCount === 0 ? 0 : worksheet.rowCount;
  for (let r = 1; r <= height; r++) {
    const row = worksheet.findRow(r);
    const rowValues: Cell[] = [];
    const rowFormats: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row?.findCell(c);
      if (!cell || (cell.isMerged && cell.master !== cell)) {
        rowValues.push('');
        rowFormats.push(cell?.numFmt || 'General');
        continue;
      }
      const value = officeValue(cell.value);
      if (value === undefined) {
        uncached.push({ row: r - 1, column: c - 1, formula: formulaText(cell.value) });
        rowValues.push('');
      } else {
        rowValues.push(value);
      }
      rowFormats.push(cell.numFmt || 'General');
    }
    values.push(rowValues);
    numberFormat.push(rowFormats);
  }
  // Trailing empty rows (formatted but blank) are not part of the used range.
  const lastUncached = uncached.reduce((last, formula) => Math.max(last, formula.row), -1);
  while (values.length > lastUncached + 1 && (values[values.length - 1] ?? []).every((cell) => cell === '')) {
    values.pop();
    numberFormat.pop();
  }
  return { name: worksheet.name, values, numberFormat, uncached };
}
