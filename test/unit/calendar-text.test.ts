import { describe, expect, it } from 'vitest';
import { parseEventText, parseWindowText } from '../../shared/calendar/text.js';

/**
 * Dates and times as programme documents write them, Dutch, English and (Brussels) French, with
 * what they must read as. `date` is `YYYY-MM-DD`, or `--MM-DD` for a text without a year;
 * `wd` is the weekday the text states (0 = Monday).
 */
type Expected =
  | { date?: string; wd?: number; start?: string; end?: string }
  | 'TEXT_UNPARSEABLE'
  | 'DATE_INVALID'
  | 'TIME_INVALID';

const PHRASES: [string, Expected][] = [
  // From the fixtures (schedules.json)
  ['Woensdag 10 juli 16.30 - 18.30 uur', { date: '--07-10', wd: 2, start: '16:30', end: '18:30' }],
  ['Maandag 23 september 17.00 - 19.00 uur', { date: '--09-23', wd: 0, start: '17:00', end: '19:00' }],
  ['Maandag 25 november 16.30 - 18.30 uur', { date: '--11-25', wd: 0, start: '16:30', end: '18:30' }],
  ['10 juni 2020', { date: '2020-06-10' }],
  ['8 juli 2020', { date: '2020-07-08' }],
  // Times written in every way
  ['10 juli 16:30–18:30', { date: '--07-10', start: '16:30', end: '18:30' }],
  ['10 juli 16:30 — 18:30', { date: '--07-10', start: '16:30', end: '18:30' }],
  ['10 juli van 16.30 tot 18.30 uur', { date: '--07-10', start: '16:30', end: '18:30' }],
  ['10 juli van 16.30 tot 18.30', { date: '--07-10', start: '16:30', end: '18:30' }],
  ['10 juli 16u30 - 18u30', { date: '--07-10', start: '16:30', end: '18:30' }],
  ['10 juli 16h30 - 18h30', { date: '--07-10', start: '16:30', end: '18:30' }],
  ['10 juli 16 - 18 uur', { date: '--07-10', start: '16:00', end: '18:00' }],
  ['10 juli 16 uur - 18 uur', { date: '--07-10', start: '16:00', end: '18:00' }],
  ['10 juli om 16.30 uur', { date: '--07-10', start: '16:30' }],
  ['10 juli om 9 uur', { date: '--07-10', start: '09:00' }],
  ['10 juli 9.00-12.30', { date: '--07-10', start: '09:00', end: '12:30' }],
  ['10 juli, 9:00 - 17:00', { date: '--07-10', start: '09:00', end: '17:00' }],
  ['July 10, 2024 4:30 pm - 6:30 pm', { date: '2024-07-10', start: '16:30', end: '18:30' }],
  ['July 10, 2024 from 4 to 6 pm', { date: '2024-07-10', start: '16:00', end: '18:00' }],
  ['10 July 2024 at 9am', { date: '2024-07-10', start: '09:00' }],
  ['10 July 2024 at 12 pm', { date: '2024-07-10', start: '12:00' }],
  ['10 juli 8.30 - 24.00 uur', { date: '--07-10', start: '08:30', end: '24:00' }],
  // Weekdays, full and abbreviated, with or without a dot or comma
  ['Wo. 10 juli', { date: '--07-10', wd: 2 }],
  ['wo 10 juli', { date: '--07-10', wd: 2 }],
  ['Di, 9 juli 2024', { date: '2024-07-09', wd: 1 }],
  ['Do 11 juli', { date: '--07-11', wd: 3 }],
  ['vr. 12 juli', { date: '--07-12', wd: 4 }],
  ['Za 13 juli', { date: '--07-13', wd: 5 }],
  ['zondag 14 juli', { date: '--07-14', wd: 6 }],
  ['Wednesday, July 10, 2024', { date: '2024-07-10', wd: 2 }],
  ['Wed 10 July', { date: '--07-10', wd: 2 }],
  ['Thursday 11th July 2024', { date: '2024-07-11', wd: 3 }],
  ['mercredi 10 juillet 2024', { date: '2024-07-10', wd: 2 }],
  ['10 juli (woensdag)', { date: '--07-10', wd: 2 }],
  // Months, full and abbreviated, with or without a dot
  ['1 jan. 2025', { date: '2025-01-01' }],
  ['1 jan 2025', { date: '2025-01-01' }],
  ['3 feb 2025', { date: '2025-02-03' }],
  ['3 febr. 2025', { date: '2025-02-03' }],
  ['4 mrt. 2025', { date: '2025-03-04' }],
  ['4 mrt 2025', { date: '2025-03-04' }],
  ['4 maart 2025', { date: '2025-03-04' }],
  ['5 apr 2025', { date: '2025-04-05' }],
  ['6 mei 2025', { date: '2025-05-06' }],
  ['7 jun. 2025', { date: '2025-06-07' }],
  ['8 jul 2025', { date: '2025-07-08' }],
  ['9 aug. 2025', { date: '2025-08-09' }],
  ['10 sept. 2025', { date: '2025-09-10' }],
  ['10 sep 2025', { date: '2025-09-10' }],
  ['11 okt. 2025', { date: '2025-10-11' }],
  ['11 oct 2025', { date: '2025-10-11' }],
  ['12 nov. 2025', { date: '2025-11-12' }],
  ['13 dec 2025', { date: '2025-12-13' }],
  ['1ste september 2025', { date: '2025-09-01' }],
  ['2de oktober 2025', { date: '2025-10-02' }],
  ['21 août 2025', { date: '2025-08-21' }],
  ['the 10th of July 2024', { date: '2024-07-10' }],
  ['March 3rd, 2025', { date: '2025-03-03' }],
  ['29 februari 2024', { date: '2024-02-29' }],
  // Numeric dates
  ['2024-07-10', { date: '2024-07-10' }],
  ['2024-07-10 16:30', { date: '2024-07-10', start: '16:30' }],
  ['10-07-2024', { date: '2024-07-10' }],
  ['10/07/2024 16.30-18.30', { date: '2024-07-10', start: '16:30', end: '18:30' }],
  ['10.07.2024', { date: '2024-07-10' }],
  // A time alone (the date comes from elsewhere)
  ['16:30–18:30', { start: '16:30', end: '18:30' }],
  ['van 16.30 tot 18.30 uur', { start: '16:30', end: '18:30' }],
  // Wrong ones
  ['31 februari', 'DATE_INVALID'],
  ['31 februari 2025', 'DATE_INVALID'],
  ['31 april 2025', 'DATE_INVALID'],
  ['32 januari 2025', 'DATE_INVALID'],
  ['0 mei 2025', 'DATE_INVALID'],
  ['31-13-2025', 'DATE_INVALID'],
  ['2025-02-30', 'DATE_INVALID'],
  ['10 juli 25.00 - 26.00 uur', 'TIME_INVALID'],
  ['10 juli 18.30 - 16.30 uur', 'TIME_INVALID'],
  ['10 juli 16.75 uur', 'TIME_INVALID'],
  ['Acties te ondernemen door de instelling', 'TEXT_UNPARSEABLE'],
  ['n.t.b.', 'TEXT_UNPARSEABLE'],
  ['', 'TEXT_UNPARSEABLE'],
  ['Sessie 3', 'TEXT_UNPARSEABLE'],
  ['10 - 12 juni 2025', 'TEXT_UNPARSEABLE'],
  ['10 juni of 11 juni 2025', 'TEXT_UNPARSEABLE'],
  ['Januari 2021', 'TEXT_UNPARSEABLE'],
];

