import type { AttendanceRequest, AttendanceResponse } from '../../../shared/attendance/schema.js';
import type { CalendarRequest, CalendarResponse } from '../../../shared/calendar/schema.js';
import type { SourceBlock } from '../excel/read.js';
import type { SheetPlan } from '../excel/write.js';
import { localeFor, type MessageKey, translate } from '../i18n.js';
import { type SeriesWords, wordsToRrule } from '../words.js';
import {
  dateCell,
  linkCell,
  readUserSource,
  sheetPlanBuilder,
  stamp,
  type TaskEnv,
  timeCell,
  writeOwnedPlan,
} from './common.js';

export type ConflictRule = 'next-working-day' | 'previous-working-day' | 'keep' | 'skip';

/** The calendar form of the pane. */
export interface AgendaForm {
  mode: 'words' | 'rrule' | 'table';
  title: string;
  words: SeriesWords;
  useWeekday: boolean;
  rrule: string;
  from: string;
  to: string;
  start: string;
  end: string;
  location: string;
  country: 'NL' | 'BE';
  region: string;
  /** Extra closed days, `2025-06-11, 2025-07-01`. */
  extra: string;
  onConflict: ConflictRule;
}

export class FormError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
    this.name = 'FormError';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The rule the form describes: from the words, or as typed. */
export function formRrule(form: AgendaForm): string {
  if (form.mode === 'words') {
    return wordsToRrule(form.useWeekday ? form.words : { ...form.words, weekday: undefined });
  }
  return form.rrule.trim().replace(/^RRULE:/i, '');
}

/** The request of the contract for the form, and for a pasted programme table when there is one. */
export function calendarRequest(form: AgendaForm, lang: 'nl' | 'en', source?: SourceBlock): CalendarRequest {
  if (!ISO_DATE.test(form.from) || !ISO_DATE.test(form.to)) throw new FormError('errDates');
  const extra = form.extra
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => ISO_DATE.test(s));
  const base = {
    locale: localeFor(form.country),
    language: lang,
    timeZone: form.country === 'BE' ? 'Europe/Brussels' : 'Europe/Amsterdam',
    holidays: { country: form.country, region: form.region.trim() || null, extra },
  } as const;
  if (source) {
    // A pasted programme carries its own dates: the form's year serves dates written without one.
    const grid: NonNullable<CalendarRequest['grid']> = { address: source.address, values: source.values };
    if (source.numberFormat) grid.numberFormat = source.numberFormat;
    return { ...base, year: Number(form.from.slice(0, 4)), grid };
  }
  const request: CalendarRequest = { ...base, from: form.from, to: form.to };
  const rrule = formRrule(form);
  if (!/^FREQ=/i.test(rrule)) throw new FormError('errRrule');
  request.series = [
    {
      id: 'programme-desk',
      title: form.title.trim() || translate(lang, 'events'),
      rrule,
      start: form.start,
      end: form.end,
      ...(form.location.trim() ? { location: form.location.trim() } : {}),
      onConflict: form.onConflict,
    },
  ];
  return request;
}

/** The agenda sheet: the events, the periods, the findings. */
export function agendaSheetPlan(
  response: CalendarResponse,
  description: string,
  lang: 'nl' | 'en',
  now = new Date(),
): SheetPlan {
  const t = (key: MessageKey) => translate(lang, key);
  const { plan, rows, heading, findings } = sheetPlanBuilder(lang);
  heading([t('agendaSheetTitle')]);
  rows.push([t('source'), description]);
  rows.push([t('checkedAt'), stamp(now)]);
  rows.push([]);
  heading(
    [t('date'), t('weekday'), t('start'), t('end'), t('title'), t('location'), t('shift'), t('originalDate')],
    true,
  );
  for (const event of response.events) {
    rows.push([
      dateCell(event.date),
      event.weekday ?? null,
      timeCell(event.start),
      timeCell(event.end),
      event.title ?? null,
      event.location ?? null,
      event.shift ? (event.holiday ? `${event.shift}: ${event.holiday}` : event.shift) : null,
      event.originalDate ? dateCell(event.originalDate) : null,
      linkCell(event.ref),
    ]);
  }
  if ((response.windows ?? []).length > 0) {
    rows.push([]);
    heading([t('windows')]);
    heading([t('title'), t('from'), t('to')], true);
    for (const window of response.windows ?? []) {
      rows.push([window.title ?? null, dateCell(window.from), dateCell(window.to)]);
    }
  }
  findings(response.findings);
  return plan;
}

export interface AgendaResult {
  sheetName: string;
  response: CalendarResponse;
  ics?: string;
  summary: string;
}

