import { isValidSheetName } from './links.js';

/** The tasks that own an output sheet. */
export type OutputTask = 'budget' | 'agenda' | 'attendance' | 'progress';

/** The workbook's own record of the sheets the add-in made, in its document settings. */
export const OWNED_SHEETS_SETTING = 'ProgrammeDesk.ownedSheets';

/** The part of `Office.context.document.settings` the pane uses, behind a promise for saving. */
export interface DocSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): Promise<void>;
}

export interface OwnedSheet {
  id: string;
  name: string;
}

type OwnedRecord = Partial<Record<OutputTask, OwnedSheet>>;

export function ownedSheets(settings: DocSettings): OwnedRecord {
  const value = settings.get(OWNED_SHEETS_SETTING);
  if (typeof value !== 'object' || value === null) return {};
  const record: OwnedRecord = {};
  for (const [task, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry === 'object' && entry !== null) {
      const { id, name } = entry as { id?: unknown; name?: unknown };
      if (typeof id === 'string' && typeof name === 'string') record[task as OutputTask] = { id, name };
    }
  }
  return record;
}

/**
 * A sheet name free in the workbook: the wanted name, else `name (2)`, `name (3)`… (Excel
 * compares names without case), always within Excel's 31 characters.
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  const base = wanted.slice(0, 31);
  if (!lower.has(base.toLowerCase()) && isValidSheetName(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** True when the sheet (by id) is one the add-in made. */
export function isOwnedSheet(settings: DocSettings, id: string): boolean {
  return Object.values(ownedSheets(settings)).some((entry) => entry?.id === id);
}

/**
 * The add-in's own output sheet for a task, ready to be written: the one recorded in the
 * workbook's settings, emptied (cells, formats and charts), or a new one under a free name. A
 * user's sheet is never touched, even when it has the name the add-in would like.
 */
export async function prepareOwnedSheet(
  context: Excel.RequestContext,
  settings: DocSettings,
  task: OutputTask,
  wantedName: string,
): Promise<{ sheet: Excel.Worksheet; name: string; created: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await context.sync();
  const record = ownedSheets(settings);
  const owned = record[task];
  const existing = owned ? worksheets.items.find((sheet) => sheet.id === owned.id) : undefined;
  if (existing) {
    existing.getRange().clear();
    const charts = existing.charts;
    charts.load('items/name');
    await context.sync();
    for (const chart of charts.items) chart.delete();
    if (existing.name !== owned?.name) {
      record[task] = { id: existing.id, name: existing.name };
      settings.set(OWNED_SHEETS_SETTING, record);
      await settings.save();
    }
    return { sheet: existing, name: existing.name, created: false };
  }
  const name = freeSheetName(
    wantedName,
    worksheets.items.map((sheet) => sheet.name),
  );
  const sheet = worksheets.add(name);
  sheet.load('id,name');
  await context.sync();
  record[task] = { id: sheet.id, name: sheet.name };
  settings.set(OWNED_SHEETS_SETTING, record);
  await settings.save();
  return { sheet, name: sheet.name, created: true };
}

/** The pane's settings adapter over `Office.context.document.settings`. */
export function officeSettings(): DocSettings {
  const settings = Office.context.document.settings;
  return {
    get: (name) => settings.get(name) as unknown,
    set: (name, value) => settings.set(name, value),
    save: () =>
      new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error.message));
          else resolve();
        });
      }),
  };
}
