/** Workbooks for the command-line tests, made with exceljs from the fixtures. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { columnIndex } from '../../shared/grid/address.js';

type FixtureCell = string | number | boolean | null;

export const pilotBudget = JSON.parse(
  readFileSync(new URL('../fixtures/pilot-budget.grid.json', import.meta.url), 'utf8'),
) as { address: string; values: FixtureCell[][] };

export const schedules = JSON.parse(
  readFileSync(new URL('../fixtures/schedules.json', import.meta.url), 'utf8'),
) as {
  coachingProgramme: { values: FixtureCell[][] };
  steeringGroupSessions: { year: number; texts: string[] };
};

/** The pilot budget with every figure adding up (line 5 and the summary rows corrected). */
export function correctedBudget(): FixtureCell[][] {
  const values = pilotBudget.values.map((row) => [...row]);
  const set = (row: number, column: number, value: string) => {
    const cells = values[row];
    if (cells) cells[column] = value;
  };
  set(5, 7, '€ 4.537,50');
  set(8, 7, '€ 18.837,50');
  set(9, 7, '€ 1.883,75');
  set(10, 7, '€ 20.721,25');
  return values;
}

/** Writes rows into a sheet with their top-left cell at `at` (`C4`); empty strings stay empty cells. */
export function putRows(
  sheet: ExcelJS.Worksheet,
  at: string,
  rows: readonly (readonly FixtureCell[])[],
): void {
  const match = /^([A-Z]+)(\d+)$/.exec(at);
  const column0 = columnIndex(match?.[1] ?? 'A') ?? 0;
  const row0 = Number(match?.[2] ?? 1) - 1;
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === '' || value === null) return;
      sheet.getCell(row0 + r + 1, column0 + c + 1).value = value;
    });
  });
}

/** A workbook with the pilot budget on a sheet named `sheet`, starting at `at`, with a title above. */
export async function budgetWorkbook(
  path: string,
  options: { sheet?: string; at?: string; values?: FixtureCell[][]; protect?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheet ?? 'Offerte 2024');
  sheet.getCell('A1').value = 'Voorstel Pilot Leergang voor trekkers';
  putRows(sheet, options.at ?? 'C4', options.values ?? pilotBudget.values);
  if (options.protect) await sheet.protect('geheim', { selectLockedCells: true });
  await workbook.xlsx.writeFile(path);
}

/**
 * A budget of numbers whose line totals and subtotal are formulas: with their computed values
 * stored (as Excel saves them) or without (as some generators write them).
 */
export async function formulaWorkbook(path: string, cached: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Begroting');
  putRows(sheet, 'B2', [
    ['Interventie', 'Kosten per dd', 'BTW', 'aantal dagdelen', 'Totaal'],
    ['Selfcare', 1875, 393.75, 2],
    ['Netwerken', 1250, 0, 2],
  ]);
  const formula = (f: string, result: number) => (cached ? { formula: f, result } : { formula: f });
  sheet.getCell('F3').value = formula('(C3+D3)*E3', 4537.5);
  // A stated total that does not add up, so that a cached value is seen to be read.
  sheet.getCell('F4').value = formula('C4*E4+100', 2600);
  sheet.getCell('E5').value = 'subtotaal';
  sheet.getCell('F5').value = formula('SUM(F3:F4)', 7137.5);
  await workbook.xlsx.writeFile(path);
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/**
 * An OLE compound file (CFB, version 3, 512-byte sectors) holding the given streams, each at
 * least 4096 bytes so that no mini stream is needed. An `.xlsx` saved with a password is such a
 * file with the streams `EncryptionInfo` and `EncryptedPackage`; a legacy `.xls` holds `Workbook`.
 */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const sector = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / sector) * sector);
    const data = Buffer.alloc(size);
    s.data.copy(data);
    return { name: s.name, data, size: Math.max(s.data.length, 4096) };
  });
  const dirEntries = 1 + padded.length;
  const dirSectors = Math.ceil((dirEntries * 128) / sector);
  const dataSectors = padded.reduce((n, s) => n + s.data.length / sector, 0);
  const fatSectors = 1;
  const total = fatSectors + dirSectors + dataSectors;
  if (total > sector / 4) throw new RangeError('too large for one FAT sector');
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  let next = 1;
  const chain = (count: number) => {
    const start = next;
    for (let i = 0; i < count; i++)
      fat.writeUInt32LE(i === count - 1 ? END_OF_CHAIN : next + i + 1, (next + i) * 4);
    next += count;
    return start;
  };
  const dirStart = chain(dirSectors);
  const starts = padded.map((s) => chain(s.data.length / sector));

  const directory = Buffer.alloc(dirSectors * sector);
  const entry = (index: number, name: string, type: number, start: number, size: number, links: number[]) => {
    const offset = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, offset);
    directory.writeUInt16LE(encoded.length, offset + 64);
    directory.writeUInt8(type, offset + 66);
    directory.writeUInt8(1, offset + 67); // black
    directory.writeUInt32LE(links[0] ?? NO_STREAM, offset + 68); // left sibling
    directory.writeUInt32LE(links[1] ?? NO_STREAM, offset + 72); // right sibling
    directory.writeUInt32LE(links[2] ?? NO_STREAM, offset + 76); // child
    directory.writeUInt32LE(start, offset + 116);
    directory.writeUInt32LE(size, offset + 120);
  };
  // Siblings as a chain of right links, in CFB order (shorter names first, then by upper case).
  const order = padded
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        a.s.name.length - b.s.name.length || a.s.name.toUpperCase().localeCompare(b.s.name.toUpperCase()),
    );
  entry(0, 'Root Entry', 5, END_OF_CHAIN, 0, [NO_STREAM, NO_STREAM, (order[0]?.i ?? 0) + 1]);
  order.forEach(({ s, i }, k) => {
    const right = order[k + 1];
    entry(i + 1, s.name, 2, starts[i] ?? END_OF_CHAIN, s.size, [NO_STREAM, right ? right.i + 1 : NO_STREAM]);
  });

  const header = Buffer.alloc(sector);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  return Buffer.concat([header, fat, directory, ...padded.map((s) => s.data)]);
}

/** What Excel writes for an `.xlsx` saved with a password: agile encryption in a compound file. */
export function encryptedWorkbook(): Buffer {
  const head = Buffer.concat([
    Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
    ),
  ]);
  // The stream is exactly 4096 bytes: the XML ends in spaces, as a reader takes the whole stream.
  const info = Buffer.alloc(4096, 0x20);
  head.copy(info);
  const payload = Buffer.alloc(8192);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) & 0xff;
  payload.writeBigUInt64LE(6000n, 0);
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: payload },
  ]);
}

/** An Excel 97-2003 `.xls`: a compound file with a `Workbook` stream (content irrelevant here). */
export function legacyWorkbook(): Buffer {
  return compoundFile([{ name: 'Workbook', data: Buffer.alloc(4096, 0x09) }]);
}
