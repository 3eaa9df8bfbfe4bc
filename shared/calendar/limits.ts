/** The limits of the calendar, documented in docs/api-calendar.md; beyond them the answer is 422. */
export const CALENDAR_LIMITS = {
  /** Days from `from` to `to`, both counted: about eleven years. */
  spanDays: 4_018,
  /** `COUNT` of a rule. */
  count: 5_000,
  /** Events in one answer, from series and single events together. */
  events: 20_000,
  series: 100,
  singleEvents: 5_000,
  windows: 1_000,
  extraDates: 1_000,
  gridRows: 5_000,
  gridColumns: 50,
} as const;

/** The limits of the attendance check. */
export const ATTENDANCE_LIMITS = {
  sessions: 2_000,
  members: 10_000,
  rules: 50,
  /** Session ids listed over all members. */
  marks: 1_000_000,
} as const;
