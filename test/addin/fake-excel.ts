/**
 * A faithful in-memory fake of the part of the Excel JavaScript API that the task pane uses.
 *
 * It behaves like Excel where it matters to us: proxy objects queue their work until
 * `context.sync()`; reading a property that was not loaded throws `PropertyNotLoaded`; a string
 * written into a cell that is not formatted as text (`@`) and starts with `=`, `+`, `-` or `@`
 * becomes a formula (only `HYPERLINK` is evaluated), and one that reads as a number becomes a
 * number; a `values` array of the wrong shape is `InvalidArgument`; a sheet name over 31
 * characters, with `[]:*?/\`, or already taken is an error; and a sync whose request or response
 * payload is over 5 MB fails with `RequestPayloadSizeLimitExceeded` /
 * `ResponsePayloadSizeLimitExceeded`, as Excel on the web does. It counts syncs and payload bytes.
 *
 * It has no imports, so that it also runs in the browser in place of Microsoft's hosted
 * `office.js` (see `browser-entry.ts`).
 */

export type CellValue = string | number | boolean;

export interface FakeCell {
  value: CellValue;
  /** Set when the cell holds a formula. */
  formula?: string;
  /** The target of a `HYPERLINK` formula. */
  link?: string;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
}

export interface FakeChart {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
}

export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  /** 0-based bounds, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<number, FakeCell>;
  charts: FakeChart[];
  columnWidths: Map<number, number>;
  /** How many operations changed this sheet's cells or formats. */
  writes: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
}

export interface FakeStats {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** The largest request or response payload of one sync. */
  maxPayloadBytes: number;
  failedSyncs: number;
  history: SyncRecord[];
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const OP_OVERHEAD_BYTES = 120;

/** An error as Office.js raises it: `code`, `message`, and `debugInfo`. */
export class FakeExcelError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = location ? { code, message, errorLocation: location } : { code, message };
  }
}

// ---------------------------------------------------------------- addresses

export function colLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function colIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/** How Excel writes a sheet name in an address: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

interface ParsedAddress extends Bounds {
  sheet: string | null;
}

export function parseRangeAddress(address: string): ParsedAddress {
  const match =
    /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(
      address.trim(),
    );
  if (!match) throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing: ${address}`);
  const [, quoted, bare, l0 = '', d0 = '', l1, d1] = match;
  const a = { r: Number(d0) - 1, c: colIndex(l0) };
  const b = l1 && d1 ? { r: Number(d1) - 1, c: colIndex(l1) } : a;
  const bounds = {
    r0: Math.min(a.r, b.r),
    c0: Math.min(a.c, b.c),
    r1: Math.max(a.r, b.r),
    c1: Math.max(a.c, b.c),
  };
  if (bounds.r0 < 0 || bounds.r1 >= MAX_ROWS || bounds.c0 < 0 || bounds.c1 >= MAX_COLS) {
    throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing: ${address}`);
  }
  return { sheet: quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? null), ...bounds };
}

function boundsAddress(sheet: string, b: Bounds): string {
  const first = `${colLetters(b.c0)}${b.r0 + 1}`;
  const last = `${colLetters(b.c1)}${b.r1 + 1}`;
  return `${quoteSheetName(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

const key = (row: number, col: number) => row * MAX_COLS + col;

// ---------------------------------------------------------------- state

export interface FakeWorkbookOptions {
  /** `Office.context.displayLanguage`; `nl-NL` by default. */
  displayLanguage?: string;
  /** Requirement sets reported as supported, `ExcelApi` up to this minor version (default 1.2). */
  excelApiVersion?: number;
}

const bytesOf = (value: unknown): number => {
  const json = JSON.stringify(value) ?? '';
  let bytes = json.length;
  // UTF-8: count the extra bytes of non-ASCII characters without allocating a buffer.
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
};

