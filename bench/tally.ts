import { tallyProgress } from '../shared/tally/engine.js';
import { TallyRequestSchema } from '../shared/tally/schema.js';
import { type BenchRow, bestOf } from './support.js';

const REPORTS = 10_000;

const FRAGMENTS = [
  'Te weinig uren voor de trekker, taakstelling is nog niet geformaliseerd',
  'budget is geen probleem maar de werkgroep functioneert slecht',
  'Hoge werkdruk en te veel andere prioriteiten in de organisatie',
  'Weerstand bij een deel van de medewerkers, inclusiemoeheid',
  'MT toont weinig eigenaarschap en geeft niet het goede voorbeeld',
  'Er wordt niet gestuurd op resultaten en niemand wordt aangesproken',
  'Geen lange termijn visie, acties zijn ad hoc',
  'Weinig aandacht voor doorstroom naar hogere functies',
  'Trekkers worden overvraagd en doen dit naast het gewone werk',
  'Er is wel voldoende capaciteit, zie verder de bijlage bij deze rapportage',
];

/** 10,000 reports of 45 units over several years, each with about 200 characters of free text. */
export function bigTally(reports = REPORTS) {
  return {
    locale: 'nl-NL',
    reports: Array.from({ length: reports }, (_, i) => {
      // Fragments picked pseudo-randomly, and a number, so that nearly every text differs.
      let text = `${(i * 37) % 101} uur:`;
      let seed = i + 1;
      while (text.length < 190) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        text += ` ${FRAGMENTS[seed % FRAGMENTS.length]};`;
      }
      return {
        unit: `Directie ${i % 2_000}`,
        group: `Cluster ${i % 9}`,
        period: String(2020 + Math.floor(i / 2_000)),
        codes: i % 5 === 0 ? ['K4'] : [],
        text: text.slice(0, 210),
      };
    }),
  };
}

export async function benchTally(): Promise<BenchRow[]> {
  const body = JSON.stringify(bigTally());
  const parseMs = await bestOf(5, () => JSON.parse(body));
  const request = TallyRequestSchema.parse(JSON.parse(body));
  let counted = 0;
  const engineMs = await bestOf(5, () => {
    counted = tallyProgress(request).periods.reduce((sum, p) => sum + p.reporting, 0);
  });
  const fullMs = await bestOf(5, () => tallyProgress(TallyRequestSchema.parse(JSON.parse(body))));
  const baseline = { baselineMs: parseMs, baselineName: 'JSON.parse of the body' };
  const size = `${(body.length / 1024 / 1024).toFixed(1)} MB body`;
  return [
    {
      name: `tally: ${REPORTS.toLocaleString('en')} reports with ~200-char text (engine)`,
      ms: engineMs,
      ...baseline,
      target: '< 300 ms',
      note: `${counted} units counted; ${size}`,
    },
    { name: 'tally: JSON.parse + schema + engine', ms: fullMs, ...baseline, note: size },
  ];
}
