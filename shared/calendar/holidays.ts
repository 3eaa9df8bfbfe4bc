import Holidays from 'date-holidays';
import type { Lang } from '../locale.js';
import { dayNumber } from './dates.js';

/**
 * Public holidays from `date-holidays` (type `public` only: for NL that leaves out Good Friday
 * and, but for every fifth year's custom, 5 May), named in the response's language. Results are
 * kept per country, region, language and year, since the library takes milliseconds per year.
 */

let countries: Set<string> | undefined;
const regionsOf = new Map<string, Set<string>>();

/** The countries `date-holidays` knows, by ISO 3166-1 alpha-2 code. */
export function isHolidayCountry(country: string): boolean {
  countries ??= new Set(Object.keys(new Holidays().getCountries('en')));
  return countries.has(country.toUpperCase());
}

/** The regions (states, provinces, communities) of a country, by their codes. */
export function isHolidayRegion(country: string, region: string): boolean {
  const key = country.toUpperCase();
  let regions = regionsOf.get(key);
  if (!regions) {
    regions = new Set(Object.keys(new Holidays().getStates(key, 'en') ?? {}));
    regionsOf.set(key, regions);
  }
  return regions.has(region.toUpperCase());
}

const instances = new Map<string, Holidays>();
const years = new Map<string, Map<number, string>>();
const MAX_CACHED_YEARS = 5_000;

function instance(country: string, region: string | null, lang: Lang): Holidays {
  const key = `${country}\u0000${region ?? ''}\u0000${lang}`;
  let holidays = instances.get(key);
  if (!holidays) {
    holidays = region
      ? new Holidays(country, region, { languages: [lang], types: ['public'] })
      : new Holidays(country, { languages: [lang], types: ['public'] });
    instances.set(key, holidays);
  }
  return holidays;
}

/** The public holidays of one year: day number → name. */
export function publicHolidays(
  country: string,
  region: string | null,
  lang: Lang,
  year: number,
): Map<number, string> {
  const upper = country.toUpperCase();
  const regionUpper = region?.toUpperCase() ?? null;
  const key = `${upper}\u0000${regionUpper ?? ''}\u0000${lang}\u0000${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  const days = new Map<number, string>();
  for (const holiday of instance(upper, regionUpper, lang).getHolidays(year) || []) {
    if (holiday.type !== 'public') continue;
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(holiday.date);
    if (!match) continue;
    const day = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
    const name = days.get(day);
    days.set(day, name ? `${name} / ${holiday.name}` : holiday.name);
  }
  if (years.size >= MAX_CACHED_YEARS) years.clear();
  years.set(key, days);
  return days;
}
