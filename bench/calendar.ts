import { generateCalendar } from '../shared/calendar/engine.js';
import { writeIcs } from '../shared/calendar/ics.js';
import { CalendarRequestSchema } from '../shared/calendar/schema.js';
import { WorkLimitError } from '../shared/limits.js';
import { type BenchRow, bestOf } from './support.js';

/** A daily meeting for ten years (2025–2034: 3,652 days), kept on weekends and holidays. */
export const TEN_YEARS_DAILY = {
  locale: 'nl-NL',
  timeZone: 'Europe/Amsterdam',
  from: '2025-01-01',
  to: '2034-12-31',
  holidays: { country: 'NL' },
  series: [
    {
      id: 'dagelijks',
      title: 'Dagelijkse check-in',
      rrule: 'FREQ=DAILY',
      start: '16:30',
      end: '17:00',
      location: 'Utrecht',
      onConflict: 'keep',
    },
  ],
};

const REFUSED = { ...TEN_YEARS_DAILY, series: [{ id: 's', rrule: 'FREQ=DAILY;COUNT=1000000000' }] };

export async function benchCalendar(): Promise<BenchRow[]> {
  const body = JSON.stringify(TEN_YEARS_DAILY);
  const request = CalendarRequestSchema.parse(JSON.parse(body));
  let events = 0;
  const generateMs = await bestOf(5, () => {
    events = generateCalendar(request).events.length;
  });
  const calendar = generateCalendar(request);
  // The request is tiny; what the work makes is 3,652 events, so the baseline is reading them.
  const answer = JSON.stringify(calendar);
  const parseMs = await bestOf(5, () => JSON.parse(answer));
  let size = 0;
  const icsMs = await bestOf(5, () => {
    size = writeIcs(generateCalendar(request)).length;
  });
  const icsOnlyMs = await bestOf(5, () => writeIcs(calendar));

  const refusedBody = JSON.stringify(REFUSED);
  const refusedParseMs = await bestOf(5, () => JSON.parse(refusedBody));
  let refused = false;
  const refusedMs = await bestOf(5, () => {
    try {
      generateCalendar(CalendarRequestSchema.parse(JSON.parse(refusedBody)));
    } catch (error) {
      refused = error instanceof WorkLimitError;
    }
  });
  const baseline = {
    baselineMs: parseMs,
    baselineName: `JSON.parse of the answer (${(answer.length / 1e6).toFixed(2)} MB)`,
  };
  return [
    {
      name: `calendar generate, 10-year daily series (${events} events)`,
      ms: generateMs,
      ...baseline,
      target: '< 100 ms',
    },
    {
      name: `calendar .ics of it (generate + write, ${(size / 1e6).toFixed(2)} MB)`,
      ms: icsMs,
      ...baseline,
      target: '< 200 ms',
      note: `writing alone ${icsOnlyMs.toFixed(1)} ms`,
    },
    {
      name: 'calendar refused rule (COUNT=1000000000): parse + 422',
      ms: refusedMs,
      baselineMs: refusedParseMs,
      baselineName: 'JSON.parse of the body',
      target: '< 20 ms',
      note: refused ? 'refused with WorkLimitError (422)' : 'NOT refused',
    },
  ];
}
