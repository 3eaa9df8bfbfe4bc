import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { benchAddin } from './addin.js';
import type { BenchRow } from './support.js';

/**
 * `npm run bench`: every benchmark in one run, each as a time and a ratio to its baseline.
 * The engines are measured as production runs them, compiled to plain JavaScript (the dev
 * runner's transforms cost them about a third), in a child process of their own.
 */
const engines = fileURLToPath(new URL('../dist/bench/engines.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./engines.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: engines,
  logLevel: 'warning',
});
const rows: BenchRow[] = JSON.parse(
  execFileSync(process.execPath, [engines], {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  }).toString(),
);
process.stderr.write('bench task pane…\n');
rows.push(...(await benchAddin()));

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
for (const row of rows) {
  const ratio = row.baselineMs
    ? ` = ${(row.ms / row.baselineMs).toFixed(1)}× ${row.baselineName} (${fmt(row.baselineMs)})`
    : '';
  const target = row.target ? `  [target ${row.target}]` : '';
  const note = row.note ? `  ${row.note}` : '';
  console.log(`${row.name}: ${fmt(row.ms)}${ratio}${target}${note}`);
}
