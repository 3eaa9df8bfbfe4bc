import type { MessageText } from '../findings.js';
import { civilDate, dayNumber, daysInMonth, daysInYear, isValidDate, weekdayOf } from './dates.js';

/**
 * RFC 5545 recurrence rules for calendars of meetings: a strict parser and a bounded expander.
 *
 * The expander walks the days of the requested span once and tests each against the rule, so
 * its work is bounded by the span whatever the rule says. (rrule.js, used in the tests as an
 * independent oracle, iterates up to the year 9999 for a rule that never matches, such as
 * `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`: ten seconds for one request.) A meeting happens at
 * most once a day, its time coming from the series' `start`, so `FREQ` finer than `DAILY` and
 * `BYHOUR`/`BYMINUTE`/`BYSECOND` are refused by the engine as work over the limits.
 */

export const FREQUENCIES = [
  'YEARLY',
  'MONTHLY',
  'WEEKLY',
  'DAILY',
  'HOURLY',
  'MINUTELY',
  'SECONDLY',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface ByDay {
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  /** The nth of the month or year (negative from the end); 0 for every such weekday. */
  n: number;
}

export interface Rule {
  freq: Frequency;
  interval: number;
  count?: number;
  /** The last local date and minutes an occurrence may start at. */
  until?: { dayNum: number; minutes: number };
  bymonth?: number[];
  bymonthday?: number[];
  byyearday?: number[];
  byweekno?: number[];
  byday?: ByDay[];
  bysetpos?: number[];
  /** Week start, 0 = Monday. */
  wkst: number;
  /** Parts that ask for more than one time a day; refused by the engine. */
  subDaily: string[];
}

export type RuleParse = { ok: true; rule: Rule } | { ok: false; error: MessageText };

const fail = (nl: string, en: string): RuleParse => ({ ok: false, error: { nl, en } });

const MAX_LIST = 400;

function intList(value: string, min: number, max: number, allowNegative: boolean): number[] | undefined {
  const items = value.split(',');
  if (items.length > MAX_LIST) return undefined;
  const numbers: number[] = [];
  for (const item of items) {
    if (!/^[+-]?\d{1,4}$/.test(item)) return undefined;
    const n = Number(item);
    const abs = Math.abs(n);
    if (abs < min || abs > max || (n < 0 && !allowNegative)) return undefined;
    numbers.push(n);
  }
  return numbers;
}

function parseUntil(value: string): Rule['until'] | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDate(year, month, day)) return undefined;
  const hours = match[4] === undefined ? 23 : Number(match[4]);
  const minutes = match[5] === undefined ? 59 : Number(match[5]);
  if (hours > 23 || minutes > 59 || Number(match[6] ?? 0) > 60) return undefined;
  return { dayNum: dayNumber(year, month, day), minutes: hours * 60 + minutes };
}

/**
 * Parses an `RRULE` value (`FREQ=MONTHLY;BYMONTH=2,4;BYMONTHDAY=11`, optionally prefixed with
 * `RRULE:`). Only the rule itself: the series' `from` is its DTSTART, its `start` the time.
 */
