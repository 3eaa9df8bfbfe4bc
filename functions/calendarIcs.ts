import { generateCalendar } from '../shared/calendar/engine.js';
import { writeIcs } from '../shared/calendar/ics.js';
import { CalendarRequestSchema } from '../shared/calendar/schema.js';
import { defineEndpoint } from './http/endpoint.js';

export const calendarIcs = defineEndpoint({
  name: 'calendarIcs',
  route: 'calendar/ics',
  schema: CalendarRequestSchema,
  run: (request) => writeIcs(generateCalendar(request)),
  reply: (ics) => ({
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="programme-desk.ics"',
    },
    body: ics,
  }),
});
