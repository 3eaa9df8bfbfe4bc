import { describe, expect, it } from 'vitest';
import { checkAttendance } from '../../shared/attendance/engine.js';
import { AttendanceRequestSchema, AttendanceResponseSchema } from '../../shared/attendance/schema.js';

const check = (request: unknown) =>
  AttendanceResponseSchema.parse(checkAttendance(AttendanceRequestSchema.parse(request)));

// The learning network: leads attend at least 5 of the 6 meetings and practices.
const values = [
  ['Aanwezigheid aanjagers 2025', '', '', '', '', '', ''],
  ['Naam', 45699, 45758, 45819, '2025-08-11', 'Praktijk okt', 'Praktijk dec'],
  ['Soort', 'bijeenkomst', 'bijeenkomst', 'bijeenkomst', 'bijeenkomst', 'praktijk', 'praktijk'],
  ['A. Jansen', 'x', 'x', 'ja', '✓', 1, ''],
  ['B. de Vries', 'x', '', '', 'x', 'misschien', ''],
  ['', '', '', '', '', '', ''],
  ['Totaal', 2, 1, 1, 2, 1, 0],
];

describe('attendance from a members × sessions block of ticks', () => {
  const response = check({
    grid: { address: "'Leernetwerk 2025'!B2", values },
    rules: [{ minimum: 5 }, { type: 'bijeenkomst', minimum: 3 }],
  });

  it('reads session days from Excel serials and labels, and their types from the Soort row', () => {
    expect(response.sessions.map((s) => [s.id, s.type, s.turnout])).toEqual([
      ['2025-02-11', 'bijeenkomst', 2],
      ['2025-04-11', 'bijeenkomst', 1],
      ['2025-06-11', 'bijeenkomst', 1],
      ['2025-08-11', 'bijeenkomst', 2],
      ['Praktijk okt', 'praktijk', 1],
      ['Praktijk dec', 'praktijk', 0],
    ]);
    expect(response.mapping).toEqual({ name: 'B' });
  });

  it('counts members by grid row and skips the summary row', () => {
    expect(response.members.map((m) => [m.name, m.row, m.rules.map((r) => [r.attended, r.met])])).toEqual([
      [
        'A. Jansen',
        3,
        [
          [5, true],
          [4, true],
        ],
      ],
      [
        'B. de Vries',
        4,
        [
          [2, false],
          [2, false],
        ],
      ],
    ]);
  });

  it('reports a mark that is no tick with its cell', () => {
    expect(response.findings.filter((f) => f.code === 'MARK_UNREADABLE')).toEqual([
      expect.objectContaining({
        row: 4,
        ref: "'Leernetwerk 2025'!G6",
        actual: 'misschien',
        severity: 'error',
      }),
    ]);
  });

  it('reports a grid without a name column on its first cell', () => {
    const empty = check({ grid: { address: 'C3', values: [['a', 'b']] }, rules: [] });
    expect(empty.findings).toEqual([expect.objectContaining({ code: 'HEADER_NOT_FOUND', ref: 'C3' })]);
  });

  it('still asks for sessions and members without a grid', () => {
    const parsed = AttendanceRequestSchema.safeParse({ rules: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['sessions', 'members']);
  });
});
