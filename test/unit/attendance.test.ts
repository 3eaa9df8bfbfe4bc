import { describe, expect, it } from 'vitest';
import { checkAttendance } from '../../shared/attendance/engine.js';
import { AttendanceRequestSchema, AttendanceResponseSchema } from '../../shared/attendance/schema.js';
import { fixture } from '../support/fixtures.js';

const check = (body: unknown) =>
  AttendanceResponseSchema.parse(checkAttendance(AttendanceRequestSchema.parse(body)));

const network = fixture<{ learningNetworkMeetings: { attendanceMinimum: number; of: number } }>(
  'schedules.json',
).learningNetworkMeetings;

/** The learning network: six sessions (the 11th of the even months), at least 5 of the 6. */
const sessions = ['2025-02-11', '2025-04-11', '2025-06-11', '2025-08-11', '2025-10-13', '2025-12-11'].map(
  (id, i) => ({
    id,
    type: i % 2 === 0 ? 'bijeenkomst' : 'praktijkdag',
  }),
);

describe('attendance: at least 5 of the 6', () => {
  const body = {
    sessions,
    members: [
      { name: 'A. Jansen', attended: ['2025-02-11', '2025-04-11', '2025-06-11', '2025-08-11'] },
      { name: 'B. de Vries', attended: ['2025-02-11', '2025-06-11'] },
      {
        name: 'C. Peeters',
        attended: ['2025-02-11', '2025-04-11', '2025-06-11', '2025-08-11', '2025-10-13'],
      },
      { name: 'D. Bakker', attended: ['2025-02-11', '2025-03-11', '2025-02-11'] },
    ],
    rules: [
      { type: null, minimum: network.attendanceMinimum },
      { type: 'bijeenkomst', minimum: 2 },
    ],
    asOf: '2025-08-31',
  };

  it('counts per member and rule, with the sessions that remain', () => {
    expect(sessions).toHaveLength(network.of);
    const result = check(body);
    const all = result.members.map((m) => [
      m.name,
      m.rules[0]?.attended,
      m.rules[0]?.met,
      m.rules[0]?.remaining,
      m.rules[0]?.canStillMeet,
    ]);
    expect(all).toEqual([
      ['A. Jansen', 4, false, 2, true],
      ['B. de Vries', 2, false, 2, false],
      ['C. Peeters', 5, true, 2, true],
      ['D. Bakker', 1, false, 2, false],
    ]);
    expect(result.members[0]?.rules[1]).toEqual({
      type: 'bijeenkomst',
      attended: 2,
      minimum: 2,
      met: true,
      remaining: 1,
      needed: 0,
      canStillMeet: true,
    });
    expect(result.members[0]?.rules[0]?.needed).toBe(1);
  });

  it('gives the turnout per session, and which are held', () => {
    const result = check(body);
    expect(result.sessions.map((s) => [s.id, s.turnout, s.held])).toEqual([
      ['2025-02-11', 4, true],
      ['2025-04-11', 2, true],
      ['2025-06-11', 3, true],
      ['2025-08-11', 2, true],
      ['2025-10-13', 1, false],
      ['2025-12-11', 0, false],
    ]);
  });

  it('reports unknown session ids and doubles as findings, not errors', () => {
    const result = check(body);
    expect(result.findings.map((f) => [f.code, f.severity, f.row, f.actual])).toEqual([
      ['UNKNOWN_SESSION', 'warning', 3, '2025-03-11'],
      ['DUPLICATE_ATTENDANCE', 'info', 3, '2025-02-11'],
      ['MINIMUM_UNREACHABLE', 'warning', 1, '2'],
      ['MINIMUM_UNREACHABLE', 'warning', 3, '1'],
    ]);
    expect(result.findings[0]?.message).toBe(
      'D. Bakker was aanwezig bij "2025-03-11", maar die bijeenkomst staat niet in sessions.',
    );
  });

  it('without asOf, a session with any attendance counts as held', () => {
    const result = check({ ...body, asOf: undefined });
    expect(result.sessions.map((s) => s.held)).toEqual([true, true, true, true, true, false]);
    expect(result.members[0]?.rules[0]?.remaining).toBe(1);
  });

  it('reports a minimum above the number of sessions and a rule without sessions', () => {
    const result = check({
      sessions,
      members: [],
      rules: [
        { type: 'bijeenkomst', minimum: 4 },
        { type: 'webinar', minimum: 1 },
      ],
      language: 'en',
    });
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([
      ['MINIMUM_ABOVE_SESSIONS', 'warning'],
      ['RULE_WITHOUT_SESSIONS', 'warning'],
    ]);
  });
});
