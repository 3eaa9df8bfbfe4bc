import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../../shared/calendar/dates.js';
import { generateCalendar } from '../../shared/calendar/engine.js';
import { publicHolidays } from '../../shared/calendar/holidays.js';
import {
  CalendarRequestSchema,
  type CalendarResponse,
  CalendarResponseSchema,
} from '../../shared/calendar/schema.js';
import { WorkLimitError } from '../../shared/limits.js';
import { AANJAGERS, CONTRACT_OCTOBER_EVENT, CONTRACT_SERIES } from '../support/calendar.js';
import { fixture } from '../support/fixtures.js';

/** Parses a request as the endpoint does and generates its calendar; the answer must fit its schema. */
function generate(body: unknown): CalendarResponse {
  return CalendarResponseSchema.parse(generateCalendar(CalendarRequestSchema.parse(body)));
}

const schedules = fixture<{
  learningNetworkMeetings: { rrule: string };
  steeringGroupSessions: { year: number; texts: string[] };
  coachingProgramme: { address: string; values: (string | number)[][] };
}>('schedules.json');

describe('series: the contract example', () => {
  const body = CONTRACT_SERIES;

  it('moves 11 October 2025 (a Saturday) to Monday 13 October, at 16:30 summer time', () => {
    const result = generate(body);
    expect(result.events.map((e) => e.date)).toEqual([
      '2025-02-11',
      '2025-04-11',
      '2025-06-12',
      '2025-08-11',
      '2025-10-13',
      '2025-12-11',
    ]);
    expect(result.events[4]).toMatchObject(CONTRACT_OCTOBER_EVENT);
    expect(result.events[5]?.startsAt).toBe('2025-12-11T16:30:00+01:00');
    expect(result.events[0]?.startsAt).toBe('2025-02-11T16:30:00+01:00');
    expect(result.events[2]).toMatchObject({
      date: '2025-06-12',
      originalDate: '2025-06-11',
      shift: 'extra',
    });
    expect(result.events[0]).not.toHaveProperty('originalDate');
    expect(result.findings.map((f) => [f.code, f.severity, f.actual, f.expected])).toEqual([
      ['EVENT_SHIFTED', 'info', '2025-06-11', '2025-06-12'],
      ['EVENT_SHIFTED', 'info', '2025-10-11', '2025-10-13'],
    ]);
  });

  it('speaks English when asked, weekday names included', () => {
    const result = generate({ ...body, language: 'en' });
    expect(result.events[4]?.weekday).toBe('Monday');
    expect(result.findings[1]?.message).toBe(
      '"Aanjagersbijeenkomst" on Saturday 11 October 2025 (weekend) moved to Monday 13 October 2025.',
    );
  });

  it('keeps, skips or moves back as asked', () => {
    const keep = generate({ ...body, series: [{ ...AANJAGERS, onConflict: 'keep' }] });
    expect(keep.events[4]).toMatchObject({
      date: '2025-10-11',
      originalDate: '2025-10-11',
      shift: 'weekend',
    });
    expect(keep.findings.map((f) => f.code)).toEqual(['CONFLICT_KEPT', 'CONFLICT_KEPT']);
    const skip = generate({ ...body, series: [{ ...AANJAGERS, onConflict: 'skip' }] });
    expect(skip.events.map((e) => e.date)).not.toContain('2025-10-11');
    expect(skip.events).toHaveLength(4);
    expect(skip.findings.map((f) => [f.code, f.severity])).toEqual([
      ['EVENT_SKIPPED', 'warning'],
      ['EVENT_SKIPPED', 'warning'],
    ]);
    const back = generate({ ...body, series: [{ ...AANJAGERS, onConflict: 'previous-working-day' }] });
    expect(back.events.find((e) => e.originalDate === '2025-10-11')?.date).toBe('2025-10-10');
    expect(back.events.find((e) => e.originalDate === '2025-06-11')?.date).toBe('2025-06-10');
  });

  it('gives the same UIDs for the same series and original date across calls', () => {
    const first = generate(body).events.map((e) => e.uid);
    const again = generate({ ...body, from: '2025-03-01' }).events.map((e) => e.uid);
    expect(new Set(first).size).toBe(first.length);
    expect(first.slice(1)).toEqual(again);
  });
});

