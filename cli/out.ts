import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { freeSheetName } from '../addin/src/excel/owned.js';
import { encodeCell, type OutCell, type SheetPlan } from '../addin/src/excel/write.js';
import { translate } from '../addin/src/i18n.js';
import { columnLetters } from '../shared/grid/address.js';
import type { Lang } from '../shared/locale.js';
import type { TableResult } from './check.js';
import { TABLE_KINDS } from './kinds.js';

const HEADER_FILL = 'FFE8EEF7';
const MIN_WIDTH = 8;
const MAX_WIDTH = 80;

/** The text a `=HYPERLINK("#…","J9")` formula shows, stored as its cached value. */
function linkLabel(formula: string): string {
  const match = /,"((?:[^"]|"")*)"\)$/.exec(formula);
  return match ? (match[1] ?? '').replace(/""/g, '"') : '';
}

function shownLength(cell: OutCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'string') return Math.max(...cell.split('\n').map((line) => line.length));
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell).length;
  if ('formula' in cell) return linkLabel(cell.formula).length;
  return cell.number.toFixed(2).length + 2;
}

/**
 * Writes the add-in's sheet plan into an exceljs worksheet, as the pane writes it into Excel:
 * text kept as text (format `@`, never a formula, whatever it starts with), numbers with their
 * formats, the add-in's own link formulas, bold titles and filled header rows. Charts are not
 * written (exceljs cannot make them).
 */
export function renderPlan(sheet: ExcelJS.Worksheet, plan: SheetPlan): void {
  const width = Math.max(1, ...plan.rows.map((row) => row.length));
  const widths = new Array<number>(width).fill(MIN_WIDTH);
  plan.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null) return;
      const target = sheet.getCell(r + 1, c + 1);
      const [value, format] = encodeCell(cell);
      if (typeof cell === 'object' && 'formula' in cell) {
        target.value = { formula: String(value).replace(/^=/, ''), result: linkLabel(cell.formula) };
        target.font = { color: { argb: 'FF0563C1' }, underline: true };
      } else {
        target.value = value;
        if (format !== 'General') target.numFmt = format;
      }
      widths[c] = Math.max(widths[c] ?? MIN_WIDTH, Math.min(MAX_WIDTH, shownLength(cell) + 2));
    });
  });
  for (const row of plan.boldRows) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(row + 1, c);
      cell.font = { ...(cell.font ?? {}), bold: true };
    }
  }
  for (const row of plan.headerRows) {
    for (let c = 1; c <= width; c++) {
      sheet.getCell(row + 1, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    }
  }
  widths.forEach((w, c) => {
    sheet.getColumn(columnLetters(c)).width = w;
  });
}

/**
 * Where the copy of an input goes: `DIR/<same name>.xlsx`, or `DIR/<name> (2).xlsx` when another
 * input of this run with the same name already took that place.
 */
export function copyPath(file: string, outDir: string, taken: ReadonlySet<string> = new Set()): string {
  const name = basename(file).replace(/\.xlsx$/i, '');
  for (let n = 1; ; n++) {
    const path = join(resolve(outDir), n === 1 ? `${name}.xlsx` : `${name} (${n}).xlsx`);
    if (!taken.has(path)) return path;
  }
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

export class CopyError extends Error {
  constructor(
    readonly reason: 'is-input' | 'write',
    message: string,
  ) {
    super(message);
    this.name = 'CopyError';
  }
}

/**
 * Writes a copy of a checked workbook into `outDir` with the add-in's output sheet for each table
 * added (under the pane's sheet names, `PD Begroting`, `PD Begroting (2)`…; never over a sheet of
 * the workbook). The input file is not touched: the copy goes to a temporary name in `outDir`,
 * then is renamed, and a copy that would land on the input itself is refused.
 */
export async function writeCopy(
  file: string,
  workbook: ExcelJS.Workbook,
  tables: readonly TableResult[],
  outDir: string,
  lang: Lang,
  options: { now?: Date; taken?: Set<string> } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const target = copyPath(file, outDir, options.taken);
  options.taken?.add(target);
  if (await samePath(file, target)) throw new CopyError('is-input', target);
  for (const table of tables) {
    const kind = TABLE_KINDS.find((k) => k.name === table.kind);
    if (!kind?.sheetPlan || table.response === undefined) continue;
    const plan = kind.sheetPlan(table.response, table.range, lang, now);
    const name = freeSheetName(
      translate(lang, kind.sheetName),
      workbook.worksheets.map((sheet) => sheet.name),
    );
    renderPlan(workbook.addWorksheet(name), plan);
  }
  // Excel computes the link formulas when it opens the copy.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CopyError('write', error instanceof Error ? error.message : String(error));
  }
  return target;
}
