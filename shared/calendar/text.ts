import type { Locale } from '../locale.js';
import { dayNumber, daysInMonth, isValidDate, MAX_YEAR, MIN_YEAR, pad2, weekdayOf } from './dates.js';

/**
 * Dates and times as they are written in programme documents, Dutch and English (and the French
 * month and day names of Brussels): "Woensdag 10 juli 16.30 - 18.30 uur", "8 juli 2020",
 * "van 16.30 tot 18.30 uur", "16:30–18:30", "Sept. - oktober 2020", "Januari 2021".
 */

// biome-ignore format: a table
const MONTH_WORDS: Record<string, number> = {
  januari: 1, january: 1, janvier: 1, jan: 1, janv: 1,
  februari: 2, february: 2, fevrier: 2, feb: 2, febr: 2, fev: 2, fevr: 2,
  maart: 3, march: 3, mars: 3, mrt: 3, mar: 3, maa: 3,
  april: 4, avril: 4, apr: 4, avr: 4,
  mei: 5, may: 5, mai: 5,
  juni: 6, june: 6, juin: 6, jun: 6,
  juli: 7, july: 7, juillet: 7, jul: 7, juil: 7,
  augustus: 8, august: 8, aout: 8, aug: 8,
  september: 9, septembre: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, octobre: 10, okt: 10, oct: 10,
  november: 11, novembre: 11, nov: 11,
  december: 12, decembre: 12, dec: 12,
};

// biome-ignore format: a table
const WEEKDAY_WORDS: Record<string, number> = {
  maandag: 0, ma: 0, maa: 0, monday: 0, mon: 0, lundi: 0, lun: 0,
  dinsdag: 1, di: 1, din: 1, tuesday: 1, tue: 1, tues: 1, mardi: 1, mar: 1,
  woensdag: 2, wo: 2, woe: 2, wednesday: 2, wed: 2, mercredi: 2, mer: 2,
  donderdag: 3, do: 3, don: 3, thursday: 3, thu: 3, thur: 3, thurs: 3, jeudi: 3, jeu: 3,
  vrijdag: 4, vr: 4, vrij: 4, friday: 4, fri: 4, vendredi: 4, ven: 4,
  zaterdag: 5, za: 5, zat: 5, saturday: 5, sat: 5, samedi: 5, sam: 5,
  zondag: 6, zo: 6, zon: 6, sunday: 6, sun: 6, dimanche: 6, dim: 6,
};

/** Weekday names written out in full, which count wherever they stand in a text. */
const FULL_WEEKDAYS = new Set(
  Object.keys(WEEKDAY_WORDS).filter((word) => word.length >= 5 && !['thurs', 'tues'].includes(word)),
);

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const MONTH = `(${byLength(Object.keys(MONTH_WORDS))})`;

/** Folds a text for reading: lower case, accents off, dashes as `-`, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The weekday (0 = Monday) a word names, Dutch, English or French, full or abbreviated. */
export function weekdayFromWord(word: string): number | undefined {
  return WEEKDAY_WORDS[foldText(word).replace(/[.,]+$/, '')];
}

export interface TextDate {
  year: number | undefined;
  month: number;
  day: number;
}

export type EventText =
  | {
      ok: true;
      /** The date, when the text names one (a text may hold only a time). */
      date?: TextDate;
      /** The weekday stated in the text (0 = Monday). */
      weekday?: number;
      start?: string;
      end?: string;
    }
  | {
      ok: false;
      code: 'TEXT_UNPARSEABLE' | 'DATE_INVALID' | 'TIME_INVALID';
      reason: 'no-date' | 'two-dates' | 'day-range' | 'date' | 'time';
    };

interface Found {
  date: TextDate;
  index: number;
  length: number;
}

const DAY_SUFFIX = '(?:ste|de|e|st|nd|rd|th|er)?';

