import type { TallyRequest, TallyResponse } from '../../../shared/tally/schema.js';
import type { SourceBlock } from '../excel/read.js';
import type { SheetPlan } from '../excel/write.js';
import { type MessageKey, translate } from '../i18n.js';
import {
  linkCell,
  percent,
  readTextList,
  readUserSource,
  sheetPlanBuilder,
  stamp,
  type TaskEnv,
  writeOwnedPlan,
} from './common.js';

export interface ProgressOptions {
  /** A range with the names of the units expected to report, `Eenheden!A2:A46`. */
  expectedUnitsRange?: string;
}

export function tallyRequest(source: SourceBlock, lang: 'nl' | 'en', expectedUnits?: string[]): TallyRequest {
  const grid: NonNullable<TallyRequest['grid']> = { address: source.address, values: source.values };
  if (source.numberFormat) grid.numberFormat = source.numberFormat;
  const request: TallyRequest = { locale: 'nl-NL', language: lang, grid };
  if (expectedUnits && expectedUnits.length > 0) request.expectedUnits = expectedUnits;
  return request;
}

/**
 * The progress sheet: per period the tallies (label, count, share as a percentage, rank), the
 * split per cluster, the trend, the units that did not report, the unclassified texts with links
 * to their cells, the findings, and a bar chart of the latest period's tallies.
 */
export function progressSheetPlan(
  response: TallyResponse,
  source: string,
  lang: 'nl' | 'en',
  now = new Date(),
): SheetPlan {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const { plan, rows, heading, findings } = sheetPlanBuilder(lang);
  heading([t('progressSheetTitle')]);
  rows.push([t('source'), source]);
  rows.push([t('checkedAt'), stamp(now)]);
  let chart: SheetPlan['chart'];
  for (const period of response.periods) {
    rows.push([]);
    heading([`${t('period')} ${period.period}`, `${t('reporting')}: ${period.reporting}`]);
    const first = rows.length;
    heading([t('category'), t('count'), t('share'), t('rank'), t('code')], true);
    for (const tally of period.tallies) {
      rows.push([tally.label, tally.count, percent(tally.share), tally.rank, tally.id]);
    }
    // The chart shows the latest period: its labels and counts, header included.
    chart = {
      source: `A${first + 1}:B${rows.length}`,
      title: t('chartTitle', { period: period.period }),
      anchor: 'H2',
      seriesBy: 'Columns',
    };
    const ids = period.tallies.map((tally) => tally.id).sort();
    if (period.byGroup.length > 0) {
      rows.push([]);
      heading([`${t('byGroup')} ${period.period}`]);
      heading([t('group'), t('reporting'), ...ids], true);
      for (const group of period.byGroup) {
        rows.push([group.group ?? '—', group.reporting, ...ids.map((id) => group.counts[id] ?? 0)]);
      }
    }
  }
  if (response.trend.length > 0) {
    rows.push([]);
    heading([t('trend')]);
    heading([t('code'), t('from'), t('to'), t('delta')], true);
    for (const trend of response.trend) rows.push([trend.id, trend.from, trend.to, trend.delta]);
  }
  rows.push([]);
  heading([t('missingUnits')]);
  const periods = Object.keys(response.missingByPeriod);
  if (periods.length > 0) {
    heading([t('unit'), t('period')], true);
    for (const period of periods) {
      for (const unit of response.missingByPeriod[period] ?? []) rows.push([unit, period]);
    }
  } else {
    for (const unit of response.missingUnits) rows.push([unit]);
  }
  if (response.unclassified.length > 0) {
    rows.push([]);
    heading([t('unclassified')]);
    heading([t('cell'), t('unit'), t('period'), t('text')], true);
    for (const item of response.unclassified)
      rows.push([linkCell(item.ref), item.unit, item.period, item.text]);
  }
  findings(response.findings);
  if (chart) plan.chart = chart;
  return plan;
}

/** Voortgang tellen: the progress table → `/api/progress/tally` → one sheet with a chart. */
export async function runProgress(
  env: TaskEnv,
  options: ProgressOptions,
): Promise<{ sheetName: string; response: TallyResponse; summary: string }> {
  const source = await readUserSource(env, true);
  const expected = options.expectedUnitsRange?.trim()
    ? await readTextList(env, options.expectedUnitsRange)
    : undefined;
  env.onProgress?.('sending', 0, 1);
  const response = await env.api.postJson<TallyResponse>(
    'progress/tally',
    tallyRequest(source, env.lang, expected),
    env.signal,
  );
  const plan = progressSheetPlan(response, source.rangeAddress, env.lang);
  const { name: sheetName } = await writeOwnedPlan(env, 'progress', 'sheetProgress', plan);
  const summary = response.periods
    .map((p) => `${p.period}: ${p.reporting} ${translate(env.lang, 'reporting').toLowerCase()}`)
    .join(' · ');
  return { sheetName, response, summary };
}