function read(text: string): Expected {
  const parsed = parseEventText(text);
  if (!parsed.ok) return parsed.code;
  const result: Exclude<Expected, string> = {};
  if (parsed.date) {
    const { year, month, day } = parsed.date;
    const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    result.date = year === undefined ? `--${mmdd}` : `${year}-${mmdd}`;
  }
  if (parsed.weekday !== undefined) result.wd = parsed.weekday;
  if (parsed.start !== undefined) result.start = parsed.start;
  if (parsed.end !== undefined) result.end = parsed.end;
  return result;
}

describe('dates and times in programme text', () => {
  it('has a table of at least 60 phrases', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PHRASES)('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads month-first numeric dates in en-US only', () => {
    expect(parseEventText('07/10/2024', 'en-US')).toMatchObject({ ok: true, date: { month: 7, day: 10 } });
    expect(parseEventText('07/10/2024', 'nl-NL')).toMatchObject({ ok: true, date: { month: 10, day: 7 } });
  });
});

const WINDOWS: [string, { from: [number | undefined, number]; to: [number | undefined, number] } | null][] = [
  ['Sept. - oktober 2020', { from: [2020, 9], to: [2020, 10] }],
  ['Nov. - december 2020', { from: [2020, 11], to: [2020, 12] }],
  ['Januari 2021', { from: [2021, 1], to: [2021, 1] }],
  ['Feb. - maart 2021', { from: [2021, 2], to: [2021, 3] }],
  ['Sept. - oktober 2021', { from: [2021, 9], to: [2021, 10] }],
  ['December 2021', { from: [2021, 12], to: [2021, 12] }],
  ['nov 2020 – feb 2021', { from: [2020, 11], to: [2021, 2] }],
  ['Nov. - februari 2021', { from: [2020, 11], to: [2021, 2] }],
  ['september t/m december 2022', { from: [2022, 9], to: [2022, 12] }],
  ['oktober', { from: [undefined, 10], to: [undefined, 10] }],
  ['10 juni 2020', null],
  ['Acties te ondernemen', null],
];

describe('periods of whole months', () => {
  it.each(WINDOWS)('%j', (text, expected) => {
    const parsed = parseWindowText(text);
    if (expected === null) {
      expect(parsed.ok).toBe(false);
      return;
    }
    expect(parsed).toEqual({
      ok: true,
      from: { year: expected.from[0], month: expected.from[1] },
      to: { year: expected.to[0], month: expected.to[1] },
    });
  });
});