/** The workbook and everything the fake keeps: sheets, tables, selection, document settings. */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  selection: { sheetId: string; bounds: Bounds } | undefined;
  activeSheetId: string | undefined;
  settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  stats: FakeStats = emptyStats();
  /** A hook the tests use to make the next syncs fail (the host going away, say). */
  failNextSyncs = 0;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  sheet(nameOrId: string): FakeSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  requireSheet(nameOrId: string): FakeSheet {
    const sheet = this.sheet(nameOrId);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: ${nameOrId}`);
    return sheet;
  }

  addSheet(name: string): FakeSheet {
    checkSheetName(name);
    if (this.sheet(name)) {
      throw new FakeExcelError(
        'ItemAlreadyExists',
        `A resource with the same name or identifier already exists: ${name}`,
      );
    }
    const sheet: FakeSheet = {
      id: this.newId('sheet'),
      name,
      cells: new Map(),
      charts: [],
      columnWidths: new Map(),
      writes: 0,
    };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  /** Test set-up: puts a block of values at an address, as a user typing them would. */
  setValues(address: string, values: CellValue[][], numberFormat?: string[][]): void {
    const parsed = parseRangeAddress(address);
    const sheet = parsed.sheet
      ? (this.sheet(parsed.sheet) ?? this.addSheet(parsed.sheet))
      : this.activeSheet();
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        const fmt = numberFormat?.[r]?.[c] ?? 'General';
        if (value === '' && fmt === 'General') return;
        writeCell(sheet, parsed.r0 + r, parsed.c0 + c, value, fmt);
      });
    });
    sheet.writes = 0;
  }

  addTable(address: string, name: string): FakeTable {
    const parsed = parseRangeAddress(address);
    const sheet = parsed.sheet ? this.requireSheet(parsed.sheet) : this.activeSheet();
    const table = { id: this.newId('table'), name, sheetId: sheet.id, ...parsed };
    this.tables.push(table);
    return table;
  }

  select(address: string): void {
    const parsed = parseRangeAddress(address);
    const sheet = parsed.sheet ? this.requireSheet(parsed.sheet) : this.activeSheet();
    this.selection = { sheetId: sheet.id, bounds: parsed };
    this.activeSheetId = sheet.id;
  }

  activeSheet(): FakeSheet {
    const sheet = this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
    if (!sheet) throw new FakeExcelError('ItemNotFound', 'The workbook has no sheet');
    return sheet;
  }

  selectedAddress(): string | undefined {
    if (!this.selection) return undefined;
    const sheet = this.sheets.find((s) => s.id === this.selection?.sheetId);
    return sheet ? boundsAddress(sheet.name, this.selection.bounds) : undefined;
  }

  /** The cell at an address (`'PD Begroting'!D12`), for assertions. */
  cell(address: string): FakeCell | undefined {
    const parsed = parseRangeAddress(address);
    const sheet = parsed.sheet ? this.requireSheet(parsed.sheet) : this.activeSheet();
    return sheet.cells.get(key(parsed.r0, parsed.c0));
  }

  /** The values of a sheet's used range as a grid (empty cells `''`), for assertions. */
  sheetValues(name: string): CellValue[][] {
    const sheet = this.requireSheet(name);
    const used = usedBounds(sheet, true);
    if (!used) return [];
    return readGrid(sheet, used, (cell) => cell?.value ?? '');
  }

  /** Every cell of a sheet, with its formats, as a snapshot to compare before and after. */
  snapshot(name: string): string {
    const sheet = this.requireSheet(name);
    const cells = [...sheet.cells.entries()].sort((a, b) => a[0] - b[0]);
    return JSON.stringify({ name: sheet.name, cells, widths: [...sheet.columnWidths.entries()] });
  }

  /** Every sheet's name and every cell with a formula, in one plain object. */
  summary(): {
    sheets: string[];
    formulas: { sheet: string; address: string; formula: string; link?: string }[];
  } {
    const formulas: { sheet: string; address: string; formula: string; link?: string }[] = [];
    for (const sheet of this.sheets) {
      for (const [k, cell] of sheet.cells) {
        if (cell.formula === undefined) continue;
        const row = Math.floor(k / MAX_COLS);
        const col = k % MAX_COLS;
        formulas.push({
          sheet: sheet.name,
          address: `${colLetters(col)}${row + 1}`,
          formula: cell.formula,
          ...(cell.link ? { link: cell.link } : {}),
        });
      }
    }
    return { sheets: this.sheets.map((s) => s.name), formulas };
  }
}

function emptyStats(): FakeStats {
  return {
    syncs: 0,
    requestBytes: 0,
    responseBytes: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    maxPayloadBytes: 0,
    failedSyncs: 0,
    history: [],
  };
}

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31) {
    throw new FakeExcelError('InvalidArgument', `The sheet name must have 1 to 31 characters: ${name}`);
  }
  if (/[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeExcelError('InvalidArgument', `The sheet name contains a character Excel refuses: ${name}`);
  }
  if (name.toLowerCase() === 'history') {
    throw new FakeExcelError('InvalidArgument', 'History is a reserved sheet name');
  }
}

function usedBounds(sheet: FakeSheet, valuesOnly: boolean): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && cell.value === '' && cell.formula === undefined) continue;
    const row = Math.floor(k / MAX_COLS);
    const col = k % MAX_COLS;
    if (!bounds) bounds = { r0: row, c0: col, r1: row, c1: col };
    else {
      if (row < bounds.r0) bounds.r0 = row;
      if (row > bounds.r1) bounds.r1 = row;
      if (col < bounds.c0) bounds.c0 = col;
      if (col > bounds.c1) bounds.c1 = col;
    }
  }
  return bounds;
}

function readGrid<T>(sheet: FakeSheet, b: Bounds, pick: (cell: FakeCell | undefined) => T): T[][] {
  const rows: T[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: T[] = [];
    for (let c = b.c0; c <= b.c1; c++) row.push(pick(sheet.cells.get(key(r, c))));
    rows.push(row);
  }
  return rows;
}

function cellAt(sheet: FakeSheet, row: number, col: number): FakeCell {
  const k = key(row, col);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = { value: '', numberFormat: 'General' };
    sheet.cells.set(k, cell);
  }
  return cell;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Evaluates the one formula the fake knows, `HYPERLINK("target","label")`. */
function evaluate(formula: string): { value: CellValue; link?: string } {
  const match = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(formula);
  if (match) {
    const target = (match[1] ?? '').replace(/""/g, '"');
    const label = match[2] !== undefined ? match[2].replace(/""/g, '"') : target;
    return { value: label, link: target };
  }
  return { value: '#NAME?' };
}

/** What Excel does with a value written into a cell: text stays text only in a text-formatted cell. */
function writeCell(
  sheet: FakeSheet,
  row: number,
  col: number,
  value: CellValue | null,
  format?: string,
): void {
  const cell = cellAt(sheet, row, col);
  if (format !== undefined) cell.numberFormat = format;
  delete cell.formula;
  delete cell.link;
  if (value === null) return; // null leaves a cell's value as it is
  if (typeof value !== 'string' || cell.numberFormat === '@') {
    cell.value = value;
    return;
  }
  if (NUMBER_TEXT.test(value.trim())) {
    cell.value = Number(value.trim());
    return;
  }
  if (value.length > 1 && /^[\t\r\n ]*[=+\-@]/.test(value)) {
    // Excel reads typed input that starts with = + - @ (after blanks) as a formula.
    const trimmed = value.replace(/^[\t\r\n ]+/, '');
    const formula = trimmed.startsWith('=') ? trimmed : `=${trimmed}`;
    const result = evaluate(formula);
    cell.formula = formula;
    cell.value = result.value;
    if (result.link !== undefined) cell.link = result.link;
    return;
  }
  if (/^(true|false)$/i.test(value)) {
    cell.value = value.toLowerCase() === 'true';
    return;
  }
  cell.value = value;
}

// ---------------------------------------------------------------- proxies

type Op = { bytes: number; run: () => number | undefined };

class Queue {
  ops: Op[] = [];
}

class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeRequestContext,
    protected readonly typeName: string,
  ) {}

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.typeName}.${name}`,
      );
    }
    return this.loaded.get(name) as T;
  }

  protected enqueue(bytes: number, run: () => number | undefined): void {
    this.ctx.queue.ops.push({ bytes: bytes + OP_OVERHEAD_BYTES, run });
  }

  protected names(spec: string | string[] | Record<string, unknown> | undefined, all: string[]): string[] {
    if (spec === undefined) return all;
    if (Array.isArray(spec)) return spec.flatMap((s) => s.split(',')).map((s) => s.trim());
    if (typeof spec === 'string') return spec.split(',').map((s) => s.trim());
    return Object.keys(spec);
  }
}

