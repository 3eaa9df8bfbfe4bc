import type { FindingPlace } from '../findings.js';
import { cellRef, parseAddress } from '../grid/address.js';
import type { Cell } from '../grid/schema.js';
import { isBlank, readGridTable } from '../grid/table.js';
import { dayNumber, MAX_YEAR } from './dates.js';
import { addEvent, addWindow, type Plan } from './engine.js';
import type { CalendarField, CalendarRequest, CalendarResponse } from './schema.js';
import { parseEventText, parseWindowText } from './text.js';

/** Header texts of programme tables, Dutch and English (compared after normalizing). */
const CALENDAR_HEADERS: { field: CalendarField; synonyms: string[] }[] = [
  {
    field: 'title',
    synonyms: [
      'stappen',
      'stap',
      'titel',
      'onderwerp',
      'bijeenkomst',
      'activiteit',
      'wat',
      'sessie',
      'programma',
      'step',
      'steps',
      'title',
      'subject',
      'meeting',
      'activity',
      'event',
      'what',
      'session',
    ],
  },
  {
    field: 'description',
    synonyms: [
      'uitleg',
      'toelichting',
      'omschrijving',
      'beschrijving',
      'inhoud',
      'opmerkingen',
      'explanation',
      'description',
      'details',
      'notes',
      'content',
    ],
  },
  {
    field: 'date',
    synonyms: ['datum', 'data', 'wanneer', 'periode', 'dag', 'date', 'dates', 'when', 'period', 'day'],
  },
  { field: 'time', synonyms: ['tijd', 'tijdstip', 'uur', 'tijden', 'time', 'times', 'hour'] },
  {
    field: 'location',
    synonyms: ['locatie', 'plaats', 'waar', 'adres', 'location', 'place', 'where', 'venue'],
  },
];

/** Excel's 1900 date system: 1 is 1900-01-01, 60 the day that never was (1900-02-29). */
const EXCEL_EPOCH = dayNumber(1899, 12, 30);
const MAX_SERIAL = dayNumber(MAX_YEAR, 12, 31) - EXCEL_EPOCH;

/** The day and minutes of an Excel serial, or undefined when it is none. */
export function fromSerial(serial: number): { day: number; minutes: number } | 'invalid' | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL + 1) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return 'invalid';
  const day = whole < 60 ? EXCEL_EPOCH + whole + 1 : EXCEL_EPOCH + whole;
  const minutes = Math.round((serial - whole) * 1440);
  return { day, minutes: minutes >= 1440 ? 1439 : minutes };
}

function text(cell: Cell): string {
  return isBlank(cell) ? '' : String(cell).trim();
}

/**
 * Reads a programme table from a grid: a row with a date becomes an event, a row with a month
 * or a range of months a window, a row without a date is skipped silently (an action for the
 * institution). Every finding carries the `ref` of the date cell.
 */
export function readCalendarGrid(
  plan: Plan,
  grid: NonNullable<CalendarRequest['grid']>,
): CalendarResponse['mapping'] {
  const table = readGridTable(grid, { fields: CALENDAR_HEADERS, anchors: ['date'], minFields: 1 });
  if (table.headerRow === null && table.columns.date === undefined) {
    const origin = parseAddress(grid.address);
    plan.add('HEADER_NOT_FOUND', {
      ref: origin ? cellRef(origin.sheet, origin.row, origin.column) : grid.address,
    });
    return table.mapping;
  }
  const dateColumn = table.columns.date ?? 0;
  for (let row = (table.headerRow ?? -1) + 1; row < table.values.length; row++) {
    const cell = table.cell(row, 'date');
    if (isBlank(cell)) continue;
    const ref = table.ref(row, dateColumn);
    const place: FindingPlace = { row, ref, field: 'date' };
    const title = text(table.cell(row, 'title'));
    const description = text(table.cell(row, 'description')) || null;
    const location = text(table.cell(row, 'location')) || null;
    const timeCell = table.cell(row, 'time');
    let timeText = text(timeCell);
    if (typeof timeCell === 'number' && timeCell >= 0 && timeCell < 1) {
      const minutes = Math.round(timeCell * 1440);
      timeText = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
    }
    const base = {
      title,
      description,
      location,
      onConflict: 'keep' as const,
      place,
      textField: 'date',
      dateField: 'date',
      weekdayField: 'date',
      row,
      ref,
    };
    if (typeof cell === 'number') {
      const serial = fromSerial(cell);
      if (serial === 'invalid') {
        plan.add('DATE_INVALID', { ...place, actual: String(cell) });
        continue;
      }
      if (serial === undefined) {
        plan.add('TEXT_UNPARSEABLE', { ...place, actual: String(cell) }, { hint: '' });
        continue;
      }
      addEvent(plan, {
        ...base,
        serialDay: serial.day,
        ...(serial.minutes > 0 && { serialMinutes: serial.minutes }),
        text: timeText || null,
      });
      continue;
    }
    const written = text(cell);
    if (typeof cell === 'boolean') {
      plan.add('TEXT_UNPARSEABLE', { ...place, actual: written }, { hint: '' });
      continue;
    }
    const asEvent = parseEventText(written, plan.request.locale);
    const isEvent = asEvent.ok ? asEvent.date !== undefined : asEvent.reason !== 'no-date';
    if (!isEvent && parseWindowText(written).ok) {
      addWindow(plan, { title, text: written }, place, 'date', { row, ref });
      continue;
    }
    addEvent(plan, { ...base, text: timeText ? `${written} ${timeText}` : written });
  }
  return table.mapping;
}
