import { z } from 'zod';
import { FindingSchema } from '../findings.js';
import { gridSchema } from '../grid/schema.js';
import { RequestBaseSchema } from '../schemas.js';
import { MAX_YEAR, MIN_YEAR, parseIsoDate } from './dates.js';
import { isHolidayCountry, isHolidayRegion } from './holidays.js';
import { parseRule } from './rule.js';
import { isTimeZone } from './zone.js';

export const CALENDAR_FIELDS = ['title', 'description', 'date', 'time', 'location'] as const;
export type CalendarField = (typeof CALENDAR_FIELDS)[number];

export const ON_CONFLICT = ['next-working-day', 'previous-working-day', 'keep', 'skip'] as const;
export const OnConflictSchema = z.enum(ON_CONFLICT);
export type OnConflict = z.infer<typeof OnConflictSchema>;

/** A real date `YYYY-MM-DD` between 1900 and 2199. */
export const IsoDateSchema = z
  .string()
  .max(10)
  .refine((text) => parseIsoDate(text) !== undefined, {
    message: `Geen bestaande datum JJJJ-MM-DD (${MIN_YEAR}–${MAX_YEAR}) / not a real date YYYY-MM-DD`,
  });

const pad = (text: string) => text.padStart(5, '0').replace('.', ':');

/** A time of day: `16:30` (also `16.30`, `9:00`), given back as `HH:MM`. */
export const TimeSchema = z
  .string()
  .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, { message: 'Geen tijd UU:MM / not a time HH:MM' })
  .transform(pad);

/** An end time may also be `24:00`, the end of the day. */
export const EndTimeSchema = z
  .string()
  .regex(/^(([01]?\d|2[0-3])[:.][0-5]\d|24[:.]00)$/, { message: 'Geen tijd UU:MM / not a time HH:MM' })
  .transform(pad);

const Text = (max: number) => z.string().max(max);
const OptionalText = (max: number) => z.string().max(max).nullable().optional();

const endAfterStart = (
  item: { start?: string | null | undefined; end?: string | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (item.end && !item.start) {
    ctx.addIssue({
      code: 'custom',
      path: ['start'],
      message: 'Een eind vraagt een begin / end needs a start',
    });
  } else if (item.end && item.start && item.end <= item.start) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'Eind ligt niet na begin / end is not after start',
    });
  }
};