/** A lazily resolved place: the proxy's target is found only when the batch runs, as in Excel. */
type Resolver<T> = () => T;

class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: Resolver<{ sheet: FakeSheet; bounds: Bounds }>,
  ) {
    super(ctx, 'Range');
    this.format = new FakeRangeFormat(ctx, resolve);
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get values(): CellValue[][] {
    return this.get('values');
  }
  set values(values: CellValue[][]) {
    this.write('values', values);
  }
  get formulas(): CellValue[][] {
    return this.get('formulas');
  }
  set formulas(values: CellValue[][]) {
    this.write('formulas', values);
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(values: string[][]) {
    this.write('numberFormat', values);
  }
  get text(): string[][] {
    return this.get('text');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.resolve().sheet);
  }

  private write(property: 'values' | 'formulas' | 'numberFormat', data: unknown): void {
    this.enqueue(bytesOf(data), () => {
      const { sheet, bounds } = this.resolve();
      const rows = bounds.r1 - bounds.r0 + 1;
      const cols = bounds.c1 - bounds.c0 + 1;
      const grid: unknown[][] = Array.isArray(data)
        ? (data as unknown[][])
        : Array.from({ length: rows }, () => Array.from({ length: cols }, () => data));
      if (!Array.isArray(data) && rows * cols > 1_000_000) {
        throw new FakeExcelError('InvalidArgument', 'Too many cells for a single value');
      }
      if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeExcelError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
          `Range.${property}`,
        );
      }
      for (let r = 0; r < rows; r++) {
        const row = grid[r] as unknown[];
        for (let c = 0; c < cols; c++) {
          const value = row[c];
          if (property === 'numberFormat') {
            if (value === null) continue;
            if (typeof value !== 'string')
              throw new FakeExcelError('InvalidArgument', 'numberFormat must be text');
            cellAt(sheet, bounds.r0 + r, bounds.c0 + c).numberFormat = value;
          } else {
            if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
              throw new FakeExcelError('InvalidArgument', `A cell value must be text, a number or a boolean`);
            }
            if (typeof value === 'number' && !Number.isFinite(value)) {
              throw new FakeExcelError('InvalidArgument', 'A cell value must be a finite number');
            }
            writeCell(sheet, bounds.r0 + r, bounds.c0 + c, value as CellValue | null);
          }
        }
      }
      sheet.writes++;
      return undefined;
    });
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    const wanted = this.names(spec, ['address', 'values', 'numberFormat', 'rowCount', 'columnCount']);
    this.enqueue(20 * wanted.length, () => {
      let resolved: { sheet: FakeSheet; bounds: Bounds } | undefined;
      try {
        resolved = this.resolve();
      } catch (error) {
        if (error instanceof FakeExcelError && error.code === 'NullObject') {
          this.loaded.set('isNullObject', true);
          return 20;
        }
        throw error;
      }
      const { sheet, bounds } = resolved;
      this.loaded.set('isNullObject', false);
      const cells = (bounds.r1 - bounds.r0 + 1) * (bounds.c1 - bounds.c0 + 1);
      let bytes = 0;
      for (const name of wanted) {
        let value: unknown;
        const grid = <T>(pick: (cell: FakeCell | undefined) => T) => {
          if (cells > 5_000_000) {
            throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'Reading more than 5 million cells');
          }
          return readGrid(sheet, bounds, pick);
        };
        switch (name) {
          case 'address':
            value = boundsAddress(sheet.name, bounds);
            break;
          case 'values':
            value = grid((cell) => cell?.value ?? '');
            break;
          case 'formulas':
            value = grid((cell) => cell?.formula ?? cell?.value ?? '');
            break;
          case 'numberFormat':
            value = grid((cell) => cell?.numberFormat ?? 'General');
            break;
          case 'text':
            value = grid((cell) => String(cell?.value ?? ''));
            break;
          case 'rowCount':
            value = bounds.r1 - bounds.r0 + 1;
            break;
          case 'columnCount':
            value = bounds.c1 - bounds.c0 + 1;
            break;
          case 'rowIndex':
            value = bounds.r0;
            break;
          case 'columnIndex':
            value = bounds.c0;
            break;
          case 'cellCount':
            value = cells;
            break;
          case 'isNullObject':
            value = false;
            break;
          default:
            throw new FakeExcelError('InvalidArgument', `The fake does not know Range.${name}`);
        }
        this.loaded.set(name, value);
        bytes += bytesOf(value) + name.length + 4;
      }
      return bytes;
    });
    return this;
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, bounds } = this.resolve();
      const r = bounds.r0 + row;
      const c = bounds.c0 + column;
      return { sheet, bounds: { r0: r, c0: c, r1: r, c1: c } };
    });
  }

  getOffsetRange(rows: number, columns: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, bounds } = this.resolve();
      const b = {
        r0: bounds.r0 + rows,
        c0: bounds.c0 + columns,
        r1: bounds.r1 + rows,
        c1: bounds.c1 + columns,
      };
      if (b.r0 < 0 || b.c0 < 0 || b.r1 >= MAX_ROWS || b.c1 >= MAX_COLS) {
        throw new FakeExcelError('InvalidArgument', 'The offset falls outside the sheet');
      }
      return { sheet, bounds: b };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, bounds } = this.resolve();
      const b = { ...bounds, r1: bounds.r1 + deltaRows, c1: bounds.c1 + deltaColumns };
      if (b.r1 < b.r0 || b.c1 < b.c0 || b.r1 >= MAX_ROWS || b.c1 >= MAX_COLS) {
        throw new FakeExcelError('InvalidArgument', 'The resized range is not valid');
      }
      return { sheet, bounds: b };
    });
  }

  select(): void {
    this.enqueue(0, () => {
      const { sheet, bounds } = this.resolve();
      this.ctx.workbookState.selection = { sheetId: sheet.id, bounds };
      this.ctx.workbookState.activeSheetId = sheet.id;
      return undefined;
    });
  }

  clear(applyTo?: string): void {
    this.enqueue(0, () => {
      const { sheet, bounds } = this.resolve();
      for (const [k, cell] of [...sheet.cells]) {
        const row = Math.floor(k / MAX_COLS);
        const col = k % MAX_COLS;
        if (row < bounds.r0 || row > bounds.r1 || col < bounds.c0 || col > bounds.c1) continue;
        if (applyTo === 'Contents') {
          cell.value = '';
          delete cell.formula;
          delete cell.link;
        } else if (applyTo === 'Formats') {
          sheet.cells.set(k, { value: cell.value, numberFormat: 'General' });
        } else sheet.cells.delete(k);
      }
      sheet.writes++;
      return undefined;
    });
  }
}

