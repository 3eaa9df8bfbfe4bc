import type { Finding } from '../../../shared/findings.js';
import { cellRef, parseAddress } from '../../../shared/grid/address.js';
import { type ApiClient, ApiError } from '../api.js';
import { cellPart, hyperlinkFormula } from '../excel/links.js';
import { type DocSettings, type OutputTask, ownedSheets, prepareOwnedSheet } from '../excel/owned.js';
import { errorCode } from '../excel/payload.js';
import { readBlocks, readSource, type SourceBlock, SourceError } from '../excel/read.js';
import { type OutCell, type SheetPlan, writePlan } from '../excel/write.js';
import { type Lang, type MessageKey, translate } from '../i18n.js';

/** `Excel.run` or the fake's. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type Phase = 'reading' | 'sending' | 'writing';

/** What a task needs from its surroundings: Excel, the API, the workbook's settings, the language. */
export interface TaskEnv {
  run: ExcelRunner;
  api: ApiClient;
  settings: DocSettings;
  lang: Lang;
  signal?: AbortSignal;
  onProgress?: (phase: Phase, done: number, total: number) => void;
}

/** A message for the user, with the cell it is about when there is one. */
export interface UserMessage {
  text: string;
  ref?: string;
}

/**
 * The cell a problem's path points at, for grid input: `grid.values.3.2` is the cell 3 rows and
 * 2 columns from the grid's top-left cell.
 */
export function cellOfPath(
  path: string,
  source: Pick<SourceBlock, 'address'> | undefined,
): string | undefined {
  const match = /^grid\.(?:values|numberFormat)\.(\d+)\.(\d+)$/.exec(path);
  if (!match || !source) return undefined;
  const origin = parseAddress(source.address);
  if (!origin) return undefined;
  return cellRef(origin.sheet, origin.row + Number(match[1]), origin.column + Number(match[2]));
}

/** Any failure of a task, in the user's language. */
export function explain(error: unknown, lang: Lang, base: string, source?: SourceBlock): UserMessage {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'cancelled':
        return { text: t('cancelled') };
      case 'unreachable':
        return { text: t('errUnreachable', { base }) };
      case 'timeout':
        return { text: t('errTimeout') };
      case 'bad-response':
        return { text: t('errBadResponse') };
      case 'problem': {
        const problem = error.problem;
        if (error.status === 404) return { text: t('errNotAvailable', { route: problem?.detail ?? '' }) };
        const first = problem?.errors?.[0];
        const ref = first ? cellOfPath(first.path, source) : undefined;
        const detail = first
          ? `${first.path ? `${first.path}: ` : ''}${first.message}`
          : (problem?.detail ?? '');
        const title = `${problem?.title ?? error.message}${detail ? ` — ${detail}` : ''}`;
        const text = t('errProblem', { status: error.status ?? '?', title });
        return ref ? { text: `${text} (${t('errProblemCell', { cell: ref })})`, ref } : { text };
      }
    }
  }
  if (error instanceof SourceError) {
    if (error.reason === 'too-large') return { text: t('errTooLarge', { cells: error.message }) };
    return { text: t(error.reason === 'empty' ? 'errEmpty' : 'errNoSelection') };
  }
  if (error instanceof Error && error.name === 'FormError') return { text: t(error.message as MessageKey) };
  if (error instanceof Error && error.name === 'OwnSheetError') return { text: t('errOwnSheet') };
  if (error instanceof DOMException && error.name === 'AbortError') return { text: t('cancelled') };
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return { text: t('errExcel', { message: code ? `${code}: ${message}` : message }) };
}

/** Today's local date and time as text for a sheet: `2025-03-14 10:42`. */
export function stamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** An amount of the API (`"4537.50"`) as a number cell with a money format, or null. */
export function money(amount: string | null | undefined): { number: number; format: string } | null {
  if (amount === null || amount === undefined) return null;
  const number = Number(amount);
  return Number.isFinite(number) ? { number, format: '#,##0.00' } : null;
}

/** A share of the API (`"0.4651"`) as a percentage cell. */
export function percent(share: string | null | undefined): { number: number; format: string } | null {
  if (share === null || share === undefined) return null;
  const number = Number(share);
  return Number.isFinite(number) ? { number, format: '0.0%' } : null;
}

/** An ISO date as an Excel date serial (1900 system) with a date format. */
export function dateCell(iso: string): { number: number; format: string } | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const days = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
  return { number: days + 25_569, format: 'yyyy-mm-dd' };
}