export const SeriesSchema = z
  .object({
    /** Keeps the UIDs of the .ics stable: the same id and original date give the same UID. */
    id: Text(200).min(1).optional(),
    title: OptionalText(500),
    rrule: Text(2_000).superRefine((rule, ctx) => {
      const parsed = parseRule(rule);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.error.nl} / ${parsed.error.en}` });
    }),
    start: TimeSchema.nullable().optional(),
    end: EndTimeSchema.nullable().optional(),
    location: OptionalText(500),
    description: OptionalText(5_000),
    onConflict: OnConflictSchema.default('next-working-day'),
  })
  .superRefine(endAfterStart);
export type Series = z.infer<typeof SeriesSchema>;

export const SingleEventSchema = z
  .object({
    id: Text(200).min(1).optional(),
    title: OptionalText(500),
    /** Programme text: "Woensdag 10 juli 16.30 - 18.30 uur". */
    text: OptionalText(1_000),
    /** `2024-07-10`, or a date as text ("10 juli 2024"). */
    date: OptionalText(100),
    start: TimeSchema.nullable().optional(),
    end: EndTimeSchema.nullable().optional(),
    statedWeekday: OptionalText(40),
    /** The year of a date written without one. */
    year: z.number().int().min(MIN_YEAR).max(MAX_YEAR).nullable().optional(),
    location: OptionalText(500),
    description: OptionalText(5_000),
    onConflict: OnConflictSchema.default('keep'),
  })
  .superRefine((event, ctx) => {
    if (!event.text && !event.date) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'Geef date of text / give date or text' });
    }
    endAfterStart(event, ctx);
  });
export type SingleEvent = z.infer<typeof SingleEventSchema>;

/** A month `2020-09` or a date `2020-09-15`. */
const MonthOrDateSchema = z
  .string()
  .max(10)
  .refine(
    (text) =>
      /^\d{4}-\d{2}$/.test(text)
        ? parseIsoDate(`${text}-01`) !== undefined
        : parseIsoDate(text) !== undefined,
    {
      message: 'Geen maand JJJJ-MM of datum JJJJ-MM-DD / not a month YYYY-MM or date YYYY-MM-DD',
    },
  );

export const WindowSchema = z
  .object({
    title: OptionalText(500),
    text: OptionalText(300),
    from: MonthOrDateSchema.nullable().optional(),
    to: MonthOrDateSchema.nullable().optional(),
    year: z.number().int().min(MIN_YEAR).max(MAX_YEAR).nullable().optional(),
  })
  .superRefine((window, ctx) => {
    if (!window.text && !window.from) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Geef from of text / give from or text' });
    }
  });
export type WindowInput = z.infer<typeof WindowSchema>;

export const HolidaysSchema = z
  .object({
    /** ISO 3166-1 alpha-2 (`NL`, `BE`); null for weekends and `extra` only. */
    country: z.string().max(10).nullable().optional(),
    /** A region of the country as `date-holidays` names it (`VLG`, `BRU`, `WAL`, `DE` for BE). */
    region: z.string().max(20).nullable().optional(),
    extra: z.array(IsoDateSchema).optional(),
  })
  .superRefine((holidays, ctx) => {
    if (holidays.country && !isHolidayCountry(holidays.country)) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'Onbekend land / unknown country' });
    } else if (holidays.region) {
      if (!holidays.country) {
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          message: 'Een regio vraagt een land / region needs a country',
        });
      } else if (!isHolidayRegion(holidays.country, holidays.region)) {
        ctx.addIssue({ code: 'custom', path: ['region'], message: 'Onbekende regio / unknown region' });
      }
    }
  });

export const CalendarRequestSchema = RequestBaseSchema.extend({
  /** IANA time zone; default Europe/Brussels for nl-BE, else Europe/Amsterdam. */
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, {
      message: 'Onbekende tijdzone (IANA, zoals Europe/Amsterdam) / unknown IANA time zone',
    })
    .optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** The year of dates written without one, for events, windows and grid rows. */
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR).nullable().optional(),
  holidays: HolidaysSchema.optional(),
  series: z.array(SeriesSchema).optional(),
  events: z.array(SingleEventSchema).optional(),
  windows: z.array(WindowSchema).optional(),
  grid: gridSchema(CALENDAR_FIELDS).optional(),
}).superRefine((request, ctx) => {
  if (request.from && request.to && request.to < request.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'to ligt voor from / to is before from' });
  }
  if ((request.series?.length ?? 0) > 0) {
    for (const key of ['from', 'to'] as const) {
      if (!request[key]) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'Nodig voor series / needed for series' });
      }
    }
  }
  const ids = new Map<string, number>();
  request.series?.forEach((series, index) => {
    const id = seriesIdOf(series, index);
    if (ids.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['series', index, 'id'],
        message: `Dubbele id "${id}"; geef elke reeks een eigen id / duplicate id; give each series its own id`,
      });
    }
    ids.set(id, index);
  });
});
export type CalendarRequest = z.infer<typeof CalendarRequestSchema>;

/** The id of a series: its `id`, else its title, else `series-N` (1-based). */
export function seriesIdOf(series: Pick<Series, 'id' | 'title'>, index: number): string {
  return series.id ?? (series.title?.trim() || `series-${index + 1}`);
}

export const ShiftSchema = z.enum(['weekend', 'holiday', 'extra']).nullable();

export const CalendarEventSchema = z.object({
  /** The series the event belongs to; null for a single event. */
  seriesId: z.string().nullable(),
  title: z.string(),
  date: z.string(),
  weekday: z.string(),
  /** Local `HH:MM`; null for an event of a whole day. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** ISO 8601 with the offset in force: `2025-10-13T16:30:00+02:00`; midnight for a whole day. */
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  allDay: z.boolean(),
  originalDate: z.string().optional(),
  shift: ShiftSchema,
  holiday: z.string().optional(),
  location: z.string().optional(),
  description: z.string().optional(),
  /** The UID of the event in the .ics. */
  uid: z.string(),
  /** Index of the single event or grid row it came from. */
  row: z.number().int().optional(),
  ref: z.string().optional(),
});
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;

export const CalendarWindowSchema = z.object({
  title: z.string(),
  from: z.string(),
  to: z.string(),
  row: z.number().int().optional(),
  ref: z.string().optional(),
});
export type CalendarWindow = z.infer<typeof CalendarWindowSchema>;

export const CalendarResponseSchema = z.object({
  timeZone: z.string(),
  events: z.array(CalendarEventSchema),
  windows: z.array(CalendarWindowSchema),
  findings: z.array(FindingSchema),
  mapping: z.partialRecord(z.enum(CALENDAR_FIELDS), z.string()).optional(),
});
export type CalendarResponse = z.infer<typeof CalendarResponseSchema>;
