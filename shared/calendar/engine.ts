import type { Finding, FindingPlace, Params } from '../findings.js';
import { WorkLimitError } from '../limits.js';
import { type Lang, type Locale, languageOf } from '../locale.js';
import {
  civilDate,
  dayNumber,
  daysInMonth,
  isoDate,
  isValidDate,
  isWeekend,
  minutesOf,
  parseIsoDate,
  timeOf,
  weekdayName,
  weekdayOf,
} from './dates.js';
import { publicHolidays } from './holidays.js';
import { CALENDAR_LIMITS } from './limits.js';
import {
  type CalendarCode,
  calendarFinding,
  displayDate,
  REASONS,
  SKIP_REASONS,
  UNPARSEABLE_HINTS,
} from './messages.js';
import { expandRule, isAtMostDaily, parseRule, type Rule } from './rule.js';
import type {
  CalendarEvent,
  CalendarRequest,
  CalendarResponse,
  CalendarWindow,
  OnConflict,
  SingleEvent,
  WindowInput,
} from './schema.js';
import { seriesIdOf } from './schema.js';
import { readCalendarGrid } from './source.js';
import { parseEventText, parseWindowText, weekdayFromWord } from './text.js';
import { eventUid, seriesUid } from './uid.js';
import { formatZoned, zonedTime } from './zone.js';

type Shift = 'weekend' | 'holiday' | 'extra';
interface Closed {
  shift: Shift;
  holiday?: string;
}

/** An event with what sorting and the overlap check need. */
interface Placed {
  event: CalendarEvent;
  utcStart: number;
  utcEnd: number | null;
  place: FindingPlace;
}

/** What a single event says once read: its day, times and the weekday it states. */
export interface EventInput {
  title: string;
  id?: string;
  text?: string | null;
  date?: string | null;
  start?: string | null;
  end?: string | null;
  statedWeekday?: string | null;
  year?: number | null;
  location?: string | null;
  description?: string | null;
  onConflict: OnConflict;
  /** Minutes since midnight read from an Excel serial's fraction. */
  serialDay?: number;
  serialMinutes?: number;
  /** Where findings point: the list index and field, or the grid cell. */
  place: FindingPlace;
  /** The field named by findings about the text or date, for the structured list. */
  textField: string;
  dateField: string;
  weekdayField: string;
  /** A row of a grid also carries the cell reference of the event. */
  row?: number;
  ref?: string;
}

export const DEFAULT_ZONES: Record<Locale, string> = {
  'nl-NL': 'Europe/Amsterdam',
  'nl-BE': 'Europe/Brussels',
  'en-GB': 'Europe/Amsterdam',
  'en-US': 'Europe/Amsterdam',
};

/** The holidays of the zone's country where the zone says it (Brussels is BE), else the locale's. */
function defaultCountry(locale: Locale, zone: string): string {
  return ZONE_COUNTRIES[zone] ?? DEFAULT_COUNTRIES[locale];
}

const ZONE_COUNTRIES: Record<string, string> = { 'Europe/Amsterdam': 'NL', 'Europe/Brussels': 'BE' };

const DEFAULT_COUNTRIES: Record<Locale, string> = {
  'nl-NL': 'NL',
  'nl-BE': 'BE',
  'en-GB': 'NL',
  'en-US': 'NL',
};

/** The state of one calendar: the request's zone, language, closed days and what was made. */
class Plan {
  readonly findings: Finding[] = [];
  readonly placed: Placed[] = [];
  readonly windows: CalendarWindow[] = [];
  private readonly uids = new Set<string>();
  private readonly extra: Set<number>;
  private readonly country: string | null;
  private readonly region: string | null;
  private readonly holidayYears = new Map<number, Map<number, string>>();

  constructor(
    readonly request: CalendarRequest,
    readonly lang: Lang,
    readonly zone: string,
  ) {
    this.extra = new Set((request.holidays?.extra ?? []).map((d) => parseIsoDate(d) ?? Number.NaN));
    const country = request.holidays?.country;
    this.country = country === null ? null : (country ?? defaultCountry(request.locale, zone));
    this.region = (this.country && request.holidays?.region) || null;
  }

  add(code: CalendarCode, place: FindingPlace, params: Params = {}): void {
    this.findings.push(calendarFinding(this.lang, code, place, params));
  }

  closed(day: number): Closed | undefined {
    if (this.country) {
      const year = civilDate(day).year;
      let holidays = this.holidayYears.get(year);
      if (!holidays) {
        holidays = publicHolidays(this.country, this.region, this.lang, year);
        this.holidayYears.set(year, holidays);
      }
      const holiday = holidays.get(day);
      if (holiday !== undefined) return { shift: 'holiday', holiday };
    }
    if (this.extra.has(day)) return { shift: 'extra' };
    if (isWeekend(day)) return { shift: 'weekend' };
    return undefined;
  }

