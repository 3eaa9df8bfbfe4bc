import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { officeSettings } from '../../addin/src/excel/owned.js';
import { selectCell } from '../../addin/src/tasks/budget.js';
import type { ExcelRunner } from '../../addin/src/tasks/common.js';

/**
 * office-addin-mock where it fits: a small Office.js call sequence whose only question is "did
 * the code call the right API with the right arguments" (no Excel behaviour needed).
 */
const globals = globalThis as unknown as { Office?: unknown };

afterEach(() => {
  delete globals.Office;
});

describe('Office.js call sequences (office-addin-mock)', () => {
  it('selects the cell of a finding: sheet by name (quotes undone), then the cell', async () => {
    const calls: string[] = [];
    const excel = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getItem(name: string) {
              calls.push(`getItem ${name}`);
              return {
                activate: () => calls.push('activate'),
                getRange: (address: string) => {
                  calls.push(`getRange ${address}`);
                  return { select: () => calls.push('select') };
                },
              };
            },
          },
        },
      },
      run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<void>) {
        await batch(this.context);
      },
    });
    const run = ((batch: (context: unknown) => Promise<unknown>) =>
      excel.run(batch)) as unknown as ExcelRunner;
    await selectCell({ run }, "'Jan''s blad'!J9");
    expect(calls).toEqual(["getItem Jan's blad", 'activate', 'getRange J9', 'select']);
  });

  it('saves the workbook settings through saveAsync and reports a failure', async () => {
    const store = new Map<string, unknown>();
    let fail = false;
    // A plain object: the mock would answer unloaded scalars (the status enum) with an error text.
    globals.Office = {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        document: {
          settings: {
            get: (name: string) => store.get(name) ?? null,
            set: (name: string, value: unknown) => store.set(name, value),
            saveAsync: (callback: (result: { status: string; error?: { message: string } }) => void) =>
              callback(
                fail ? { status: 'failed', error: { message: 'read-only' } } : { status: 'succeeded' },
              ),
          },
        },
      },
    };
    const settings = officeSettings();
    settings.set('ProgrammeDesk.apiBase', 'https://desk.example.org');
    await settings.save();
    expect(settings.get('ProgrammeDesk.apiBase')).toBe('https://desk.example.org');
    fail = true;
    await expect(settings.save()).rejects.toThrow('read-only');
  });
});