describe('holidays', () => {
  it('never moves onto another closed day: Easter and Whit Monday, Ascension, Christmas', () => {
    // Good Friday 2025-04-18 is not a public holiday in NL; Easter Monday is.
    const result = generate({
      from: '2025-01-01',
      to: '2025-12-31',
      holidays: { country: 'NL', extra: ['2025-04-22'] },
      series: [
        { id: 'x', rrule: 'FREQ=YEARLY;BYMONTH=4,12;BYMONTHDAY=18,21,25', start: '10:00', end: '11:00' },
      ],
    });
    expect(result.events.map((e) => [e.originalDate ?? e.date, e.date, e.shift, e.holiday ?? null])).toEqual([
      ['2025-04-18', '2025-04-18', null, null],
      ['2025-04-21', '2025-04-23', 'holiday', 'Tweede paasdag'],
      ['2025-04-25', '2025-04-25', null, null],
      ['2025-12-18', '2025-12-18', null, null],
      ['2025-12-21', '2025-12-22', 'weekend', null],
      ['2025-12-25', '2025-12-29', 'holiday', 'Kerstmis'],
    ]);
  });

  it('names Belgian holidays in Dutch by default and in English when asked', () => {
    const body = {
      locale: 'nl-BE',
      from: '2025-07-01',
      to: '2025-11-30',
      holidays: { country: 'BE' },
      series: [
        { id: 'be', rrule: 'FREQ=YEARLY;BYMONTH=7,11;BYMONTHDAY=11,21', start: '09:00', end: '10:00' },
      ],
    };
    const nl = generate(body);
    expect(nl.timeZone).toBe('Europe/Brussels');
    expect(nl.events.filter((e) => e.holiday).map((e) => [e.originalDate, e.date, e.holiday])).toEqual([
      ['2025-07-21', '2025-07-22', 'Nationale feestdag'],
      ['2025-11-11', '2025-11-12', 'Wapenstilstand'],
    ]);
    const en = generate({ ...body, language: 'en' });
    expect(en.events.find((e) => e.originalDate === '2025-11-11')?.holiday).toBe('Armistice Day');
  });

  it('uses NL 26 April 2025 for Koningsdag (the 27th is a Sunday), and leaves out 5 May and Good Friday', () => {
    const days = [...publicHolidays('NL', null, 'nl', 2025).keys()].map(isoDate);
    expect(days).toContain('2025-04-26');
    expect(days).not.toContain('2025-04-27');
    expect(days).not.toContain('2025-05-05');
    expect(days).not.toContain('2025-04-18');
  });

  const table = fixture<Record<'NL' | 'BE', Record<string, string[]>>>('holidays-nl-be.json');
  const cases = (['NL', 'BE'] as const).flatMap((country) =>
    ['2024', '2025', '2026', '2027'].map((year) => ({ country, year, days: table[country][year] ?? [] })),
  );
  it.each(cases)('$country $year matches the published list', ({ country, year, days }) => {
    expect(days.length).toBeGreaterThan(8);
    const used = [...publicHolidays(country, null, 'nl', Number(year)).keys()].sort((a, b) => a - b);
    expect(used.map(isoDate)).toEqual(days);
    // …and the endpoint treats each of them as closed.
    const result = generate({
      locale: country === 'BE' ? 'nl-BE' : 'nl-NL',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      holidays: { country },
      series: [{ id: 'daily', rrule: 'FREQ=DAILY', start: '12:00', end: '13:00', onConflict: 'keep' }],
    });
    const flagged = result.events.filter((e) => e.shift === 'holiday').map((e) => e.date);
    expect(flagged).toEqual(days);
  });
});