class FakeRangeFormat {
  readonly font: { bold: boolean; italic: boolean; color: string };
  readonly fill: { color: string };
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly resolve: Resolver<{ sheet: FakeSheet; bounds: Bounds }>,
  ) {
    const setter = (apply: (cell: FakeCell) => void) => {
      ctx.queue.ops.push({
        bytes: OP_OVERHEAD_BYTES,
        run: () => {
          const { sheet, bounds } = resolve();
          for (let r = bounds.r0; r <= bounds.r1; r++) {
            for (let c = bounds.c0; c <= bounds.c1; c++) apply(cellAt(sheet, r, c));
          }
          sheet.writes++;
          return undefined;
        },
      });
    };
    const notLoaded = (): never => {
      throw new FakeExcelError('PropertyNotLoaded', 'The fake does not load formats');
    };
    this.font = {
      get bold(): boolean {
        return notLoaded();
      },
      set bold(value: boolean) {
        setter((cell) => {
          cell.bold = value;
        });
      },
      get italic(): boolean {
        return notLoaded();
      },
      set italic(value: boolean) {
        setter((cell) => {
          cell.italic = value;
        });
      },
      get color(): string {
        return notLoaded();
      },
      set color(value: string) {
        setter((cell) => {
          cell.fontColor = value;
        });
      },
    };
    this.fill = {
      get color(): string {
        return notLoaded();
      },
      set color(value: string) {
        setter((cell) => {
          cell.fill = value;
        });
      },
    };
  }

  set wrapText(value: boolean) {
    this.ctx.queue.ops.push({
      bytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { sheet, bounds } = this.resolve();
        for (let r = bounds.r0; r <= bounds.r1; r++) {
          for (let c = bounds.c0; c <= bounds.c1; c++) cellAt(sheet, r, c).wrap = value;
        }
        sheet.writes++;
        return undefined;
      },
    });
  }

  set columnWidth(value: number) {
    this.ctx.queue.ops.push({
      bytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { sheet, bounds } = this.resolve();
        for (let c = bounds.c0; c <= bounds.c1; c++) sheet.columnWidths.set(c, value);
        sheet.writes++;
        return undefined;
      },
    });
  }

  autofitColumns(): void {
    this.ctx.queue.ops.push({
      bytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { sheet, bounds } = this.resolve();
        for (let c = bounds.c0; c <= bounds.c1; c++) {
          let width = 8;
          for (const [k, cell] of sheet.cells) {
            if (k % MAX_COLS === c) width = Math.max(width, Math.min(80, String(cell.value).length + 2));
          }
          sheet.columnWidths.set(c, width * 6);
        }
        sheet.writes++;
        return undefined;
      },
    });
  }
}

