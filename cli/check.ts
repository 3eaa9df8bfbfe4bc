import type ExcelJS from 'exceljs';
import type { Finding } from '../shared/findings.js';
import { cellRef, columnLetters } from '../shared/grid/address.js';
import type { Cell } from '../shared/grid/schema.js';
import { WorkLimitError } from '../shared/limits.js';
import { type CheckOptions, TABLE_KINDS, type TableKind, type TableKindName } from './kinds.js';
import { readFinding, reasonText } from './messages.js';
import {
  loadWorkbook,
  type SheetCells,
  sheetCells,
  UnreadableError,
  type UnreadableReason,
} from './workbook.js';

/** A rectangle of a sheet, 0-based and inclusive. */
export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** One table found in a workbook and the endpoint's response for it. */
export interface TableResult {
  sheet: string;
  /** The block read as the grid: `'Offerte 2024'!C4:J14`. */
  range: string;
  kind: TableKindName;
  /** The endpoint, as the API serves it: `/api/budget/validate`. */
  endpoint: string;
  /** Exactly the API's response object (absent when the table was over a work limit). */
  response?: unknown;
  /** What the command line found while reading the cells (formulas without a stored value). */
  readFindings: Finding[];
  /** Why the table was not checked: the API's 422. */
  problem?: string;
  /** The engine's findings (from `response`), kept for printing. */
  findings: Finding[];
  box: Box;
}

export type FileResult =
  | { file: string; status: 'unreadable'; reason: UnreadableReason; message: string }
  | { file: string; status: 'checked'; tables: TableResult[]; workbook: ExcelJS.Workbook };

/** Sheet names of the add-in's own output sheets (both languages, with a ` (2)` suffix): never read as input. */
const OUTPUT_SHEET =
  /^PD (Begroting|Budget|Agenda|Calendar|Aanwezigheid|Attendance|Voortgang|Progress)( \(\d+\))?$/i;

export function isOutputSheet(name: string): boolean {
  return OUTPUT_SHEET.test(name);
}

/**
 * The blocks of filled cells of a sheet, in reading order: what Excel calls the "current region"
 * of a cell (the block the pane reads when one cell of a table is selected), that is filled cells
 * touching each other, diagonals included, and the rectangles around them grown until no filled
 * cell touches their border. Linear in the number of cells, so a 50,000-row table is one pass.
 */
export function findBlocks(values: readonly (readonly Cell[])[]): Box[] {
  const width = values.reduce((max, row) => Math.max(max, row.length), 0);
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let node = id; node !== root; ) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const filled = (r: number, c: number) => {
    const cell = values[r]?.[c];
    return cell !== undefined && cell !== '' && cell !== null;
  };
  values.forEach((row, r) => {
    row.forEach((_, c) => {
      if (!filled(r, c)) return;
      const id = r * width + c;
      parent.set(id, id);
      if (c > 0 && filled(r, c - 1)) union(id, id - 1);
      for (const dc of [-1, 0, 1]) {
        if (r > 0 && c + dc >= 0 && c + dc < width && filled(r - 1, c + dc)) union(id, id - width + dc);
      }
    });
  });
  const byRoot = new Map<number, Box>();
  for (const id of parent.keys()) {
    const root = find(id);
    const r = Math.floor(id / width);
    const c = id % width;
    const box = byRoot.get(root);
    if (!box) byRoot.set(root, { r0: r, c0: c, r1: r, c1: c });
    else {
      box.r0 = Math.min(box.r0, r);
      box.c0 = Math.min(box.c0, c);
      box.r1 = Math.max(box.r1, r);
      box.c1 = Math.max(box.c1, c);
    }
  }
  // Rectangles that touch or overlap (one row or column apart at most) are one region.
  let boxes = [...byRoot.values()];
  let merged = true;
  while (merged) {
    merged = false;
    const next: Box[] = [];
    for (const box of boxes) {
      const other = next.find(
        (b) => box.r0 <= b.r1 + 1 && b.r0 <= box.r1 + 1 && box.c0 <= b.c1 + 1 && b.c0 <= box.c1 + 1,
      );
      if (other) {
        other.r0 = Math.min(other.r0, box.r0);
        other.c0 = Math.min(other.c0, box.c0);
        other.r1 = Math.max(other.r1, box.r1);
        other.c1 = Math.max(other.c1, box.c1);
        merged = true;
      } else next.push({ ...box });
    }
    boxes = next;
  }
  return boxes.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

function slice<T>(grid: readonly (readonly T[])[], box: Box, blank: T): T[][] {
  const rows: T[][] = [];
  for (let r = box.r0; r <= box.r1; r++) {
    const row = grid[r] ?? [];
    const out: T[] = [];
    for (let c = box.c0; c <= box.c1; c++) out.push(row[c] ?? blank);
    rows.push(out);
  }
  return rows;
}

