import { isoDate, pad2 } from './dates.js';

/**
 * Wall-clock time in an IANA time zone, computed with `Intl.DateTimeFormat` so that no result
 * depends on the time zone of the process.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size > 500) formatters.clear();
    formatters.set(zone, format);
  }
  return format;
}

/** True when the runtime knows the zone (`Europe/Amsterdam`, `UTC`, `America/New_York`). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The offsets of a zone over one stretch of 365 days: the first, and every change after it. */
interface OffsetTable {
  initial: number;
  changes: { at: number; offset: number }[];
}

const PERIOD_MS = 365 * DAY_MS;
const tables = new Map<string, OffsetTable>();

function offsetTable(zone: string, period: number): OffsetTable {
  const key = `${zone}\u0000${period}`;
  let table = tables.get(key);
  if (!table) {
    const start = period * PERIOD_MS;
    const initial = rawOffset(zone, start);
    const changes = transitions(zone, start, start + PERIOD_MS)
      .filter((change) => change.utcMs < start + PERIOD_MS)
      .map((change) => ({ at: change.utcMs, offset: change.to }));
    table = { initial, changes };
    if (tables.size > 20_000) tables.clear();
    tables.set(key, table);
  }
  return table;
}

/**
 * The zone's offset from UTC in minutes at an instant: 120 for Amsterdam in summer. The changes
 * of each year are found once (a day at a time, then to the minute) and kept.
 */
export function offsetAt(zone: string, utcMs: number): number {
  const table = offsetTable(zone, Math.floor(utcMs / PERIOD_MS));
  let offset = table.initial;
  for (const change of table.changes) {
    if (change.at > utcMs) break;
    offset = change.offset;
  }
  return offset;
}

/** A local wall-clock time resolved to an instant of the zone. */
export interface ZonedTime {
  utcMs: number;
  /** The offset in minutes in force at that instant. */
  offset: number;
  /** The local date and minutes as they are at that instant (they differ from the asked ones only in a gap). */
  dayNum: number;
  minutes: number;
}

/**
 * The instant of a local date and time in a zone, as RFC 5545 reads local times: a time that
 * occurs twice (the autumn switch) is its first occurrence, a time that does not exist (the
 * spring gap) is read with the offset before the gap, so 02:30 becomes 03:30 summer time.
 */
export function zonedTime(zone: string, dayNum: number, minutes: number): ZonedTime {
  const wall = dayNum * DAY_MS + minutes * MINUTE_MS;
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  let utcMs: number;
  if (before === after) {
    utcMs = wall - before * MINUTE_MS;
  } else {
    const first = wall - before * MINUTE_MS;
    const second = wall - after * MINUTE_MS;
    const candidates = [first, second].filter((utc, i) => offsetAt(zone, utc) === (i === 0 ? before : after));
    utcMs = candidates.length > 0 ? Math.min(...candidates) : first;
  }
  const offset = offsetAt(zone, utcMs);
  const local = utcMs + offset * MINUTE_MS;
  const localDay = Math.floor(local / DAY_MS);
  return { utcMs, offset, dayNum: localDay, minutes: Math.round((local - localDay * DAY_MS) / MINUTE_MS) };
}

/** `+02:00`, `-05:00`, `+05:45`. */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** `2025-10-13T16:30:00+02:00`: the local time of an instant with its offset. */
export function formatZoned(time: ZonedTime): string {
  return `${isoDate(time.dayNum)}T${pad2(Math.floor(time.minutes / 60))}:${pad2(time.minutes % 60)}:00${formatOffset(time.offset)}`;
}

/** The offset changes of a zone between two instants: when, from and to (for a VTIMEZONE). */
export function transitions(
  zone: string,
  fromMs: number,
  toMs: number,
): { utcMs: number; from: number; to: number }[] {
  const found: { utcMs: number; from: number; to: number }[] = [];
  const step = DAY_MS;
  let previous = rawOffset(zone, fromMs);
  for (let t = fromMs + step; t <= toMs + step; t += step) {
    const current = rawOffset(zone, t);
    if (current === previous) continue;
    // Narrow the change down to the quarter of an hour, then to the minute.
    let low = t - step;
    let high = t;
    while (high - low > MINUTE_MS) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (rawOffset(zone, mid) === previous) low = mid;
      else high = mid;
    }
    found.push({ utcMs: high, from: previous, to: current });
    previous = current;
  }
  return found;
}

/** The offset at an instant, read from the zone's wall clock (seconds dropped). */
function rawOffset(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(utcMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / MINUTE_MS);
}
