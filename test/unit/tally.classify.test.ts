import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../shared/tally/classify.js';
import { DEFAULT_CATEGORIES } from '../../shared/tally/lexicon.js';

interface Labelled {
  text: string;
  expected: string[];
}
const load = (name: string): Labelled[] =>
  JSON.parse(readFileSync(new URL(`../tally/${name}`, import.meta.url), 'utf8')).sentences;

const classifier = new Classifier(DEFAULT_CATEGORIES.map((c) => ({ id: c.id, terms: c.terms })));

/** Precision and recall per category of the classifier on a labelled set. */
function measure(set: Labelled[]) {
  const stats = new Map(DEFAULT_CATEGORIES.map((c) => [c.id, { tp: 0, fp: 0, fn: 0 }]));
  for (const { text, expected } of set) {
    const found = classifier.classify(text).matches.map((m) => m.id);
    for (const [id, s] of stats) {
      if (found.includes(id) && expected.includes(id)) s.tp++;
      else if (found.includes(id)) s.fp++;
      else if (expected.includes(id)) s.fn++;
    }
  }
  return [...stats].map(([id, s]) => ({
    id,
    precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
    recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
    support: s.tp + s.fn,
  }));
}

/** Floors set from the measurement (docs/api-tally.md has the table): a regression below them fails. */
const FLOORS = { precision: 0.9, recall: 0.9 };

/** Micro-averaged precision and recall over all categories. */
function micro(table: ReturnType<typeof measure>, set: Labelled[]) {
  const found = set.reduce((n, { text }) => n + classifier.classify(text).matches.length, 0);
  const hits = table.reduce((sum, row) => sum + row.recall * row.support, 0);
  const support = table.reduce((sum, row) => sum + row.support, 0);
  return { precision: found === 0 ? 1 : hits / found, recall: hits / support };
}

describe('classification set', () => {
  const development = load('labelled.json');
  const heldOut = load('heldout.json');
  const all = [...development, ...heldOut];

  it('has at least 80 labelled sentences', () => {
    expect(development.length).toBeGreaterThanOrEqual(80);
  });

  it('meets the precision and recall floors per category on both sets together', () => {
    const table = measure(all);
    for (const row of table) {
      expect(row.precision, `${row.id} precision`).toBeGreaterThanOrEqual(FLOORS.precision);
      expect(row.recall, `${row.id} recall`).toBeGreaterThanOrEqual(FLOORS.recall);
    }
    expect(micro(table, all).recall).toBeGreaterThanOrEqual(0.97);
  });

  // Written after the last rule change and run once, blind: the honest figure for unseen text.
  // It is kept out of tuning; its floors sit just under what that one run measured (P 1.00, R 0.75).
  it('keeps its precision on a set it was never tuned on, and most of its recall', () => {
    const blind = load('heldout-2.json');
    const { precision, recall } = micro(measure(blind), blind);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.7);
  });
});

describe('negation and contrast', () => {
  const ids = (text: string) => classifier.classify(text).matches.map((m) => m.id);
  it.each([
    ['geen gebrek aan draagvlak', []],
    ['gebrek aan draagvlak', ['K6']],
    ['budget is geen probleem', []],
    ['geen budget', ['K4']],
    ['er is wel voldoende capaciteit', []],
    ['onvoldoende capaciteit', ['K4']],
    ['geen weerstand', []],
    ['veel weerstand', ['K6']],
    ['werkdruk valt mee', []],
    ['werkdruk is niet hoog', []],
    ['Budget is geen probleem, capaciteit wel', ['K4']],
    ['Geen gebrek aan draagvlak, wel aan tijd', ['K4']],
    ['Draagvlak is er wel, tijd niet', ['K4']],
    ['Budget, capaciteit en tijd zijn voldoende', []],
  ])('%s → %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('returns the words that decided, as written', () => {
    expect(classifier.classify('Er zijn te wéinig Uren!').matches).toEqual([
      { id: 'K4', phrase: 'te wéinig Uren', keyword: 'uren' },
    ]);
    expect(classifier.classify('budget is geen probleem').negated).toEqual([
      { id: 'K4', phrase: 'budget is geen probleem', keyword: 'budget' },
    ]);
  });

  it('reads one typing error in longer words', () => {
    expect(ids('budjet ontbreekt')).toEqual(['K4']);
    expect(ids('draagvak is beperkt')).toEqual(['K6']);
  });

  it('says "none" for texts that name no bottleneck', () => {
    for (const text of ['Geen knelpunten', 'n.v.t.', '-', 'nvt'])
      expect(classifier.classify(text).none).toBe(true);
    expect(classifier.classify('Zie bijlage').none).toBe(false);
  });
});
