import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import {
  chromiumAvailable,
  onWorkbook,
  type PaneHarness,
  SKIP_REASON,
  screenshot,
  startHarness,
} from './support.js';

if (!chromiumAvailable) console.warn(`e2e calendar/progress: skipped — ${SKIP_REASON}`);

const bottlenecks = fixture<{ categories: { id: string }[]; someUnits: string[] }>('bottlenecks.json');

/** A progress sheet as managers keep it: ticks per bottleneck, some free text, two years. */
export function progressGrid(): (string | number)[][] {
  const ids = bottlenecks.categories.map((c) => c.id);
  const header = ['Directie', 'Cluster', 'Jaar', ...ids, 'Toelichting'];
  const rows: (string | number)[][] = [header];
  for (const year of [2023, 2024]) {
    bottlenecks.someUnits.forEach((unit, i) => {
      if (year === 2024 && i === bottlenecks.someUnits.length - 1) return; // did not report in 2024
      const ticks = ids.map((id, k) =>
        (i + k + year) % 3 === 0 || (year === 2024 && id === 'K4') ? 'x' : '',
      );
      const text = i === 2 ? 'Zie bijlage bij de mail' : i === 3 ? '=HYPERLINK("http://x","y")' : '';
      rows.push([unit, i % 2 === 0 ? 'Ruimte en Economie' : 'Sociaal', year, ...ticks, text]);
    });
  }
  return rows;
}

describe.skipIf(!chromiumAvailable)('task pane in Chromium: Agenda maken and Voortgang tellen', () => {
  let harness: PaneHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it('turns the even-months series into an agenda sheet and a downloadable .ics', async () => {
    const page = await harness.open();
    await onWorkbook(
      page,
      (w) => {
        w.addSheet('Blad1');
        w.select('Blad1!A1');
      },
      null,
    );
    await page.click('#tab-agenda');
    // In words: every 2 months, on the 11th, in the even months: the same rule.
    await page.check('#agenda-mode-words');
    await page.fill('#agenda-interval', '2');
    expect(await page.textContent('#agenda-rrule-preview')).toBe(
      'FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11',
    );
    await page.check('#agenda-mode-rrule');
    await page.fill('#agenda-rrule', 'FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11');
    await page.fill('#agenda-title', 'Aanjagersbijeenkomst');
    await page.fill('#agenda-from', '2025-01-01');
    await page.fill('#agenda-to', '2025-12-31');
    await page.fill('#agenda-location', 'Utrecht');
    await page.click('#agenda-make');
    await page.waitForSelector('#agenda-ics');
    const values = await onWorkbook(page, (w) => w.sheetValues('PD Agenda'), null);
    const dates = values.map((row) => row[0]).filter((cell): cell is number => typeof cell === 'number');
    expect(dates).toHaveLength(6);
    // 11 October 2025 is a Saturday: moved to Monday 13 October (serial 45943).
    expect(dates).toContain(45_943);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#agenda-ics')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await readFile((await download.path()) ?? '', 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
    expect(ics).toContain('BEGIN:VTIMEZONE');
    await screenshot(page, 'agenda-even-months');
    await page.close();
  });

  it('counts attendance from a block of ticks into its own sheet', async () => {
    const page = await harness.open();
    await onWorkbook(
      page,
      (w) => {
        w.addSheet('Aanwezig');
        const dates = [45_699, 45_758, 45_819, 45_880, 45_943, 46_002];
        w.setValues(
          'Aanwezig!B2',
          [
            ['Lid', ...dates],
            ['A. Jansen', 'x', 'x', 'x', 'x', 'x', ''],
            ['B. de Vries', 'x', '', 'ja', '', '', ''],
          ],
          [['General', ...dates.map(() => 'dd-mm-yyyy')], Array(7).fill('General'), Array(7).fill('General')],
        );
        w.select('Aanwezig!C3');
      },
      null,
    );
    await page.click('#tab-agenda');
    await page.fill('#attendance-minimum', '5');
    await page.click('#attendance-check');
    await page.waitForSelector('#message.ok');
    const values = await onWorkbook(page, (w) => w.sheetValues('PD Aanwezigheid'), null);
    const jansen = values.find((row) => row[0] === 'A. Jansen');
    const devries = values.find((row) => row[0] === 'B. de Vries');
    expect(jansen?.slice(1, 4)).toEqual([5, 5, 'ja']);
    expect(devries?.slice(1, 4)).toEqual([2, 5, 'nee']);
    await screenshot(page, 'attendance');
    await page.close();
  });

  it('tallies the progress grid into one sheet with a bar chart', async () => {
    const page = await harness.open();
    await onWorkbook(
      page,
      (w, rows) => {
        w.addSheet('Voortgang');
        w.setValues(
          'Voortgang!B3',
          rows,
          rows.map((row) => row.map(() => '@')),
        );
        w.select('Voortgang!C5');
      },
      progressGrid(),
    );
    const before = await onWorkbook(page, (w) => w.snapshot('Voortgang'), null);
    await page.click('#tab-progress');
    await page.click('#progress-tally');
    await page.waitForSelector('#message.ok');
    const result = await onWorkbook(
      page,
      (w) => {
        const sheet = w.requireSheet('PD Voortgang');
        return {
          charts: sheet.charts.map((c) => ({ type: c.type, source: c.source, title: c.title })),
          values: w.sheetValues('PD Voortgang'),
          formats: [...sheet.cells.values()].map((c) => c.numberFormat),
          formulas: w.summary().formulas.filter((f) => f.sheet === 'PD Voortgang'),
        };
      },
      null,
    );
    expect(result.charts).toHaveLength(1);
    expect(result.charts[0]?.type).toBe('BarClustered');
    expect(result.charts[0]?.source).toMatch(/^'PD Voortgang'!A\d+:B\d+$/);
    expect(result.charts[0]?.title).toContain('2024');
    expect(result.formats).toContain('0.0%');
    const flat = result.values.flat();
    expect(flat).toContain('Zie bijlage bij de mail');
    expect(flat).toContain('=HYPERLINK("http://x","y")');
    for (const formula of result.formulas) expect(formula.formula).toMatch(/^=HYPERLINK\("#Voortgang!/);
    expect(await onWorkbook(page, (w) => w.snapshot('Voortgang'), null)).toBe(before);
    expect(await page.textContent('#progress-tallies')).toContain('%');
    await screenshot(page, 'progress-tally');
    await page.close();
  });
});