describe('summer time', () => {
  const cases = [
    {
      zone: 'Europe/Amsterdam',
      from: '2025-03-24',
      to: '2025-04-04',
      before: '+01:00',
      after: '+02:00',
      switch: '2025-03-30',
    },
    {
      zone: 'Europe/Brussels',
      from: '2025-03-24',
      to: '2025-04-04',
      before: '+01:00',
      after: '+02:00',
      switch: '2025-03-30',
    },
    {
      zone: 'Europe/Amsterdam',
      from: '2025-10-20',
      to: '2025-10-31',
      before: '+02:00',
      after: '+01:00',
      switch: '2025-10-26',
    },
    {
      zone: 'Europe/Brussels',
      from: '2026-10-19',
      to: '2026-10-30',
      before: '+02:00',
      after: '+01:00',
      switch: '2026-10-25',
    },
    {
      zone: 'Europe/Amsterdam',
      from: '2024-03-25',
      to: '2024-04-05',
      before: '+01:00',
      after: '+02:00',
      switch: '2024-03-31',
    },
    {
      zone: 'Europe/Brussels',
      from: '2024-10-21',
      to: '2024-11-01',
      before: '+02:00',
      after: '+01:00',
      switch: '2024-10-27',
    },
  ];
  it.each(cases)('$zone around $switch: 16:30 stays 16:30 with the right offset', (c) => {
    const result = generate({
      timeZone: c.zone,
      from: c.from,
      to: c.to,
      holidays: { country: null },
      series: [{ id: 'daily', rrule: 'FREQ=DAILY', start: '16:30', end: '18:30', onConflict: 'keep' }],
    });
    expect(result.events).toHaveLength(12);
    for (const event of result.events) {
      const offset = event.date < c.switch ? c.before : c.after;
      expect(event.startsAt).toBe(`${event.date}T16:30:00${offset}`);
      expect(event.endsAt).toBe(`${event.date}T18:30:00${offset}`);
    }
    // 24 hours apart except across the switch, where it is 23 or 25.
    const gaps = result.events
      .slice(1)
      .map((e, i) => Date.parse(e.startsAt) - Date.parse(result.events[i]?.startsAt ?? ''));
    expect(gaps.filter((g) => g !== 86_400_000)).toHaveLength(1);
  });

  it('reads a time in the spring gap with the offset before it, and an autumn double hour as its first', () => {
    const spring = generate({
      timeZone: 'Europe/Amsterdam',
      events: [{ title: 'gap', date: '2025-03-30', start: '02:30', end: '04:00' }],
    });
    expect(spring.events[0]?.startsAt).toBe('2025-03-30T03:30:00+02:00');
    const autumn = generate({
      timeZone: 'Europe/Amsterdam',
      events: [{ title: 'twice', date: '2025-10-26', start: '02:30', end: '04:00' }],
    });
    expect(autumn.events[0]?.startsAt).toBe('2025-10-26T02:30:00+02:00');
    expect(autumn.events[0]?.endsAt).toBe('2025-10-26T04:00:00+01:00');
  });

  it('works in any IANA zone', () => {
    const result = generate({
      timeZone: 'America/New_York',
      from: '2025-03-07',
      to: '2025-03-11',
      holidays: { country: null },
      series: [{ id: 'ny', rrule: 'FREQ=DAILY', start: '09:00', onConflict: 'keep' }],
    });
    expect(result.events.map((e) => e.startsAt)).toEqual([
      '2025-03-07T09:00:00-05:00',
      '2025-03-08T09:00:00-05:00',
      '2025-03-09T09:00:00-04:00',
      '2025-03-10T09:00:00-04:00',
      '2025-03-11T09:00:00-04:00',
    ]);
    expect(result.events[0]?.endsAt).toBeNull();
  });
});