class FakeChartProxy extends ClientObject {
  readonly title: { text: string };
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveChart: Resolver<{ sheet: FakeSheet; chart: FakeChart }>,
  ) {
    super(ctx, 'Chart');
    const self = this;
    this.title = {
      get text(): string {
        return self.get<string>('title');
      },
      set text(value: string) {
        self.enqueue(bytesOf(value), () => {
          self.resolveChart().chart.title = value;
          return undefined;
        });
      },
    };
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.enqueue(bytesOf(value), () => {
      this.resolveChart().chart.name = value;
      return undefined;
    });
  }
  setPosition(start: string, end?: string): void {
    this.enqueue(40, () => {
      this.resolveChart().chart.position = end === undefined ? { start } : { start, end };
      return undefined;
    });
  }
  delete(): void {
    this.enqueue(0, () => {
      const { sheet, chart } = this.resolveChart();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
      return undefined;
    });
  }
  load(spec?: string | string[]): this {
    const wanted = this.names(spec, ['name', 'title']);
    this.enqueue(20, () => {
      const { chart } = this.resolveChart();
      for (const name of wanted)
        this.loaded.set(
          name === 'title/text' ? 'title' : name,
          chart[name === 'title/text' ? 'title' : (name as 'name')],
        );
      return bytesOf(chart.name) + bytesOf(chart.title);
    });
    return this;
  }
  /** Set by collections after a load. */
  fill(chart: FakeChart): void {
    this.loaded.set('name', chart.name);
    this.loaded.set('title', chart.title);
  }
}