  reason(closed: Closed): string {
    return closed.holiday ?? REASONS[this.lang][closed.shift];
  }

  /** The nearest open day after (or before) a closed one; undefined after a year of closed days. */
  nearestOpen(day: number, direction: 1 | -1): number | undefined {
    for (
      let next = day + direction, steps = 0;
      steps < CALENDAR_LIMITS.extraDates + 400;
      next += direction, steps++
    ) {
      if (!this.closed(next)) return next;
    }
    return undefined;
  }

  uniqueUid(uid: string): string {
    let candidate = uid;
    for (let n = 2; this.uids.has(candidate); n++) candidate = uid.replace('@', `-${n}@`);
    this.uids.add(candidate);
    return candidate;
  }

  /** Places an event on a day: its instants in the zone, its weekday, its UID. */
  place(
    base: {
      seriesId: string | null;
      title: string;
      start: string | null;
      end: string | null;
      location?: string | null;
      description?: string | null;
      uid: string;
      row?: number;
      ref?: string;
    },
    day: number,
    conflict: { originalDay: number; closed: Closed } | undefined,
    place: FindingPlace,
  ): void {
    if (this.placed.length >= CALENDAR_LIMITS.events) {
      throw new WorkLimitError('series', {
        nl: `Meer dan ${CALENDAR_LIMITS.events} afspraken in één verzoek`,
        en: `More than ${CALENDAR_LIMITS.events} events in one request`,
      });
    }
    const allDay = base.start === null;
    const startTime = zonedTime(this.zone, day, allDay ? 0 : minutesOf(base.start ?? '00:00'));
    let endTime: ReturnType<typeof zonedTime> | null = null;
    if (allDay) endTime = zonedTime(this.zone, day + 1, 0);
    else if (base.end !== null) {
      const minutes = minutesOf(base.end);
      endTime = minutes >= 1440 ? zonedTime(this.zone, day + 1, 0) : zonedTime(this.zone, day, minutes);
    }
    const event: CalendarEvent = {
      seriesId: base.seriesId,
      title: base.title,
      date: isoDate(day),
      weekday: weekdayName(day, this.lang),
      start: base.start,
      end: base.end,
      startsAt: formatZoned(startTime),
      endsAt: endTime ? formatZoned(endTime) : null,
      allDay,
      shift: conflict ? conflict.closed.shift : null,
      uid: this.uniqueUid(base.uid),
    };
    if (conflict) event.originalDate = isoDate(conflict.originalDay);
    if (conflict?.closed.holiday !== undefined) event.holiday = conflict.closed.holiday;
    if (base.location) event.location = base.location;
    if (base.description) event.description = base.description;
    if (base.row !== undefined) event.row = base.row;
    if (base.ref !== undefined) event.ref = base.ref;
    this.placed.push({ event, utcStart: startTime.utcMs, utcEnd: endTime?.utcMs ?? null, place });
  }

  /**
   * Puts an event on its day, or resolves the conflict with a closed day as asked. `range`
   * bounds where a move may land (the series' from–to); `taken` are days the series already has.
   */
  resolve(
    base: Parameters<Plan['place']>[0],
    day: number,
    onConflict: OnConflict,
    place: FindingPlace,
    range?: { from: number; to: number; taken: Set<number> },
  ): void {
    const closed = this.closed(day);
    if (!closed) {
      this.place(base, day, undefined, place);
      return;
    }
    const params = { title: base.title, fromText: displayDate(day, this.lang), reason: this.reason(closed) };
    const skip = (why: keyof (typeof SKIP_REASONS)['nl']) =>
      this.add(
        'EVENT_SKIPPED',
        { ...place, actual: isoDate(day) },
        {
          ...params,
          reason: SKIP_REASONS[this.lang][why].replace('{reason}', params.reason),
        },
      );
    if (onConflict === 'keep') {
      this.place(base, day, { originalDay: day, closed }, place);
      this.add('CONFLICT_KEPT', { ...place, actual: isoDate(day) }, params);
      return;
    }
    const target =
      onConflict === 'skip' ? undefined : this.nearestOpen(day, onConflict === 'next-working-day' ? 1 : -1);
    const why: keyof (typeof SKIP_REASONS)['nl'] | undefined =
      onConflict === 'skip'
        ? 'skip'
        : target === undefined
          ? 'none'
          : range && (target < range.from || target > range.to)
            ? 'outside'
            : range?.taken.has(target)
              ? 'taken'
              : undefined;
    if (why !== undefined || target === undefined) {
      skip(why ?? 'none');
      return;
    }
    range?.taken.add(target);
    this.place(base, target, { originalDay: day, closed }, place);
    this.add(
      'EVENT_SHIFTED',
      { ...place, actual: isoDate(day), expected: isoDate(target) },
      {
        ...params,
        toText: displayDate(target, this.lang),
      },
    );
  }
}

