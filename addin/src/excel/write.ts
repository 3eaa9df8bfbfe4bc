import { columnLetters } from '../../../shared/grid/address.js';
import { BLOCK_BYTES, jsonBytes, shouldHalve } from './payload.js';

/** A cell the add-in writes: text (always kept as text), a number with an optional format, or a link. */
export type OutCell =
  | string
  | number
  | boolean
  | null
  | { number: number; format: string }
  | { formula: string };

/** What an output sheet holds: rows from A1, and which rows are headings. */
export interface SheetPlan {
  rows: OutCell[][];
  /** Rows (0-based) written in bold: titles and table headers. */
  boldRows: number[];
  /** Rows (0-based) with a light fill: table headers. */
  headerRows: number[];
  /** A bar chart of a block of the sheet, when the task has one. */
  chart?: { source: string; title: string; anchor: string; seriesBy: 'Columns' | 'Rows' };
}

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32_767;
const TEXT = '@';
const GENERAL = 'General';

/**
 * One cell as values and number format. Text gets the text format `@` *before* its value is
 * written, so that Excel keeps `=HYPERLINK(...)`, `+31 20...`, `-€ 50` or `@x` as the text it is.
 */
export function encodeCell(cell: OutCell): [string | number | boolean, string] {
  if (cell === null) return ['', GENERAL];
  if (typeof cell === 'string') {
    return [cell.length > MAX_CELL_TEXT ? `${cell.slice(0, MAX_CELL_TEXT - 1)}…` : cell, TEXT];
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? [cell, GENERAL] : ['', GENERAL];
  if (typeof cell === 'boolean') return [cell, GENERAL];
  if ('formula' in cell) return [cell.formula, GENERAL];
  return Number.isFinite(cell.number) ? [cell.number, cell.format] : ['', GENERAL];
}

export interface WriteStats {
  syncs: number;
  blocks: number;
  largestBlockBytes: number;
}

/**
 * Writes a plan into a sheet from A1 in blocks of rows sized by their JSON (number formats and
 * values), one `context.sync()` per block; then the formats and the chart in one last sync.
 * A block that Excel still refuses as too large is halved and written again.
 */
export async function writePlan(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; budget?: number } = {},
): Promise<WriteStats> {
  const width = Math.max(1, ...plan.rows.map((row) => row.length));
  const stats: WriteStats = { syncs: 0, blocks: 0, largestBlockBytes: 0 };
  const budget = options.budget ?? BLOCK_BYTES;
  const encoded = plan.rows.map((row) => {
    const values: (string | number | boolean)[] = [];
    const formats: string[] = [];
    for (let c = 0; c < width; c++) {
      const [value, format] = encodeCell(row[c] ?? null);
      values.push(value);
      formats.push(format);
    }
    return { values, formats, bytes: jsonBytes(values) + jsonBytes(formats) };
  });
  let start = 0;
  let limit = budget;
  while (start < encoded.length) {
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Aborted', 'AbortError');
    let end = start;
    let bytes = 0;
    while (end < encoded.length && (end === start || bytes + (encoded[end]?.bytes ?? 0) <= limit)) {
      bytes += encoded[end]?.bytes ?? 0;
      end++;
    }
    const block = encoded.slice(start, end);
    const range = sheet.getRange(`A${start + 1}:${columnLetters(width - 1)}${end}`);
    range.numberFormat = block.map((row) => row.formats);
    range.values = block.map((row) => row.values);
    try {
      stats.syncs++;
      await context.sync();
    } catch (error) {
      if (shouldHalve(error, bytes) && end - start > 1) {
        limit = Math.max(1, Math.floor(bytes / 2));
        continue;
      }
      throw error;
    }
    stats.blocks++;
    stats.largestBlockBytes = Math.max(stats.largestBlockBytes, bytes);
    start = end;
    options.onProgress?.(start, encoded.length);
  }
  for (const row of plan.boldRows) {
    sheet.getRange(`A${row + 1}:${columnLetters(width - 1)}${row + 1}`).format.font.bold = true;
  }
  for (const row of plan.headerRows) {
    sheet.getRange(`A${row + 1}:${columnLetters(width - 1)}${row + 1}`).format.fill.color = '#E8EEF7';
  }
  if (plan.rows.length > 0)
    sheet.getRange(`A1:${columnLetters(width - 1)}${plan.rows.length}`).format.autofitColumns();
  if (plan.chart) {
    const chart = sheet.charts.add('BarClustered', sheet.getRange(plan.chart.source), plan.chart.seriesBy);
    chart.title.text = plan.chart.title;
    chart.setPosition(plan.chart.anchor);
  }
  sheet.activate();
  stats.syncs++;
  await context.sync();
  return stats;
}
