import type { Finding } from '../findings.js';
import { cellRef, parseAddress } from '../grid/address.js';
import type { Cell } from '../grid/schema.js';
import { type GridTable, isBlank, readGridTable } from '../grid/table.js';
import type { Lang } from '../locale.js';
import { readRate } from '../money/amount.js';
import type { Decimal } from '../money/decimal.js';
import { normalizeHeader } from '../text/normalize.js';
import { budgetFinding } from './messages.js';
import type { BudgetField, BudgetLine, BudgetRequest } from './schema.js';

/**
 * The summary rows under the lines. `totalExclVat` is a total before VAT that follows a
 * subtotal and contingency; `vat` a VAT row on the whole (`BTW 21%`).
 */
export type SummaryKind = 'subtotal' | 'contingency' | 'totalExclVat' | 'vat' | 'total';

/** A budget line as read, from the request's list or from a grid row, with its cells. */
export interface SourceLine {
  row: number;
  line: BudgetLine;
  refs: Partial<Record<BudgetField, string>>;
}

/** A stated subtotal, contingency or total, and the cell it came from. */
export interface SourceSummary {
  value: BudgetLine['total'];
  row?: number;
  ref?: string;
}

/** The budget as the engine reads it, whichever way it came. */
export interface BudgetSource {
  lines: SourceLine[];
  stated: Partial<Record<SummaryKind, SourceSummary>>;
  /** A contingency rate written in the grid's contingency row (`Onvoorzien 10%`). */
  gridContingencyRate?: Decimal;
  /** A VAT rate written in the grid's VAT row (`BTW 21%`). */
  gridVatRate?: Decimal;
  mapping?: Partial<Record<BudgetField, string>>;
  header?: { row: number; ref: string; labels: Partial<Record<BudgetField, string>> };
  findings: Finding[];
}

/** Header texts of budget tables, Dutch and English (compared after normalizing). */
const BUDGET_HEADERS: { field: BudgetField; synonyms: string[] }[] = [
  { field: 'nr', synonyms: ['nr', 'nummer', 'no', 'number', 'volgnummer'] },
  {
    field: 'item',
    synonyms: [
      'interventie',
      'interventies',
      'onderdeel',
      'omschrijving',
      'activiteit',
      'activiteiten',
      'kostenpost',
      'post',
      'item',
      'intervention',
      'activity',
      'description',
      'module',
    ],
  },
  {
    field: 'provider',
    synonyms: [
      'aanbieder',
      'leverancier',
      'uitvoerder',
      'partij',
      'trainer',
      'provider',
      'supplier',
      'vendor',
    ],
  },
  {
    field: 'unitCost',
    synonyms: [
      'kosten per dd',
      'kosten per dagdeel',
      'prijs per dagdeel',
      'tarief per dagdeel',
      'kosten per eenheid',
      'prijs per eenheid',
      'eenheidsprijs',
      'stuksprijs',
      'tarief',
      'prijs',
      'kosten excl btw',
      'dagdeelprijs',
      'kosten',
      'uurtarief',
      'dagtarief',
      'dagdeeltarief',
      'tarief per uur',
      'unit cost',
      'cost per unit',
      'price per unit',
      'unit price',
      'hourly rate',
      'day rate',
      'daily rate',
      'cost',
      'costs',
      'rate',
      'price',
    ],
  },
  { field: 'vat', synonyms: ['btw', 'btw bedrag', 'vat', 'vat amount', 'tax'] },
  {
    field: 'vatRate',
    synonyms: [
      'btw tarief',
      'btw percentage',
      'btw pct',
      'tarief btw',
      'vat rate',
      'vat percentage',
      'vat pct',
    ],
  },
  {
    field: 'travel',
    synonyms: [
      'reis parkeer kosten',
      'reis parkeerkosten',
      'reiskosten',
      'reis en parkeerkosten',
      'parkeerkosten',
      'reis en verblijfkosten',
      'travel',
      'travel costs',
      'travel and parking',
    ],
  },
  {
    field: 'units',
    synonyms: [
      'aantal dagdelen',
      'aantal',
      'dagdelen',
      'aantal dd',
      'aantal eenheden',
      'aantal keer',
      'aantal uren',
      'aantal uur',
      'aantal dagen',
      'uren',
      'dagen',
      'units',
      'quantity',
      'qty',
      'number of units',
      'half days',
      'hours',
      'days',
    ],
  },
  {
    field: 'total',
    synonyms: [
      'totaal',
      'totaal bedrag',
      'totaalbedrag',
      'bedrag',
      'totaal incl btw',
      'regeltotaal',
      'totale kosten',
      'totaal kosten',
      'total',
      'amount',
      'line total',
      'total incl vat',
    ],
  },
];

