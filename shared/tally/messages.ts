import { type CodeEntry, findingsFor } from '../findings.js';

/** Every finding of the tally, its severity, and its message in Dutch and English. */
const TALLY_CODES = {
  UNKNOWN_CODE: {
    severity: 'error',
    nl: 'Onbekende knelpuntcode "{actual}" bij {unit}; bekend zijn {known}.',
    en: 'Unknown bottleneck code "{actual}" for {unit}; known are {known}.',
  },
  MARK_UNREADABLE: {
    severity: 'error',
    nl: '"{actual}" in de kolom {category} is geen vinkje (x, ja, 1, ✓) en geen nee (nee, 0, leeg); niet geteld.',
    en: '"{actual}" in column {category} is neither a tick (x, yes, 1, ✓) nor a no (no, 0, blank); not counted.',
  },
  DUPLICATE_REPORT: {
    severity: 'warning',
    nl: '{unit} rapporteert twee keer over {period} (ook rij {firstRow}); eenmaal geteld.',
    en: '{unit} reports twice for {period} (also row {firstRow}); counted once.',
  },
  MISSING_REPORT: {
    severity: 'warning',
    nl: '{actual} heeft over {period} niet gerapporteerd.',
    en: '{actual} has not reported for {period}.',
  },
  UNCLASSIFIED_TEXT: {
    severity: 'info',
    nl: 'De toelichting van {unit} past bij geen knelpunt: "{excerpt}".',
    en: 'The text of {unit} matches no bottleneck: "{excerpt}".',
  },
  UNIT_MISSING: {
    severity: 'error',
    nl: 'Rij zonder directie/eenheid; niet geteld.',
    en: 'Row without a unit; not counted.',
  },
  UNEXPECTED_UNIT: {
    severity: 'info',
    nl: '"{actual}" staat niet in de lijst van verwachte eenheden{hint}.',
    en: '"{actual}" is not in the list of expected units{hint}.',
  },
  SUMMARY_ROW_SKIPPED: {
    severity: 'info',
    nl: 'Totaalrij "{actual}" overgeslagen.',
    en: 'Summary row "{actual}" skipped.',
  },
  HEADER_NOT_FOUND: {
    severity: 'error',
    nl: 'Geen kopregel gevonden met een kolom "Directie" of "Eenheid" en knelpunten (codes, vinkjes of toelichting).',
    en: 'No header row found with a "Unit" column and bottlenecks (codes, ticks or text).',
  },
  NO_REPORTS: {
    severity: 'warning',
    nl: 'Geen rapportages gevonden.',
    en: 'No reports found.',
  },
} satisfies Record<string, CodeEntry>;

export type TallyCode = keyof typeof TALLY_CODES;
export const tallyFinding = findingsFor<TallyCode>(TALLY_CODES);
