/** A meeting series described in words, turned into an RFC 5545 RRULE. */

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export interface SeriesWords {
  /** Every `interval` weeks or months. */
  interval: number;
  unit: 'week' | 'month';
  /** Monthly on this day of the month (`op de 11e`). */
  monthDay?: number;
  /** On this weekday… */
  weekday?: Weekday;
  /** …the nth of the month (1–4, or -1 for the last); monthly only. */
  nth?: number;
  /** Only in the even months (Feb, Apr…), the odd ones, or all. */
  months: 'all' | 'even' | 'odd';
}

const EVEN = '2,4,6,8,10,12';
const ODD = '1,3,5,7,9,11';

/**
 * `elke 2 maanden op de 11e` → `FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=11`;
 * even months on the 11th → `FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11`;
 * every 2nd Tuesday → `FREQ=MONTHLY;BYDAY=2TU`; every other Monday → `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO`.
 */
export function wordsToRrule(words: SeriesWords): string {
  const interval = Math.max(1, Math.min(99, Math.floor(words.interval) || 1));
  const parts: string[] = [];
  if (words.unit === 'week') {
    parts.push('FREQ=WEEKLY');
    if (interval > 1) parts.push(`INTERVAL=${interval}`);
    parts.push(`BYDAY=${words.weekday ?? 'MO'}`);
    if (words.months !== 'all') parts.push(`BYMONTH=${words.months === 'even' ? EVEN : ODD}`);
    return parts.join(';');
  }
  parts.push('FREQ=MONTHLY');
  if (words.months !== 'all') parts.push(`BYMONTH=${words.months === 'even' ? EVEN : ODD}`);
  else if (interval > 1) parts.push(`INTERVAL=${interval}`);
  if (words.weekday) {
    const nth = words.nth && words.nth !== 0 ? Math.max(-1, Math.min(5, words.nth)) : 0;
    parts.push(`BYDAY=${nth === 0 ? '' : nth}${words.weekday}`);
  } else {
    const day = Math.max(1, Math.min(31, Math.floor(words.monthDay ?? 1)));
    parts.push(`BYMONTHDAY=${day}`);
  }
  return parts.join(';');
}
