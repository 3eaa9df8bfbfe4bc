/**
 * TEMPORARY: the shapes of the calendar and attendance endpoints as `contract.md`
 * describes them, until their zod schemas land in `shared/calendar/`, and `shared/attendance/`; then these are replaced by the schemas' `z.infer` types.
 */
import type { Finding } from '../../../shared/findings.js';
import type { Cell } from '../../../shared/grid/schema.js';

interface GridInput {
  address: string;
  values: Cell[][];
  numberFormat?: (string | null)[][];
}

export interface CalendarRequest {
  locale?: string;
  language?: 'nl' | 'en';
  timeZone: string;
  from?: string;
  to?: string;
  holidays?: { country: 'NL' | 'BE'; region: string | null; extra: string[] };
  series?: {
    id: string;
    title: string;
    rrule: string;
    start: string;
    end: string;
    location?: string;
    onConflict?: string;
  }[];
  grid?: GridInput;
  year?: number | null;
}

export interface CalendarResponse {
  events: {
    seriesId?: string;
    title?: string;
    date: string;
    weekday?: string;
    start?: string | null;
    end?: string | null;
    startsAt?: string;
    endsAt?: string;
    originalDate?: string;
    shift?: string | null;
    holiday?: string;
    location?: string;
    ref?: string;
  }[];
  windows?: { title?: string; from: string; to: string }[];
  findings: Finding[];
}

export interface AttendanceRequest {
  sessions: { id: string; type: string }[];
  members: { name: string; attended: string[] }[];
  rules: { type: string; minimum: number }[];
}

export interface AttendanceResponse {
  members: {
    name: string;
    rules: { type: string; attended: number; minimum: number; met: boolean; remaining?: number }[];
  }[];
  sessions: { id: string; turnout: number }[];
  findings: Finding[];
}
