import type { BudgetField, BudgetRequest, BudgetResponse } from '../../../shared/budget/schema.js';
import type { Finding } from '../../../shared/findings.js';
import type { SourceBlock } from '../excel/read.js';
import type { OutCell, SheetPlan } from '../excel/write.js';
import { type Lang, localeFor, type MessageKey, translate } from '../i18n.js';
import {
  linkCell,
  money,
  readTextList,
  readUserSource,
  sheetPlanBuilder,
  stamp,
  type TaskEnv,
  writeOwnedPlan,
} from './common.js';

/** What the user set in the budget form. */
export interface BudgetOptions {
  country: 'NL' | 'BE';
  /** `"10%"` or `"0.10"`; empty for none. */
  contingencyRate?: string;
  participants?: { min: number; max: number };
  ceiling?: string;
  /** The range holding the programme items, `Programma!A2:A9`. */
  programmeItemsRange?: string;
  /** Column corrections sent as `grid.columns`. */
  columns?: Partial<Record<BudgetField, string>>;
}

export interface BudgetResult {
  source: SourceBlock;
  request: BudgetRequest;
  response: BudgetResponse;
  sheetName: string;
  syncs: number;
}

/** The request for a block of cells and the form's options: grid input, as the contract has it. */
export function budgetRequest(
  source: Pick<SourceBlock, 'address' | 'values'>,
  options: BudgetOptions,
  lang: Lang,
  programmeItems?: string[],
): BudgetRequest {
  const request: BudgetRequest = {
    locale: localeFor(options.country),
    language: lang,
    vatRates: options.country,
    vatBasis: 'unit',
    tolerance: '0',
    grid: { address: source.address, values: source.values },
  };
  if (options.columns && Object.keys(options.columns).length > 0 && request.grid) {
    request.grid.columns = options.columns;
  }
  if (options.contingencyRate?.trim()) request.contingencyRate = options.contingencyRate.trim();
  if (options.participants) request.participants = options.participants;
  if (options.ceiling?.trim()) request.ceiling = options.ceiling.trim();
  if (programmeItems && programmeItems.length > 0) request.programmeItems = programmeItems;
  return request;
}

/** The verdict line: valid, or the number of errors and warnings. */
export function verdict(response: Pick<BudgetResponse, 'findings' | 'valid'>, lang: Lang): string {
  const errors = response.findings.filter((f) => f.severity === 'error').length;
  const warnings = response.findings.filter((f) => f.severity === 'warning').length;
  if (!response.valid) return translate(lang, 'verdictInvalid', { errors, warnings });
  return warnings > 0 ? translate(lang, 'verdictWarnings', { warnings }) : translate(lang, 'verdictValid');
}

const difference = (stated: string | null, recomputed: string | null): OutCell => {
  if (stated === null || recomputed === null) return null;
  return money((Number(recomputed) - Number(stated)).toFixed(2));
};

/** The findings sheet: verdict, totals, findings with links to their cells, and the lines. */
export function budgetSheetPlan(
  response: BudgetResponse,
  source: Pick<SourceBlock, 'rangeAddress'>,
  lang: Lang,
  now = new Date(),
): SheetPlan {
  const t = (key: MessageKey) => translate(lang, key);
  const { plan, rows, heading, findings } = sheetPlanBuilder(lang);
  heading([t('budgetSheetTitle')]);
  rows.push([t('source'), source.rangeAddress]);
  rows.push([t('checkedAt'), stamp(now)]);
  rows.push([t('verdict'), verdict(response, lang)]);
  if (!response.totals.complete) rows.push(['', t('incomplete')]);
  rows.push([]);
  heading(['', t('stated'), t('recomputed'), t('difference')], true);
  const { stated, recomputed } = response.totals;
  for (const key of ['subtotal', 'contingency', 'total'] as const) {
    rows.push([t(key), money(stated[key]), money(recomputed[key]), difference(stated[key], recomputed[key])]);
  }
  if (response.perParticipant) {
    rows.push([t('perParticipant'), money(response.perParticipant.min), money(response.perParticipant.max)]);
  }
  findings(response.findings, 'noFindings');
  rows.push([]);
  heading([t('lines')]);
  heading([t('row'), t('field_item'), t('statedTotal'), t('computedTotal'), t('vatRate'), t('cell')], true);
  for (const line of response.lines) {
    rows.push([
      line.row + 1,
      line.item ?? null,
      money(line.statedTotal),
      money(line.computedTotal),
      line.vatRate ?? null,
      linkCell(line.ref),
    ]);
  }
  return plan;
}

/**
 * Begroting controleren: reads the selection (or the table or block around the selected cell),
 * posts it as grid input, and writes the findings sheet that the add-in owns.
 * With `previous`, checks the same cells again (say with corrected columns) without reading.
 */
export async function runBudget(
  env: TaskEnv,
  options: BudgetOptions,
  previous?: SourceBlock,
): Promise<BudgetResult> {
  const source = previous ?? (await readUserSource(env));
  const programmeItems = options.programmeItemsRange?.trim()
    ? await readTextList(env, options.programmeItemsRange)
    : undefined;
  const request = budgetRequest(source, options, env.lang, programmeItems);
  env.onProgress?.('sending', 0, 1);
  const response = await env.api.postJson<BudgetResponse>('budget/validate', request, env.signal);
  const plan = budgetSheetPlan(response, source, env.lang);
  const written = await writeOwnedPlan(env, 'budget', 'sheetBudget', plan);
  return { source, request, response, sheetName: written.name, syncs: source.syncs + written.syncs };
}

/** Selects the cell a finding is about in the user's sheet. */
export async function selectCell(env: Pick<TaskEnv, 'run'>, ref: string): Promise<void> {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!match) return;
  const sheetName = (match[1] ?? '').replace(/''/g, "'") || (match[2] ?? '');
  await env.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(match[3] ?? 'A1').select();
    await context.sync();
  });
}

/** The findings of one severity first: errors, then warnings, then info, each in sheet order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return [...findings].sort((a, b) => order[a.severity] - order[b.severity] || (a.row ?? 0) - (b.row ?? 0));
}
