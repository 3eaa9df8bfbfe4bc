import { describe, expect, it } from 'vitest';
import { generateCalendar } from '../../shared/calendar/engine.js';
import { writeIcs } from '../../shared/calendar/ics.js';
import { CalendarRequestSchema } from '../../shared/calendar/schema.js';
import { CONTRACT_SERIES } from '../support/calendar.js';

// The same calendar under another process time zone: no result may change.
process.env.TZ = 'America/New_York';

const generate = (body: unknown) => generateCalendar(CalendarRequestSchema.parse(body));

describe('under TZ=America/New_York', () => {
  it('the process really runs in New York time', () => {
    expect(new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset()).toBe(300);
  });

  it('gives the contract example with Amsterdam offsets and local .ics times', () => {
    const result = generate(CONTRACT_SERIES);
    expect(result.events.map((e) => e.startsAt)).toEqual([
      '2025-02-11T16:30:00+01:00',
      '2025-04-11T16:30:00+02:00',
      '2025-06-12T16:30:00+02:00',
      '2025-08-11T16:30:00+02:00',
      '2025-10-13T16:30:00+02:00',
      '2025-12-11T16:30:00+01:00',
    ]);
    const ics = writeIcs(result, { now: new Date(Date.UTC(2025, 0, 1, 9)) });
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20251013T163000');
    expect(ics).toContain('DTSTAMP:20250101T090000Z');
  });

  it('keeps 16:30 across both DST switches in Brussels', () => {
    const result = generate({
      timeZone: 'Europe/Brussels',
      from: '2025-03-28',
      to: '2025-10-28',
      holidays: { country: 'BE' },
      series: [{ id: 'weekly', rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '16:30', end: '18:30' }],
    });
    expect(result.events[0]?.startsAt).toBe('2025-03-31T16:30:00+02:00');
    expect(result.events.at(-1)?.startsAt).toBe('2025-10-27T16:30:00+01:00');
    expect(result.events.every((e) => e.start === '16:30')).toBe(true);
    // Easter Monday, Whit Monday: moved to Tuesday.
    expect(result.events.filter((e) => e.shift === 'holiday').map((e) => [e.originalDate, e.date])).toEqual([
      ['2025-04-21', '2025-04-22'],
      ['2025-06-09', '2025-06-10'],
      ['2025-07-21', '2025-07-22'],
    ]);
  });

  it('reads programme text the same way', () => {
    const result = generate({
      events: [{ title: 'S', text: 'Maandag 25 november 16.30 - 18.30 uur', year: 2024 }],
    });
    expect(result.events[0]).toMatchObject({
      date: '2024-11-25',
      weekday: 'maandag',
      startsAt: '2024-11-25T16:30:00+01:00',
    });
  });
});