class FakeChartCollection extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: Resolver<FakeSheet>,
  ) {
    super(ctx, 'ChartCollection');
  }
  get items(): FakeChartProxy[] {
    return this.get('items');
  }
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChartProxy {
    let created: FakeChart | undefined;
    this.enqueue(60, () => {
      const sheet = this.sheet();
      const { sheet: sourceSheet, bounds } = source.resolve();
      created = {
        id: this.ctx.workbookState.newId('chart'),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: boundsAddress(sourceSheet.name, bounds),
        seriesBy,
        title: '',
      };
      sheet.charts.push(created);
      return undefined;
    });
    return new FakeChartProxy(this.ctx, () => {
      if (!created) throw new FakeExcelError('InvalidReference', 'The chart was not created');
      return { sheet: this.sheet(), chart: created };
    });
  }
  load(_spec?: string | string[]): this {
    this.enqueue(20, () => {
      const sheet = this.sheet();
      const items = sheet.charts.map((chart) => {
        const proxy = new FakeChartProxy(this.ctx, () => ({ sheet, chart }));
        proxy.fill(chart);
        return proxy;
      });
      this.loaded.set('items', items);
      return bytesOf(sheet.charts.map((c) => ({ name: c.name, title: c.title })));
    });
    return this;
  }
}

class FakeTableProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly table: FakeTable,
  ) {
    super(ctx, 'Table');
    this.loaded.set('name', table.name);
    this.loaded.set('id', table.id);
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.ctx.workbookState.requireSheet(this.table.sheetId),
      bounds: this.table,
    }));
  }
  load(_spec?: string | string[]): this {
    return this;
  }
}

class FakeTableCollection extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: Resolver<FakeSheet | undefined>,
  ) {
    super(ctx, 'TableCollection');
  }
  get items(): FakeTableProxy[] {
    return this.get('items');
  }
  load(_spec?: string | string[]): this {
    this.enqueue(20, () => {
      const sheet = this.sheet();
      const tables = this.ctx.workbookState.tables.filter((t) => !sheet || t.sheetId === sheet.id);
      this.loaded.set(
        'items',
        tables.map((t) => new FakeTableProxy(this.ctx, t)),
      );
      return bytesOf(tables.map((t) => ({ name: t.name, id: t.id })));
    });
    return this;
  }
}

