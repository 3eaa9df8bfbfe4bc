import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { civilDate, dayNumber, pad2 } from './dates.js';
import { expandRule, parseRule } from './rule.js';
import { offsetAt, transitions } from './zone.js';

/**
 * The VTIMEZONE of a zone for the years a calendar covers. `@touch4it/ical-timezones` gives the
 * compact form Outlook knows (one STANDARD and one DAYLIGHT with yearly rules), but its data is
 * from 2018 (Mexico City still has summer time there), so its component is used only when its
 * transitions in those years are exactly those of the runtime's time-zone data (`Intl`), which
 * also gives every `startsAt`. Otherwise the component is written from those transitions.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const cache = new Map<string, string>();

function parseOffset(text: string | undefined): number | undefined {
  const match = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(text ?? '');
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function localStamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const minutes = Math.round((ms - day * DAY_MS) / MINUTE_MS);
  const { year, month, day: d } = civilDate(day);
  return `${year}${pad2(month)}${pad2(d)}T${pad2(Math.floor(minutes / 60))}${pad2(minutes % 60)}00`;
}

function formatOffset(offset: number): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

type Change = string; // `local wall time before the change|offset after`

/** The changes a library component makes between two days, or undefined when it cannot tell. */
function libraryChanges(component: string, firstDay: number, lastDay: number): Set<Change> | undefined {
  const changes = new Set<Change>();
  const blocks = component.match(/BEGIN:(STANDARD|DAYLIGHT)[\s\S]*?END:\1/g) ?? [];
  if (blocks.length === 0) return undefined;
  for (const block of blocks) {
    const field = (name: string) => new RegExp(`^${name}[:;](.*)$`, 'm').exec(block)?.[1]?.trim();
    if (field('RDATE') !== undefined) return undefined;
    const from = parseOffset(field('TZOFFSETFROM'));
    const to = parseOffset(field('TZOFFSETTO'));
    const start = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})\d{2}$/.exec(field('DTSTART') ?? '');
    if (from === undefined || to === undefined || !start) return undefined;
    if (from === to) continue;
    const startDay = dayNumber(Number(start[1]), Number(start[2]), Number(start[3]));
    const minutes = Number(start[4]) * 60 + Number(start[5]);
    const rrule = field('RRULE');
    let days = [startDay];
    if (rrule !== undefined) {
      const parsed = parseRule(rrule);
      if (!parsed.ok) return undefined;
      days = expandRule(parsed.rule, startDay, minutes, lastDay).days;
    }
    for (const day of days) {
      if (day >= firstDay && day <= lastDay)
        changes.add(`${localStamp(day * DAY_MS + minutes * MINUTE_MS)}|${to}`);
    }
  }
  return changes;
}

/** A VTIMEZONE written from the zone's own transitions between two instants. */
function generated(zone: string, fromMs: number, toMs: number, initial: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${formatOffset(initial)}`);
  lines.push(`TZOFFSETTO:${formatOffset(initial)}`, 'END:STANDARD');
  for (const change of transitions(zone, fromMs, toMs)) {
    const kind = change.to > change.from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(change.utcMs + change.from * MINUTE_MS)}`);
    lines.push(
      `TZOFFSETFROM:${formatOffset(change.from)}`,
      `TZOFFSETTO:${formatOffset(change.to)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/**
 * The VTIMEZONE (CRLF lines, no trailing CRLF) for `zone` that is right for the years from
 * `firstYear` to `lastYear`.
 */
export function vtimezone(zone: string, firstYear: number, lastYear: number): string {
  const key = `${zone}\u0000${firstYear}\u0000${lastYear}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const firstDay = dayNumber(firstYear, 1, 1);
  const lastDay = dayNumber(lastYear, 12, 31);
  const fromMs = firstDay * DAY_MS - DAY_MS;
  const toMs = (lastDay + 1) * DAY_MS;
  const actual = transitions(zone, fromMs, toMs);
  const initial = actual[0]?.from ?? offsetAt(zone, fromMs);
  let result: string | undefined;
  let library: string | null = null;
  try {
    library = getVtimezoneComponent(zone);
  } catch {
    library = null;
  }
  if (
    library &&
    new RegExp(`^TZID:${zone.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\r?$`, 'm').test(library)
  ) {
    const claimed = libraryChanges(library, firstDay, lastDay);
    const expected = new Set(actual.map((c) => `${localStamp(c.utcMs + c.from * MINUTE_MS)}|${c.to}`));
    const sameOffsetNow = libraryOffsetMatches(library, initial, actual.length);
    if (
      claimed &&
      sameOffsetNow &&
      claimed.size === expected.size &&
      [...claimed].every((c) => expected.has(c))
    ) {
      result = library.trim().split(/\r?\n/).join('\r\n');
    }
  }
  result ??= generated(zone, fromMs, toMs, initial);
  if (cache.size > 1_000) cache.clear();
  cache.set(key, result);
  return result;
}

/** Without transitions, the library's single offset must be the zone's. */
function libraryOffsetMatches(component: string, offset: number, changes: number): boolean {
  if (changes > 0) return true;
  const offsets = [...component.matchAll(/^TZOFFSETTO:(.*)$/gm)].map((m) => parseOffset(m[1]?.trim()));
  return offsets.length > 0 && offsets.every((o) => o === offset);
}
