import fc from 'fast-check';
import ICAL from 'ical.js';
import rrulePackage from 'rrule';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate, isWeekend } from '../../shared/calendar/dates.js';
import { generateCalendar } from '../../shared/calendar/engine.js';
import { publicHolidays } from '../../shared/calendar/holidays.js';
import { escapeText, foldLine, writeIcs } from '../../shared/calendar/ics.js';
import { expandRule, parseRule } from '../../shared/calendar/rule.js';
import { CalendarRequestSchema, type CalendarResponse } from '../../shared/calendar/schema.js';
import { vtimezone } from '../../shared/calendar/vtimezone.js';
import { CONTRACT_SERIES } from '../support/calendar.js';

const { RRule } = rrulePackage;

const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Rules as people write them for meetings: daily to yearly, with the common BY parts. */
const ruleArb = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.integer({ min: 1, max: 4 }),
    byday: fc.option(fc.uniqueArray(fc.constantFrom(...weekdays), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    nth: fc.option(fc.constantFrom(1, 2, 3, -1), { nil: undefined }),
    bymonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }), {
      nil: undefined,
    }),
    bymonthday: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    setpos: fc.option(fc.constantFrom(1, -1, 2), { nil: undefined }),
    count: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  })
  .map((r) => {
    const parts = [`FREQ=${r.freq}`];
    if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
    if (r.byday) {
      const ordinal = r.nth !== undefined && (r.freq === 'MONTHLY' || r.freq === 'YEARLY');
      parts.push(`BYDAY=${r.byday.map((d) => (ordinal ? `${r.nth}${d}` : d)).join(',')}`);
    }
    if (r.bymonth) parts.push(`BYMONTH=${r.bymonth.join(',')}`);
    if (r.bymonthday && r.freq !== 'WEEKLY') parts.push(`BYMONTHDAY=${r.bymonthday.join(',')}`);
    const hasBy = r.byday || (r.bymonthday && r.freq !== 'WEEKLY');
    if (r.setpos !== undefined && hasBy && r.freq !== 'DAILY') parts.push(`BYSETPOS=${r.setpos}`);
    if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
    return parts.join(';');
  });

const dayArb = fc.integer({ min: dayNumber(2023, 1, 1), max: dayNumber(2027, 12, 31) });

describe('the expander agrees with rrule.js (in floating time)', () => {
  it('for generated rules, starts and spans', () => {
    fc.assert(
      fc.property(ruleArb, dayArb, fc.integer({ min: 0, max: 700 }), (text, start, length) => {
        const parsed = parseRule(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const mine = expandRule(parsed.rule, start, 16 * 60 + 30, start + length).days.map(isoDate);
        // A rule with no occurrence after the window makes rrule.js walk on to the year 9999.
        const horizon = expandRule(parsed.rule, start, 16 * 60 + 30, start + length + 3_000).days;
        const last = horizon[horizon.length - 1];
        const exhausted = parsed.rule.count !== undefined && horizon.length >= parsed.rule.count;
        if (!exhausted && (last === undefined || last <= start + length)) return;
        const dtstart = new Date(start * 86_400_000 + (16 * 60 + 30) * 60_000);
        const until = new Date((start + length) * 86_400_000 + 86_399_000);
        const oracle = new RRule({ ...RRule.parseString(text), dtstart })
          .between(dtstart, until, true)
          .map((d) => d.toISOString().slice(0, 10));
        expect(mine).toEqual(oracle);
      }),
      { numRuns: 300 },
    );
  });
});

const requestArb = fc.record({
  rrule: ruleArb,
  from: dayArb,
  length: fc.integer({ min: 0, max: 500 }),
  onConflict: fc.constantFrom('next-working-day', 'previous-working-day', 'keep', 'skip'),
  zone: fc.constantFrom('Europe/Amsterdam', 'Europe/Brussels'),
  country: fc.constantFrom('NL', 'BE', null),
  start: fc.constantFrom('08:00', '16:30', '02:30', '23:00', null),
  title: fc.string({ maxLength: 90 }),
  location: fc.constantFrom(
    'Utrecht',
    'Zaal 1; 2e verdieping, "achter"',
    'Brussel\\Bruxelles',
    'Café\nCentraal 🍻',
  ),
});

type Generated = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function requestOf(r: Generated) {
  return CalendarRequestSchema.parse({
    timeZone: r.zone,
    from: isoDate(r.from),
    to: isoDate(r.from + r.length),
    holidays: { country: r.country },
    series: [
      {
        id: 'reeks',
        title: r.title,
        rrule: r.rrule,
        start: r.start,
        end: r.start === null ? null : r.start === '23:00' ? '24:00' : '18:45',
        location: r.location,
        onConflict: r.onConflict,
      },
    ],
  });
}

/** A text as it comes back from an .ics: controls other than tab and newline dropped, CRLF as LF. */
function plain(text: string): string {
  const kept = [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127);
  });
  return kept.join('').replace(/\r\n|\r/g, '\n');
}