class FakeWorksheet extends ClientObject {
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: Resolver<FakeSheet>,
    private readonly nullable = false,
  ) {
    super(ctx, 'Worksheet');
    this.tables = new FakeTableCollection(ctx, resolve);
    this.charts = new FakeChartCollection(ctx, resolve);
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.enqueue(bytesOf(value), () => {
      checkSheetName(value);
      const sheet = this.resolve();
      const other = this.ctx.workbookState.sheet(value);
      if (other && other !== sheet) throw new FakeExcelError('ItemAlreadyExists', `Sheet exists: ${value}`);
      sheet.name = value;
      return undefined;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get position(): number {
    return this.get('position');
  }
  /** Set by collections after a load. */
  fill(sheet: FakeSheet, position: number): void {
    this.loaded.set('name', sheet.name);
    this.loaded.set('id', sheet.id);
    this.loaded.set('position', position);
    this.loaded.set('isNullObject', false);
  }
  load(spec?: string | string[] | Record<string, unknown>): this {
    const wanted = this.names(spec, ['name', 'id', 'position']);
    this.enqueue(20, () => {
      let sheet: FakeSheet;
      try {
        sheet = this.resolve();
      } catch (error) {
        if (this.nullable && error instanceof FakeExcelError && error.code === 'ItemNotFound') {
          this.loaded.set('isNullObject', true);
          return 20;
        }
        throw error;
      }
      this.fill(sheet, this.ctx.workbookState.sheets.indexOf(sheet));
      return bytesOf(wanted.map((name) => this.loaded.get(name)));
    });
    return this;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      if (address === undefined)
        return { sheet, bounds: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      const parsed = parseRangeAddress(address);
      if (parsed.sheet !== null)
        throw new FakeExcelError('InvalidArgument', `Give the address without a sheet`);
      return { sheet, bounds: parsed };
    });
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      const b = { r0: row, c0: column, r1: row + rowCount - 1, c1: column + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || b.r0 < 0 || b.c0 < 0 || b.r1 >= MAX_ROWS || b.c1 >= MAX_COLS) {
        throw new FakeExcelError(
          'InvalidArgument',
          `getRangeByIndexes(${row}, ${column}, ${rowCount}, ${columnCount})`,
        );
      }
      return { sheet, bounds: b };
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, bounds: usedBounds(sheet, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      const bounds = usedBounds(sheet, valuesOnly);
      if (!bounds) throw new FakeExcelError('NullObject', 'No used range');
      return { sheet, bounds };
    });
  }
  activate(): void {
    this.enqueue(0, () => {
      this.ctx.workbookState.activeSheetId = this.resolve().id;
      return undefined;
    });
  }
  delete(): void {
    this.enqueue(0, () => {
      const sheet = this.resolve();
      const state = this.ctx.workbookState;
      if (state.sheets.length === 1)
        throw new FakeExcelError('InvalidOperation', 'A workbook keeps one sheet');
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.tables = state.tables.filter((t) => t.sheetId !== sheet.id);
      if (state.activeSheetId === sheet.id) state.activeSheetId = state.sheets[0]?.id;
      return undefined;
    });
  }
}

