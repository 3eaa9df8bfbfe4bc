import { benchBudget } from './budget.js';
import { benchCalendar } from './calendar.js';
import type { BenchRow } from './support.js';
import { benchTally } from './tally.js';

/** The engines' benchmarks, run by `bench/run.ts` from a compiled bundle; prints its rows as JSON. */
const suites: [string, () => Promise<BenchRow[]>][] = [
  ['budget', benchBudget],
  ['calendar', benchCalendar],
  ['tally', benchTally],
];
const rows: BenchRow[] = [];
for (const [name, suite] of suites) {
  process.stderr.write(`bench ${name}…\n`);
  rows.push(...(await suite()));
}
process.stdout.write(JSON.stringify(rows));