export function parseRule(text: string): RuleParse {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body === '') return fail('Lege regel', 'Empty rule');
  if (/[\r\n]/.test(body)) return fail('Alleen de RRULE zelf, zonder DTSTART', 'Only the RRULE, no DTSTART');
  const seen = new Set<string>();
  const rule: Partial<Rule> & { subDaily: string[] } = { interval: 1, wkst: 0, subDaily: [] };
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      return fail(`"${part.slice(0, 40)}" is geen NAAM=WAARDE`, `"${part.slice(0, 40)}" is not NAME=VALUE`);
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (seen.has(name)) return fail(`${name} staat er twee keer in`, `${name} appears twice`);
    seen.add(name);
    const bad = () =>
      fail(
        `Ongeldige waarde voor ${name}: "${value.slice(0, 40)}"`,
        `Invalid ${name}: "${value.slice(0, 40)}"`,
      );
    switch (name) {
      case 'FREQ': {
        const freq = FREQUENCIES.find((f) => f === value);
        if (!freq) return bad();
        rule.freq = freq;
        break;
      }
      case 'INTERVAL': {
        if (!/^\d{1,6}$/.test(value) || Number(value) < 1) return bad();
        rule.interval = Number(value);
        break;
      }
      case 'COUNT': {
        if (!/^\d{1,15}$/.test(value) || Number(value) < 1) return bad();
        rule.count = Number(value);
        break;
      }
      case 'UNTIL': {
        const until = parseUntil(value);
        if (!until) return bad();
        rule.until = until;
        break;
      }
      case 'BYMONTH': {
        const list = intList(value, 1, 12, false);
        if (!list) return bad();
        rule.bymonth = list;
        break;
      }
      case 'BYMONTHDAY': {
        const list = intList(value, 1, 31, true);
        if (!list) return bad();
        rule.bymonthday = list;
        break;
      }
      case 'BYYEARDAY': {
        const list = intList(value, 1, 366, true);
        if (!list) return bad();
        rule.byyearday = list;
        break;
      }
      case 'BYWEEKNO': {
        const list = intList(value, 1, 53, true);
        if (!list) return bad();
        rule.byweekno = list;
        break;
      }
      case 'BYSETPOS': {
        const list = intList(value, 1, 366, true);
        if (!list) return bad();
        rule.bysetpos = list;
        break;
      }
      case 'BYDAY': {
        const items = value.split(',');
        if (items.length > MAX_LIST) return bad();
        const days: ByDay[] = [];
        for (const item of items) {
          const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
          if (!match) return bad();
          const n = match[1] === undefined ? 0 : Number(match[1]);
          if (match[1] !== undefined && (n === 0 || Math.abs(n) > 53)) return bad();
          days.push({ weekday: WEEKDAY_CODES.indexOf(match[2] as (typeof WEEKDAY_CODES)[number]), n });
        }
        rule.byday = days;
        break;
      }
      case 'WKST': {
        const index = WEEKDAY_CODES.indexOf(value as (typeof WEEKDAY_CODES)[number]);
        if (index < 0) return bad();
        rule.wkst = index;
        break;
      }
      case 'BYHOUR':
      case 'BYMINUTE':
      case 'BYSECOND': {
        if (!intList(value, 0, 60, false)) return bad();
        rule.subDaily.push(name);
        break;
      }
      default:
        return fail(`Onbekend onderdeel ${name.slice(0, 20)}`, `Unknown rule part ${name.slice(0, 20)}`);
    }
  }
  const { freq } = rule;
  if (!freq) return fail('FREQ ontbreekt', 'FREQ is missing');
  if (rule.count !== undefined && rule.until !== undefined) {
    return fail('COUNT en UNTIL gaan niet samen', 'COUNT and UNTIL cannot be combined');
  }
  if (rule.byweekno && freq !== 'YEARLY')
    return fail('BYWEEKNO alleen bij FREQ=YEARLY', 'BYWEEKNO needs FREQ=YEARLY');
  if (rule.byyearday && ['MONTHLY', 'WEEKLY', 'DAILY'].includes(freq)) {
    return fail(`BYYEARDAY niet bij FREQ=${freq}`, `BYYEARDAY not with FREQ=${freq}`);
  }
  if (rule.bymonthday && freq === 'WEEKLY')
    return fail('BYMONTHDAY niet bij FREQ=WEEKLY', 'BYMONTHDAY not with FREQ=WEEKLY');
  const ordinal = rule.byday?.some((d) => d.n !== 0) ?? false;
  if (ordinal && !(freq === 'MONTHLY' || (freq === 'YEARLY' && !rule.byweekno))) {
    return fail(
      `Een rangnummer bij BYDAY kan niet bij FREQ=${freq}`,
      `A numbered BYDAY cannot go with FREQ=${freq}`,
    );
  }
  if (rule.bysetpos && !(rule.bymonth || rule.bymonthday || rule.byyearday || rule.byweekno || rule.byday)) {
    return fail('BYSETPOS vraagt een ander BY-onderdeel', 'BYSETPOS needs another BY part');
  }
  return { ok: true, rule: rule as Rule };
}

/** The frequency is at least daily and the rule asks for no times within a day. */
export function isAtMostDaily(rule: Rule): boolean {
  return FREQUENCIES.indexOf(rule.freq) <= FREQUENCIES.indexOf('DAILY') && rule.subDaily.length === 0;
}

interface Expansion {
  /** Local dates (day numbers) of the occurrences, ascending. */
  days: number[];
}

/**
 * The dates on which a rule occurs, DTSTART being `startDay` at `startMinutes` (local, floating
 * time), up to `lastDay` inclusive. The rule must be at most daily. Work: one test per day of
 * the span (plus at most one period before it, for BYSETPOS), however the rule is written.
 */
