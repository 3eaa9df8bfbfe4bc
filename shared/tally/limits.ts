import { WorkLimitError } from '../limits.js';
import type { TallyRequest } from './schema.js';

/** The limits of the tally, documented in docs/api-tally.md; over them the request is refused (422). */
export const TALLY_LIMITS = {
  reports: 50_000,
  gridRows: 50_000,
  gridColumns: 200,
  categories: 100,
  keywordsPerCategory: 200,
  /** Characters of one report's free text. */
  textLength: 10_000,
  /** Characters of free text in one request. */
  totalText: 5_000_000,
  codesPerReport: 100,
  expectedUnits: 10_000,
} as const;

function refuse(path: string, nl: string, en: string): never {
  throw new WorkLimitError(path, { nl, en });
}

/** Refuses, before any work, a request over the documented limits. */
export function checkTallyLimits(request: TallyRequest): void {
  const L = TALLY_LIMITS;
  const categories = request.categories ?? [];
  if (categories.length > L.categories) {
    refuse('categories', `Meer dan ${L.categories} categorieën`, `More than ${L.categories} categories`);
  }
  categories.forEach((category, index) => {
    if ((category.keywords?.length ?? 0) > L.keywordsPerCategory) {
      refuse(
        `categories.${index}.keywords`,
        `Meer dan ${L.keywordsPerCategory} trefwoorden`,
        `More than ${L.keywordsPerCategory} keywords`,
      );
    }
  });
  if ((request.expectedUnits?.length ?? 0) > L.expectedUnits) {
    refuse('expectedUnits', `Meer dan ${L.expectedUnits} eenheden`, `More than ${L.expectedUnits} units`);
  }
  let total = 0;
  const countText = (path: string, text: string) => {
    if (text.length > L.textLength) {
      refuse(path, `Tekst langer dan ${L.textLength} tekens`, `Text longer than ${L.textLength} characters`);
    }
    total += text.length;
    if (total > L.totalText) {
      refuse(path, `Meer dan ${L.totalText} tekens tekst`, `More than ${L.totalText} characters of text`);
    }
  };
  if (request.reports) {
    if (request.reports.length > L.reports) {
      refuse('reports', `Meer dan ${L.reports} rapportages`, `More than ${L.reports} reports`);
    }
    request.reports.forEach((report, index) => {
      if (typeof report.text === 'string') countText(`reports.${index}.text`, report.text);
      if (typeof report.codes === 'string') countText(`reports.${index}.codes`, report.codes);
      else if (Array.isArray(report.codes) && report.codes.length > L.codesPerReport) {
        refuse(
          `reports.${index}.codes`,
          `Meer dan ${L.codesPerReport} codes`,
          `More than ${L.codesPerReport} codes`,
        );
      }
    });
  }
  const grid = request.grid;
  if (grid) {
    if (grid.values.length > L.gridRows) {
      refuse('grid.values', `Meer dan ${L.gridRows} rijen`, `More than ${L.gridRows} rows`);
    }
    grid.values.forEach((row, r) => {
      if (row.length > L.gridColumns) {
        refuse(
          `grid.values.${r}`,
          `Meer dan ${L.gridColumns} kolommen`,
          `More than ${L.gridColumns} columns`,
        );
      }
      row.forEach((cell, c) => {
        if (typeof cell === 'string') countText(`grid.values.${r}.${c}`, cell);
      });
    });
  }
}
