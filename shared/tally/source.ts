import type { Finding } from '../findings.js';
import { cellRef, parseAddress } from '../grid/address.js';
import { readMark } from '../grid/marks.js';
import type { Cell, Grid } from '../grid/schema.js';
import { type FieldSpec, isBlank, readGridTable } from '../grid/table.js';
import type { Lang } from '../locale.js';
import { normalizeHeader } from '../text/normalize.js';
import { tallyFinding } from './messages.js';
import type { Report, TallyField, TallyRequest } from './schema.js';

/** A report as the engine reads it, from the request's list or a grid row, with its cells. */
export interface SourceReport {
  row: number;
  unit: string;
  group: string | null;
  period: string;
  /** The codes as given: a list of codes, or one text to split (`"K1, K4"`). */
  codes: Report['codes'];
  /** Category ids ticked in tick columns. */
  marks: string[];
  text: string | null;
  refs: { unit?: string; codes?: string; text?: string };
}

export interface TallySource {
  reports: SourceReport[];
  mapping?: Record<string, string>;
  header?: { row: number; ref: string; labels: Record<string, string> };
  findings: Finding[];
}

/** A category as the grid reader needs it: its id and the labels a tick column may carry. */
export interface CategoryHeader {
  id: string;
  labels: string[];
}

const TALLY_HEADERS: FieldSpec<TallyField>[] = [
  {
    field: 'unit',
    synonyms: [
      'directie',
      'eenheid',
      'directie eenheid',
      'organisatieonderdeel',
      'organisatie onderdeel',
      'onderdeel',
      'afdeling',
      'dienst',
      'stadsdeel',
      'organisatie',
      'naam',
      'unit',
      'directorate',
      'department',
      'organisation',
      'organization',
    ],
  },
  {
    field: 'group',
    synonyms: [
      'cluster',
      'groep',
      'domein',
      'sector',
      'portefeuille',
      'bedrijfsvoering cluster',
      'group',
      'domain',
    ],
  },
  {
    field: 'period',
    synonyms: [
      'jaar',
      'periode',
      'rapportagejaar',
      'rapportageperiode',
      'peiljaar',
      'year',
      'period',
      'reporting year',
    ],
  },
  {
    field: 'codes',
    synonyms: [
      'knelpunten',
      'knelpunt',
      'knelpuntcodes',
      'knelpunt codes',
      'codes',
      'code',
      'categorieen',
      'categorie',
      'bottlenecks',
      'bottleneck',
      'bottleneck codes',
      'categories',
    ],
  },
  {
    field: 'text',
    synonyms: [
      'toelichting',
      'omschrijving',
      'opmerking',
      'opmerkingen',
      'tekst',
      'vrije tekst',
      'knelpunten toelichting',
      'toelichting knelpunten',
      'ervaren knelpunten',
      'beschrijving',
      'explanation',
      'comments',
      'comment',
      'remarks',
      'text',
      'notes',
      'description',
    ],
  },
];

const SUMMARY_LABELS = ['totaal', 'total', 'totalen', 'som', 'aantal', 'subtotaal', 'gemiddelde', 'average'];
function text(cell: Cell): string | null {
  if (isBlank(cell)) return null;
  return String(cell).trim();
}

/** A period as the tally writes it: trimmed text; a number as its digits. */
export function periodOf(value: string | number | null | undefined, fallback: string): string {
  if (value === null || value === undefined) return fallback;
  const period = String(value).trim();
  return period === '' ? fallback : period;
}

/** Reads the structured request as reports: rows are list indexes, no cells. */
export function sourceFromReports(reports: Report[], defaultPeriod: string): TallySource {
  return {
    reports: reports.map((report, row) => ({
      row,
      unit: report.unit.trim(),
      group: report.group?.trim() || null,
      period: periodOf(report.period, defaultPeriod),
      codes: report.codes,
      marks: [],
      text: report.text ?? null,
      refs: {},
    })),
    findings: [],
  };
}

/**
 * Reads a progress sheet: the header by its names (Dutch and English), a tick column per
 * category (headed by its id, `K1`, or its label), a codes column, a free-text column, or any
 * mix; the rows under it, one per unit and period. Blank rows and total rows are skipped.
 */
export function sourceFromGrid(
  grid: NonNullable<TallyRequest['grid']>,
  categories: readonly CategoryHeader[],
  defaultPeriod: string,
  lang: Lang,
): TallySource {
  const fields: FieldSpec<string>[] = [
    ...TALLY_HEADERS,
    ...categories.map((category) => ({ field: category.id, synonyms: [category.id, ...category.labels] })),
  ];
  const columns: Record<string, string> = {};
  for (const [key, letters] of Object.entries(grid.columns ?? {})) {
    const category = categories.find((c) => c.id.toUpperCase() === key.toUpperCase());
    columns[category?.id ?? key] = letters;
  }
  const table = readGridTable<string>({ ...grid, columns } as Grid<string>, {
    fields,
    anchors: ['unit'],
    minFields: 2,
  });
  const origin = parseAddress(grid.address);
  const topLeft = origin ? cellRef(origin.sheet, origin.row, origin.column) : grid.address;
  const source: TallySource = { reports: [], mapping: table.mapping as Record<string, string>, findings: [] };
  const tickIds = categories.map((c) => c.id).filter((id) => table.columns[id] !== undefined);
  const hasContent =
    table.columns.codes !== undefined || table.columns.text !== undefined || tickIds.length > 0;
  if (table.columns.unit === undefined || !hasContent) {
    source.findings.push(tallyFinding(lang, 'HEADER_NOT_FOUND', { ref: topLeft }));
    return source;
  }
  if (table.headerRow !== null) {
    source.header = {
      row: table.headerRow,
      ref: table.ref(table.headerRow, 0),
      labels: table.headers as Record<string, string>,
    };
  }
  const read = Object.values(table.columns) as number[];
  for (let row = (table.headerRow ?? -1) + 1; row < table.values.length; row++) {
    const cells = table.values[row] ?? [];
    if (read.every((column) => isBlank(cells[column]))) continue;
    const unit = text(table.cell(row, 'unit'));
    const unitRef = table.refOf(row, 'unit');
    if (unit !== null && SUMMARY_LABELS.some((label) => normalizeHeader(unit).split(' ')[0] === label)) {
      source.findings.push(tallyFinding(lang, 'SUMMARY_ROW_SKIPPED', { row, ref: unitRef, actual: unit }));
      continue;
    }
    const marks: string[] = [];
    for (const id of tickIds) {
      const cell = table.cell(row, id);
      const mark = readMark(cell);
      if (mark === 'set') marks.push(id);
      else if (mark === 'invalid') {
        source.findings.push(
          tallyFinding(
            lang,
            'MARK_UNREADABLE',
            { row, field: id, ref: table.refOf(row, id), actual: String(cell) },
            { category: id },
          ),
        );
      }
    }
    const codes = table.cell(row, 'codes');
    source.reports.push({
      row,
      unit: unit ?? '',
      group: text(table.cell(row, 'group')),
      period: periodOf(text(table.cell(row, 'period')), defaultPeriod),
      codes: isBlank(codes) ? null : String(codes),
      marks,
      text: text(table.cell(row, 'text')),
      refs: { unit: unitRef, codes: table.refOf(row, 'codes'), text: table.refOf(row, 'text') },
    });
  }
  return source;
}
