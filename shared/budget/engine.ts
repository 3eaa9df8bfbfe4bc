import { byRow, type Finding, type FindingPlace, hasErrors } from '../findings.js';
import { BUDGET_LIMITS, WorkLimitError } from '../limits.js';
import { type Lang, type Locale, languageOf } from '../locale.js';
import { type AmountReading, readAmount, readRate } from '../money/amount.js';
import { Decimal as Dec, type Decimal, formatAmount, formatRate, halfUp, ZERO } from '../money/decimal.js';
import { displayEuro, displayPercent } from '../money/display.js';
import { nameKey, nearest } from '../text/normalize.js';
import { type BudgetCode, budgetFinding } from './messages.js';
import {
  type BudgetField,
  type BudgetRequest,
  type BudgetResponse,
  toleranceOf,
  VAT_RATE_SETS,
} from './schema.js';
import {
  type BudgetSource,
  type SourceLine,
  type SummaryKind,
  sourceFromGrid,
  sourceFromLines,
} from './source.js';

type Params = Record<string, string | number | undefined>;

/** The state of one check: the request's reading rules and the findings so far. */
class Check {
  readonly findings: Finding[] = [];
  private readonly readings = new Map<string, AmountReading>();
  constructor(
    readonly lang: Lang,
    readonly locale: Locale,
    readonly tolerance: Decimal,
  ) {}

  /**
   * Reads an amount, once per distinct text: budgets repeat their amounts (`€ 0,00`, `incl`,
   * one price per dagdeel) and readings are immutable.
   */
  read(input: AmountInput): AmountReading {
    if (typeof input !== 'string') return readAmount(input, this.locale);
    let reading = this.readings.get(input);
    if (!reading) {
      reading = readAmount(input, this.locale);
      this.readings.set(input, reading);
    }
    return reading;
  }

  add(code: BudgetCode, place: FindingPlace, params: Params = {}): void {
    this.findings.push(budgetFinding(this.lang, code, place, params));
  }

  euro(value: Decimal): string {
    return displayEuro(value, this.lang);
  }

  percent(value: Decimal): string {
    return displayPercent(value, this.lang);
  }

  differs(stated: Decimal, computed: Decimal): boolean {
    return this.tolerance.isZero() ? !stated.eq(computed) : stated.minus(computed).abs().gt(this.tolerance);
  }

  /**
   * Reads a money field and reports what it is not: unparseable, pending, included, negative.
   * Amounts that are compared are rounded half-up to cents first (Excel's 0.30000000000000004 is
   * 0.30); `exact` ones (a unit cost of € 0,125) are kept as written. Undefined means unknown
   * (pending or unparseable), null blank, ZERO included.
   */
  money(input: AmountInput, place: FindingPlace, exact = false): Decimal | undefined | null {
    const reading = this.read(input);
    switch (reading.kind) {
      case 'blank':
        return null;
      case 'included':
        this.add('AMOUNT_INCLUDED', { ...place, actual: reading.text });
        return ZERO;
      case 'pending':
        this.add('AMOUNT_PENDING', { ...place, actual: reading.text });
        return undefined;
      case 'invalid':
        this.add('AMOUNT_UNPARSEABLE', { ...place, actual: reading.text });
        return undefined;
      case 'amount': {
        const value = exact ? reading.value : halfUp(reading.value);
        if (value.isNegative() && !value.isZero()) {
          this.add(
            'AMOUNT_NEGATIVE',
            { ...place, actual: formatAmount(value) },
            { actualText: this.euro(value) },
          );
        }
        return value;
      }
    }
  }
}

type AmountInput = Parameters<typeof readAmount>[0];

interface LineResult {
  source: SourceLine;
  computed: Decimal | undefined;
  stated: Decimal | undefined;
  /** The stated total is pending or unparseable: sums of stated totals are then incomplete. */
  statedUnknown: boolean;
  vatRate: Decimal | undefined;
}

/** a + b, skipping the work for a blank or zero b (most VAT and travel cells). */
function addNonZero(a: Decimal, b: Decimal | null): Decimal {
  return b === null || b.isZero() ? a : a.plus(b);
}

