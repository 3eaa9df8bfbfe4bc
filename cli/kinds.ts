import type { SheetPlan } from '../addin/src/excel/write.js';
import type { MessageKey } from '../addin/src/i18n.js';
import { budgetSheetPlan } from '../addin/src/tasks/budget.js';
import { agendaSheetPlan } from '../addin/src/tasks/calendar.js';
import { progressSheetPlan } from '../addin/src/tasks/progress.js';
import { validateBudget } from '../shared/budget/engine.js';
import { BudgetRequestSchema, type BudgetResponse } from '../shared/budget/schema.js';
import { generateCalendar } from '../shared/calendar/engine.js';
import { CalendarRequestSchema, type CalendarResponse } from '../shared/calendar/schema.js';
import type { Finding } from '../shared/findings.js';
import type { Cell } from '../shared/grid/schema.js';
import type { Lang, Locale } from '../shared/locale.js';
import { tallyProgress } from '../shared/tally/engine.js';
import { TallyRequestSchema, type TallyResponse } from '../shared/tally/schema.js';

/** What the command line knows how to check: one kind per endpoint that takes grid input. */
export type TableKindName = 'budget' | 'programme' | 'progress';

/** A block of cells as grid input takes it. */
export interface GridInput {
  address: string;
  values: Cell[][];
  numberFormat: string[][];
}

export interface CheckOptions {
  lang: Lang;
  locale: Locale;
  /** The year of dates in programme tables written without one (`Woensdag 10 juli`). */
  year?: number;
}

/**
 * A kind of table: the endpoint it goes to, and how the command line calls that endpoint's
 * engine in-process. `check` parses the request with the endpoint's own zod schema and calls
 * its engine, so the result is exactly the API's response object. It may throw the engine's
 * `WorkLimitError` (the API's 422).
 */
export interface TableKind<Response = unknown> {
  name: TableKindName;
  /** The route under `/api`, as in the contract. */
  route: string;
  check(grid: GridInput, options: CheckOptions): Response;
  /** How many columns the engine recognised by their headers; 0 when the block is not this kind of table. */
  recognised(response: Response): number;
  findings(response: Response): Finding[];
  /** The name the add-in gives its output sheet for this kind (a key of the pane's texts). */
  sheetName: MessageKey;
  /** The add-in's output sheet for this result, when the add-in has one for this kind. */
  sheetPlan?(response: Response, rangeAddress: string, lang: Lang, now: Date): SheetPlan;
  /** A short summary for the terminal (totals), when the kind has one. */
  summary?(response: Response, lang: Lang): string | undefined;
}

/** Finds a budget table by its headers, checks it with the budget engine. */
export const budgetKind: TableKind<BudgetResponse> = {
  name: 'budget',
  route: 'budget/validate',
  sheetName: 'sheetBudget',
  check(grid, { lang, locale }) {
    const request = BudgetRequestSchema.parse({ locale, language: lang, grid });
    return validateBudget(request);
  },
  recognised(response) {
    // A header without a single line under it is taken for a header-like row, not a budget.
    if (response.findings.some((f) => f.code === 'HEADER_NOT_FOUND' || f.code === 'NO_LINES')) return 0;
    return Object.keys(response.mapping ?? {}).length;
  },
  findings: (response) => response.findings,
  sheetPlan: (response, rangeAddress, lang, now) => budgetSheetPlan(response, { rangeAddress }, lang, now),
  summary(response, lang) {
    const { stated, recomputed } = response.totals;
    const labels =
      lang === 'nl' ? ['subtotaal', 'onvoorzien', 'totaal'] : ['subtotal', 'contingency', 'total'];
    const parts = (['subtotal', 'contingency', 'total'] as const).map(
      (key, i) => `${labels[i]} ${stated[key] ?? '—'} / ${recomputed[key]}`,
    );
    const heading = lang === 'nl' ? 'vermeld / herberekend' : 'stated / recomputed';
    return `${heading}: ${parts.join(', ')}`;
  },
};

/** Finds a progress sheet (one row per unit and period) by its headers, tallies it with the tally engine. */
export const progressKind: TableKind<TallyResponse> = {
  name: 'progress',
  route: 'progress/tally',
  sheetName: 'sheetProgress',
  check(grid, { lang, locale }) {
    return tallyProgress(TallyRequestSchema.parse({ locale, language: lang, grid }));
  },
  recognised(response) {
    // A header without a single report under it is taken for a header-like row, not a progress sheet.
    if (response.findings.some((f) => f.code === 'HEADER_NOT_FOUND' || f.code === 'NO_REPORTS')) return 0;
    return Object.keys(response.mapping ?? {}).length;
  },
  findings: (response) => response.findings,
  sheetPlan: (response, rangeAddress, lang, now) => progressSheetPlan(response, rangeAddress, lang, now),
  summary(response, lang) {
    const parts = response.periods.map((period) => {
      const top = period.tallies
        .filter((tally) => tally.rank === 1 && tally.count > 0)
        .map((tally) => `${tally.id} ${tally.count}`);
      const reporting = lang === 'nl' ? 'rapporterend' : 'reporting';
      return `${period.period}: ${period.reporting} ${reporting}${top.length > 0 ? `, top ${top.join(', ')}` : ''}`;
    });
    return parts.length > 0 ? parts.join('; ') : undefined;
  },
};

/** Finds a programme table (steps or sessions with a date column) by its headers, reads it with the calendar engine. */
export const programmeKind: TableKind<CalendarResponse> = {
  name: 'programme',
  route: 'calendar/generate',
  sheetName: 'sheetAgenda',
  check(grid, { lang, locale, year }) {
    return generateCalendar(
      CalendarRequestSchema.parse({ locale, language: lang, grid, ...(year === undefined ? {} : { year }) }),
    );
  },
  recognised(response) {
    if (response.findings.some((f) => f.code === 'HEADER_NOT_FOUND')) return 0;
    // A date header with nothing read under it (no date, no period, no finding on a row) is no programme table.
    const read =
      response.events.length +
      response.windows.length +
      response.findings.filter((f) => f.row !== undefined).length;
    if (read === 0) return 0;
    return Object.keys(response.mapping ?? {}).length;
  },
  findings: (response) => response.findings,
  sheetPlan: (response, rangeAddress, lang, now) => agendaSheetPlan(response, rangeAddress, lang, now),
  summary(response, lang) {
    const events = response.events.length;
    const windows = response.windows.length;
    return lang === 'nl'
      ? `${events} datum(s), ${windows} periode(s), tijdzone ${response.timeZone}`
      : `${events} date(s), ${windows} period(s), time zone ${response.timeZone}`;
  },
};

/** Every kind of table the command line looks for, in the order it tries them (the first wins a tie). */
export const TABLE_KINDS: readonly TableKind[] = [
  budgetKind as TableKind,
  progressKind as TableKind,
  programmeKind as TableKind,
];