function year4(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Every date written in a folded text, in the order found. */
function findDates(text: string, locale: Locale): Found[] {
  const found: Found[] = [];
  const taken: [number, number][] = [];
  const free = (index: number, length: number) => taken.every(([s, e]) => index + length <= s || index >= e);
  const add = (match: RegExpExecArray, date: TextDate) => {
    if (!free(match.index, match[0].length)) return;
    taken.push([match.index, match.index + match[0].length]);
    found.push({ date, index: match.index, length: match[0].length });
  };
  for (const m of text.matchAll(/(?<![\d.:])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.:])/g)) {
    add(m, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  }
  const monthFirst = locale === 'en-US';
  for (const m of text.matchAll(/(?<![\d.:])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d.:])/g)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    add(m, { year: year4(m[4]), month: monthFirst ? a : b, day: monthFirst ? b : a });
  }
  const dayMonth = new RegExp(
    `(?<![\\d.:,])(\\d{1,2})${DAY_SUFFIX}\\.?\\s?(?:of\\s)?${MONTH}(?![a-z])\\.?(?:,?\\s?(\\d{4})(?![\\d.:]))?`,
    'g',
  );
  for (const m of text.matchAll(dayMonth)) {
    add(m, { year: year4(m[3]), month: MONTH_WORDS[m[2] ?? ''] ?? 0, day: Number(m[1]) });
  }
  const monthDay = new RegExp(
    `(?<![a-z])${MONTH}\\.?\\s(\\d{1,2})${DAY_SUFFIX}(?![\\d.:a-z])(?:,?\\s(\\d{4})(?![\\d.:]))?`,
    'g',
  );
  for (const m of text.matchAll(monthDay)) {
    add(m, { year: year4(m[3]), month: MONTH_WORDS[m[1] ?? ''] ?? 0, day: Number(m[2]) });
  }
  return found.sort((x, y) => x.index - y.index);
}

interface Clock {
  hours: number;
  minutes: number;
  explicit: boolean;
}

const TIME = '(\\d{1,2})(?:([.:hu])(\\d{2}))?\\s?(a\\.?m\\.?|p\\.?m\\.?)?';
const UNIT = "(?:\\s?(uur|u|h|hrs|hours|o'?clock)(?![a-z]))?";
const RANGE = new RegExp(
  `(?:(?:van|vanaf|from|between|de|tussen)\\s)?${TIME}(?:\\s?(uur|u|h)(?![a-z]))?\\s?(?:-|tot|to|until|till|en|and|a)\\s?${TIME}${UNIT}`,
  'g',
);
const SINGLE = new RegExp(`(?:(?:om|at|vanaf|from|a)\\s)?${TIME}${UNIT}`, 'g');

function clock(
  hoursText: string,
  sep: string | undefined,
  minutesText: string | undefined,
  meridiem: string | undefined,
): Clock | 'invalid' {
  let hours = Number(hoursText);
  const minutes = minutesText === undefined ? 0 : Number(minutesText);
  if (meridiem) {
    if (hours < 1 || hours > 12) return 'invalid';
    const pm = meridiem.startsWith('p');
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return 'invalid';
  return { hours, minutes, explicit: sep !== undefined || meridiem !== undefined };
}

const format = (c: Clock) => `${pad2(c.hours % 24)}:${pad2(c.minutes)}`;

type TimeReading = { start?: string; end?: string } | 'invalid';

/** The time or time range in a text from which its date has been taken out. */
function findTimes(text: string): TimeReading {
  for (const m of text.matchAll(RANGE)) {
    const unit = m[10] ?? m[5];
    const a = clock(m[1] ?? '', m[2], m[3], m[4]);
    const b = clock(m[6] ?? '', m[7], m[8], m[9]);
    if (a === 'invalid' || b === 'invalid') {
      if (m[2] || m[7] || unit) return 'invalid';
      continue;
    }
    if (!(a.explicit || b.explicit || unit)) continue;
    // "4 - 6 pm": a meridiem on the end only holds for the start too.
    if (
      m[4] === undefined &&
      m[9] !== undefined &&
      a.hours < 12 &&
      b.hours >= 12 &&
      a.hours + 12 <= b.hours
    ) {
      a.hours += 12;
    }
    const start = a.hours * 60 + a.minutes;
    const end = b.hours * 60 + b.minutes;
    if (end <= start || a.hours === 24) return 'invalid';
    return { start: format(a), end: b.hours === 24 ? '24:00' : format(b) };
  }
  for (const m of text.matchAll(SINGLE)) {
    const unit = m[5];
    const a = clock(m[1] ?? '', m[2], m[3], m[4]);
    if (a === 'invalid') {
      if (m[2] || unit) return 'invalid';
      continue;
    }
    if (!(a.explicit || unit) || a.hours === 24) continue;
    return { start: format(a) };
  }
  return {};
}

/**
 * Reads one event from a text: its date (without a year when the text has none), the weekday
 * it states, and its time or time range. `"Woensdag 10 juli 16.30 - 18.30 uur"` is 10 July,
 * Wednesday, 16:30 to 18:30. Checks that the date exists; the weekday is checked by the caller,
 * who knows the year.
 */
export function parseEventText(input: string, locale: Locale = 'nl-NL'): EventText {
  const text = foldText(input.slice(0, 1_000));
  const dates = findDates(text, locale);
  const dayRange = new RegExp(
    `(?<![\\d.:])\\d{1,2}${DAY_SUFFIX}\\s?(?:-|t/m|tot en met|tot|to|until|en|and|&)\\s?\\d{1,2}${DAY_SUFFIX}\\.?\\s?${MONTH}(?![a-z])`,
  );
  if (dayRange.test(text)) return { ok: false, code: 'TEXT_UNPARSEABLE', reason: 'day-range' };
  const distinct = new Set(dates.map((d) => `${d.date.year}-${d.date.month}-${d.date.day}`));
  if (distinct.size > 1) return { ok: false, code: 'TEXT_UNPARSEABLE', reason: 'two-dates' };
  const found = dates[0];
  let rest = text;
  let weekday: number | undefined;
  if (found) {
    const { month, day } = found.date;
    const year = found.date.year;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year ?? 2000, month)) {
      return { ok: false, code: 'DATE_INVALID', reason: 'date' };
    }
    if (year !== undefined && (year < MIN_YEAR || year > MAX_YEAR)) {
      return { ok: false, code: 'DATE_INVALID', reason: 'date' };
    }
    const before = text.slice(0, found.index);
    const word = /([a-z]+)\.?,?\s?$/.exec(before)?.[1];
    weekday = word === undefined ? undefined : WEEKDAY_WORDS[word];
    rest = `${before} ${text.slice(found.index + found.length)}`;
  }
  if (weekday === undefined) {
    for (const word of text.match(/[a-z]+/g) ?? []) {
      if (FULL_WEEKDAYS.has(word)) {
        weekday = WEEKDAY_WORDS[word];
        break;
      }
    }
  }
  const times = findTimes(rest);
  if (times === 'invalid') return { ok: false, code: 'TIME_INVALID', reason: 'time' };
  if (!found && times.start === undefined) return { ok: false, code: 'TEXT_UNPARSEABLE', reason: 'no-date' };
  return {
    ok: true,
    ...(found && { date: found.date }),
    ...(weekday !== undefined && { weekday }),
    ...(times.start !== undefined && { start: times.start }),
    ...(times.end !== undefined && { end: times.end }),
  };
}

