import { civilDate, compactDate, parseIsoDate } from './dates.js';
import type { CalendarEvent, CalendarResponse } from './schema.js';
import { vtimezone } from './vtimezone.js';
import { offsetAt } from './zone.js';

/**
 * An RFC 5545 calendar of a generated calendar, written by hand (ical-generator takes 325 ms for
 * 3,653 events and writes local times from the process's clock): CRLF line ends, lines folded
 * at 75 octets without splitting a UTF-8 character, text escaped, a VTIMEZONE for the zone,
 * local `DTSTART;TZID=…` times, and one VEVENT per occurrence with its stable UID.
 */

const encoder = new TextEncoder();

/** Drops the control characters TEXT values may not hold (tab and line breaks stay; breaks are escaped). */
function dropControls(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127)) out += char;
  }
  return out;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other controls. */
export function escapeText(text: string): string {
  return dropControls(text)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets: continuation lines start with a space. */
export function foldLine(line: string): string {
  if (line.length <= 75 && /^[\x20-\x7e]*$/.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = char.length === 1 && char.charCodeAt(0) < 0x80 ? 1 : encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // after the leading space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * A DTSTART/DTEND of a time: local with its TZID (`DTSTART;TZID=Europe/Amsterdam:20251013T163000`),
 * the real local time of `startsAt`; within three hours of a change of offset in UTC
 * (`DTSTART:20231029T003000Z`), since readers differ on local times that occur twice or not at
 * all (ical.js takes the second of the autumn's double hour, RFC 5545 the first).
 */
function dateTimeLine(name: string, zoned: string, zone: string): string {
  const utc = Date.parse(zoned);
  if (offsetAt(zone, utc - 3 * HOUR_MS) !== offsetAt(zone, utc + 3 * HOUR_MS)) {
    return `${name}:${stamp(new Date(utc))}`;
  }
  return `${name};TZID=${zone}:${zoned.slice(0, 19).replace(/[-:]/g, '')}`;
}

const HOUR_MS = 3_600_000;

function eventLines(event: CalendarEvent, zone: string, dtstamp: string, out: string[]): void {
  out.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${dtstamp}`);
  if (event.allDay || event.start === null) {
    const day = parseIsoDate(event.date) ?? 0;
    out.push(`DTSTART;VALUE=DATE:${compactDate(day)}`, `DTEND;VALUE=DATE:${compactDate(day + 1)}`);
  } else {
    out.push(dateTimeLine('DTSTART', event.startsAt, zone));
    if (event.endsAt !== null) out.push(dateTimeLine('DTEND', event.endsAt, zone));
  }
  out.push(foldLine(`SUMMARY:${escapeText(event.title)}`));
  if (event.location) out.push(foldLine(`LOCATION:${escapeText(event.location)}`));
  if (event.description) out.push(foldLine(`DESCRIPTION:${escapeText(event.description)}`));
  out.push(event.allDay ? 'TRANSP:TRANSPARENT' : 'TRANSP:OPAQUE', 'END:VEVENT');
}

/** The years the events of a calendar fall in (for its VTIMEZONE). */
function yearsOf(events: readonly CalendarEvent[]): [number, number] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    const year = Number(event.date.slice(0, 4));
    if (year < first) first = year;
    if (year > last) last = year;
  }
  if (!Number.isFinite(first)) {
    const year = civilDate(Math.floor(Date.now() / 86_400_000)).year;
    return [year, year];
  }
  return [first, last];
}

export interface IcsOptions {
  /** The moment written as DTSTAMP; now by default. */
  now?: Date;
  /** The calendar's name (X-WR-CALNAME). */
  name?: string;
}

export function writeIcs(calendar: CalendarResponse, options: IcsOptions = {}): string {
  const zone = calendar.timeZone;
  const dtstamp = stamp(options.now ?? new Date());
  const [first, last] = yearsOf(calendar.events);
  const out: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Programme Desk//Calendar 1.0//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    foldLine(`X-WR-TIMEZONE:${zone}`),
  ];
  if (options.name) out.push(foldLine(`X-WR-CALNAME:${escapeText(options.name)}`));
  out.push(vtimezone(zone, first, last));
  for (const event of calendar.events) eventLines(event, zone, dtstamp, out);
  out.push('END:VCALENDAR');
  return `${out.join('\r\n')}\r\n`;
}