/** `16:30` as an Excel time with a time format. */
export function timeCell(
  hhmm: string | null | undefined,
): { number: number; format: string } | string | null {
  if (!hhmm) return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  return { number: (Number(match[1]) * 60 + Number(match[2])) / 1440, format: 'hh:mm' };
}

/** True when the sheet the user selected is one the add-in wrote itself. */
function isOwnedName(settings: DocSettings, sheet: string): boolean {
  return Object.values(ownedSheets(settings)).some(
    (entry) => entry?.name.toLowerCase() === sheet.toLowerCase(),
  );
}

/** A link to a cell of the user's sheet, made only from a valid reference; else the text. */
export function linkCell(ref: string | undefined): OutCell {
  if (!ref) return null;
  const formula = hyperlinkFormula(ref, cellPart(ref));
  return formula ? { formula } : ref;
}

/** Builds a sheet plan row by row: `heading` rows are bold, table headers also filled. */
export function sheetPlanBuilder(lang: Lang) {
  const plan: SheetPlan = { rows: [], boldRows: [], headerRows: [] };
  const t = (key: MessageKey) => translate(lang, key);
  const heading = (cells: OutCell[], header = false): void => {
    plan.boldRows.push(plan.rows.length);
    if (header) plan.headerRows.push(plan.rows.length);
    plan.rows.push(cells);
  };
  return {
    plan,
    rows: plan.rows,
    heading,
    /** The findings as a table, each with a link to its cell; `none` is said when there are none. */
    findings(findings: readonly Finding[], none?: MessageKey): void {
      if (findings.length === 0 && !none) return;
      plan.rows.push([]);
      heading([t('findings')]);
      heading([t('severity'), t('code'), t('message'), t('cell'), t('expected'), t('actual')], true);
      for (const finding of findings) {
        plan.rows.push([
          t(`severity_${finding.severity}` as MessageKey),
          finding.code,
          finding.message,
          linkCell(finding.ref),
          finding.expected ?? null,
          finding.actual ?? null,
        ]);
      }
      if (findings.length === 0 && none) plan.rows.push([t(none)]);
    },
  };
}

/**
 * Writes a task's plan into the sheet the add-in owns for it (made, or cleared, first) and tells
 * the sheet's name and the syncs the writing took (three to prepare the sheet, then the blocks).
 */
export async function writeOwnedPlan(
  env: TaskEnv,
  task: OutputTask,
  title: MessageKey,
  plan: SheetPlan,
): Promise<{ name: string; syncs: number }> {
  return env.run(async (context) => {
    const target = await prepareOwnedSheet(context, env.settings, task, translate(env.lang, title));
    const stats = await writePlan(context, target.sheet, plan, {
      signal: env.signal,
      onProgress: (done, total) => env.onProgress?.('writing', done, total),
    });
    return { name: target.name, syncs: stats.syncs + 3 };
  });
}

/** The non-blank cells of a range the user named (`Programma!A2:A9`), as trimmed texts. */
export async function readTextList(env: TaskEnv, address: string): Promise<string[]> {
  return env.run(async (context) => {
    const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
    const sheet = match
      ? context.workbook.worksheets.getItem((match[1] ?? '').replace(/''/g, "'") || (match[2] ?? ''))
      : context.workbook.worksheets.getActiveWorksheet();
    const range = sheet.getRange(match ? (match[3] ?? '') : address.trim());
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    const { values } = await readBlocks(context, sheet, {
      r0: range.rowIndex,
      c0: range.columnIndex,
      r1: range.rowIndex + range.rowCount - 1,
      c1: range.columnIndex + range.columnCount - 1,
    });
    return values
      .flat()
      .filter((cell): cell is string | number => typeof cell === 'string' || typeof cell === 'number')
      .map((cell) => String(cell).trim())
      .filter((text) => text !== '');
  });
}

/** Refused: the user asked to check a sheet the add-in wrote itself. */
export class OwnSheetError extends Error {
  constructor() {
    super('own sheet');
    this.name = 'OwnSheetError';
  }
}

/**
 * Reads the user's table (the selection, or the table or block around one selected cell) with
 * progress and cancel, and refuses a sheet the add-in owns: its output is no input.
 */
export async function readUserSource(env: TaskEnv, withFormats = false): Promise<SourceBlock> {
  const source = await env.run((context) =>
    readSource(context, {
      withFormats,
      signal: env.signal,
      onProgress: (done, total) => env.onProgress?.('reading', done, total),
    }),
  );
  if (isOwnedName(env.settings, source.sheet)) throw new OwnSheetError();
  return source;
}
