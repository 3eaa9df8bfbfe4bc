import { benchAddin } from './addin.js';
import { benchBudget } from './budget.js';
import { benchCalendar } from './calendar.js';
import type { BenchRow } from './support.js';
import { benchTally } from './tally.js';

/** `npm run bench`: every benchmark in one run, each as a time and a ratio to its baseline. */
const suites: [string, () => Promise<BenchRow[]>][] = [
  ['budget', benchBudget],
  ['calendar', benchCalendar],
  ['task pane', benchAddin],
  ['tally', benchTally],
];

const rows: BenchRow[] = [];
for (const [name, suite] of suites) {
  process.stderr.write(`bench ${name}…\n`);
  rows.push(...(await suite()));
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
for (const row of rows) {
  const ratio = row.baselineMs
    ? ` = ${(row.ms / row.baselineMs).toFixed(1)}× ${row.baselineName} (${fmt(row.baselineMs)})`
    : '';
  const target = row.target ? `  [target ${row.target}]` : '';
  const note = row.note ? `  ${row.note}` : '';
  console.log(`${row.name}: ${fmt(row.ms)}${ratio}${target}${note}`);
}
