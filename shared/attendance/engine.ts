import { ATTENDANCE_LIMITS } from '../calendar/limits.js';
import type { Finding, FindingPlace, Params } from '../findings.js';
import { WorkLimitError } from '../limits.js';
import { languageOf } from '../locale.js';
import { normalizeName } from '../text/normalize.js';
import { type AttendanceCode, attendanceFinding } from './messages.js';
import type { AttendanceRequest, AttendanceResponse, Session } from './schema.js';
import { type AttendanceSource, sourceFromGrid, sourceFromLists } from './source.js';

function checkLimits(request: AttendanceRequest): void {
  const members = request.members ?? [];
  const marks = members.reduce((sum, member) => sum + member.attended.length, 0);
  const rows = request.grid?.values.length ?? 0;
  const cells = request.grid?.values.reduce((sum, row) => sum + row.length, 0) ?? 0;
  const counts: [string, number, number][] = [
    ['sessions', request.sessions?.length ?? 0, ATTENDANCE_LIMITS.sessions],
    ['members', members.length, ATTENDANCE_LIMITS.members],
    ['grid.values', rows, ATTENDANCE_LIMITS.members],
    ['grid.values', cells, ATTENDANCE_LIMITS.marks],
    ['rules', request.rules.length, ATTENDANCE_LIMITS.rules],
    ['members', marks, ATTENDANCE_LIMITS.marks],
  ];
  for (const [path, count, max] of counts) {
    if (count > max) {
      throw new WorkLimitError(path, {
        nl: `${count} in ${path}; hoogstens ${max}`,
        en: `${count} in ${path}; at most ${max}`,
      });
    }
  }
}

const typeKey = (type: string | null | undefined) => normalizeName(type ?? '');

/**
 * Checks attendance against minimums ("at least 5 of the 6"): per member and rule the count
 * attended, whether it is met and whether it still can be in the sessions to come; per session
 * the turnout. An unknown session id in `attended` is a finding, not an error.
 *
 * A session is held when it says so (`held`), else when it has a date (its own, or its id) on
 * or before `asOf`, else — without `asOf` — when anyone attended it.
 */
export function checkAttendance(request: AttendanceRequest): AttendanceResponse {
  checkLimits(request);
  const lang = languageOf(request);
  const source: AttendanceSource = request.grid
    ? sourceFromGrid(request.grid, lang)
    : sourceFromLists(request);
  const findings: Finding[] = [...source.findings];
  const memberPlace = (row: number): FindingPlace => source.memberPlaces[row] ?? { row };
  const add = (code: AttendanceCode, place: FindingPlace, params: Params = {}) =>
    findings.push(attendanceFinding(lang, code, place, params));

  const sessions = new Map<string, { session: Session; index: number }>();
  source.sessions.forEach((session, index) => {
    const id = session.id.trim();
    if (sessions.has(id))
      add('DUPLICATE_SESSION', { ...source.sessionPlaces[index], field: 'sessions', actual: id });
    else sessions.set(id, { session, index });
  });

  const turnout = new Map<string, number>();
  const attendedBy: Set<string>[] = [];
  const seenMembers = new Map<string, number>();
  source.members.forEach((member, row) => {
    const key = normalizeName(member.name);
    const first = seenMembers.get(key);
    if (first !== undefined && key !== '') {
      add(
        'DUPLICATE_MEMBER',
        { ...memberPlace(row), field: 'members', actual: member.name },
        { name: member.name, firstRow: memberPlace(first).ref ?? first },
      );
    } else seenMembers.set(key, row);
    const attended = new Set<string>();
    for (const raw of member.attended) {
      const id = raw.trim();
      if (!sessions.has(id)) {
        add(
          'UNKNOWN_SESSION',
          { ...memberPlace(row), field: 'attended', actual: raw },
          { name: member.name },
        );
        continue;
      }
      if (attended.has(id)) {
        add(
          'DUPLICATE_ATTENDANCE',
          { ...memberPlace(row), field: 'attended', actual: raw },
          { name: member.name },
        );
        continue;
      }
      attended.add(id);
      turnout.set(id, (turnout.get(id) ?? 0) + 1);
    }
    attendedBy.push(attended);
  });

  const held = new Map<string, boolean>();
  const dates = new Map<string, string | null>();
  for (const [id, { session }] of sessions) {
    const date = session.date ?? (/^\d{4}-\d{2}-\d{2}$/.test(id) ? id : null);
    dates.set(id, date);
    let isHeld: boolean;
    if (session.held !== null && session.held !== undefined) isHeld = session.held;
    else if (request.asOf && date) isHeld = date <= request.asOf;
    else isHeld = (turnout.get(id) ?? 0) > 0;
    held.set(id, isHeld);
  }

  const rules = request.rules.map((rule, index) => {
    const key = typeKey(rule.type);
    const ids = [...sessions.keys()].filter(
      (id) => key === '' || typeKey(sessions.get(id)?.session.type) === key,
    );
    const remaining = ids.filter((id) => !held.get(id)).length;
    const type = rule.type ?? null;
    if (ids.length === 0) add('RULE_WITHOUT_SESSIONS', { row: index, field: 'rules', actual: type ?? '' });
    else if (rule.minimum > ids.length) {
      add(
        'MINIMUM_ABOVE_SESSIONS',
        { row: index, field: 'rules', expected: String(ids.length), actual: String(rule.minimum) },
        { minimum: rule.minimum, type: type ?? '*', total: ids.length },
      );
    }
    return { rule, type, ids: new Set(ids), remaining };
  });

  const members = source.members.map((member, index) => {
    const attended = attendedBy[index] ?? new Set<string>();
    const place = memberPlace(index);
    return {
      name: member.name,
      row: place.row ?? index,
      rules: rules.map(({ rule, type, ids, remaining }) => {
        let count = 0;
        for (const id of attended) if (ids.has(id)) count++;
        const needed = Math.max(0, rule.minimum - count);
        const met = needed === 0;
        const canStillMeet = met || needed <= remaining;
        if (!canStillMeet && ids.size >= rule.minimum) {
          add(
            'MINIMUM_UNREACHABLE',
            { ...place, field: 'members', expected: String(rule.minimum), actual: String(count) },
            { name: member.name, minimum: rule.minimum, type: type ?? '*', attended: count, remaining },
          );
        }
        return { type, attended: count, minimum: rule.minimum, met, remaining, needed, canStillMeet };
      }),
    };
  });

  return {
    members,
    sessions: [...sessions.entries()].map(([id, { session }]) => ({
      id,
      type: session.type ?? null,
      date: dates.get(id) ?? null,
      held: held.get(id) ?? false,
      turnout: turnout.get(id) ?? 0,
    })),
    findings,
    ...(source.mapping && { mapping: source.mapping }),
  };
}
