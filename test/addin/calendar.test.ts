import { describe, expect, it } from 'vitest';
import { type AgendaForm, calendarRequest, runAgenda } from '../../addin/src/tasks/calendar.js';
import { calendarGenerate } from '../../functions/calendarGenerate.js';
import { calendarIcs } from '../../functions/calendarIcs.js';
import { fixture } from '../support/fixtures.js';
import { fakeEnv } from './env.js';
import { type CellValue, createFakeOffice } from './fake-excel.js';
import { inProcessApi } from './inprocess-api.js';

const form = (over: Partial<AgendaForm> = {}): AgendaForm => ({
  mode: 'rrule',
  title: 'Aanjagersbijeenkomst',
  words: { interval: 1, unit: 'month', monthDay: 11, months: 'even' },
  useWeekday: false,
  rrule: 'FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11',
  from: '2025-01-01',
  to: '2025-12-31',
  start: '16:30',
  end: '18:30',
  location: 'Utrecht',
  country: 'NL',
  region: '',
  extra: '',
  onConflict: 'next-working-day',
  ...over,
});

const schedules = fixture<{ coachingProgramme: { values: CellValue[][] } }>('schedules.json');

describe('Agenda maken on the fake workbook (handlers in-process)', () => {
  const api = inProcessApi([calendarGenerate, calendarIcs]);

  it('writes the even-months series as dates and times, and returns the .ics', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Blad1');
    const result = await runAgenda({ ...fakeEnv(fake, 'unused'), api }, form());
    expect(result.sheetName).toBe('PD Agenda');
    expect(result.response.events.map((e) => e.date)).toEqual([
      '2025-02-11',
      '2025-04-11',
      '2025-06-11',
      '2025-08-11',
      '2025-10-13',
      '2025-12-11',
    ]);
    const rows = fake.workbook.sheetValues('PD Agenda');
    const first = rows.findIndex((row) => row[0] === 45_699); // 2025-02-11
    expect(first).toBeGreaterThan(0);
    expect(rows[first]?.[2]).toBeCloseTo(16.5 / 24);
    expect(fake.workbook.cell(`'PD Agenda'!A${first + 1}`)?.numberFormat).toBe('yyyy-mm-dd');
    expect(result.ics).toContain('BEGIN:VCALENDAR');
    expect(result.ics?.match(/BEGIN:VEVENT/g)).toHaveLength(6);
  });

  it('builds the same rule from words', () => {
    const request = calendarRequest(form({ mode: 'words' }), 'nl');
    expect(request.series?.[0]?.rrule).toBe('FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11');
  });

  it('takes a pasted programme table from the selection', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Programma');
    fake.workbook.setValues('Programma!B2', schedules.coachingProgramme.values);
    fake.workbook.select('Programma!B2');
    const result = await runAgenda(
      { ...fakeEnv(fake, 'unused'), api },
      form({ mode: 'table', from: '2020-01-01' }),
    );
    expect(result.response.events.length + (result.response.windows?.length ?? 0)).toBeGreaterThan(3);
    const flat = fake.workbook.sheetValues(result.sheetName).flat();
    expect(flat).toContain('Perioden');
  });
});

describe('Aanwezigheid on the fake workbook (handler in-process)', () => {
  it('reads a members × sessions block of ticks and writes the summary sheet', async () => {
    const { attendanceCheck } = await import('../../functions/attendanceCheck.js');
    const { runAttendance } = await import('../../addin/src/tasks/calendar.js');
    const fake = createFakeOffice();
    fake.workbook.addSheet('Aanwezig');
    const dates = [45_699, 45_758, 45_819, 45_880, 45_943, 46_002]; // the six meetings of 2025
    fake.workbook.setValues(
      'Aanwezig!A1',
      [
        ['Lid', ...dates],
        ['A. Jansen', 'x', 'x', 'x', 'x', 'x', ''],
        ['B. de Vries', 'x', '', 'ja', '', '', ''],
        ['C. Peeters', '✓', 1, 'x', 'x', '', 'x'],
      ],
      [
        ['General', ...dates.map(() => 'dd-mm-yyyy')],
        ...Array.from({ length: 3 }, () => Array(7).fill('General')),
      ],
    );
    fake.workbook.select('Aanwezig!B2');
    const result = await runAttendance(
      { ...fakeEnv(fake, 'unused'), api: inProcessApi([attendanceCheck]) },
      5,
    );
    expect(result.sheetName).toBe('PD Aanwezigheid');
    expect(result.response.members.map((m) => [m.name, m.rules[0]?.attended, m.rules[0]?.met])).toEqual([
      ['A. Jansen', 5, true],
      ['B. de Vries', 2, false],
      ['C. Peeters', 5, true],
    ]);
    expect(result.response.sessions[0]).toMatchObject({ id: '2025-02-11', turnout: 3 });
    expect(fake.workbook.sheetValues('PD Aanwezigheid').flat()).toContain('B. de Vries');
  });
});