function placeOf(source: SourceLine, field: BudgetField): FindingPlace {
  const ref = source.refs[field];
  return ref === undefined ? { row: source.row, field } : { row: source.row, field, ref };
}

function rateList(request: BudgetRequest): Decimal[] {
  const rates = request.vatRates ?? (request.locale === 'nl-BE' ? 'BE' : 'NL');
  const list: readonly (string | number)[] = typeof rates === 'string' ? VAT_RATE_SETS[rates] : rates;
  return list.map((rate) => readRate(rate) ?? ZERO);
}

/** Reads the units of a line: blank is 1 (`UNITS_ASSUMED`), anything not > 0 is `UNITS_INVALID`. */
function readUnits(check: Check, source: SourceLine): Decimal | undefined {
  const input = source.line.units;
  const place = placeOf(source, 'units');
  const reading = check.read(input);
  if (reading.kind === 'blank') {
    check.add('UNITS_ASSUMED', place);
    return new Dec(1);
  }
  if (reading.kind === 'pending') {
    check.add('AMOUNT_PENDING', { ...place, actual: reading.text });
    return undefined;
  }
  if (reading.kind !== 'amount' || reading.value.lte(0)) {
    check.add('UNITS_INVALID', { ...place, actual: String(input) });
    return undefined;
  }
  return reading.value;
}

/**
 * The VAT rate a line states, if any. A grid cell may say `21%`, `0,21` or 21 (a whole number up
 * to 100 is a percentage there) or hold a placeholder (`-`, `n.v.t.`: no rate).
 */
function readLineRate(check: Check, source: SourceLine): Decimal | undefined {
  const input = source.line.vatRate;
  if (input === null || input === undefined) return undefined;
  const rate = readRate(input);
  if (rate?.lte(1)) return rate;
  if (rate?.lte(100)) return rate.dividedBy(100);
  if (
    rate === undefined &&
    check.read(typeof input === 'number' ? String(input) : input).kind !== 'invalid'
  ) {
    return undefined;
  }
  check.add('AMOUNT_UNPARSEABLE', { ...placeOf(source, 'vatRate'), actual: String(input) });
  return undefined;
}

function checkLine(check: Check, source: SourceLine, rates: Decimal[], basis: 'unit' | 'line'): LineResult {
  const { line } = source;
  const unitCost = check.money(line.unitCost, placeOf(source, 'unitCost'), true);
  const statedVat = check.money(line.vat, placeOf(source, 'vat'));
  const travel = check.money(line.travel, placeOf(source, 'travel'), true);
  const stated = check.money(line.total, placeOf(source, 'total'));
  const units = readUnits(check, source);
  const givenRate = readLineRate(check, source);
  const base =
    unitCost === undefined || units === undefined
      ? undefined
      : basis === 'unit'
        ? (unitCost ?? ZERO)
        : (unitCost ?? ZERO).times(units);
  let vat = statedVat;
  let vatRate = givenRate;
  if (base !== undefined && givenRate !== undefined) {
    const computedVat = halfUp(base.times(givenRate));
    // A blank VAT is computed per unit, as the contract says, on either basis.
    if (statedVat === null)
      vat = basis === 'unit' ? computedVat : halfUp((unitCost ?? ZERO).times(givenRate)).times(units ?? 1);
    else if (statedVat !== undefined && check.differs(statedVat, computedVat)) {
      check.add(
        'VAT_MISMATCH',
        { ...placeOf(source, 'vat'), expected: formatAmount(computedVat), actual: formatAmount(statedVat) },
        {
          statedText: check.euro(statedVat),
          computedText: check.euro(computedVat),
          baseText: check.euro(base),
          rateText: check.percent(givenRate),
        },
      );
    }
  } else if (base !== undefined && statedVat) {
    // Zero VAT is at a zero rate when the set has one, whatever the base.
    const zeroRate = statedVat.isZero() ? rates.find((rate) => rate.isZero()) : undefined;
    vatRate = zeroRate ?? rates.find((rate) => !check.differs(statedVat, halfUp(base.times(rate))));
    if (vatRate === undefined || (base.isZero() && !statedVat.isZero())) {
      vatRate = undefined;
      check.add(
        'VAT_RATE_UNKNOWN',
        { ...placeOf(source, 'vat'), actual: formatAmount(statedVat) },
        {
          statedText: check.euro(statedVat),
          baseText: check.euro(base),
          rates: rates.map((r) => check.percent(r)).join(', '),
          impliedText: base.isZero() ? '—' : check.percent(statedVat.dividedBy(base)),
        },
      );
    }
    if (base.isZero()) vatRate = undefined;
  }
  let computed: Decimal | undefined;
  if (unitCost === null && stated) {
    computed = stated; // A lump sum: no unit cost, only a total.
  } else if (unitCost !== undefined && vat !== undefined && travel !== undefined && units !== undefined) {
    const cost = unitCost ?? ZERO;
    const perLine =
      basis === 'unit' ? addNonZero(cost, vat).times(units) : addNonZero(cost.times(units), vat);
    computed = halfUp(addNonZero(perLine, travel));
  }
  if (computed && stated && check.differs(stated, computed)) {
    check.add(
      'LINE_TOTAL_MISMATCH',
      { ...placeOf(source, 'total'), expected: formatAmount(computed), actual: formatAmount(stated) },
      { statedText: check.euro(stated), computedText: check.euro(computed) },
    );
  }
  return { source, computed, stated: stated ?? undefined, statedUnknown: stated === undefined, vatRate };
}