function limit(path: string, nl: string, en: string): never {
  throw new WorkLimitError(path, { nl, en });
}

/** Refuses work over the documented limits before any of it is done. */
function checkLimits(request: CalendarRequest): Map<number, Rule> {
  const L = CALENDAR_LIMITS;
  if (request.from && request.to) {
    const span = (parseIsoDate(request.to) ?? 0) - (parseIsoDate(request.from) ?? 0) + 1;
    if (span > L.spanDays) {
      limit(
        'to',
        `Periode van ${span} dagen; hoogstens ${L.spanDays}`,
        `Span of ${span} days; at most ${L.spanDays}`,
      );
    }
  }
  const counts: [string, number, number][] = [
    ['series', request.series?.length ?? 0, L.series],
    ['events', request.events?.length ?? 0, L.singleEvents],
    ['windows', request.windows?.length ?? 0, L.windows],
    ['holidays.extra', request.holidays?.extra?.length ?? 0, L.extraDates],
    ['grid.values', request.grid?.values.length ?? 0, L.gridRows],
  ];
  for (const [path, count, max] of counts) {
    if (count > max)
      limit(path, `${count} in ${path}; hoogstens ${max}`, `${count} in ${path}; at most ${max}`);
  }
  const widest = request.grid?.values.reduce((w, row) => Math.max(w, row.length), 0) ?? 0;
  if (widest > L.gridColumns) {
    limit(
      'grid.values',
      `${widest} kolommen; hoogstens ${L.gridColumns}`,
      `${widest} columns; at most ${L.gridColumns}`,
    );
  }
  const rules = new Map<number, Rule>();
  request.series?.forEach((series, index) => {
    const parsed = parseRule(series.rrule);
    if (!parsed.ok) return; // The schema has refused it already.
    const path = `series.${index}.rrule`;
    if (!isAtMostDaily(parsed.rule)) {
      limit(
        path,
        `Hoogstens één keer per dag (FREQ=DAILY of grover, geen BYHOUR/BYMINUTE/BYSECOND): ${parsed.rule.freq}`,
        `At most once a day (FREQ=DAILY or coarser, no BYHOUR/BYMINUTE/BYSECOND): ${parsed.rule.freq}`,
      );
    }
    if ((parsed.rule.count ?? 0) > L.count) {
      limit(
        path,
        `COUNT=${parsed.rule.count}; hoogstens ${L.count}`,
        `COUNT=${parsed.rule.count}; at most ${L.count}`,
      );
    }
    rules.set(index, parsed.rule);
  });
  return rules;
}

function expandSeries(plan: Plan, request: CalendarRequest, rules: Map<number, Rule>): void {
  const from = parseIsoDate(request.from ?? '');
  const to = parseIsoDate(request.to ?? '');
  if (from === undefined || to === undefined) return;
  // Every series is expanded (one cheap test per day) before any event is made, so that a
  // request over the limit is refused before the work of placing its events.
  const expanded = (request.series ?? []).map((series, index) => {
    const rule = rules.get(index);
    const start = series.start ?? null;
    return rule ? expandRule(rule, from, start === null ? 0 : minutesOf(start), to).days : [];
  });
  const total = expanded.reduce((sum, days) => sum + days.length, 0);
  if (total > CALENDAR_LIMITS.events) {
    limit(
      'series',
      `${total} afspraken; hoogstens ${CALENDAR_LIMITS.events} per verzoek`,
      `${total} events; at most ${CALENDAR_LIMITS.events} per request`,
    );
  }
  request.series?.forEach((series, index) => {
    const days = expanded[index] ?? [];
    const seriesId = seriesIdOf(series, index);
    const title = series.title?.trim() || seriesId;
    const start = series.start ?? null;
    const taken = new Set(days.filter((day) => series.onConflict === 'keep' || !plan.closed(day)));
    const place: FindingPlace = { row: index, field: 'series' };
    for (const day of days) {
      const base = {
        seriesId,
        title,
        start,
        end: series.end ?? null,
        location: series.location,
        description: series.description,
        uid: seriesUid(seriesId, day),
      };
      plan.resolve(base, day, series.onConflict, place, { from, to, taken });
    }
  });
}

