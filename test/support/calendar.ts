/** The contract's calendar example (../shared/docs/contract.md), shared by the calendar tests. */

/** Its series: the aanjagers meet on the 11th of the even months. */
export const AANJAGERS = {
  id: 'aanjagers',
  title: 'Aanjagersbijeenkomst',
  rrule: 'FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11',
  start: '16:30',
  end: '18:30',
  location: 'Utrecht',
};

/** The example request with its series only. */
export const CONTRACT_SERIES = {
  locale: 'nl-NL',
  timeZone: 'Europe/Amsterdam',
  from: '2025-01-01',
  to: '2025-12-31',
  holidays: { country: 'NL', region: null, extra: ['2025-06-11'] },
  series: [{ ...AANJAGERS, onConflict: 'next-working-day' }],
};

/** The example request as the contract writes it. */
export const CONTRACT_EXAMPLE = {
  ...CONTRACT_SERIES,
  events: [
    { title: 'Sessie 2', text: 'Maandag 23 september 17.00 - 19.00 uur', year: 2024 },
    { title: 'Sessie 1', date: '2024-07-10', start: '16:30', end: '18:30', statedWeekday: 'woensdag' },
  ],
  windows: [{ title: '2de vergadering Diversiteam', text: 'Nov. - december 2020' }],
};

/** The event the contract shows for it: Saturday 11 October 2025 moved to Monday the 13th. */
export const CONTRACT_OCTOBER_EVENT = {
  seriesId: 'aanjagers',
  title: 'Aanjagersbijeenkomst',
  date: '2025-10-13',
  weekday: 'maandag',
  start: '16:30',
  end: '18:30',
  startsAt: '2025-10-13T16:30:00+02:00',
  endsAt: '2025-10-13T18:30:00+02:00',
  originalDate: '2025-10-11',
  shift: 'weekend',
  location: 'Utrecht',
};
