import { type CodeEntry, findingsFor } from '../findings.js';

/** Every finding of the attendance check, its severity, and its message in Dutch and English. */
const ATTENDANCE_CODES = {
  UNKNOWN_SESSION: {
    severity: 'warning',
    nl: '{name} was aanwezig bij "{actual}", maar die bijeenkomst staat niet in sessions.',
    en: '{name} attended "{actual}", which is not one of the sessions.',
  },
  DUPLICATE_ATTENDANCE: {
    severity: 'info',
    nl: '{name}: "{actual}" staat twee keer in attended; één keer geteld.',
    en: '{name}: "{actual}" is listed twice in attended; counted once.',
  },
  DUPLICATE_SESSION: {
    severity: 'warning',
    nl: 'Bijeenkomst "{actual}" staat twee keer in sessions; de eerste telt.',
    en: 'Session "{actual}" appears twice in sessions; the first counts.',
  },
  DUPLICATE_MEMBER: {
    severity: 'warning',
    nl: '{name} staat twee keer in members (ook rij {firstRow}).',
    en: '{name} appears twice in members (also row {firstRow}).',
  },
  RULE_WITHOUT_SESSIONS: {
    severity: 'warning',
    nl: 'Er zijn geen bijeenkomsten van het soort "{actual}".',
    en: 'There are no sessions of type "{actual}".',
  },
  MINIMUM_ABOVE_SESSIONS: {
    // A warning: the schedule may still grow, and the request itself is sound.
    severity: 'warning',
    nl: 'Minimaal {minimum} keer "{type}", maar er zijn maar {total} bijeenkomsten van dat soort.',
    en: 'At least {minimum} times "{type}", but there are only {total} sessions of that type.',
  },
  MINIMUM_UNREACHABLE: {
    severity: 'warning',
    nl: '{name} haalt het minimum van {minimum} keer "{type}" niet meer: {attended} keer geweest, nog {remaining} te gaan.',
    en: '{name} can no longer reach {minimum} times "{type}": attended {attended}, {remaining} to go.',
  },
  MARK_UNREADABLE: {
    severity: 'error',
    nl: '"{actual}" bij {name} is geen vinkje (x, ja, 1, ✓) en geen nee (nee, 0, leeg); niet geteld.',
    en: '"{actual}" for {name} is neither a tick (x, yes, 1, ✓) nor a no (no, 0, blank); not counted.',
  },
  HEADER_NOT_FOUND: {
    severity: 'error',
    nl: 'Geen kopregel gevonden met een kolom zoals "Naam" en een kolom per bijeenkomst.',
    en: 'No header row found with a column such as "Name" and one column per session.',
  },
} satisfies Record<string, CodeEntry>;

export type AttendanceCode = keyof typeof ATTENDANCE_CODES;
export const attendanceFinding = findingsFor<AttendanceCode>(ATTENDANCE_CODES);