/** The year of a date written without one: the event's, the request's, or that of `from`. */
function fallbackYear(request: CalendarRequest, own: number | null | undefined): number | undefined {
  if (own) return own;
  if (request.year) return request.year;
  const from = parseIsoDate(request.from ?? '');
  return from === undefined ? undefined : civilDate(from).year;
}

/** Reads a single event (structured or from a grid row) and places it, or reports why not. */
export function addEvent(plan: Plan, input: EventInput): void {
  const { request, lang } = plan;
  const textPlace = (field: string, actual: string): FindingPlace => ({ ...input.place, field, actual });
  let day: number | undefined = input.serialDay;
  let start = input.start ?? null;
  let end = input.end ?? null;
  if (input.serialMinutes !== undefined && start === null) start = timeOf(input.serialMinutes);
  let statedWeekday: number | undefined;
  let weekdayText: string | undefined;
  const readText = (text: string, field: string, needDate: boolean): boolean => {
    const parsed = parseEventText(text, request.locale);
    if (!parsed.ok) {
      const hint =
        parsed.reason === 'no-date' || parsed.reason === 'two-dates' || parsed.reason === 'day-range'
          ? UNPARSEABLE_HINTS[lang][parsed.reason]
          : '';
      plan.add(parsed.code, textPlace(field, text), { hint });
      return false;
    }
    if (parsed.date && day === undefined) {
      const year = parsed.date.year ?? fallbackYear(request, input.year);
      if (year === undefined) {
        plan.add('YEAR_MISSING', textPlace(field, text));
        return false;
      }
      if (!isValidDate(year, parsed.date.month, parsed.date.day)) {
        plan.add('DATE_INVALID', textPlace(field, text));
        return false;
      }
      day = dayNumber(year, parsed.date.month, parsed.date.day);
    } else if (!parsed.date && needDate && day === undefined) {
      plan.add('TEXT_UNPARSEABLE', textPlace(field, text), { hint: '' });
      return false;
    }
    if (parsed.weekday !== undefined) {
      statedWeekday = parsed.weekday;
      weekdayText = text;
    }
    if (start === null && parsed.start !== undefined) {
      start = parsed.start;
      end = end ?? parsed.end ?? null;
    }
    return true;
  };
  const date = input.date?.trim();
  if (date && day === undefined) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      day = parseIsoDate(date);
      if (day === undefined) {
        plan.add('DATE_INVALID', textPlace(input.dateField, date));
        return;
      }
    } else if (!readText(date, input.dateField, true)) return;
  }
  const text = input.text?.trim();
  if (text && !readText(text, input.textField, day === undefined)) return;
  if (day === undefined) return;
  if (input.statedWeekday?.trim()) {
    weekdayText = input.statedWeekday.trim();
    statedWeekday = weekdayFromWord(weekdayText);
  }
  if (weekdayText !== undefined && statedWeekday !== weekdayOf(day)) {
    const field = input.statedWeekday?.trim() ? input.weekdayField : text ? input.textField : input.dateField;
    const actual =
      statedWeekday === undefined ? weekdayText : weekdayName(dayNumber(2024, 1, 1) + statedWeekday, lang);
    plan.add(
      'WEEKDAY_MISMATCH',
      { ...input.place, field, expected: weekdayName(day, lang), actual },
      { dateText: displayDate(day, lang).replace(/^\S+ /, '') },
    );
  }
  if (end !== null && start !== null && minutesOf(end) <= minutesOf(start)) {
    plan.add('TIME_INVALID', textPlace(input.textField, `${start}–${end}`));
    end = null;
  }
  const title = input.title;
  const base = {
    seriesId: null,
    title,
    start,
    end: start === null ? null : end,
    location: input.location,
    description: input.description,
    uid: eventUid(input.id, title, day, start),
    ...(input.row !== undefined && { row: input.row }),
    ...(input.ref !== undefined && { ref: input.ref }),
  };
  plan.resolve(base, day, input.onConflict, input.place);
}

function monthStart(text: string): number | undefined {
  return /^\d{4}-\d{2}$/.test(text) ? parseIsoDate(`${text}-01`) : parseIsoDate(text);
}

function monthEnd(text: string): number | undefined {
  if (!/^\d{4}-\d{2}$/.test(text)) return parseIsoDate(text);
  const [year, month] = text.split('-').map(Number) as [number, number];
  return dayNumber(year, month, daysInMonth(year, month));
}