export function expandRule(rule: Rule, startDay: number, startMinutes: number, lastDay: number): Expansion {
  const first = civilDate(startDay);
  let { bymonth, bymonthday, byday } = rule;
  const { byyearday, byweekno, bysetpos, freq, interval, wkst } = rule;
  if (!(byweekno || byyearday || bymonthday || byday)) {
    if (freq === 'YEARLY') {
      bymonth ??= [first.month];
      bymonthday = [first.day];
    } else if (freq === 'MONTHLY') {
      bymonthday = [first.day];
    } else if (freq === 'WEEKLY') {
      byday = [{ weekday: weekdayOf(startDay), n: 0 }];
    }
  }
  const plainDays = new Set(byday?.filter((d) => d.n === 0).map((d) => d.weekday));
  const numbered = byday?.filter((d) => d.n !== 0) ?? [];
  const inMonth = freq === 'MONTHLY' || (freq === 'YEARLY' && bymonth !== undefined);
  const weekStart = (day: number) => day - ((weekdayOf(day) - wkst + 7) % 7);

  const periodKey = (day: number): number => {
    switch (freq) {
      case 'YEARLY':
        return civilDate(day).year;
      case 'MONTHLY': {
        const c = civilDate(day);
        return c.year * 12 + c.month - 1;
      }
      case 'WEEKLY':
        return Math.floor(weekStart(day) / 7);
      default:
        return day;
    }
  };
  const periodStart = (day: number): number => {
    const c = civilDate(day);
    if (freq === 'YEARLY') return dayNumber(c.year, 1, 1);
    if (freq === 'MONTHLY') return dayNumber(c.year, c.month, 1);
    if (freq === 'WEEKLY') return weekStart(day);
    return day;
  };
  const weekNumber = (day: number): { week: number; weeks: number } => {
    const start = weekStart(day);
    const year = civilDate(start + 3).year;
    const week1 = weekStart(dayNumber(year, 1, 4));
    const nextWeek1 = weekStart(dayNumber(year + 1, 1, 4));
    return { week: (start - week1) / 7 + 1, weeks: (nextWeek1 - week1) / 7 };
  };

  const matches = (day: number): boolean => {
    const c = civilDate(day);
    if (bymonth && !bymonth.includes(c.month)) return false;
    const dim = daysInMonth(c.year, c.month);
    if (bymonthday && !bymonthday.some((v) => (v > 0 ? v === c.day : dim + 1 + v === c.day))) return false;
    const doy = day - dayNumber(c.year, 1, 1) + 1;
    const diy = daysInYear(c.year);
    if (byyearday && !byyearday.some((v) => (v > 0 ? v === doy : diy + 1 + v === doy))) return false;
    if (byweekno) {
      const { week, weeks } = weekNumber(day);
      if (!byweekno.some((v) => (v > 0 ? v === week : weeks + 1 + v === week))) return false;
    }
    if (byday) {
      const weekday = weekdayOf(day);
      if (plainDays.has(weekday)) return true;
      const position = inMonth ? c.day : doy;
      const length = inMonth ? dim : diy;
      const forward = Math.ceil(position / 7);
      const backward = -(Math.floor((length - position) / 7) + 1);
      return numbered.some((d) => d.weekday === weekday && (d.n === forward || d.n === backward));
    }
    return true;
  };

  let last = lastDay;
  if (rule.until) {
    const untilDay = rule.until.minutes >= startMinutes ? rule.until.dayNum : rule.until.dayNum - 1;
    last = Math.min(last, untilDay);
  }
  const days: number[] = [];
  const count = rule.count ?? Number.POSITIVE_INFINITY;
  if (last < startDay) return { days };
  const key0 = periodKey(startDay);
  const inInterval = (key: number) => interval === 1 || (key - key0) % interval === 0;
  const emit = (day: number): boolean => {
    if (day < startDay || day > last) return true;
    days.push(day);
    return days.length < count;
  };

  if (!bysetpos) {
    for (let day = startDay; day <= last; day++) {
      if (freq === 'DAILY' && interval > 1 && (day - startDay) % interval !== 0) continue;
      if (!inInterval(periodKey(day)) || !matches(day)) continue;
      if (!emit(day)) break;
    }
    return { days };
  }
  // BYSETPOS picks from the whole set of a period, so periods are read whole.
  let period: number[] = [];
  let currentKey = Number.NaN;
  const flush = (): boolean => {
    const picked = new Set<number>();
    for (const pos of bysetpos) {
      const index = pos > 0 ? pos - 1 : period.length + pos;
      const day = period[index];
      if (day !== undefined) picked.add(day);
    }
    period = [];
    for (const day of [...picked].sort((a, b) => a - b)) if (!emit(day)) return false;
    return true;
  };
  const end = periodEndAfter(freq, last, periodStart);
  // As rrule.js does, the first week counts from DTSTART on; months and years are read whole.
  const begin = freq === 'WEEKLY' ? startDay : periodStart(startDay);
  for (let day = begin; day <= end; day++) {
    const key = periodKey(day);
    if (key !== currentKey) {
      if (!flush()) return { days };
      currentKey = key;
    }
    if (inInterval(key) && matches(day)) period.push(day);
  }
  flush();
  return { days };
}

function periodEndAfter(freq: Frequency, day: number, periodStart: (day: number) => number): number {
  if (freq === 'DAILY') return day;
  // The day before the start of the next period.
  const c = civilDate(day);
  if (freq === 'YEARLY') return dayNumber(c.year + 1, 1, 1) - 1;
  if (freq === 'MONTHLY') return dayNumber(c.year, c.month, 1) + daysInMonth(c.year, c.month) - 1;
  return periodStart(day) + 6;
}