class FakeWorksheetCollection extends ClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorksheetCollection');
  }
  get items(): FakeWorksheet[] {
    return this.get('items');
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.enqueue(bytesOf(name ?? ''), () => {
      const state = this.ctx.workbookState;
      let sheetName = name;
      if (sheetName === undefined) {
        let n = state.sheets.length + 1;
        while (state.sheet(`Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      created = state.addSheet(sheetName);
      return undefined;
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeExcelError('InvalidReference', 'The sheet was not created');
      return created;
    });
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.workbookState.requireSheet(key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.workbookState.requireSheet(key), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.workbookState.activeSheet());
  }
  load(_spec?: string | string[] | Record<string, unknown>): this {
    this.enqueue(20, () => {
      const state = this.ctx.workbookState;
      const items = state.sheets.map((sheet, position) => {
        const proxy = new FakeWorksheet(this.ctx, () => state.requireSheet(sheet.id));
        proxy.fill(sheet, position);
        return proxy;
      });
      this.loaded.set('items', items);
      return bytesOf(state.sheets.map((s) => ({ name: s.name, id: s.id })));
    });
    return this;
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, () => undefined);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const state = this.ctx.workbookState;
      if (!state.selection) {
        throw new FakeExcelError(
          'InvalidSelection',
          'The current selection is not valid for this operation.',
        );
      }
      return { sheet: state.requireSheet(state.selection.sheetId), bounds: state.selection.bounds };
    });
  }
}

export class FakeRequestContext {
  readonly queue = new Queue();
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly workbookState: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Runs the queued batch: refuses it over the payload limit, else runs it in order. */
  async sync(): Promise<void> {
    const ops = this.queue.ops;
    this.queue.ops = [];
    const stats = this.workbookState.stats;
    stats.syncs++;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (this.workbookState.failNextSyncs > 0) {
      this.workbookState.failNextSyncs--;
      stats.failedSyncs++;
      throw new FakeExcelError(
        'GeneralException',
        'There was an internal error while processing the request.',
      );
    }
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.length };
    stats.history.push(record);
    stats.requestBytes += requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    stats.maxPayloadBytes = Math.max(stats.maxPayloadBytes, requestBytes);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      stats.failedSyncs++;
      throw new FakeExcelError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    let responseBytes = 0;
    try {
      for (const op of ops) {
        responseBytes += op.run() ?? 0;
        if (responseBytes > PAYLOAD_LIMIT_BYTES) {
          throw new FakeExcelError(
            'ResponsePayloadSizeLimitExceeded',
            `The response payload size has exceeded the limit (${responseBytes} bytes).`,
          );
        }
      }
    } catch (error) {
      stats.failedSyncs++;
      throw error;
    } finally {
      record.responseBytes = responseBytes;
      stats.responseBytes += responseBytes;
      stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
      stats.maxPayloadBytes = Math.max(stats.maxPayloadBytes, responseBytes);
    }
  }
}

// ---------------------------------------------------------------- Office and Excel globals

export interface AsyncResultLike {
  status: 'succeeded' | 'failed';
  error?: { message: string };
}

/** `Office.context.document.settings` as the pane uses it. */
class FakeSettings {
  constructor(private readonly state: FakeWorkbook) {}
  get(name: string): unknown {
    return this.state.settings.has(name) ? structuredClone(this.state.settings.get(name)) : null;
  }
  set(name: string, value: unknown): void {
    this.state.settings.set(name, structuredClone(value));
  }
  remove(name: string): void {
    this.state.settings.delete(name);
  }
  saveAsync(callback?: (result: AsyncResultLike) => void): void {
    setTimeout(() => {
      this.state.savedSettings = new Map(this.state.settings);
      callback?.({ status: 'succeeded' });
    }, 0);
  }
  refreshAsync(callback?: (result: AsyncResultLike) => void): void {
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
}

export interface FakeOffice {
  workbook: FakeWorkbook;
  /** The global `Excel` namespace. */
  Excel: {
    run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
    RequestContext: typeof FakeRequestContext;
    ChartType: Record<string, string>;
    ChartSeriesBy: Record<string, string>;
    ErrorCodes: Record<string, string>;
  };
  /** The global `Office` namespace. */
  Office: {
    onReady(
      callback?: (info: { host: string; platform: string }) => void,
    ): Promise<{ host: string; platform: string }>;
    initialize?: () => void;
    HostType: { Excel: string };
    PlatformType: { OfficeOnline: string };
    AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
    context: {
      displayLanguage: string;
      contentLanguage: string;
      requirements: { isSetSupported(name: string, version?: string): boolean };
      document: { settings: FakeSettings };
    };
  };
}

export function createFakeOffice(
  options: FakeWorkbookOptions = {},
  workbook = new FakeWorkbook(),
): FakeOffice {
  const excelApi = options.excelApiVersion ?? 2;
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  return {
    workbook,
    Excel: {
      async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
        const context = new FakeRequestContext(workbook);
        const result = await batch(context);
        if (context.queue.ops.length > 0) await context.sync();
        return result;
      },
      RequestContext: FakeRequestContext,
      ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered' },
      ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
      ErrorCodes: {
        invalidArgument: 'InvalidArgument',
        itemAlreadyExists: 'ItemAlreadyExists',
        itemNotFound: 'ItemNotFound',
        generalException: 'GeneralException',
      },
    },
    Office: {
      onReady(callback) {
        return new Promise((resolve) => {
          setTimeout(() => {
            callback?.(info);
            resolve(info);
          }, 0);
        });
      },
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        displayLanguage: options.displayLanguage ?? 'nl-NL',
        contentLanguage: options.displayLanguage ?? 'nl-NL',
        requirements: {
          isSetSupported(name: string, version?: string): boolean {
            if (name !== 'ExcelApi') return false;
            const minor = Number((version ?? '1.1').split('.')[1] ?? '1');
            return minor <= excelApi;
          },
        },
        document: { settings: new FakeSettings(workbook) },
      },
    },
  };
}