/**
 * Labels of the summary rows under the lines, in the order they are tried; a label matches when
 * it is one or starts with one (`Onvoorzien 10%`, `Totaal incl. BTW`).
 */
const SUMMARY_LABELS: [SummaryKind, string[]][] = [
  ['totalExclVat', ['totaal excl', 'totaal exclusief', 'totaal ex', 'total excl', 'total excluding']],
  ['subtotal', ['subtotaal', 'sub totaal', 'subtotal', 'sub total']],
  [
    'total',
    ['totaal', 'total', 'eindtotaal', 'totaalbedrag', 'grand total', 'totaal generaal', 'totale kosten'],
  ],
  ['contingency', ['onvoorzien', 'onvoorziene kosten', 'contingency', 'unforeseen']],
  ['vat', ['btw', 'vat', 'omzetbelasting']],
];

/** Labels longer than this are notes ("Totaal is inclusief reiskosten van ..."), not summaries. */
const MAX_SUMMARY_LABEL = 40;

const AMOUNT_FIELDS = ['unitCost', 'vat', 'vatRate', 'travel', 'units', 'total'] as const;

/** Reads the structured request as a budget source: rows are list indexes, no cells. */
export function sourceFromLines(request: BudgetRequest & { lines: BudgetLine[] }): BudgetSource {
  const stated: BudgetSource['stated'] = {};
  for (const kind of ['subtotal', 'contingency', 'vat', 'total'] as const) {
    const value = request.stated?.[kind];
    if (value !== undefined && value !== null) stated[kind] = { value };
  }
  return { lines: request.lines.map((line, row) => ({ row, line, refs: {} })), stated, findings: [] };
}

function summaryKind(label: string): SummaryKind | undefined {
  if (label.length > MAX_SUMMARY_LABEL) return undefined;
  const text = normalizeHeader(label);
  for (const [kind, labels] of SUMMARY_LABELS) {
    if (labels.some((l) => text === l || text.startsWith(`${l} `))) return kind;
  }
  return undefined;
}

function asText(cell: Cell): string | null {
  return isBlank(cell) ? null : String(cell).trim();
}

function asAmount(cell: Cell): string | number | null {
  if (isBlank(cell)) return null;
  return typeof cell === 'boolean' ? String(cell).toUpperCase() : cell;
}

/** A percentage anywhere in a contingency row: `10%` as text, or 0.1 formatted as a percentage. */
function rateInRow(table: GridTable<BudgetField>, row: number): Decimal | undefined {
  const cells = table.values[row] ?? [];
  for (let column = 0; column < cells.length; column++) {
    const cell = cells[column];
    if (typeof cell === 'string' && cell.length <= 64 && cell.includes('%')) {
      const rate = readRate(cell.replace(/^.*?(\d[\d.,]*\s*%).*$/, '$1'));
      if (rate) return rate;
    }
    if (typeof cell === 'number' && table.format(row, column)?.includes('%')) return readRate(cell);
  }
  return undefined;
}

/**
 * Reads a budget table from a grid: the header by its names, the lines under it, and the
 * subtotal, contingency and total rows under the lines, whose label may stand in any column
 * left of the amount. Empty rows and rows of only text are skipped.
 */
