import { cellRef, columnLetters } from '../../../shared/grid/address.js';
import type { Cell } from '../../../shared/grid/schema.js';
import { BLOCK_BYTES, jsonBytes, rowsPerBlock, shouldHalve } from './payload.js';

/** A block of cells read from the user's sheet, as grid input wants it. */
export interface SourceBlock {
  sheet: string;
  /** 0-based top-left of the block. */
  row: number;
  column: number;
  /** The top-left cell with its sheet, as grid input's `address`: `'Offerte 2024'!C4`. */
  address: string;
  /** The whole block: `'Offerte 2024'!C4:J14`. */
  rangeAddress: string;
  values: Cell[][];
  numberFormat?: string[][];
  /** How the block was found. */
  origin: 'selection' | 'table' | 'region';
  syncs: number;
}

export class SourceError extends Error {
  constructor(
    readonly reason: 'no-selection' | 'empty' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ReadOptions {
  withFormats?: boolean;
  /** Rows read so far of the total, after each block. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between blocks. */
  signal?: AbortSignal;
  /** The most cells the pane agrees to read (default 5 million). */
  maxCells?: number;
}

function a1(box: Box): string {
  return `${columnLetters(box.c0)}${box.r0 + 1}:${columnLetters(box.c1)}${box.r1 + 1}`;
}

const isBlank = (cell: unknown) => cell === '' || cell === null || cell === undefined;

/**
 * Excel's "current region" around a cell: the rectangle grown while any non-blank cell touches
 * its border (diagonals included). `values` is the used range; `row`/`column` are offsets in it.
 */
export function currentRegion(
  values: readonly (readonly Cell[])[],
  row: number,
  column: number,
): Box | undefined {
  const height = values.length;
  const width = values.reduce((max, r) => Math.max(max, r.length), 0);
  if (row < 0 || column < 0 || row >= height || column >= width) return undefined;
  const filled = (r: number, c: number) =>
    r >= 0 && c >= 0 && r < height && c < width && !isBlank(values[r]?.[c]);
  const box = { r0: row, c0: column, r1: row, c1: column };
  let grown = true;
  while (grown) {
    grown = false;
    const rowHas = (r: number) => {
      for (let c = box.c0 - 1; c <= box.c1 + 1; c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number) => {
      for (let r = box.r0 - 1; r <= box.r1 + 1; r++) if (filled(r, c)) return true;
      return false;
    };
    if (box.r0 > 0 && rowHas(box.r0 - 1)) {
      box.r0--;
      grown = true;
    }
    if (box.r1 < height - 1 && rowHas(box.r1 + 1)) {
      box.r1++;
      grown = true;
    }
    if (box.c0 > 0 && colHas(box.c0 - 1)) {
      box.c0--;
      grown = true;
    }
    if (box.c1 < width - 1 && colHas(box.c1 + 1)) {
      box.c1++;
      grown = true;
    }
  }
  for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) if (filled(r, c)) return box;
  return undefined;
}

const inside = (box: Box, r: number, c: number) => r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1;

/**
 * Reads a rectangle of a sheet in blocks of rows, each block one `context.sync()`, sized by the
 * JSON of the previous block so that no sync comes near the payload limit; a block that Excel
 * still refuses as too large is halved and read again.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  box: Box,
  options: ReadOptions = {},
): Promise<{ values: Cell[][]; numberFormat?: string[][]; syncs: number }> {
  const columns = box.c1 - box.c0 + 1;
  const total = box.r1 - box.r0 + 1;
  const values: Cell[][] = [];
  const numberFormat: string[][] = [];
  // A small first block measures the rows; the next blocks are sized by what it weighed.
  let rows = Math.min(total, 100, Math.max(1, Math.floor(20_000 / columns)));
  let syncs = 0;
  let bytesPerRow = 0;
  let next = box.r0;
  while (next <= box.r1) {
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Aborted', 'AbortError');
    const last = Math.min(box.r1, next + rows - 1);
    const range = sheet.getRange(a1({ r0: next, c0: box.c0, r1: last, c1: box.c1 }));
    range.load(options.withFormats ? 'values,numberFormat' : 'values');
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      if (shouldHalve(error, rows * bytesPerRow) && rows > 1) {
        rows = Math.max(1, Math.floor(rows / 2));
        continue;
      }
      throw error;
    }
    const block = range.values as Cell[][];
    for (const row of block) values.push(row);
    let bytes = jsonBytes(block);
    if (options.withFormats) {
      for (const row of range.numberFormat) numberFormat.push(row as string[]);
      bytes *= 2;
    }
    const count = last - next + 1;
    next = last + 1;
    options.onProgress?.(next - box.r0, total);
    // Size the next block by what this one weighed, with a margin for longer rows further down.
    bytesPerRow = bytes / count;
    rows = rowsPerBlock(bytesPerRow * 1.5, columns, BLOCK_BYTES);
  }
  return options.withFormats ? { values, numberFormat, syncs } : { values, syncs };
}

/**
 * Reads what the user means: the selection when it is more than one cell (clipped to the used
 * range, so that whole columns do not read a million rows), else the table around the selected
 * cell, else the block of filled cells around it (Excel's current region).
 */
export async function readSource(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<SourceBlock> {
  const selection = context.workbook.getSelectedRange();
  selection.load('rowIndex,columnIndex,rowCount,columnCount');
  const sheet = selection.worksheet;
  sheet.load('name');
  const used = sheet.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const tables = sheet.tables;
  tables.load('items/name');
  try {
    await context.sync();
  } catch (error) {
    throw new SourceError('no-selection', error instanceof Error ? error.message : String(error));
  }
  let syncs = 1;
  const sel: Box = {
    r0: selection.rowIndex,
    c0: selection.columnIndex,
    r1: selection.rowIndex + selection.rowCount - 1,
    c1: selection.columnIndex + selection.columnCount - 1,
  };
  const usedBox: Box = {
    r0: used.rowIndex,
    c0: used.columnIndex,
    r1: used.rowIndex + used.rowCount - 1,
    c1: used.columnIndex + used.columnCount - 1,
  };
  const finish = (box: Box, origin: SourceBlock['origin'], values: Cell[][], numberFormat?: string[][]) => {
    const block: SourceBlock = {
      sheet: sheet.name,
      row: box.r0,
      column: box.c0,
      address: cellRef(sheet.name, box.r0, box.c0),
      rangeAddress: `${cellRef(sheet.name, box.r0, box.c0)}:${columnLetters(box.c1)}${box.r1 + 1}`,
      values,
      origin,
      syncs,
    };
    if (numberFormat) block.numberFormat = numberFormat;
    return block;
  };
  const read = async (box: Box, origin: SourceBlock['origin']) => {
    const cells = (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1);
    if (cells > (options.maxCells ?? 5_000_000)) throw new SourceError('too-large', `${cells}`);
    const result = await readBlocks(context, sheet, box, options);
    syncs += result.syncs;
    return finish(box, origin, result.values, result.numberFormat);
  };

  if (sel.r0 !== sel.r1 || sel.c0 !== sel.c1) {
    const box = {
      r0: Math.max(sel.r0, usedBox.r0),
      c0: Math.max(sel.c0, usedBox.c0),
      r1: Math.min(sel.r1, usedBox.r1),
      c1: Math.min(sel.c1, usedBox.c1),
    };
    if (box.r0 > box.r1 || box.c0 > box.c1) throw new SourceError('empty', sel.toString());
    return read(box, 'selection');
  }

  if (tables.items.length > 0) {
    const ranges = tables.items.map((table) => {
      const range = table.getRange();
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return range;
    });
    await context.sync();
    syncs++;
    for (const range of ranges) {
      const box = {
        r0: range.rowIndex,
        c0: range.columnIndex,
        r1: range.rowIndex + range.rowCount - 1,
        c1: range.columnIndex + range.columnCount - 1,
      };
      if (inside(box, sel.r0, sel.c0)) return read(box, 'table');
    }
  }

  if (!inside(usedBox, sel.r0, sel.c0)) throw new SourceError('empty', 'outside the used range');
  const all = await readBlocks(context, sheet, usedBox, options);
  syncs += all.syncs;
  const region = currentRegion(all.values, sel.r0 - usedBox.r0, sel.c0 - usedBox.c0);
  if (!region) throw new SourceError('empty', 'blank cell');
  const slice = <T>(grid: T[][]) =>
    grid.slice(region.r0, region.r1 + 1).map((row) => row.slice(region.c0, region.c1 + 1));
  const box = {
    r0: usedBox.r0 + region.r0,
    c0: usedBox.c0 + region.c0,
    r1: usedBox.r0 + region.r1,
    c1: usedBox.c0 + region.c1,
  };
  return finish(box, 'region', slice(all.values), all.numberFormat ? slice(all.numberFormat) : undefined);
}
