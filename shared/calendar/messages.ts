import { type CodeEntry, findingsFor } from '../findings.js';
import type { Lang } from '../locale.js';
import { civilDate, weekdayName } from './dates.js';

/** Every finding of the calendar, its severity, and its message in Dutch and English. */
const CALENDAR_CODES = {
  EVENT_SHIFTED: {
    severity: 'info',
    nl: '"{title}" van {fromText} ({reason}) verplaatst naar {toText}.',
    en: '"{title}" on {fromText} ({reason}) moved to {toText}.',
  },
  EVENT_SKIPPED: {
    severity: 'warning',
    nl: '"{title}" van {fromText} vervalt: {reason}.',
    en: '"{title}" on {fromText} is skipped: {reason}.',
  },
  CONFLICT_KEPT: {
    severity: 'warning',
    nl: '"{title}" op {fromText} valt op een vrije dag ({reason}) en blijft staan.',
    en: '"{title}" on {fromText} falls on a day off ({reason}) and is kept.',
  },
  WEEKDAY_MISMATCH: {
    severity: 'error',
    nl: '{dateText} is een {expected}, geen {actual}.',
    en: '{dateText} is a {expected}, not a {actual}.',
  },
  DATE_INVALID: {
    severity: 'error',
    nl: '"{actual}" is geen bestaande datum.',
    en: '"{actual}" is not a real date.',
  },
  TEXT_UNPARSEABLE: {
    severity: 'error',
    nl: 'In "{actual}" staat geen datum die te lezen is{hint}.',
    en: 'No readable date in "{actual}"{hint}.',
  },
  TIME_INVALID: {
    severity: 'error',
    nl: '"{actual}" is geen geldige tijd of het einde ligt niet na het begin.',
    en: '"{actual}" is not a valid time, or its end is not after its start.',
  },
  YEAR_MISSING: {
    severity: 'error',
    nl: 'In "{actual}" staat geen jaar; geef year of from mee.',
    en: 'No year in "{actual}"; send year or from.',
  },
  OVERLAP: {
    severity: 'warning',
    nl: '"{title}" ({time}) overlapt op {dateText} met "{otherTitle}" ({otherTime}).',
    en: '"{title}" ({time}) overlaps "{otherTitle}" ({otherTime}) on {dateText}.',
  },
  HEADER_NOT_FOUND: {
    severity: 'error',
    nl: 'Geen kopregel gevonden met een kolom zoals "Datum".',
    en: 'No header row found with a column such as "Date".',
  },
} satisfies Record<string, CodeEntry>;

export type CalendarCode = keyof typeof CALENDAR_CODES;
export const calendarFinding = findingsFor<CalendarCode>(CALENDAR_CODES);

/** Why a day is closed, as the messages say it. */
export const REASONS = {
  nl: { weekend: 'weekend', holiday: 'feestdag', extra: 'gesloten dag' },
  en: { weekend: 'weekend', holiday: 'public holiday', extra: 'closed day' },
} as const;

/** Why a text could not be read, as the messages add it. */
export const UNPARSEABLE_HINTS = {
  nl: {
    'no-date': '',
    'two-dates': ' (er staan twee data in)',
    'day-range': ' (een reeks dagen; geef één dag per regel)',
  },
  en: {
    'no-date': '',
    'two-dates': ' (it holds two dates)',
    'day-range': ' (a range of days; give one day per row)',
  },
} as const;

const MONTH_NAMES = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** A date as a person reads it: `zaterdag 11 oktober 2025`, `Saturday 11 October 2025`. */
export function displayDate(dayNum: number, lang: Lang): string {
  const { year, month, day } = civilDate(dayNum);
  return `${weekdayName(dayNum, lang)} ${day} ${MONTH_NAMES[lang][month - 1]} ${year}`;
}

/** Why an occurrence is skipped, as the messages say it. */
export const SKIP_REASONS = {
  nl: {
    skip: 'vrije dag ({reason})',
    outside: 'de eerstvolgende werkdag ligt buiten de periode',
    taken: 'op de werkdag erna is al een bijeenkomst van deze reeks',
    none: 'geen werkdag in de buurt',
  },
  en: {
    skip: 'day off ({reason})',
    outside: 'the nearest working day lies outside the period',
    taken: 'the working day it would move to already has a meeting of this series',
    none: 'no working day nearby',
  },
} as const;
