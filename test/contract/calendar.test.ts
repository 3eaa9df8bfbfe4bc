import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttendanceResponseSchema } from '../../shared/attendance/schema.js';
import { CalendarResponseSchema } from '../../shared/calendar/schema.js';
import { CONTRACT_EXAMPLE, CONTRACT_OCTOBER_EVENT } from '../support/calendar.js';
import { fixture } from '../support/fixtures.js';
import { type RunningHost, startHost } from '../support/host.js';

let host: RunningHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as {
    status: number;
    type: string;
    errors: { path: string; message: string }[];
  };
  expect(body.status).toBe(response.status);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return body;
}

describe('POST /api/calendar/generate over HTTP', () => {
  it('answers the contract example', async () => {
    const response = await host.post('calendar/generate', CONTRACT_EXAMPLE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = CalendarResponseSchema.parse(await response.json());
    expect(body.events.find((e) => e.date === '2025-10-13')).toMatchObject(CONTRACT_OCTOBER_EVENT);
    expect(body.windows).toEqual([
      { title: '2de vergadering Diversiteam', from: '2020-11-01', to: '2020-12-31' },
    ]);
    const starts = body.events.map((e) => Date.parse(e.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(body.findings.map((f) => f.code)).toEqual(['EVENT_SHIFTED', 'EVENT_SHIFTED']);
  });

  it('reads the coaching programme grid with refs', async () => {
    const grid = fixture<{ coachingProgramme: unknown }>('schedules.json').coachingProgramme;
    const response = await host.post('calendar/generate', { locale: 'nl-BE', grid });
    const body = CalendarResponseSchema.parse(await response.json());
    expect(body.events.map((e) => e.ref)).toEqual(['Programma!C2', 'Programma!C3']);
    expect(body.windows).toHaveLength(6);
    expect(body.mapping).toEqual({ title: 'A', description: 'B', date: 'C' });
  });

  it('refuses FREQ=SECONDLY, COUNT=1000000000 and a 100-year span with 422, quickly', async () => {
    const bodies = [
      { ...CONTRACT_EXAMPLE, series: [{ id: 's', rrule: 'FREQ=SECONDLY' }] },
      { ...CONTRACT_EXAMPLE, series: [{ id: 's', rrule: 'FREQ=DAILY;COUNT=1000000000' }] },
      { from: '1950-01-01', to: '2049-12-31', series: [{ id: 's', rrule: 'FREQ=DAILY' }] },
    ];
    for (const body of bodies) {
      const started = performance.now();
      const response = await host.post('calendar/generate', body);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(response.status).toBe(422);
      const problem = await problemOf(response);
      expect(problem.errors[0]?.path).toMatch(/^(series\.0\.rrule|to)$/);
    }
  });

  it('refuses a bad rule, a bad zone and an impossible from with 400 and the path', async () => {
    const cases: [unknown, string][] = [
      [{ ...CONTRACT_EXAMPLE, series: [{ id: 's', rrule: 'FREQ=SOMETIMES' }] }, 'series.0.rrule'],
      [{ ...CONTRACT_EXAMPLE, timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ ...CONTRACT_EXAMPLE, from: '2025-02-30' }, 'from'],
      [{ ...CONTRACT_EXAMPLE, holidays: { country: 'XX' } }, 'holidays.country'],
    ];
    for (const [body, path] of cases) {
      const response = await host.post('calendar/generate', body);
      expect(response.status).toBe(400);
      expect((await problemOf(response)).errors.map((e) => e.path)).toContain(path);
    }
  });
});

describe('POST /api/calendar/ics over HTTP', () => {
  it('answers text/calendar that parses back to the generated events, with stable UIDs', async () => {
    const response = await host.post('calendar/ics', CONTRACT_EXAMPLE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics).toContain('\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n');
    const component = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.register(component.getFirstSubcomponent('vtimezone') as ICAL.Component);
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const generated = CalendarResponseSchema.parse(
      await (await host.post('calendar/generate', CONTRACT_EXAMPLE)).json(),
    );
    expect(events.map((e) => e.uid)).toEqual(generated.events.map((e) => e.uid));
    expect(events.map((e) => e.startDate.toJSDate().getTime())).toEqual(
      generated.events.map((e) => Date.parse(e.startsAt)),
    );
    const again = await (await host.post('calendar/ics', CONTRACT_EXAMPLE)).text();
    expect(again.match(/^UID:.*$/gm)).toEqual(ics.match(/^UID:.*$/gm));
  });

  it('answers a 422 as problem+json, not as a calendar', async () => {
    const response = await host.post('calendar/ics', {
      ...CONTRACT_EXAMPLE,
      series: [{ id: 's', rrule: 'FREQ=HOURLY' }],
    });
    expect(response.status).toBe(422);
    await problemOf(response);
  });
});

describe('POST /api/attendance/check over HTTP', () => {
  it('answers the contract example', async () => {
    const response = await host.post('attendance/check', {
      sessions: [{ id: '2025-02-11', type: 'bijeenkomst' }],
      members: [{ name: 'A. Jansen', attended: ['2025-02-11', '2025-04-11'] }],
      rules: [{ type: 'bijeenkomst', minimum: 5 }],
    });
    expect(response.status).toBe(200);
    const body = AttendanceResponseSchema.parse(await response.json());
    expect(body.members[0]?.rules[0]).toMatchObject({
      type: 'bijeenkomst',
      attended: 1,
      minimum: 5,
      met: false,
    });
    expect(body.sessions).toEqual([
      { id: '2025-02-11', type: 'bijeenkomst', date: '2025-02-11', held: true, turnout: 1 },
    ]);
    expect(body.findings.map((f) => [f.code, f.actual])).toEqual([
      ['UNKNOWN_SESSION', '2025-04-11'],
      ['MINIMUM_ABOVE_SESSIONS', '5'],
    ]);
  });

  it('refuses a body that does not fit with 400 and the path', async () => {
    const response = await host.post('attendance/check', {
      sessions: [],
      members: [{ name: 'x', attended: 'y' }],
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors.map((e) => e.path)).toContain('members.0.attended');
  });
});
