import { isoDate } from '../calendar/dates.js';
import { fromSerial } from '../calendar/source.js';
import type { Finding, FindingPlace } from '../findings.js';
import { cellRef, parseAddress } from '../grid/address.js';
import { readMark } from '../grid/marks.js';
import type { Cell } from '../grid/schema.js';
import { isBlank, readGridTable } from '../grid/table.js';
import type { Lang } from '../locale.js';
import { normalizeHeader } from '../text/normalize.js';
import { attendanceFinding } from './messages.js';
import type { AttendanceRequest, Session } from './schema.js';

/** Sessions and members as the engine reads them, with the cells they came from in a grid. */
export interface AttendanceSource {
  sessions: Session[];
  members: { name: string; attended: string[] }[];
  /** Where each session and each member stands: its row and cell in a grid, its index otherwise. */
  sessionPlaces: FindingPlace[];
  memberPlaces: FindingPlace[];
  findings: Finding[];
  mapping?: AttendanceResponseMapping;
}
type AttendanceResponseMapping = { name?: string };

const NAME_HEADERS = [
  'naam',
  'namen',
  'lid',
  'leden',
  'deelnemer',
  'deelnemers',
  'aanjager',
  'aanjagers',
  'koploper',
  'koplopers',
  'trekker',
  'trekkers',
  'medewerker',
  'name',
  'member',
  'members',
  'participant',
  'participants',
  'attendee',
];
/** The label of an optional row under the header that gives each session's type. */
const TYPE_LABELS = new Set(['type', 'soort', 'soort bijeenkomst', 'kind', 'session type']);
/** Rows under the members that count rather than attend. */
const SUMMARY_LABELS = new Set(['totaal', 'total', 'aantal', 'opkomst', 'turnout', 'aanwezig', 'present']);

/** Serials from 2000 to 2099: a number header in that range is a session day, else a session number. */
const FIRST_DATE_SERIAL = 36_526;
const LAST_DATE_SERIAL = 73_050;

function sessionId(cell: Cell, format: string | null): string {
  if (typeof cell === 'number') {
    const looksLikeDate =
      /[dmy]/i.test(format ?? '') || (cell >= FIRST_DATE_SERIAL && cell <= LAST_DATE_SERIAL);
    const serial = looksLikeDate ? fromSerial(cell) : undefined;
    if (serial && serial !== 'invalid') return isoDate(serial.day);
  }
  return String(cell).trim();
}

export function sourceFromLists(request: AttendanceRequest): AttendanceSource {
  const sessions = request.sessions ?? [];
  const members = request.members ?? [];
  return {
    sessions,
    members,
    sessionPlaces: sessions.map((_, row) => ({ row })),
    memberPlaces: members.map((_, row) => ({ row })),
    findings: [],
  };
}

/**
 * Reads a members × sessions block of ticks: a header row with a name column (`Naam`, `Lid`,
 * `Aanjager`...) and one column per session to its right (a date, typed or as an Excel serial,
 * or any label), optionally a `Soort` row with each session's type, then one row per member.
 */
export function sourceFromGrid(grid: NonNullable<AttendanceRequest['grid']>, lang: Lang): AttendanceSource {
  const table = readGridTable(grid, {
    fields: [{ field: 'name', synonyms: NAME_HEADERS }],
    anchors: ['name'],
    minFields: 1,
  });
  const source: AttendanceSource = {
    sessions: [],
    members: [],
    sessionPlaces: [],
    memberPlaces: [],
    findings: [],
    mapping: table.mapping,
  };
  const nameColumn = table.columns.name;
  if (nameColumn === undefined) {
    const origin = parseAddress(grid.address);
    const ref = origin ? cellRef(origin.sheet, origin.row, origin.column) : grid.address;
    source.findings.push(attendanceFinding(lang, 'HEADER_NOT_FOUND', { ref }));
    return source;
  }
  const header = table.headerRow ?? 0;
  const headerCells = table.values[header] ?? [];
  const typeRow = header + 1;
  const typeLabel = table.values[typeRow]?.[nameColumn];
  const hasTypes = typeof typeLabel === 'string' && TYPE_LABELS.has(normalizeHeader(typeLabel));
  const columns: { column: number; id: string }[] = [];
  for (let column = nameColumn + 1; column < headerCells.length; column++) {
    const cell = headerCells[column];
    if (isBlank(cell) || cell === undefined) continue;
    const id = sessionId(cell, table.format(header, column));
    const type = hasTypes ? table.values[typeRow]?.[column] : undefined;
    columns.push({ column, id });
    source.sessions.push({ id, type: isBlank(type) || type === undefined ? null : String(type).trim() });
    source.sessionPlaces.push({ row: header, ref: table.ref(header, column) });
  }
  for (let row = (hasTypes ? typeRow : header) + 1; row < table.values.length; row++) {
    const nameCell = table.cell(row, 'name');
    if (isBlank(nameCell)) continue;
    const name = String(nameCell).trim();
    if (SUMMARY_LABELS.has(normalizeHeader(name))) continue;
    const attended: string[] = [];
    for (const { column, id } of columns) {
      const cell = table.values[row]?.[column] ?? '';
      const mark = readMark(cell);
      if (mark === 'set') attended.push(id);
      else if (mark === 'invalid') {
        source.findings.push(
          attendanceFinding(
            lang,
            'MARK_UNREADABLE',
            { row, field: 'attended', ref: table.ref(row, column), actual: String(cell) },
            { name },
          ),
        );
      }
    }
    source.members.push({ name, attended });
    source.memberPlaces.push({ row, ref: table.ref(row, nameColumn) });
  }
  return source;
}
