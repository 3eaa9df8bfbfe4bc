import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBlocks } from '../../cli/check.js';
import { type Io, main } from '../../cli/main.js';
import { dateSerial, officeValue } from '../../cli/workbook.js';
import { budgetValidate } from '../../functions/budgetValidate.js';
import type { BudgetResponse } from '../../shared/budget/schema.js';
import type { Finding } from '../../shared/findings.js';
import {
  budgetWorkbook,
  correctedBudget,
  encryptedWorkbook,
  formulaWorkbook,
  legacyWorkbook,
  pilotBudget,
  putRows,
  schedules,
} from './workbooks.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pd-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], tty = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (chunk) => {
      stdout += chunk;
    },
    stderr: (chunk) => {
      stderr += chunk;
    },
    stderrIsTTY: tty,
    columns: 100,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

interface JsonTable {
  sheet: string;
  range: string;
  kind: string;
  endpoint: string;
  response: BudgetResponse;
  readFindings: Finding[];
  valid: boolean;
}
interface JsonFile {
  file: string;
  status: 'checked' | 'unreadable';
  reason?: string;
  message?: string;
  tables?: JsonTable[];
  output?: string;
  outputError?: string;
}

async function runJson(args: string[]): Promise<{ code: number; files: JsonFile[]; exitCode: number }> {
  const result = await run([...args, '--json']);
  const parsed = JSON.parse(result.stdout) as { exitCode: number; files: JsonFile[] };
  return { code: result.code, ...parsed };
}

async function fingerprint(path: string): Promise<{ hash: string; mtime: number; size: number }> {
  const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
  return { hash: createHash('sha256').update(bytes).digest('hex'), mtime: info.mtimeMs, size: info.size };
}

/** What the API answers for the same grid, through the endpoint's own handler. */
async function apiResponse(body: unknown): Promise<unknown> {
  const request = new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/budget/validate',
    headers: { 'content-type': 'application/json' },
    body: { string: JSON.stringify(body) },
  });
  const response = await budgetValidate.handler(request, new InvocationContext());
  expect(response.status ?? 200).toBe(200);
  return JSON.parse(String(response.body));
}

