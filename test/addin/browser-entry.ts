/**
 * The fake in place of Microsoft's hosted `office.js`: the e2e tests route the script's URL to a
 * bundle of this file. It defines the globals `Office` and `Excel` and exposes the workbook to the
 * test as `window.__fakeOffice`. Options come from `window.__PD_FAKE_OPTIONS__` when set.
 */
import { createFakeOffice, type FakeOffice, type FakeWorkbookOptions } from './fake-excel.js';

interface FakeWindow {
  __PD_FAKE_OPTIONS__?: FakeWorkbookOptions;
  __fakeOffice?: FakeOffice;
  Office?: unknown;
  Excel?: unknown;
}

const target = globalThis as unknown as FakeWindow;
const fake = createFakeOffice(target.__PD_FAKE_OPTIONS__ ?? {});
target.__fakeOffice = fake;
target.Office = fake.Office;
target.Excel = fake.Excel;
