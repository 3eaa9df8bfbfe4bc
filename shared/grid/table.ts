import { normalizeHeader } from '../text/normalize.js';
import { cellRef, columnIndex, columnLetters, parseAddress } from './address.js';
import type { Cell, Grid } from './schema.js';

/** A field of a table and the header texts (Dutch and English) it may go by. */
export interface FieldSpec<Field extends string> {
  field: Field;
  synonyms: readonly string[];
}

export interface HeaderOptions<Field extends string> {
  fields: readonly FieldSpec<Field>[];
  /** A header row must name at least one of these fields. */
  anchors: readonly Field[];
  /** …and at least this many fields in all (default 2). */
  minFields?: number;
  /** How many rows from the top may hold the header (default 20). */
  scanRows?: number;
}

/** A grid with its header found: cells by field, and the A1 reference of any cell. */
export interface GridTable<Field extends string> {
  sheet: string | null;
  values: Cell[][];
  numberFormat: (string | null)[][] | undefined;
  /** Index into `values` of the header row, or null when none was found. */
  headerRow: number | null;
  /** Column index (into a `values` row) of each field found or given. */
  columns: Partial<Record<Field, number>>;
  /** Which sheet column was read as which field, as `grid.columns` takes it: `{ total: "H" }`. */
  mapping: Partial<Record<Field, string>>;
  /** The header text above each mapped column. */
  headers: Partial<Record<Field, string>>;
  /** The width of the widest row. */
  width: number;
  cell(row: number, field: Field): Cell;
  ref(row: number, column: number): string;
  refOf(row: number, field: Field): string | undefined;
  /** The number format of a cell, when the grid carries them. */
  format(row: number, column: number): string | null;
}

const MAX_HEADER_TEXT = 120;

interface ScoredMatch<Field extends string> {
  field: Field;
  column: number;
  score: number;
}

/** Scores each (field, column) pair of one row: an exact synonym beats a longer phrase match. */
function scoreRow<Field extends string>(row: readonly Cell[], specs: readonly NormalizedSpec<Field>[]) {
  const matches: ScoredMatch<Field>[] = [];
  row.forEach((cell, column) => {
    if (typeof cell !== 'string' || cell.length > MAX_HEADER_TEXT) return;
    const header = normalizeHeader(cell);
    if (header === '') return;
    const padded = ` ${header} `;
    for (const spec of specs) {
      let best = 0;
      for (const synonym of spec.synonyms) {
        if (header === synonym) best = Math.max(best, 1000 + synonym.length);
        else if (padded.includes(` ${synonym} `)) best = Math.max(best, synonym.length);
      }
      if (best > 0) matches.push({ field: spec.field, column, score: best });
    }
  });
  // Greedy: the strongest pairs first, each field and each column used once.
  matches.sort((a, b) => b.score - a.score || a.column - b.column);
  const columns: Partial<Record<Field, number>> = {};
  const taken = new Set<number>();
  let total = 0;
  for (const match of matches) {
    if (columns[match.field] !== undefined || taken.has(match.column)) continue;
    columns[match.field] = match.column;
    taken.add(match.column);
    total += match.score;
  }
  return { columns, total, count: taken.size };
}

interface NormalizedSpec<Field extends string> {
  field: Field;
  synonyms: string[];
}

/** Finds the header row and the columns of a grid by their names, then applies `grid.columns`. */
export function readGridTable<Field extends string>(
  grid: Grid<Field>,
  options: HeaderOptions<Field>,
): GridTable<Field> {
  const origin = parseAddress(grid.address);
  if (!origin) throw new RangeError(`not an A1 address: ${grid.address}`);
  const specs = options.fields.map((spec) => ({
    field: spec.field,
    synonyms: spec.synonyms.map(normalizeHeader).filter((s) => s !== ''),
  }));
  let headerRow: number | null = null;
  let columns: Partial<Record<Field, number>> = {};
  let best = { count: 0, total: 0 };
  const scanRows = Math.min(grid.values.length, options.scanRows ?? 20);
  for (let r = 0; r < scanRows; r++) {
    const scored = scoreRow(grid.values[r] ?? [], specs);
    const anchored = options.anchors.some((field) => scored.columns[field] !== undefined);
    if (!anchored || scored.count < (options.minFields ?? 2)) continue;
    if (scored.count > best.count || (scored.count === best.count && scored.total > best.total)) {
      best = scored;
      headerRow = r;
      columns = scored.columns;
    }
  }
  const overrides = Object.entries(grid.columns ?? {}) as [Field, string][];
  for (const [field, letters] of overrides) {
    const index = columnIndex(letters);
    if (index === undefined) continue;
    // The user's column is theirs alone: a field found there by its header lets go of it.
    for (const [other, column] of Object.entries(columns) as [Field, number][]) {
      if (column === index - origin.column && !(other in (grid.columns ?? {}))) delete columns[other];
    }
    columns[field] = index - origin.column;
  }
  // Columns given by the user whose headers we do not know: the first row with text in any of
  // them is their header, so that it is not read as data.
  if (headerRow === null && overrides.length > 0) {
    const given = Object.values(columns) as number[];
    const first = grid.values.findIndex((row) =>
      given.some((c) => typeof row[c] === 'string' && row[c] !== ''),
    );
    if (first >= 0 && first < scanRows) headerRow = first;
  }
  const width = gridWidth(grid.values);
  const ref = (row: number, column: number) =>
    cellRef(origin.sheet, origin.row + row, origin.column + column);
  const mapping: Partial<Record<Field, string>> = {};
  const headers: Partial<Record<Field, string>> = {};
  const ordered = (Object.entries(columns) as [Field, number][]).sort((a, b) => a[1] - b[1]);
  for (const [field, column] of ordered) {
    mapping[field] = columnLetters(origin.column + column);
    const header = headerRow === null ? undefined : grid.values[headerRow]?.[column];
    if (header !== undefined && header !== null && header !== '') headers[field] = String(header);
  }
  return {
    sheet: origin.sheet,
    values: grid.values,
    numberFormat: grid.numberFormat,
    headerRow,
    columns,
    mapping,
    headers,
    width,
    cell: (row, field) => {
      const column = columns[field];
      return column === undefined ? '' : (grid.values[row]?.[column] ?? '');
    },
    ref,
    refOf: (row, field) => {
      const column = columns[field];
      return column === undefined ? undefined : ref(row, column);
    },
    format: (row, column) => grid.numberFormat?.[row]?.[column] ?? null,
  };
}

/** True when a cell holds nothing: `""`, null, or only spaces. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** The width of the widest row (rows may be ragged when they do not come from Excel). */
export function gridWidth(values: readonly (readonly Cell[])[]): number {
  return values.reduce((widest, row) => Math.max(widest, row.length), 0);
}
