import { byRow, type Finding, type FindingPlace } from '../findings.js';
import { type Lang, languageOf } from '../locale.js';
import { Decimal, halfUp } from '../money/decimal.js';
import { nearest, normalizeName } from '../text/normalize.js';
import { type CategoryTerms, type Classification, Classifier } from './classify.js';
import { DEFAULT_CATEGORIES, type Nature, type TermSpec } from './lexicon.js';
import { checkTallyLimits } from './limits.js';
import { type TallyCode, tallyFinding } from './messages.js';
import type { Category, Report, TallyRequest, TallyResponse } from './schema.js';
import { type SourceReport, sourceFromGrid, sourceFromReports, type TallySource } from './source.js';

type Params = Record<string, string | number | undefined>;

/** A category as the tally uses it: its id, its label in both languages, its phrases. */
export interface ResolvedCategory {
  id: string;
  label: { nl: string; en: string };
  terms: readonly TermSpec[];
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
const naturalOrder = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** A unit's name folded for comparison: case, accents, punctuation and `en`/`&` ignored. */
export function unitKey(name: string): string {
  return normalizeName(name)
    .split(' ')
    .filter((word) => word !== 'en' && word !== 'and')
    .join(' ');
}

/** A group's name folded for comparison (the map key carries a NUL so it never meets a unit's). */
const groupKey = (name: string) => normalizeName(name.slice(1));

const DEFAULT_NATURE = new Map<string, Nature>();
for (const category of DEFAULT_CATEGORIES) {
  for (const term of category.terms) DEFAULT_NATURE.set(term.phrase.replace(/\*/g, ''), term.nature);
}
const CUE_WORDS = new Set([
  'geen',
  'niet',
  'gebrek',
  'tekort',
  'weinig',
  'onvoldoende',
  'ontbreekt',
  'no',
  'lack',
]);

/**
 * The phrases of a request's keyword: words of 5 letters or more also match longer forms
 * (`begroting` → `begrotingen`); shorter ones their plural (`uur` → `uren` only when given).
 * A keyword that names the problem itself ("te weinig uren", "weerstand") is a problem phrase.
 */
function keywordTerm(keyword: string): TermSpec | null {
  const words = normalizeName(keyword).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const plain = words.join(' ');
  const nature: Nature =
    DEFAULT_NATURE.get(plain) ?? (words.some((word) => CUE_WORDS.has(word)) ? 'problem' : 'topic');
  const phrase = words.map((word) => (word.length >= 5 ? `${word}*` : word)).join(' ');
  return { phrase, nature };
}

/** The request's categories, or the eight defaults; a default id without keywords keeps its phrases. */
export function resolveCategories(categories: readonly Category[] | undefined): ResolvedCategory[] {
  if (!categories)
    return DEFAULT_CATEGORIES.map((c) => ({ id: c.id, label: { nl: c.nl, en: c.en }, terms: c.terms }));
  return categories.map((category) => {
    const id = category.id.trim();
    const fallback = DEFAULT_CATEGORIES.find((c) => c.id.toUpperCase() === id.toUpperCase());
    const given = category.label;
    const label =
      given === undefined
        ? fallback
          ? { nl: fallback.nl, en: fallback.en }
          : { nl: id, en: id }
        : typeof given === 'string'
          ? { nl: given, en: given }
          : { nl: given.nl, en: given.en ?? given.nl };
    let terms: TermSpec[];
    if (category.keywords) {
      terms = category.keywords.map(keywordTerm).filter((term): term is TermSpec => term !== null);
    } else if (fallback) terms = [...fallback.terms];
    else {
      const fromLabel = keywordTerm(label.nl);
      terms = fromLabel ? [fromLabel] : [];
    }
    return { id, label, terms };
  });
}

let defaultClassifier: Classifier | undefined;

function classifierFor(categories: readonly ResolvedCategory[], isDefault: boolean): Classifier {
  const terms: CategoryTerms[] = categories.map((c) => ({ id: c.id, terms: c.terms }));
  if (!isDefault) return new Classifier(terms);
  defaultClassifier ??= new Classifier(terms);
  return defaultClassifier;
}

/** The categories of a codes cell or list: known ids (or labels), unknown codes, or prose. */
export interface CodeReading {
  ids: string[];
  unknown: string[];
  /** A codes cell that holds a sentence rather than codes: it is classified as text. */
  prose: string | null;
}

const NONE_CODES = new Set(['', 'geen', 'nvt', 'n v t', 'none', 'nee', 'na', 'n a', 'nihil']);
const CODE_LIKE = /^\p{L}{0,4}\s?\d{1,3}\p{L}?$/u;

/** Looks a code up by id (any case, spaces ignored) or by a category label. */
export type CodeIndex = (piece: string) => string | undefined;

export function codeIndex(categories: readonly ResolvedCategory[]): CodeIndex {
  const byKey = new Map<string, string>();
  for (const category of categories) {
    byKey.set(category.id.toUpperCase().replace(/\s+/g, ''), category.id);
    for (const label of [category.label.nl, category.label.en])
      byKey.set(`#${normalizeName(label)}`, category.id);
  }
  return (piece) =>
    byKey.get(piece.toUpperCase().replace(/\s+/g, '')) ??
    (piece.length <= 1_000 ? byKey.get(`#${normalizeName(piece)}`) : undefined);
}

export function readCodes(codes: Report['codes'], lookup: CodeIndex): CodeReading {
  const reading: CodeReading = { ids: [], unknown: [], prose: null };
  if (codes === null || codes === undefined) return reading;
  const add = (id: string) => {
    if (!reading.ids.includes(id)) reading.ids.push(id);
  };
  const pieces =
    typeof codes === 'string'
      ? codes.split(/[,;|/+&\n\t]+|\s+(?:en|and)\s+/i)
      : codes.map((code) => String(code));
  for (const raw of pieces) {
    const piece = raw.trim();
    if (NONE_CODES.has(normalizeName(piece)) || /^[-–—.]+$/.test(piece)) continue;
    const id = lookup(piece);
    if (id) {
      add(id);
      continue;
    }
    const words = piece.split(/\s+/);
    const ids = words.map(lookup);
    if (words.length > 1 && ids.every((x) => x !== undefined)) {
      for (const x of ids) add(x!);
      continue;
    }
    reading.unknown.push(piece.length > 200 ? `${piece.slice(0, 200)}…` : piece);
  }
  if (typeof codes === 'string' && reading.ids.length === 0 && reading.unknown.length > 0) {
    const codeLike = reading.unknown.some((piece) => CODE_LIKE.test(piece));
    if (!codeLike && normalizeName(codes).split(' ').length >= 3) {
      return { ids: [], unknown: [], prose: codes };
    }
  }
  return reading;
}

/** One report after reading: the categories it names and where each came from. */
interface ReadReport {
  source: SourceReport;
  key: string;
  categories: Set<string>;
}

interface UnitInPeriod {
  key: string;
  reports: ReadReport[];
  categories: Set<string>;
  group: string | null;
}

class Tally {
  readonly findings: Finding[] = [];
  constructor(readonly lang: Lang) {}
  add(code: TallyCode, place: FindingPlace, params: Params = {}): void {
    this.findings.push(tallyFinding(this.lang, code, place, params));
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** The name a unit (or group) is shown by: the expected spelling, else the first in sort order. */
function displayNames(
  names: Iterable<[string, string]>,
  preferred: Map<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, name] of names) {
    const wanted = preferred.get(key);
    if (wanted !== undefined) out.set(key, wanted);
    else {
      const current = out.get(key);
      if (current === undefined || name < current) out.set(key, name);
    }
  }
  return out;
}

/**
 * Tallies progress reports: per period, how many units name each bottleneck (by code, tick or
 * free text), their share of the units that reported, a dense rank, the split per cluster, the
 * trend between consecutive periods, and the expected units that did not report.
 */
export function tallyProgress(request: TallyRequest): TallyResponse {
  checkTallyLimits(request);
  const lang = languageOf(request);
  const tally = new Tally(lang);
  const categories = resolveCategories(request.categories);
  const classifier = classifierFor(categories, request.categories === undefined);
  const defaultPeriod = request.period === undefined ? '' : String(request.period).trim();
  const source: TallySource = request.grid
    ? sourceFromGrid(
        request.grid,
        categories.map((c) => ({ id: c.id, labels: [c.label.nl, c.label.en] })),
        defaultPeriod,
        lang,
      )
    : sourceFromReports(request.reports ?? [], defaultPeriod);
  tally.findings.push(...source.findings);
  const known = categories.map((c) => c.id).join(', ');
  const lookup = codeIndex(categories);
  const keys = new Map<string, string>();
  const keyOf = (name: string, fold: (name: string) => string) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = fold(name);
      keys.set(name, key);
    }
    return key;
  };

  const unclassified: TallyResponse['unclassified'] = [];
  const classified: TallyResponse['classified'] = [];
  const read: ReadReport[] = [];
  for (const report of source.reports) {
    const key = keyOf(report.unit, unitKey);
    const place = (field: 'unit' | 'codes' | 'text'): FindingPlace => {
      const ref = report.refs[field];
      return ref === undefined ? { row: report.row, field } : { row: report.row, field, ref };
    };
    if (key === '') {
      tally.add('UNIT_MISSING', place('unit'));
      continue;
    }
    const found = new Set<string>(report.marks);
    const codes = readCodes(report.codes, lookup);
    for (const id of codes.ids) found.add(id);
    for (const code of codes.unknown) {
      tally.add('UNKNOWN_CODE', { ...place('codes'), actual: code }, { unit: report.unit, known });
    }
    const texts: { text: string; field: 'codes' | 'text' }[] = [];
    if (codes.prose !== null) texts.push({ text: codes.prose, field: 'codes' });
    if (report.text !== null && report.text.trim() !== '') texts.push({ text: report.text, field: 'text' });
    for (const { text, field } of texts) {
      const result: Classification = classifier.classify(text);
      const ref = report.refs[field];
      if (result.matches.length > 0 || result.negated.length > 0) {
        for (const match of result.matches) found.add(match.id);
        classified.push({
          row: report.row,
          ...(ref !== undefined && { ref }),
          unit: report.unit,
          period: report.period,
          matches: result.matches,
          negated: result.negated,
        });
      } else if (!result.none) {
        unclassified.push({
          row: report.row,
          ...(ref !== undefined && { ref }),
          unit: report.unit,
          period: report.period,
          text,
        });
        tally.add('UNCLASSIFIED_TEXT', place(field), { unit: report.unit, excerpt: excerpt(text) });
      }
    }
    read.push({ source: report, key, categories: found });
  }

  // Names: the expected spelling of a unit wins; otherwise the first spelling in sort order.
  const expected = new Map<string, string>();
  for (const name of request.expectedUnits ?? []) {
    const key = unitKey(name);
    if (key !== '' && !expected.has(key)) expected.set(key, name.trim());
  }
  const unitNames = displayNames(
    read.map((r) => [r.key, r.source.unit] as [string, string]),
    expected,
  );
  const groupNames = displayNames(
    read
      .filter((r) => r.source.group !== null)
      .map((r) => [keyOf(`\u0000${r.source.group!}`, groupKey), r.source.group!]),
    new Map(),
  );

  // Per period, per unit: a unit counts once per category per period.
  const periods = new Map<string, Map<string, UnitInPeriod>>();
  for (const report of [...read].sort((a, b) => a.source.row - b.source.row)) {
    let units = periods.get(report.source.period);
    if (!units) {
      units = new Map();
      periods.set(report.source.period, units);
    }
    const unit = units.get(report.key);
    if (!unit) {
      units.set(report.key, {
        key: report.key,
        reports: [report],
        categories: new Set(report.categories),
        group: report.source.group === null ? null : keyOf(`\u0000${report.source.group}`, groupKey),
      });
      continue;
    }
    const first = unit.reports[0]!.source;
    tally.add(
      'DUPLICATE_REPORT',
      {
        row: report.source.row,
        field: 'unit',
        ...(report.source.refs.unit !== undefined && { ref: report.source.refs.unit }),
        actual: report.source.unit,
      },
      {
        unit: unitNames.get(report.key) ?? report.source.unit,
        period: report.source.period || '—',
        firstRow: first.refs.unit ?? first.row,
      },
    );
    unit.reports.push(report);
    for (const id of report.categories) unit.categories.add(id);
    const group = report.source.group === null ? null : keyOf(`\u0000${report.source.group}`, groupKey);
    if (group !== null && (unit.group === null || group < unit.group)) unit.group = group;
  }

  const periodOrder = [...periods.keys()].sort(naturalOrder);
  const unitOrder = [...unitNames.entries()].sort((a, b) => naturalOrder(a[1], b[1]));
  const rankOfUnit = new Map(unitOrder.map(([key], index) => [key, index]));

  const periodsOut: TallyResponse['periods'] = periodOrder.map((period) => {
    const units = [...periods.get(period)!.values()];
    const reporting = units.length;
    const counts = categories.map((category) => {
      const named = units
        .filter((unit) => unit.categories.has(category.id))
        .sort((a, b) => rankOfUnit.get(a.key)! - rankOfUnit.get(b.key)!)
        .map((unit) => unitNames.get(unit.key)!);
      return { category, units: named };
    });
    counts.sort((a, b) => b.units.length - a.units.length || naturalOrder(a.category.id, b.category.id));
    let rank = 0;
    let previous = -1;
    const tallies = counts.map(({ category, units: named }) => {
      if (named.length !== previous) {
        rank++;
        previous = named.length;
      }
      const share = reporting === 0 ? new Decimal(0) : new Decimal(named.length).dividedBy(reporting);
      return {
        id: category.id,
        label: category.label[lang],
        count: named.length,
        share: halfUp(share, 4).toFixed(4),
        rank,
        units: named,
      };
    });
    const groups = new Map<string | null, UnitInPeriod[]>();
    for (const unit of units) {
      const list = groups.get(unit.group);
      if (list) list.push(unit);
      else groups.set(unit.group, [unit]);
    }
    const byGroup = [...groups.entries()]
      .map(([group, members]) => {
        const groupCounts: Record<string, number> = {};
        for (const category of categories) {
          const count = members.filter((m) => m.categories.has(category.id)).length;
          if (count > 0) groupCounts[category.id] = count;
        }
        return {
          group: group === null ? null : groupNames.get(group)!,
          reporting: members.length,
          counts: groupCounts,
        };
      })
      .sort((a, b) =>
        a.group === null
          ? b.group === null
            ? 0
            : 1
          : b.group === null
            ? -1
            : naturalOrder(a.group, b.group),
      );
    return { period, reporting, tallies, byGroup };
  });

  const trend: TallyResponse['trend'] = [];
  for (let i = 1; i < periodsOut.length; i++) {
    const from = periodsOut[i - 1]!;
    const to = periodsOut[i]!;
    const countOf = (p: typeof from, id: string) => p.tallies.find((t) => t.id === id)?.count ?? 0;
    for (const category of [...categories].sort((a, b) => naturalOrder(a.id, b.id))) {
      trend.push({
        id: category.id,
        from: from.period,
        to: to.period,
        delta: countOf(to, category.id) - countOf(from, category.id),
      });
    }
  }

  // Expected units that did not report, per period; the top-level list is the latest period's.
  const missingByPeriod: Record<string, string[]> = {};
  let missingUnits: string[] = [];
  if (request.expectedUnits) {
    const expectedKeys = [...expected.keys()];
    const list = periodOrder.length > 0 ? periodOrder : [defaultPeriod];
    for (const period of list) {
      const reported = periods.get(period);
      const missing = expectedKeys.filter((key) => !reported?.has(key));
      missingByPeriod[period] = missing.map((key) => expected.get(key)!);
      for (const key of missing) {
        tally.add(
          'MISSING_REPORT',
          { field: 'expectedUnits', actual: expected.get(key)! },
          { period: period || '—' },
        );
      }
    }
    missingUnits = missingByPeriod[list[list.length - 1]!] ?? [];
    const unexpected = [...unitNames.keys()].filter((key) => !expected.has(key));
    const expectedNormal = expectedKeys;
    const hintBudget = 2_000_000;
    const withHints = unexpected.length * expectedNormal.length <= hintBudget;
    for (const key of unexpected.sort((a, b) => naturalOrder(unitNames.get(a)!, unitNames.get(b)!))) {
      const hint =
        withHints && expectedNormal.length > 0 ? nearest(key.slice(0, 200), expectedNormal) : undefined;
      const place: FindingPlace = { field: 'unit', actual: unitNames.get(key)! };
      if (hint !== undefined) place.expected = expected.get(hint);
      const hintText =
        hint === undefined
          ? ''
          : lang === 'nl'
            ? ` (bedoeld: "${expected.get(hint)}"?)`
            : ` (did you mean "${expected.get(hint)}"?)`;
      tally.add('UNEXPECTED_UNIT', place, { hint: hintText });
    }
  }
  if (source.reports.length === 0 && !tally.findings.some((f) => f.code === 'HEADER_NOT_FOUND')) {
    tally.add('NO_REPORTS', {});
  }
  return {
    periods: periodsOut,
    trend,
    unclassified,
    classified,
    missingUnits,
    missingByPeriod,
    findings: byRow(tally.findings),
    ...(source.mapping && { mapping: source.mapping }),
    ...(source.header && { header: source.header }),
  };
}
