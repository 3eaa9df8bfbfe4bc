import type { Lang } from '../locale.js';

/**
 * Civil dates as day numbers: days since 1970-01-01, so that arithmetic on dates never goes
 * through a time zone (neither the process's nor the calendar's).
 */

const DAY_MS = 86_400_000;

/** The earliest and latest year a calendar request may name. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** True for a real date of the Gregorian calendar within the supported years. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function civilDate(dayNum: number): CivilDate {
  const date = new Date(dayNum * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `2025-10-13` */
export function isoDate(dayNum: number): string {
  const { year, month, day } = civilDate(dayNum);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `20251013`, as iCalendar writes a date. */
export function compactDate(dayNum: number): string {
  return isoDate(dayNum).replace(/-/g, '');
}

/** The day number of an ISO date `YYYY-MM-DD`, or undefined when it is no real date. */
export function parseIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? dayNumber(year, month, day) : undefined;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNum: number): number {
  return (((dayNum + 3) % 7) + 7) % 7;
}

export function isWeekend(dayNum: number): boolean {
  return weekdayOf(dayNum) >= 5;
}

/** Adds whole months to the first of a month: (2020, 11) + 3 = (2021, 2). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function weekdayName(dayNum: number, lang: Lang): string {
  return WEEKDAY_NAMES[lang][weekdayOf(dayNum)] ?? '';
}

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** `HH:MM` of minutes since midnight. */
export function timeOf(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

export { pad2 };