export function rangeAddress(sheet: string, box: Box): string {
  return `${cellRef(sheet, box.r0, box.c0)}:${columnLetters(box.c1)}${box.r1 + 1}`;
}

interface Candidate {
  kind: TableKind;
  response?: unknown;
  problem?: string;
  score: number;
}

/** Tries every kind of table on a block; the one that recognises the most columns wins. */
function classify(grid: Parameters<TableKind['check']>[0], options: CheckOptions): Candidate | undefined {
  let best: Candidate | undefined;
  for (const kind of TABLE_KINDS) {
    let candidate: Candidate;
    try {
      const response = kind.check(grid, options);
      candidate = { kind, response, score: kind.recognised(response) };
    } catch (error) {
      if (!(error instanceof WorkLimitError)) throw error;
      // Over a work limit: a table of this kind only if its headers say so; checked on its first rows.
      const head = {
        ...grid,
        values: grid.values.slice(0, 25),
        numberFormat: grid.numberFormat.slice(0, 25),
      };
      let score = 0;
      try {
        score = kind.recognised(kind.check(head, options));
      } catch {
        score = 0;
      }
      candidate = { kind, problem: error.text[options.lang], score };
    }
    if (candidate.score > 0 && (!best || candidate.score > best.score)) best = candidate;
  }
  return best;
}

/** The tables of one sheet: each block of cells that some kind of table recognises. */
export function checkSheet(cells: SheetCells, options: CheckOptions): TableResult[] {
  // A formula without a stored value is still part of its table's block.
  const presence: Cell[][] = cells.values.map((row) => [...row]);
  for (const formula of cells.uncached) {
    const row = presence[formula.row] ?? [];
    presence[formula.row] = row;
    row[formula.column] = '=';
  }
  const results: TableResult[] = [];
  for (const box of findBlocks(presence)) {
    const grid = {
      address: cellRef(cells.name, box.r0, box.c0),
      values: slice<Cell>(cells.values, box, ''),
      numberFormat: slice<string>(cells.numberFormat, box, 'General'),
    };
    const found = classify(grid, options);
    if (!found) continue;
    const readFindings = cells.uncached
      .filter((f) => f.row >= box.r0 && f.row <= box.r1 && f.column >= box.c0 && f.column <= box.c1)
      .map((f) =>
        readFinding(
          options.lang,
          'FORMULA_NO_VALUE',
          { row: f.row - box.r0, ref: cellRef(cells.name, f.row, f.column), actual: f.formula },
          { formula: f.formula },
        ),
      );
    const result: TableResult = {
      sheet: cells.name,
      range: rangeAddress(cells.name, box),
      kind: found.kind.name,
      endpoint: `/api/${found.kind.route}`,
      readFindings,
      findings: found.response === undefined ? [] : found.kind.findings(found.response),
      box,
    };
    if (found.response !== undefined) result.response = found.response;
    if (found.problem !== undefined) result.problem = found.problem;
    results.push(result);
  }
  return results;
}

/** Reads a workbook (never writing it) and checks every table in it. */
export async function checkFile(file: string, options: CheckOptions): Promise<FileResult> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(file);
  } catch (error) {
    const unreadable =
      error instanceof UnreadableError ? error : new UnreadableError('corrupt', String(error));
    return {
      file,
      status: 'unreadable',
      reason: unreadable.reason,
      message: reasonText(options.lang, unreadable.reason, unreadable.detail),
    };
  }
  const tables: TableResult[] = [];
  for (const worksheet of workbook.worksheets) {
    if (isOutputSheet(worksheet.name)) continue;
    tables.push(...checkSheet(sheetCells(worksheet), options));
  }
  return { file, status: 'checked', tables, workbook };
}

/** True when a table has an error finding, or could not be checked. */
export function tableHasErrors(table: TableResult): boolean {
  return (
    table.problem !== undefined ||
    table.findings.some((f) => f.severity === 'error') ||
    table.readFindings.some((f) => f.severity === 'error')
  );
}

/** What the exit status depends on, per file. */
export type Verdict =
  | { status: 'unreadable' }
  | { status: 'checked'; tables: readonly TableResult[]; outputFailed?: boolean };

/** 2 when a file could not be read (or its copy not written), else 1 when a table has errors, else 0. */
export function exitCode(results: readonly Verdict[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'unreadable' || r.outputFailed)) return 2;
  if (results.some((r) => r.status === 'checked' && r.tables.some(tableHasErrors))) return 1;
  return 0;
}