/** Agenda maken: the series (or the programme table in the selection) → a sheet and an `.ics`. */
export async function runAgenda(env: TaskEnv, form: AgendaForm): Promise<AgendaResult> {
  let source: SourceBlock | undefined;
  if (form.mode === 'table') {
    source = await readUserSource(env, true);
  }
  const request = calendarRequest(form, env.lang, source);
  env.onProgress?.('sending', 0, 1);
  const [response, ics] = await Promise.all([
    env.api.postJson<CalendarResponse>('calendar/generate', request, env.signal),
    env.api.postText('calendar/ics', request, env.signal),
  ]);
  const description = source ? source.rangeAddress : `RRULE:${formRrule(form)} (${form.from} – ${form.to})`;
  const plan = agendaSheetPlan(response, description, env.lang);
  const { name: sheetName } = await writeOwnedPlan(env, 'agenda', 'sheetAgenda', plan);
  const first = response.events[0]?.date ?? '—';
  const last = response.events[response.events.length - 1]?.date ?? '—';
  const summary = `${response.events.length} ${translate(env.lang, 'events').toLowerCase()}: ${first} – ${last}`;
  return { sheetName, response, ics, summary };
}

const TICKS = new Set(['x', 'ja', 'yes', 'y', '1', '✓', '✔', 'v', 'true', 'aanwezig', 'present']);

/** A members × sessions block: sessions across the first row, names down the first column, ticks inside. */
export function attendanceRequest(
  source: Pick<SourceBlock, 'values' | 'numberFormat'>,
  minimum: number,
  lang: 'nl' | 'en' = 'nl',
): AttendanceRequest {
  const [header = [], ...body] = source.values;
  const sessionIds = header.slice(1).map((cell, i) => {
    const format = source.numberFormat?.[0]?.[i + 1] ?? '';
    if (typeof cell === 'number' && (/[dmy]/i.test(format) || (cell > 20_000 && cell < 80_000))) {
      const date = new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86_400_000);
      return date.toISOString().slice(0, 10);
    }
    return String(cell ?? '').trim() || `#${i + 1}`;
  });
  const sessions = sessionIds.map((id) => ({
    id,
    type: 'bijeenkomst',
    ...(ISO_DATE.test(id) ? { date: id } : {}),
  }));
  const members = body
    .filter((row) => String(row[0] ?? '').trim() !== '')
    .map((row) => ({
      name: String(row[0]).trim(),
      attended: sessionIds.filter((_, i) => {
        const cell = row[i + 1];
        return (
          cell === true ||
          (typeof cell === 'number' && cell === 1) ||
          TICKS.has(
            String(cell ?? '')
              .trim()
              .toLowerCase(),
          )
        );
      }),
    }));
  return { locale: 'nl-NL', language: lang, sessions, members, rules: [{ type: 'bijeenkomst', minimum }] };
}

/** The attendance sheet: per member the count, the minimum, met or not, and what is still possible. */
export function attendanceSheetPlan(
  response: AttendanceResponse,
  source: string,
  lang: 'nl' | 'en',
  now = new Date(),
): SheetPlan {
  const t = (key: MessageKey) => translate(lang, key);
  const { plan, rows, heading, findings } = sheetPlanBuilder(lang);
  heading([t('attendanceSheetTitle')]);
  rows.push([t('source'), source]);
  rows.push([t('checkedAt'), stamp(now)]);
  rows.push([]);
  heading([t('member'), t('attended'), t('minimum'), t('met'), t('remaining')], true);
  for (const member of response.members) {
    for (const rule of member.rules) {
      rows.push([
        member.name,
        rule.attended,
        rule.minimum,
        rule.met ? t('yes') : t('no'),
        rule.remaining ?? null,
      ]);
    }
  }
  rows.push([]);
  heading([t('session'), t('date'), t('turnout')], true);
  for (const session of response.sessions) {
    rows.push([session.id, session.date ? dateCell(session.date) : null, session.turnout]);
  }
  findings(response.findings);
  return plan;
}

/** Aanwezigheid: the block in the selection → `/api/attendance/check` → a summary sheet. */
export async function runAttendance(
  env: TaskEnv,
  minimum: number,
): Promise<{ sheetName: string; response: AttendanceResponse }> {
  const source = await readUserSource(env, true);
  env.onProgress?.('sending', 0, 1);
  const response = await env.api.postJson<AttendanceResponse>(
    'attendance/check',
    attendanceRequest(source, minimum),
    env.signal,
  );
  const plan = attendanceSheetPlan(response, source.rangeAddress, env.lang);
  const { name: sheetName } = await writeOwnedPlan(env, 'attendance', 'sheetAttendance', plan);
  return { sheetName, response };
}
