import { generateCalendar } from '../shared/calendar/engine.js';
import { CalendarRequestSchema } from '../shared/calendar/schema.js';
import { defineEndpoint } from './http/endpoint.js';

export const calendarGenerate = defineEndpoint({
  name: 'calendarGenerate',
  route: 'calendar/generate',
  schema: CalendarRequestSchema,
  run: generateCalendar,
});