function parseBack(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  const zone = component.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('properties of generated calendars', () => {
  it('events lie inside from–to, on working days unless kept, sorted, with unique and stable UIDs', () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const request = requestOf(r);
        const result = generateCalendar(request);
        const holidays = (day: number) =>
          r.country !== null &&
          publicHolidays(r.country, null, 'nl', Number(isoDate(day).slice(0, 4))).has(day);
        const starts = result.events.map((e) => Date.parse(e.startsAt));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        for (const event of result.events) {
          const day = dayNumber(
            Number(event.date.slice(0, 4)),
            Number(event.date.slice(5, 7)),
            Number(event.date.slice(8)),
          );
          expect(day).toBeGreaterThanOrEqual(r.from);
          expect(day).toBeLessThanOrEqual(r.from + r.length);
          if (r.onConflict !== 'keep') {
            expect(isWeekend(day) || holidays(day)).toBe(false);
            expect(event.shift === null).toBe(event.originalDate === undefined);
          }
        }
        const uids = result.events.map((e) => e.uid);
        expect(new Set(uids).size).toBe(uids.length);
        expect(generateCalendar(request).events.map((e) => e.uid)).toEqual(uids);
      }),
      { numRuns: 150 },
    );
  });

  it('the .ics parses back (ical.js) to the same events', () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const result: CalendarResponse = generateCalendar(requestOf(r));
        const ics = writeIcs(result, { now: new Date(Date.UTC(2025, 0, 1, 12)) });
        for (const line of ics.split('\r\n'))
          expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const events = parseBack(ics);
        expect(events).toHaveLength(result.events.length);
        events.forEach((parsed, i) => {
          const event = result.events[i];
          if (!event) throw new Error('missing event');
          expect(parsed.uid).toBe(event.uid);
          expect(parsed.summary).toBe(plain(event.title));
          expect(parsed.location).toBe(event.location?.replace(/\r\n|\r/g, '\n'));
          if (event.allDay) {
            expect(parsed.startDate.isDate).toBe(true);
            expect(parsed.startDate.toString()).toBe(event.date);
          } else {
            expect(parsed.startDate.toJSDate().getTime()).toBe(Date.parse(event.startsAt));
            if (event.endsAt) expect(parsed.endDate.toJSDate().getTime()).toBe(Date.parse(event.endsAt));
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('.ics details', () => {
  it('escapes text and folds lines at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'é'.repeat(80)}`);
  });

  it('writes the contract example with CRLF, a VTIMEZONE, local DTSTART;TZID and DTSTAMP', () => {
    const result = generateCalendar(CalendarRequestSchema.parse(CONTRACT_SERIES));
    const ics = writeIcs(result, { now: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20251013T163000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Amsterdam:20251013T183000\r\n');
    expect(ics).toContain('DTSTAMP:20250102T030405Z\r\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
  });

  it('writes times next to a change of offset in UTC, so that every reader takes the same instant', () => {
    const result = generateCalendar(
      CalendarRequestSchema.parse({
        timeZone: 'Europe/Amsterdam',
        events: [
          { title: 'twice', date: '2023-10-29', start: '02:30', end: '04:00' },
          { title: 'gap', date: '2023-03-26', start: '02:30', end: '04:00' },
        ],
      }),
    );
    const ics = writeIcs(result);
    expect(ics).toContain('DTSTART:20231029T003000Z'); // 02:30+02:00, the first of the double hour
    expect(ics).toContain('DTSTART:20230326T013000Z'); // 03:30+02:00, after the gap
    const events = parseBack(ics);
    expect(events.map((e) => e.startDate.toJSDate().getTime())).toEqual(
      result.events.map((e) => Date.parse(e.startsAt)),
    );
  });

  it('takes the VTIMEZONE of @touch4it/ical-timezones for Amsterdam and Brussels, and it is right', () => {
    for (const zone of ['Europe/Amsterdam', 'Europe/Brussels']) {
      const component = vtimezone(zone, 2024, 2027);
      expect(component).toContain('tzurl.org');
      const timezone = new ICAL.Timezone(
        new ICAL.Component(
          ICAL.parse(`BEGIN:VCALENDAR\r\n${component}\r\nEND:VCALENDAR`),
        ).getFirstSubcomponent('vtimezone') as ICAL.Component,
      );
      for (let day = dayNumber(2024, 1, 1); day <= dayNumber(2027, 12, 31); day += 3) {
        const utc = day * 86_400_000 + 14 * 3_600_000;
        const time = ICAL.Time.fromJSDate(new Date(utc), true);
        const offset = timezone.utcOffset(time) / 60;
        const intl = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
          .formatToParts(utc)
          .find((p) => p.type === 'timeZoneName')?.value;
        const expected = intl === 'GMT' ? 0 : Number(intl?.slice(3, 6)) * 60 + Number(intl?.slice(7, 9) ?? 0);
        expect(offset).toBe(expected);
      }
    }
  });

  it('writes its own VTIMEZONE where the library is out of date (Mexico City has no summer time since 2022)', () => {
    const component = vtimezone('America/Mexico_City', 2024, 2025);
    expect(component).not.toContain('tzurl.org');
    expect(component).not.toContain('DAYLIGHT');
    expect(component).toContain('TZOFFSETTO:-0600');
  });
});