/** A period of whole months read from a text: `"Sept. - oktober 2020"` → 2020-09-01..2020-10-31. */
export type WindowText =
  | {
      ok: true;
      from: { year: number | undefined; month: number };
      to: { year: number | undefined; month: number };
    }
  | { ok: false };

const WINDOW_RANGE = new RegExp(
  `^(?:(?:van|vanaf|from|periode|period)\\s)?${MONTH}\\.?\\s?(\\d{4})?\\s?(?:-|/|tot en met|t/m|tot|to|until|through|till|a)\\s?${MONTH}\\.?\\s?(\\d{4})?\\.?$`,
);
const WINDOW_MONTH = new RegExp(`^(?:(?:in|begin|eind|medio)\\s)?${MONTH}\\.?\\s?(\\d{4})?\\.?$`);

export function parseWindowText(input: string): WindowText {
  const text = foldText(input.slice(0, 300))
    .replace(/\s?([-/])\s?/g, ' $1 ')
    .replace(/\s+/g, ' ');
  const range = WINDOW_RANGE.exec(text.replace(/ ([-/]) /g, '$1'));
  if (range) {
    const fromMonth = MONTH_WORDS[range[1] ?? ''] ?? 0;
    const toMonth = MONTH_WORDS[range[3] ?? ''] ?? 0;
    const toYear = range[4] === undefined ? undefined : Number(range[4]);
    let fromYear = range[2] === undefined ? undefined : Number(range[2]);
    if (fromYear === undefined && toYear !== undefined) fromYear = fromMonth <= toMonth ? toYear : toYear - 1;
    return {
      ok: true,
      from: { year: fromYear, month: fromMonth },
      to: { year: toYear ?? fromYear, month: toMonth },
    };
  }
  const single = WINDOW_MONTH.exec(text);
  if (single) {
    const month = MONTH_WORDS[single[1] ?? ''] ?? 0;
    const year = single[2] === undefined ? undefined : Number(single[2]);
    return { ok: true, from: { year, month }, to: { year, month } };
  }
  return { ok: false };
}

/** The day number of a text date in a year, or undefined when it does not exist. */
export function dayOf(date: TextDate, year: number): number | undefined {
  return isValidDate(year, date.month, date.day) ? dayNumber(year, date.month, date.day) : undefined;
}

export { weekdayOf };
