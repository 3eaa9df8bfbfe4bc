import { createApiClient } from '../../addin/src/api.js';
import type { DocSettings } from '../../addin/src/excel/owned.js';
import type { Lang } from '../../addin/src/i18n.js';
import type { ExcelRunner, TaskEnv } from '../../addin/src/tasks/common.js';
import type { FakeOffice } from './fake-excel.js';

/** The fake's `Excel.run`, typed as the pane's code expects the real one. */
export function fakeRunner(fake: FakeOffice): ExcelRunner {
  return fake.Excel.run as unknown as ExcelRunner;
}

export function fakeSettings(fake: FakeOffice): DocSettings {
  const settings = fake.Office.context.document.settings;
  return {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    save: () => new Promise((resolve) => settings.saveAsync(() => resolve())),
  };
}

/** A task environment on the fake workbook and an API at `base`. */
export function fakeEnv(fake: FakeOffice, base: string, lang: Lang = 'nl'): TaskEnv {
  return {
    run: fakeRunner(fake),
    api: createApiClient(base, () => lang),
    settings: fakeSettings(fake),
    lang,
  };
}