describe('programme-desk check: budget tables', () => {
  it('finds the pilot budget at C4 of a sheet with a quoted name, reports the wrong line with its cell, exits 1', async () => {
    const file = join(dir, 'pilot.xlsx');
    await budgetWorkbook(file);
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("'Offerte 2024'!C4:J14");
    expect(result.stdout).toContain('begroting: niet in orde: 1 fout(en)');
    expect(result.stdout).toMatch(
      /fout\s+'Offerte 2024'!J9\s+LINE_TOTAL_MISMATCH: Regeltotaal € 2\.662,50 klopt niet/,
    );
    expect(result.stdout).toContain('total=J');
    expect(result.stderr).toBe('');
  });

  it('prints exactly the API response object with --json', async () => {
    const file = join(dir, 'pilot-json.xlsx');
    await budgetWorkbook(file);
    const { code, files, exitCode } = await runJson(['check', file]);
    expect(code).toBe(1);
    expect(exitCode).toBe(1);
    const table = files[0]?.tables?.[0];
    expect(table).toMatchObject({
      sheet: 'Offerte 2024',
      range: "'Offerte 2024'!C4:J14",
      kind: 'budget',
      endpoint: '/api/budget/validate',
      valid: false,
    });
    // The grid the API would get from the pane for the same cells (all text, as pasted).
    const values = pilotBudget.values.map((row) => row.map((cell) => cell ?? ''));
    const expected = await apiResponse({
      language: 'nl',
      grid: {
        address: "'Offerte 2024'!C4",
        values,
        numberFormat: values.map((row) => row.map(() => 'General')),
      },
    });
    expect(table?.response).toEqual(expected);
    const mismatch = table?.response.findings.find((f) => f.code === 'LINE_TOTAL_MISMATCH');
    expect(mismatch).toMatchObject({ ref: "'Offerte 2024'!J9", expected: '4537.50', actual: '2662.50' });
    expect(table?.response.totals.recomputed.total).toBe('20721.25');
  });

  it('exits 0 when every table adds up, and speaks English with --lang en', async () => {
    const file = join(dir, 'corrected.xlsx');
    await budgetWorkbook(file, { values: correctedBudget(), sheet: 'Budget', at: 'B7' });
    const result = await run(['check', file, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Budget!B7:I17  budget: valid');
    expect(result.stdout).toContain('read as €0.00 (included)');
    const quiet = await run(['check', '--lang=en', '--quiet', file]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('included');
  });

  it('reads a protected sheet (sheet protection is not file encryption)', async () => {
    const file = join(dir, 'protected-sheet.xlsx');
    await budgetWorkbook(file, { protect: true });
    const { code, files } = await runJson(['check', file]);
    expect(code).toBe(1);
    expect(files[0]?.tables).toHaveLength(1);
  });

  it('finds two tables on one sheet and tables on several sheets; ignores text that is no table', async () => {
    const file = join(dir, 'two.xlsx');
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Begroting');
    putRows(first, 'A1', pilotBudget.values);
    putRows(first, 'D16', correctedBudget());
    first.getCell('M2').value = 'Opmerking: bedragen uit de offerte van augustus';
    const second = workbook.addWorksheet('Notities');
    second.getCell('B2').value = 'Geen tabel hier';
    const third = workbook.addWorksheet('Variant');
    putRows(third, 'E30', correctedBudget());
    await workbook.xlsx.writeFile(file);
    const { code, files } = await runJson(['check', file]);
    expect(code).toBe(1);
    expect(files[0]?.tables?.map((t) => [t.range, t.valid])).toEqual([
      ['Begroting!A1:H11', false],
      ['Begroting!D16:K26', true],
      ['Variant!E30:L40', true],
    ]);
  });
});

describe('programme-desk check: programme tables and progress sheets', () => {
  it('reads a programme table at D5 with the calendar engine; a wrong weekday and an impossible date are errors', async () => {
    const file = join(dir, 'programma.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Programma 2020');
    putRows(sheet, 'D5', schedules.coachingProgramme.values);
    const sessions = workbook.addWorksheet('Sessies');
    putRows(sessions, 'B2', [
      ['Sessie', 'Datum', 'Tijd'],
      ['Sessie 1', 'Woensdag 10 juli', '16.30 - 18.30 uur'],
      ['Sessie 2', 'Dinsdag 23 september', '17.00 - 19.00 uur'],
      ['Sessie 3', '31 februari', ''],
    ]);
    await workbook.xlsx.writeFile(file);

    const clean = await runJson(['check', file, '--year', '2024']);
    const [programme, second] = clean.files[0]?.tables ?? [];
    expect(programme).toMatchObject({
      range: "'Programma 2020'!D5:F17",
      kind: 'programme',
      endpoint: '/api/calendar/generate',
      valid: true,
    });
    const calendar = programme?.response as unknown as {
      events: { date: string }[];
      windows: { from: string; to: string }[];
    };
    expect(calendar.events.map((e) => e.date)).toEqual(['2020-06-10', '2020-07-08']);
    expect(calendar.windows[0]).toMatchObject({ from: '2020-09-01', to: '2020-10-31' });
    expect(second?.range).toBe('Sessies!B2:D5');
    expect(second?.valid).toBe(false);
    const codes = second?.response.findings.map((f) => [f.code, f.ref]);
    expect(codes).toContainEqual(['WEEKDAY_MISMATCH', 'Sessies!C4']);
    expect(codes).toContainEqual(['DATE_INVALID', 'Sessies!C5']);
    expect(clean.code).toBe(1);

    const noYear = await run(['check', file]);
    expect(noYear.stdout).toContain('YEAR_MISSING');
    expect((await run(['check', file, '--year', '24'])).code).toBe(64);
  });

  it('tallies a progress sheet that starts at B3 with ticks, codes and text', async () => {
    const file = join(dir, 'voortgang.xlsx');
    const workbook = new ExcelJS.Workbook();
    putRows(workbook.addWorksheet('Voortgang'), 'B3', [
      ['Directie', 'Cluster', 'Jaar', 'K1', 'K4', 'Knelpunten', 'Toelichting'],
      ['Stadsdeel Noord', 'Ruimte en Economie', 2024, 'x', '', '', ''],
      ['Directie Wonen', 'Ruimte en Economie', 2024, '', '✓', 'K8', ''],
      ['Facilitair Bureau', 'Bedrijfsvoering', 2024, '', '', '', 'Te weinig uren; geen begroting'],
      ['Stadsdeel Noord', 'Ruimte en Economie', 2024, 'x', '', 'K99', ''],
    ]);
    await workbook.xlsx.writeFile(file);
    const { code, files } = await runJson(['check', file]);
    const table = files[0]?.tables?.[0];
    expect(table).toMatchObject({
      range: 'Voortgang!B3:H7',
      kind: 'progress',
      endpoint: '/api/progress/tally',
    });
    const tally = table?.response as unknown as {
      periods: { period: string; reporting: number; tallies: { id: string; count: number }[] }[];
    };
    expect(tally.periods[0]?.reporting).toBe(3);
    expect(tally.periods[0]?.tallies.find((t) => t.id === 'K4')?.count).toBe(2);
    const findings = table?.response.findings.map((f) => f.code);
    expect(findings).toContain('UNKNOWN_CODE');
    expect(findings).toContain('DUPLICATE_REPORT');
    expect(code).toBe(1);
  });
});

describe('programme-desk check: formulas', () => {
  it('reads formula cells by their stored value', async () => {
    const file = join(dir, 'formulas-cached.xlsx');
    await formulaWorkbook(file, true);
    const { code, files } = await runJson(['check', file]);
    const table = files[0]?.tables?.[0];
    expect(table?.readFindings).toEqual([]);
    expect(code).toBe(1);
    expect(table?.response.lines.map((l) => l.statedTotal)).toEqual(['4537.50', '2600.00']);
    expect(table?.response.findings.map((f) => [f.code, f.ref])).toContainEqual([
      'LINE_TOTAL_MISMATCH',
      'Begroting!F4',
    ]);
    expect(table?.response.totals.stated.subtotal).toBe('7137.50');
  });

  it('reports a formula without a stored value with its cell, and reads it as blank', async () => {
    const file = join(dir, 'formulas-uncached.xlsx');
    await formulaWorkbook(file, false);
    const { code, files } = await runJson(['check', file]);
    const table = files[0]?.tables?.[0];
    expect(table?.range).toBe('Begroting!B2:F5');
    expect(table?.readFindings.map((f) => [f.severity, f.code, f.ref, f.actual])).toEqual([
      ['warning', 'FORMULA_NO_VALUE', 'Begroting!F3', '=(C3+D3)*E3'],
      ['warning', 'FORMULA_NO_VALUE', 'Begroting!F4', '=C4*E4+100'],
      ['warning', 'FORMULA_NO_VALUE', 'Begroting!F5', '=SUM(F3:F4)'],
    ]);
    expect(table?.response.lines.map((l) => l.statedTotal)).toEqual([null, null]);
    expect(code).toBe(0);
    const text = await run(['check', file, '--lang', 'en']);
    expect(text.stdout).toContain('Begroting!F3');
    expect(text.stdout).toContain('FORMULA_NO_VALUE: Formula =(C3+D3)*E3 has no stored value');
  });
});

describe('programme-desk check: files that cannot be read', () => {
  it('gives a one-line reason and exit 2 for each, and checks the good file among them', async () => {
    const encrypted = join(dir, 'wachtwoord.xlsx');
    await writeFile(encrypted, encryptedWorkbook());
    const legacy = join(dir, 'oud.xls');
    await writeFile(legacy, legacyWorkbook());
    const good = join(dir, 'goed.xlsx');
    await budgetWorkbook(good);
    const truncated = join(dir, 'afgebroken.xlsx');
    await writeFile(truncated, (await readFile(good)).subarray(0, 2_000));
    const text = join(dir, 'notitie.xlsx');
    await writeFile(text, 'nr;Interventie;Totaal\n1;Selfcare;100\n');
    const empty = join(dir, 'leeg.xlsx');
    await writeFile(empty, '');
    const missing = join(dir, 'bestaat-niet.xlsx');

    const files = [encrypted, legacy, truncated, good, text, empty, missing];
    const result = await run(['check', ...files]);
    expect(result.code).toBe(2);
    const reasonOf = (file: string) => {
      const lines = result.stdout.split('\n');
      return lines[lines.indexOf(file) + 1];
    };
    expect(reasonOf(encrypted)).toBe(
      '  niet te lezen: met een wachtwoord beveiligd (versleuteld); bewaar in Excel een kopie zonder wachtwoord',
    );
    expect(reasonOf(legacy)).toContain('oud Excel 97-2003-bestand (.xls)');
    expect(reasonOf(truncated)).toMatch(/^ {2}niet te lezen: beschadigd of geen \.xlsx \(.+\)$/);
    expect(reasonOf(text)).toBe('  niet te lezen: geen Excel-werkmap (.xlsx)');
    expect(reasonOf(empty)).toBe('  niet te lezen: leeg bestand');
    expect(reasonOf(missing)).toBe('  niet te lezen: bestand niet gevonden');
    expect(reasonOf(good)).toContain("'Offerte 2024'!C4:J14  begroting: niet in orde");
    expect(result.stdout).toContain('7 bestand(en), 1 tabel(len): 1 met fouten, 6 niet te lezen');

    const json = await runJson(['check', ...files, '--lang', 'en']);
    expect(json.code).toBe(2);
    expect(json.files.map((f) => f.reason ?? f.status)).toEqual([
      'encrypted',
      'legacy-xls',
      'corrupt',
      'checked',
      'not-a-workbook',
      'empty',
      'not-found',
    ]);
    expect(json.files[0]?.message).toBe(
      'protected with a password (encrypted); save a copy without a password in Excel',
    );
  });

  it('exits 1, not 2, when every file reads and one has errors; 0 for a workbook without tables', async () => {
    const none = join(dir, 'geen-tabel.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Blad1').getCell('A1').value = 'Alleen een notitie';
    await workbook.xlsx.writeFile(none);
    const result = await run(['check', none]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('geen begrotingstabel, programmatabel of voortgangsblad gevonden');
  });
});

describe('programme-desk check --out', () => {
  it('writes a copy with the output sheet and never touches the input', async () => {
    const file = join(dir, 'offerte.xlsx');
    const values = pilotBudget.values.map((row) => [...row]);
    const row7 = values[7];
    if (row7) row7[1] = '=HYPERLINK("http://example.org","klik")';
    await budgetWorkbook(file, { values });
    const before = await fingerprint(file);
    const out = join(dir, 'uit');
    const result = await run(['check', file, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`kopie met uitvoerbladen: ${join(out, 'offerte.xlsx')}`);
    expect(await fingerprint(file)).toEqual(before);

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(out, 'offerte.xlsx'));
    expect(copy.worksheets.map((s) => s.name)).toEqual(['Offerte 2024', 'PD Begroting']);
    const sheet = copy.getWorksheet('PD Begroting');
    const cells: { address: string; value: ExcelJS.CellValue }[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push({ address: cell.address, value: cell.value });
      });
    });
    expect(cells[0]?.value).toBe('Programme Desk — begrotingscontrole');
    const code = cells.find((c) => c.value === 'LINE_TOTAL_MISMATCH');
    expect(code).toBeDefined();
    const formulas = cells.flatMap((c) =>
      typeof c.value === 'object' && c.value !== null && 'formula' in c.value
        ? [String(c.value.formula)]
        : [],
    );
    expect(formulas).toContain(`HYPERLINK("#'Offerte 2024'!J9","J9")`);
    // The only formulas in the copy's output sheet are the add-in's own links.
    expect(formulas.every((f) => f.startsWith('HYPERLINK("#'))).toBe(true);
    // Text from the user's cells stays text in the copy, whatever it starts with.
    const original = copy.getWorksheet('Offerte 2024')?.getCell('D11').value;
    expect(original).toBe('=HYPERLINK("http://example.org","klik")');

    // The copy's output sheet is not read as a table when the copy is checked again.
    const again = await runJson(['check', join(out, 'offerte.xlsx')]);
    expect(again.files[0]?.tables?.map((t) => t.range)).toEqual(["'Offerte 2024'!C4:J14"]);
  });

  it('refuses to write the copy over the input, and names copies of same-named inputs apart', async () => {
    const file = join(dir, 'zelf.xlsx');
    await budgetWorkbook(file, { values: correctedBudget() });
    const before = await fingerprint(file);
    const json = await runJson(['check', file, '--out', dir]);
    expect(json.code).toBe(2);
    expect(json.files[0]?.outputError).toBe('de kopie zou het invoerbestand overschrijven');
    expect(await fingerprint(file)).toEqual(before);

    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await Promise.all([rm(a, { recursive: true, force: true }), rm(b, { recursive: true, force: true })]);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(a);
    await mkdir(b);
    await budgetWorkbook(join(a, 'offerte.xlsx'));
    await budgetWorkbook(join(b, 'offerte.xlsx'), { values: correctedBudget() });
    const both = await runJson([
      'check',
      join(a, 'offerte.xlsx'),
      join(b, 'offerte.xlsx'),
      '--out',
      join(dir, 'kopie'),
    ]);
    expect(both.files.map((f) => f.output)).toEqual([
      join(dir, 'kopie', 'offerte.xlsx'),
      join(dir, 'kopie', 'offerte (2).xlsx'),
    ]);
  });
});

describe('programme-desk command line', () => {
  it('checks the .xlsx files of a folder, with a progress bar on a terminal only', async () => {
    const folder = join(dir, 'map');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder, { recursive: true });
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      await budgetWorkbook(join(folder, `${name}.xlsx`), { values: correctedBudget() });
    await writeFile(join(folder, '~$a.xlsx'), 'lock file of an open workbook');
    const tty = await run(['check', folder], true);
    expect(tty.code).toBe(0);
    expect(tty.stdout.match(/begroting: in orde/g)).toHaveLength(5);
    expect(tty.stderr).toContain('controleren [');
    expect(tty.stderr).toContain('5/5');
    expect(tty.stdout).not.toContain('\r');
    const pipe = await run(['check', folder]);
    expect(pipe.stderr).toBe('');
    const few = await run(['check', join(folder, 'a.xlsx'), join(folder, 'b.xlsx')], true);
    expect(few.stderr).toBe('');
  });

  it('answers usage errors with exit 64 and help with 0', async () => {
    expect((await run(['check'])).code).toBe(64);
    expect((await run(['check', 'x.xlsx', '--bogus'])).stderr).toContain('Onbekende optie: --bogus');
    expect((await run(['check', 'x.xlsx', '--lang', 'fr'])).stderr).toContain('Onbekende taal "fr"');
    expect((await run(['check', 'x.xlsx', '--locale', 'de-DE', '--lang', 'en'])).stderr).toContain(
      'Unknown locale',
    );
    expect((await run(['lint', 'x.xlsx'])).code).toBe(64);
    const help = await run(['--help', '--lang', 'en']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: programme-desk check FILE.xlsx');
  });
});

describe('reading cells as Excel gives them', () => {
  it('turns dates into 1900-system serials, formulas into cached results, rich text and errors into text', () => {
    expect(dateSerial(new Date(Date.UTC(2025, 0, 1)))).toBe(45658);
    expect(officeValue(new Date(Date.UTC(2025, 0, 1)))).toBe(45658);
    expect(officeValue({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(officeValue({ formula: 'A1*2', result: undefined as unknown as number })).toBeUndefined();
    expect(officeValue({ sharedFormula: 'F3', result: 'x' } as unknown as ExcelJS.CellValue)).toBe('x');
    expect(officeValue({ richText: [{ text: '€ 1.' }, { text: '875,00' }] })).toBe('€ 1.875,00');
    expect(officeValue({ error: '#DIV/0!' } as ExcelJS.CellErrorValue)).toBe('#DIV/0!');
    expect(officeValue({ text: 'link', hyperlink: 'https://example.org' })).toBe('link');
    expect(officeValue(null)).toBe('');
  });

  it('finds blocks as Excel current regions, diagonals included', () => {
    const values = [
      ['a', '', '', ''],
      ['', 'b', '', 'x'],
      ['', '', '', ''],
      ['', '', 'c', 'd'],
    ];
    expect(findBlocks(values)).toEqual([
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 1, c0: 3, r1: 1, c1: 3 },
      { r0: 3, c0: 2, r1: 3, c1: 3 },
    ]);
  });
});