export function sourceFromGrid(grid: NonNullable<BudgetRequest['grid']>, lang: Lang): BudgetSource {
  const table = readGridTable(grid, { fields: BUDGET_HEADERS, anchors: ['total', 'unitCost'] });
  const origin = parseAddress(grid.address);
  const topLeft = origin ? cellRef(origin.sheet, origin.row, origin.column) : grid.address;
  const source: BudgetSource = { lines: [], stated: {}, mapping: table.mapping, findings: [] };
  if (table.headerRow === null && Object.keys(table.columns).length === 0) {
    source.findings.push(budgetFinding(lang, 'HEADER_NOT_FOUND', { ref: topLeft }));
    return source;
  }
  if (table.headerRow !== null) {
    source.header = { row: table.headerRow, ref: table.ref(table.headerRow, 0), labels: table.headers };
  }
  const totalColumn = table.columns.total;
  const amountColumn = (row: number): number | undefined => {
    if (totalColumn !== undefined) return totalColumn;
    const cells = table.values[row] ?? [];
    for (let column = cells.length - 1; column >= 0; column--) if (!isBlank(cells[column])) return column;
    return undefined;
  };
  for (let row = (table.headerRow ?? -1) + 1; row < table.values.length; row++) {
    const cells = table.values[row] ?? [];
    if (cells.every(isBlank)) continue;
    const column = amountColumn(row);
    // A summary row has a label but no unit cost or units of its own (a rate may stand there).
    const labelled = hasLineFigures(table, row)
      ? undefined
      : cells
          .slice(0, column ?? cells.length)
          .map((cell) => (typeof cell === 'string' ? summaryKind(cell) : undefined))
          .find((kind) => kind !== undefined);
    const onlyAmount = column !== undefined && cells.every((cell, c) => c === column || isBlank(cell));
    let kind = labelled ?? (onlyAmount && source.lines.length > 0 ? nextUnlabelled(source) : undefined);
    if (kind === 'totalExclVat' && !source.stated.subtotal) kind = 'subtotal';
    if (kind && column !== undefined) {
      // A labelled row without an amount is a note: skipped, like any row of only text.
      if (!isBlank(cells[column])) {
        source.stated[kind] = { value: asAmount(cells[column] ?? ''), row, ref: table.ref(row, column) };
        if (kind === 'contingency') source.gridContingencyRate = rateInRow(table, row);
        if (kind === 'vat') source.gridVatRate = rateInRow(table, row);
      }
      continue;
    }
    if (AMOUNT_FIELDS.every((field) => isBlank(table.cell(row, field)))) continue;
    const refs: SourceLine['refs'] = {};
    for (const field of Object.keys(table.columns) as BudgetField[]) refs[field] = table.refOf(row, field);
    const vatRate = table.cell(row, 'vatRate');
    source.lines.push({
      row,
      refs,
      line: {
        item: asText(table.cell(row, 'item')),
        provider: asText(table.cell(row, 'provider')),
        unitCost: asAmount(table.cell(row, 'unitCost')),
        vat: asAmount(table.cell(row, 'vat')),
        vatRate: isBlank(vatRate) || typeof vatRate === 'boolean' ? null : vatRate,
        travel: asAmount(table.cell(row, 'travel')),
        units: asAmount(table.cell(row, 'units')),
        total: asAmount(table.cell(row, 'total')),
      },
    });
  }
  return source;
}

/**
 * An unlabelled amount under the lines is the subtotal; after the subtotal, or after a
 * contingency, it is the total.
 */
function nextUnlabelled(source: BudgetSource): SummaryKind | undefined {
  if (!source.stated.subtotal && !source.stated.contingency) return 'subtotal';
  if (!source.stated.total) return 'total';
  return undefined;
}

/**
 * A unit cost or units in a row: a number, or text with digits. A percentage there is a rate and
 * a word a label (the pilot writes `subtotaal` in its cost column), not figures of a line.
 */
function hasLineFigures(table: GridTable<BudgetField>, row: number): boolean {
  return (['unitCost', 'units'] as const).some((field) => {
    const cell = table.cell(row, field);
    const column = table.columns[field];
    if (typeof cell === 'number') return !(column !== undefined && table.format(row, column)?.includes('%'));
    return typeof cell === 'string' && /\d/.test(cell) && !cell.includes('%');
  });
}
