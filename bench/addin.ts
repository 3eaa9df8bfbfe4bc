import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildAddin } from '../addin/build.js';
import { createApiClient } from '../addin/src/api.js';
import { runBudget } from '../addin/src/tasks/budget.js';
import { createLocalHost } from '../functions/host/local.js';
import { fakeRunner, fakeSettings } from '../test/addin/env.js';
import { type CellValue, createFakeOffice, type FakeStats } from '../test/addin/fake-excel.js';
import { type BenchRow, bestOf } from './support.js';

const ROWS = 20_000;

/** A 20,000-line budget as a user has it: Dutch amounts as text, one line in 500 off. */
function bigBudget(): CellValue[][] {
  const rows: CellValue[][] = [
    ['nr', 'Interventie', 'Aanbieder', 'Kosten per dd', 'BTW 21%', 'aantal', 'Totaal'],
  ];
  for (let i = 1; i <= ROWS; i++) {
    rows.push([
      i,
      `Onderdeel ${i} van het programma`,
      `Bureau ${i % 97}`,
      '€ 1.000,00',
      '€ 210,00',
      2,
      i % 500 === 0 ? '€ 1,00' : '€ 2.420,00',
    ]);
  }
  return rows;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * `npm run bench` rows of the add-in: the pane's script size (gzip), and end to end on the fake
 * host a 20,000-row budget from the click (read the block around the selected cell, post it to
 * the real local host, write the findings sheet) with its syncs and largest payload per sync.
 */
export async function benchAddin(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const started = performance.now();
  const { files, scriptBytes } = await buildAddin();
  const buildMs = performance.now() - started;
  const script = files.get('taskpane.js');
  const gzip = script ? gzipSync(script.body, { level: 9 }).byteLength : 0;
  rows.push({
    name: 'add-in: task pane script bundle (esbuild build time)',
    ms: buildMs,
    target: '< 150 KB gzip',
    note: `taskpane.js ${(scriptBytes / 1024).toFixed(1)} KB, gzip ${(gzip / 1024).toFixed(1)} KB`,
  });

  const server = createLocalHost({ log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const api = createApiClient(`http://127.0.0.1:${port}`, () => 'nl');
  const values = bigBudget();
  let last: { stats: FakeStats; findings: number; written: number } | undefined;
  try {
    const ms = await bestOf(3, async () => {
      const fake = createFakeOffice();
      fake.workbook.addSheet('Begroting');
      fake.workbook.setValues('Begroting!B2', values);
      fake.workbook.select('Begroting!C3');
      fake.workbook.resetStats();
      const result = await runBudget(
        { run: fakeRunner(fake), api, settings: fakeSettings(fake), lang: 'nl' },
        { country: 'NL' },
      );
      last = {
        stats: fake.workbook.stats,
        findings: result.response.findings.length,
        written: fake.workbook.sheetValues(result.sheetName).length,
      };
    });
    const stats = last?.stats;
    rows.push({
      name: `add-in: ${ROWS.toLocaleString('en')}-row budget, click to written findings (fake Excel, local host)`,
      ms,
      target: '< 3 s',
      note: stats
        ? `${stats.syncs} syncs, largest payload per sync ${mb(stats.maxPayloadBytes)} (request ${mb(stats.maxRequestBytes)}, response ${mb(stats.maxResponseBytes)}), ${last?.findings} findings, ${last?.written} rows written`
        : undefined,
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return rows;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchAddin()) {
    console.log(`${row.name}: ${row.ms.toFixed(0)} ms (target ${row.target}) — ${row.note ?? ''}`);
  }
}