function checkDuplicates(check: Check, lines: SourceLine[]): void {
  const seen = new Map<string, SourceLine>();
  // Providers repeat down a budget: each is folded once.
  const providerKeys = new Map<string, string>();
  for (const source of lines) {
    const item = nameKey(source.line.item ?? '');
    if (item === '') continue;
    const provider = source.line.provider ?? '';
    let providerKey = providerKeys.get(provider);
    if (providerKey === undefined) {
      providerKey = nameKey(provider);
      providerKeys.set(provider, providerKey);
    }
    const key = `${item}\u0000${providerKey}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, source);
      continue;
    }
    check.add(
      'DUPLICATE_LINE',
      { ...placeOf(source, 'item'), actual: source.line.item ?? '' },
      { provider: source.line.provider ?? '', firstRow: first.refs.item ?? first.row },
    );
  }
}

/** Matches line items to the programme's items after normalizing; a similar name is no match. */
function checkProgramme(check: Check, lines: SourceLine[], programmeItems: string[]): void {
  const byName = new Map<string, string>();
  for (const item of programmeItems) {
    const name = nameKey(item);
    if (name !== '' && !byName.has(name)) byName.set(name, item);
  }
  const names = [...byName.keys()];
  const budgeted = new Set<string>();
  const nearestOf = new Map<string, string | undefined>();
  for (const source of lines) {
    const item = source.line.item ?? '';
    const name = nameKey(item);
    if (name === '') continue;
    if (byName.has(name)) {
      budgeted.add(name);
      continue;
    }
    if (!nearestOf.has(name)) nearestOf.set(name, nearest(name.slice(0, 200), names));
    const hint = nearestOf.get(name);
    const place: FindingPlace = { ...placeOf(source, 'item'), actual: item };
    if (hint !== undefined) place.expected = byName.get(hint);
    check.add('ITEM_NOT_IN_PROGRAMME', place);
  }
  for (const [name, item] of byName) {
    if (!budgeted.has(name))
      check.add('PROGRAMME_ITEM_NOT_BUDGETED', { field: 'programmeItems', expected: item });
  }
}

function checkLimits(request: BudgetRequest): void {
  const rows = request.lines?.length ?? request.grid?.values.length ?? 0;
  if (rows > BUDGET_LIMITS.lines) {
    throw new WorkLimitError(request.lines ? 'lines' : 'grid.values', {
      nl: `Meer dan ${BUDGET_LIMITS.lines} regels (${rows})`,
      en: `More than ${BUDGET_LIMITS.lines} lines (${rows})`,
    });
  }
  const widest = request.grid?.values.reduce((w, row) => Math.max(w, row.length), 0) ?? 0;
  if (widest > BUDGET_LIMITS.gridColumns) {
    throw new WorkLimitError('grid.values', {
      nl: `Meer dan ${BUDGET_LIMITS.gridColumns} kolommen (${widest})`,
      en: `More than ${BUDGET_LIMITS.gridColumns} columns (${widest})`,
    });
  }
  const items = request.programmeItems?.length ?? 0;
  if (items > BUDGET_LIMITS.programmeItems || items * rows > BUDGET_LIMITS.nameComparisons) {
    throw new WorkLimitError('programmeItems', {
      nl: `Te veel programmaonderdelen (${items}) voor ${rows} regels`,
      en: `Too many programme items (${items}) for ${rows} lines`,
    });
  }
}

/** Validates a programme budget: line arithmetic, VAT, summary rows, ceiling and programme. */
export function validateBudget(request: BudgetRequest): BudgetResponse {
  checkLimits(request);
  const lang = languageOf(request);
  const tolerance = halfUp(toleranceOf(request) ?? ZERO);
  const check = new Check(lang, request.locale, tolerance);
  const source: BudgetSource = request.grid
    ? sourceFromGrid(request.grid, lang)
    : sourceFromLines({ ...request, lines: request.lines ?? [] });
  check.findings.push(...source.findings);
  if (request.grid && source.lines.length === 0 && source.findings.length === 0) {
    check.add('NO_LINES', source.header ? { ref: source.header.ref } : {});
  }
  const rates = rateList(request);
  const results = source.lines.map((line) => checkLine(check, line, rates, request.vatBasis));
  checkDuplicates(check, source.lines);
  if (request.programmeItems?.length) checkProgramme(check, source.lines, request.programmeItems);

  const stated = statedSummary(check, source);
  const summaryPlace = (kind: SummaryKind) => placeOfSummary(source, kind);
  const statedLineSum = results.reduce((sum, r) => sum.plus(r.stated ?? r.computed ?? ZERO), ZERO);
  // A pending line total leaves the sum of stated totals unknown: nothing to compare then.
  const statedSumKnown = results.every((r) => !r.statedUnknown);
  if (stated.subtotal && statedSumKnown && check.differs(stated.subtotal, statedLineSum)) {
    check.add(
      'SUBTOTAL_MISMATCH',
      {
        ...summaryPlace('subtotal'),
        expected: formatAmount(statedLineSum),
        actual: formatAmount(stated.subtotal),
      },
      { statedText: check.euro(stated.subtotal), computedText: check.euro(statedLineSum) },
    );
  }
  const statedBase = stated.subtotal ?? statedLineSum;
  const givenRate =
    request.contingencyRate !== null && request.contingencyRate !== undefined
      ? readRate(request.contingencyRate)
      : source.gridContingencyRate;
  let rate = givenRate;
  if (stated.contingency) {
    if (givenRate) {
      const expected = halfUp(givenRate.times(statedBase));
      if (check.differs(stated.contingency, expected)) {
        check.add(
          'CONTINGENCY_MISMATCH',
          {
            ...summaryPlace('contingency'),
            expected: formatAmount(expected),
            actual: formatAmount(stated.contingency),
          },
          {
            statedText: check.euro(stated.contingency),
            computedText: check.euro(expected),
            rateText: check.percent(givenRate),
            baseText: check.euro(statedBase),
          },
        );
      }
    } else if (!statedBase.isZero()) {
      // Recomputed with the exact ratio; reported rounded to four decimals.
      rate = stated.contingency.dividedBy(statedBase);
      check.add(
        'CONTINGENCY_RATE',
        { ...summaryPlace('contingency'), actual: formatRate(rate) },
        {
          statedText: check.euro(stated.contingency),
          rateText: check.percent(rate),
          baseText: check.euro(statedBase),
        },
      );
    }
  }
  // Totals: subtotal + contingency (a "Totaal excl. BTW" row states it), + a VAT row when there is one.
  const checkTotal = (kind: 'totalExclVat' | 'total', expected: Decimal) => {
    const value = stated[kind];
    if (value && check.differs(value, expected)) {
      check.add(
        'TOTAL_MISMATCH',
        { ...summaryPlace(kind), expected: formatAmount(expected), actual: formatAmount(value) },
        { statedText: check.euro(value), computedText: check.euro(expected) },
      );
    }
  };
  const exclVat = statedBase.plus(
    stated.contingency ?? (givenRate ? halfUp(givenRate.times(statedBase)) : ZERO),
  );
  checkTotal('totalExclVat', exclVat);
  const vatBase = stated.totalExclVat ?? exclVat;
  if (stated.vat && source.gridVatRate) {
    const expected = halfUp(source.gridVatRate.times(vatBase));
    if (check.differs(stated.vat, expected)) {
      check.add(
        'VAT_MISMATCH',
        { ...summaryPlace('vat'), expected: formatAmount(expected), actual: formatAmount(stated.vat) },
        {
          statedText: check.euro(stated.vat),
          computedText: check.euro(expected),
          baseText: check.euro(vatBase),
          rateText: check.percent(source.gridVatRate),
        },
      );
    }
  }
  checkTotal('total', vatBase.plus(stated.vat ?? ZERO));
  const subtotal = results.reduce((sum, r) => sum.plus(r.computed ?? r.stated ?? ZERO), ZERO);
  const contingency = rate ? halfUp(rate.times(subtotal)) : ZERO;
  // VAT on the whole is recomputed at the VAT row's rate, or the rate it implies.
  const summaryVatRate =
    source.gridVatRate ?? (stated.vat && !vatBase.isZero() ? stated.vat.dividedBy(vatBase) : undefined);
  const vat =
    stated.vat && summaryVatRate ? halfUp(summaryVatRate.times(subtotal.plus(contingency))) : undefined;
  const total = subtotal.plus(contingency).plus(vat ?? ZERO);
  const ceiling = request.ceiling === undefined ? null : check.money(request.ceiling, { field: 'ceiling' });
  if (ceiling && total.gt(ceiling)) {
    check.add(
      'CEILING_EXCEEDED',
      { field: 'ceiling', expected: formatAmount(ceiling), actual: formatAmount(total) },
      { computedText: check.euro(total), ceilingText: check.euro(ceiling) },
    );
  }
  const { participants } = request;
  return {
    valid: !hasErrors(check.findings),
    findings: byRow(check.findings),
    lines: results.map((r) => ({
      row: r.source.row,
      ...(r.source.refs.total && { ref: r.source.refs.total }),
      item: r.source.line.item ?? null,
      computedTotal: r.computed ? formatAmount(r.computed) : null,
      statedTotal: r.stated ? formatAmount(r.stated) : null,
      vatRate: r.vatRate ? formatRate(r.vatRate) : null,
    })),
    totals: {
      stated: {
        subtotal: stated.subtotal ? formatAmount(stated.subtotal) : null,
        contingency: stated.contingency ? formatAmount(stated.contingency) : null,
        total: stated.total ? formatAmount(stated.total) : null,
        ...(stated.vat && { vat: formatAmount(stated.vat) }),
      },
      recomputed: {
        subtotal: formatAmount(subtotal),
        contingency: formatAmount(contingency),
        total: formatAmount(total),
        ...(vat && { vat: formatAmount(vat) }),
      },
      contingencyRate: rate ? formatRate(rate) : null,
      complete: results.every((r) => r.computed !== undefined && !r.statedUnknown),
    },
    perParticipant: participants
      ? {
          min: formatAmount(total.dividedBy(participants.max)),
          max: formatAmount(total.dividedBy(participants.min)),
        }
      : null,
    ...(source.mapping && { mapping: source.mapping }),
    ...(source.header && { header: source.header }),
  };
}

function placeOfSummary(source: BudgetSource, kind: SummaryKind): FindingPlace {
  const summary = source.stated[kind];
  const place: FindingPlace = { field: `stated.${kind}` };
  if (summary?.row !== undefined) place.row = summary.row;
  if (summary?.ref !== undefined) place.ref = summary.ref;
  return place;
}

/** Reads the stated subtotal, contingency and total, reporting those that are not amounts. */
function statedSummary(check: Check, source: BudgetSource): Partial<Record<SummaryKind, Decimal>> {
  const out: Partial<Record<SummaryKind, Decimal>> = {};
  for (const kind of ['subtotal', 'contingency', 'totalExclVat', 'vat', 'total'] as const) {
    const summary = source.stated[kind];
    if (!summary) continue;
    const value = check.money(summary.value, placeOfSummary(source, kind));
    if (value) out[kind] = value;
  }
  return out;
}