describe('single events and windows', () => {
  it('reads the steering group sessions of the fixture', () => {
    const { year, texts } = schedules.steeringGroupSessions;
    const result = generate({ events: texts.map((text, i) => ({ title: `Sessie ${i + 1}`, text, year })) });
    expect(result.findings).toEqual([]);
    expect(result.events.map((e) => [e.title, e.date, e.weekday, e.startsAt, e.endsAt])).toEqual([
      ['Sessie 1', '2024-07-10', 'woensdag', '2024-07-10T16:30:00+02:00', '2024-07-10T18:30:00+02:00'],
      ['Sessie 2', '2024-09-23', 'maandag', '2024-09-23T17:00:00+02:00', '2024-09-23T19:00:00+02:00'],
      ['Sessie 3', '2024-11-25', 'maandag', '2024-11-25T16:30:00+01:00', '2024-11-25T18:30:00+01:00'],
    ]);
  });

  it('reads the contract example: text with year, structured with statedWeekday', () => {
    const result = generate({
      events: [
        { title: 'Sessie 2', text: 'Maandag 23 september 17.00 - 19.00 uur', year: 2024 },
        { title: 'Sessie 1', date: '2024-07-10', start: '16:30', end: '18:30', statedWeekday: 'woensdag' },
      ],
      windows: [{ title: '2de vergadering Diversiteam', text: 'Nov. - december 2020' }],
    });
    expect(result.events.map((e) => [e.title, e.row])).toEqual([
      ['Sessie 1', 1],
      ['Sessie 2', 0],
    ]);
    expect(result.windows).toEqual([
      { title: '2de vergadering Diversiteam', from: '2020-11-01', to: '2020-12-31' },
    ]);
    expect(result.findings).toEqual([]);
  });

  it('reports a wrong weekday, an impossible date, unreadable text (quoted) and a missing year', () => {
    const result = generate({
      events: [
        { title: 'a', date: '2024-07-10', statedWeekday: 'dinsdag' },
        { title: 'b', text: 'Dinsdag 10 juli 16.30 - 18.30 uur', year: 2024 },
        { title: 'c', text: '31 februari', year: 2025 },
        { title: 'd', text: 'Na de zomer, datum volgt' },
        { title: 'e', text: '10 juli' },
        { title: 'f', date: '2025-02-29' },
        { title: 'g', text: '29 februari', year: 2025 },
      ],
    });
    expect(result.findings.map((f) => [f.code, f.severity, f.row, f.field, f.expected, f.actual])).toEqual([
      ['WEEKDAY_MISMATCH', 'error', 0, 'events.statedWeekday', 'woensdag', 'dinsdag'],
      ['WEEKDAY_MISMATCH', 'error', 1, 'events.text', 'woensdag', 'dinsdag'],
      ['DATE_INVALID', 'error', 2, 'events.text', undefined, '31 februari'],
      ['TEXT_UNPARSEABLE', 'error', 3, 'events.text', undefined, 'Na de zomer, datum volgt'],
      ['YEAR_MISSING', 'error', 4, 'events.text', undefined, '10 juli'],
      ['DATE_INVALID', 'error', 5, 'events.date', undefined, '2025-02-29'],
      ['DATE_INVALID', 'error', 6, 'events.text', undefined, '29 februari'],
    ]);
    expect(result.findings[3]?.message).toBe(
      'In "Na de zomer, datum volgt" staat geen datum die te lezen is.',
    );
    expect(result.findings[0]?.message).toBe('10 juli 2024 is een woensdag, geen dinsdag.');
    // A wrong weekday is reported, and the event stays on its date.
    expect(result.events.map((e) => e.title)).toEqual(['a', 'b']);
  });

  it('reports overlapping events on one day, once each', () => {
    const result = generate({
      events: [
        { title: 'A', date: '2024-07-10', start: '16:30', end: '18:30' },
        { title: 'B', date: '2024-07-10', start: '18:00', end: '19:00' },
        { title: 'C', date: '2024-07-10', start: '18:30', end: '20:00' },
        { title: 'D', date: '2024-07-10', start: '20:00', end: '21:00' },
        { title: 'E', date: '2024-07-11', start: '16:30', end: '18:30' },
      ],
    });
    expect(result.findings.map((f) => [f.code, f.severity, f.row])).toEqual([
      ['OVERLAP', 'warning', 1],
      ['OVERLAP', 'warning', 2],
    ]);
  });

  it('flags a single event on a holiday and keeps it unless asked otherwise', () => {
    const result = generate({
      events: [
        { title: 'Kerst', date: '2025-12-25', start: '10:00', end: '11:00' },
        { title: 'Moved', date: '2025-12-25', start: '12:00', end: '13:00', onConflict: 'next-working-day' },
      ],
    });
    expect(result.events.map((e) => [e.title, e.date, e.shift, e.holiday])).toEqual([
      ['Kerst', '2025-12-25', 'holiday', 'Kerstmis'],
      ['Moved', '2025-12-29', 'holiday', 'Kerstmis'],
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(['CONFLICT_KEPT', 'EVENT_SHIFTED']);
  });
});

describe('grid input: the coaching programme', () => {
  it('makes events of dated rows and windows of month ranges, skips rows without a date', () => {
    const result = generate({ locale: 'nl-BE', grid: schedules.coachingProgramme });
    expect(result.findings).toEqual([]);
    expect(result.mapping).toEqual({ title: 'A', description: 'B', date: 'C' });
    expect(result.events.map((e) => [e.date, e.weekday, e.allDay, e.ref])).toEqual([
      ['2020-06-10', 'woensdag', true, 'Programma!C2'],
      ['2020-07-08', 'woensdag', true, 'Programma!C3'],
    ]);
    expect(result.events[0]?.title).toMatch(/^1ste gezamenlijke vergadering/);
    expect(result.windows.map((w) => [w.from, w.to, w.ref])).toEqual([
      ['2020-09-01', '2020-10-31', 'Programma!C5'],
      ['2020-11-01', '2020-12-31', 'Programma!C7'],
      ['2021-01-01', '2021-01-31', 'Programma!C9'],
      ['2021-02-01', '2021-03-31', 'Programma!C10'],
      ['2021-09-01', '2021-10-31', 'Programma!C12'],
      ['2021-12-01', '2021-12-31', 'Programma!C13'],
    ]);
  });

  it('reads Excel serials, with or without a number format, and reports bad cells by ref', () => {
    const result = generate({
      year: 2025,
      grid: {
        address: "'Mijn blad'!B3",
        values: [
          ['Onderwerp', 'Datum', 'Tijd'],
          ['Start', 45658, '16:30 - 18:30'],
          ['Vervolg', 45699.6875, ''],
          ['Oeps', '31 februari', ''],
          ['Onleesbaar', 'ergens in het voorjaar', ''],
          ['Zonder datum', '', ''],
          ['Geen dag', 60, ''],
        ],
        numberFormat: [
          ['General', 'General', 'General'],
          ['General', 'd-m-yyyy', 'General'],
          ['General', 'General', 'General'],
          ['General', 'General', 'General'],
          ['General', 'General', 'General'],
          ['General', 'General', 'General'],
          ['General', 'General', 'General'],
        ],
      },
    });
    expect(result.events.map((e) => [e.title, e.date, e.start, e.end, e.ref])).toEqual([
      ['Start', '2025-01-01', '16:30', '18:30', "'Mijn blad'!C4"],
      ['Vervolg', '2025-02-11', '16:30', null, "'Mijn blad'!C5"],
    ]);
    expect(result.findings.map((f) => [f.code, f.ref])).toEqual([
      ['CONFLICT_KEPT', "'Mijn blad'!C4"],
      ['DATE_INVALID', "'Mijn blad'!C6"],
      ['TEXT_UNPARSEABLE', "'Mijn blad'!C7"],
      ['DATE_INVALID', "'Mijn blad'!C9"],
    ]);
  });

  it('reports a grid without a date column', () => {
    const result = generate({
      grid: {
        address: 'Blad1!A1',
        values: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
    });
    expect(result.findings.map((f) => [f.code, f.ref])).toEqual([['HEADER_NOT_FOUND', 'Blad1!A1']]);
  });
});

describe('limits: refused before any expansion', () => {
  const base = { from: '2025-01-01', to: '2025-12-31' };
  const refused = (body: unknown): WorkLimitError => {
    const request = CalendarRequestSchema.parse(body);
    const started = performance.now();
    try {
      generateCalendar(request);
    } catch (error) {
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(error).toBeInstanceOf(WorkLimitError);
      return error as WorkLimitError;
    }
    throw new Error('not refused');
  };

  it('refuses FREQ finer than daily, and times within a day', () => {
    for (const rrule of [
      'FREQ=SECONDLY',
      'FREQ=MINUTELY;INTERVAL=5',
      'FREQ=HOURLY',
      'FREQ=DAILY;BYHOUR=9,10',
    ]) {
      expect(refused({ ...base, series: [{ id: 's', rrule }] }).path).toBe('series.0.rrule');
    }
  });

  it('refuses a huge COUNT and a 100-year span', () => {
    expect(refused({ ...base, series: [{ id: 's', rrule: 'FREQ=DAILY;COUNT=1000000000' }] }).path).toBe(
      'series.0.rrule',
    );
    expect(
      refused({ from: '2000-01-01', to: '2099-12-31', series: [{ id: 's', rrule: 'FREQ=DAILY' }] }).path,
    ).toBe('to');
  });

  it('answers a rule that never matches quickly (rrule.js would walk to the year 9999)', () => {
    const started = performance.now();
    const result = generate({ ...base, series: [{ id: 's', rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' }] });
    expect(result.events).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses more events than allowed in one request', () => {
    const series = Array.from({ length: 10 }, (_, i) => ({
      id: `s${i}`,
      rrule: 'FREQ=DAILY',
      onConflict: 'keep',
    }));
    expect(refused({ from: '2020-01-01', to: '2030-12-31', series }).path).toBe('series');
  });

  it('refuses bad rules with a schema error (400), not a limit', () => {
    for (const rrule of [
      'FREQ=SOMETIMES',
      'BYDAY=MO',
      'FREQ=WEEKLY;BYDAY=1MO',
      'FREQ=DAILY;COUNT=2;UNTIL=20250101',
      'X=1',
    ]) {
      expect(CalendarRequestSchema.safeParse({ ...base, series: [{ id: 's', rrule }] }).success).toBe(false);
    }
  });
});

describe('day numbers', () => {
  it('are independent of the process time zone', () => {
    expect(isoDate(dayNumber(2025, 10, 26))).toBe('2025-10-26');
  });
});

describe('overlaps of events without an end', () => {
  it('flags an event that starts inside another, or with it, though it has no end', () => {
    const response = generate({
      events: [
        { title: 'A', date: '2024-07-10', start: '16:30', end: '18:30' },
        { title: 'B', date: '2024-07-10', start: '17:00' },
        { title: 'C', date: '2024-07-11', start: '16:30' },
        { title: 'D', date: '2024-07-11', start: '16:30' },
        { title: 'E', date: '2024-07-11', start: '19:00' },
      ],
    });
    const overlaps = response.findings.filter((f) => f.code === 'OVERLAP').map((f) => f.message);
    expect(overlaps).toHaveLength(2);
    expect(overlaps.join(' ')).toMatch(/B/);
    expect(overlaps.join(' ')).not.toMatch(/"E"/);
  });
});