/** Reads a period of whole months (or days) and adds it, or reports why not. */
export function addWindow(
  plan: Plan,
  input: WindowInput & { title: string },
  place: FindingPlace,
  textField: string,
  extra: { row?: number; ref?: string } = {},
): void {
  let from: number | undefined;
  let to: number | undefined;
  const text = input.text?.trim();
  if (input.from) {
    from = monthStart(input.from);
    to = monthEnd(input.to ?? input.from);
  } else if (text) {
    const parsed = parseWindowText(text);
    if (!parsed.ok) {
      plan.add('TEXT_UNPARSEABLE', { ...place, field: textField, actual: text }, { hint: '' });
      return;
    }
    const year = fallbackYear(plan.request, input.year);
    const fromYear = parsed.from.year ?? year;
    const toYear =
      parsed.to.year ??
      (fromYear !== undefined && parsed.to.month < parsed.from.month ? fromYear + 1 : fromYear);
    if (fromYear === undefined || toYear === undefined) {
      plan.add('YEAR_MISSING', { ...place, field: textField, actual: text });
      return;
    }
    if (!isValidDate(fromYear, parsed.from.month, 1) || !isValidDate(toYear, parsed.to.month, 1)) {
      plan.add('DATE_INVALID', { ...place, field: textField, actual: text });
      return;
    }
    from = dayNumber(fromYear, parsed.from.month, 1);
    to = dayNumber(toYear, parsed.to.month, daysInMonth(toYear, parsed.to.month));
  }
  if (from === undefined || to === undefined || to < from) {
    plan.add('DATE_INVALID', {
      ...place,
      field: textField,
      actual: text ?? `${input.from}–${input.to ?? ''}`,
    });
    return;
  }
  plan.windows.push({ title: input.title, from: isoDate(from), to: isoDate(to), ...extra });
}

function structuredEvent(event: SingleEvent, index: number): EventInput {
  return {
    ...event,
    id: event.id,
    title: event.title?.trim() ?? '',
    place: { row: index, field: 'events' },
    textField: 'events.text',
    dateField: 'events.date',
    weekdayField: 'events.statedWeekday',
    row: index,
  };
}

/** Overlapping timed events on one day, each reported once, on the later of the two. */
function checkOverlaps(plan: Plan): void {
  let active: Placed | undefined;
  // An event without an end is an instant: it overlaps what runs at that moment, or starts with it.
  const endOf = (placed: Placed) => placed.utcEnd ?? placed.utcStart;
  for (const current of plan.placed) {
    if (current.event.allDay) continue;
    const activeEnd = active ? endOf(active) : Number.NEGATIVE_INFINITY;
    const overlaps = current.utcStart < activeEnd || current.utcStart === active?.utcStart;
    if (active && active.event.date === current.event.date && overlaps) {
      const time = (e: CalendarEvent) => `${e.start}–${e.end ?? ''}`;
      plan.add(
        'OVERLAP',
        { ...current.place, actual: current.event.date },
        {
          title: current.event.title,
          time: time(current.event),
          otherTitle: active.event.title,
          otherTime: time(active.event),
          dateText: displayDate(parseIsoDate(current.event.date) ?? 0, plan.lang),
        },
      );
      if (endOf(current) > activeEnd) active = current;
    } else {
      active = current;
    }
  }
}

/** The calendar of a request: series expanded, events read, windows read, conflicts resolved. */
export function generateCalendar(request: CalendarRequest): CalendarResponse {
  const rules = checkLimits(request);
  const lang = languageOf(request);
  const zone = request.timeZone ?? DEFAULT_ZONES[request.locale];
  const plan = new Plan(request, lang, zone);
  expandSeries(plan, request, rules);
  request.events?.forEach((event, index) => {
    addEvent(plan, structuredEvent(event, index));
  });
  request.windows?.forEach((window, index) => {
    addWindow(
      plan,
      { ...window, title: window.title?.trim() ?? '' },
      { row: index, field: 'windows' },
      'windows.text',
    );
  });
  let mapping: CalendarResponse['mapping'];
  if (request.grid) mapping = readCalendarGrid(plan, request.grid);
  plan.placed.sort(
    (a, b) =>
      a.utcStart - b.utcStart ||
      (a.utcEnd ?? a.utcStart) - (b.utcEnd ?? b.utcStart) ||
      (a.event.title < b.event.title ? -1 : a.event.title > b.event.title ? 1 : 0),
  );
  checkOverlaps(plan);
  return {
    timeZone: zone,
    events: plan.placed.map((p) => p.event),
    windows: plan.windows,
    findings: plan.findings,
    ...(mapping && { mapping }),
  };
}

export type { Plan };
