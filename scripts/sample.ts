/**
 * `npm run sample`: writes `samples/programme-desk-demo.xlsx`, a workbook with real-looking
 * data from the fixtures (`test/fixtures/`, copies of `../shared/fixtures/`): the pilot budget
 * (one line off by € 1.875,00), its programme items, the coaching programme table, the meeting
 * series of a learning network and a steering group, and a progress sheet of 45 directorates for
 * 2023 and 2024 with ticks, codes and free text. Deterministic: the same cells every run.
 *
 *   npm run sample                # samples/programme-desk-demo.xlsx
 *   npx tsx scripts/sample.ts out.xlsx
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SAMPLE_PATH = join(ROOT, 'samples', 'programme-desk-demo.xlsx');

type Cell = string | number | boolean | null;

interface Fixtures {
  budget: { values: Cell[][] };
  interventions: { items: { nr: number; item: string; goal: string }[] };
  schedules: {
    learningNetworkMeetings: { rrule: string; attendanceMinimum: number; of: number; source: string };
    steeringGroupSessions: { year: number; texts: string[] };
    coachingProgramme: { values: Cell[][] };
  };
  bottlenecks: { categories: { id: string; nl: string; en: string }[]; someUnits: string[]; units: number };
}

async function fixture<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as T;
}

export async function loadFixtures(): Promise<Fixtures> {
  const [budget, interventions, schedules, bottlenecks] = await Promise.all([
    fixture<Fixtures['budget']>('pilot-budget.grid.json'),
    fixture<Fixtures['interventions']>('pilot-interventions.json'),
    fixture<Fixtures['schedules']>('schedules.json'),
    fixture<Fixtures['bottlenecks']>('bottlenecks.json'),
  ]);
  return { budget, interventions, schedules, bottlenecks };
}

/** A small deterministic generator (mulberry32), so the sample is the same file every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The 45 directorates of the progress sheet: the fixture's own names, then more of the same kind. */
const MORE_UNITS = [
  'Stadsdeel Centrum',
  'Stadsdeel West',
  'Stadsdeel Zuid',
  'Stadsdeel Oost',
  'Stadsdeel Nieuw-West',
  'Stadsdeel Zuidoost',
  'Stadsdeel Weesp',
  'Onderwijs, Jeugd en Zorg',
  'Werk, Participatie en Inkomen',
  'Sport en Bos',
  'Kunst en Cultuur',
  'Ruimte en Duurzaamheid',
  'Verkeer en Openbare Ruimte',
  'Grond en Ontwikkeling',
  'Economische Zaken',
  'Gemeentelijk Vastgoed',
  'Openbare Orde en Veiligheid',
  'Juridische Zaken',
  'Communicatie',
  'Personeel en Organisatie',
  'Informatievoorziening',
  'Belastingen',
  'Basisinformatie',
  'Dienstverlening',
  'Parkeren',
  'Stadswerken',
  'Waternet',
  'Metro en Tram',
  'Erfgoed en Archief',
  'Sociaal Domein Beleid',
  'Programma Armoede',
  'Gezondheid (GGD)',
  'Bouwen en Wonen',
  'Klantcontact',
  'Audit en Advies',
  'Concernstaf',
  'Inkoop en Contractmanagement',
];

const GROUPS = ['Ruimte en Economie', 'Sociaal', 'Bedrijfsvoering', 'Dienstverlening', 'Stadsdelen'];

function groupOf(unit: string): string {
  if (unit.startsWith('Stadsdeel')) return 'Stadsdelen';
  if (
    /Financien|Inkoop|Facilitair|Personeel|Informatie|Digitalisering|Audit|Concernstaf|Juridische|Communicatie|Bestuur/.test(
      unit,
    )
  ) {
    return 'Bedrijfsvoering';
  }
  if (/Onderwijs|Werk|Sport|Zorg|Sociaal|Armoede|Gezondheid|Kunst|JZD/.test(unit)) return 'Sociaal';
  if (/Klantcontact|Dienstverlening|Belastingen|Basisinformatie|Parkeren/.test(unit))
    return 'Dienstverlening';
  return GROUPS[0] ?? 'Ruimte en Economie';
}

/** Free text as directorates write it in their progress reports, per bottleneck. */
const TEXTS: Record<string, string[]> = {
  K1: ['Geen lange termijn visie; vooral losse acties', 'Aanpak is nog ad hoc en versnipperd'],
  K2: ['MT toont weinig eigenaarschap', 'Voorbeeldgedrag van het management ontbreekt'],
  K3: ['Geen monitoring van resultaten', 'Er wordt niet gestuurd op voortgang'],
  K4: ['Te weinig uren voor de trekker; geen begroting', 'Werkgroep functioneert slecht'],
  K5: ['Trekkers worden overvraagd', 'De trekker doet alles alleen en raakt overbelast'],
  K6: ['Weerstand in de teams, inclusiemoeheid', 'Weinig draagvlak op de werkvloer'],
  K7: ['Te weinig aandacht voor doorstroom', 'Doorgroei van medewerkers blijft achter'],
  K8: ['Hoge werkdruk en te veel prioriteiten', 'Reorganisatie vraagt alle aandacht'],
};

/** The progress sheet: 45 units × 2023 and 2024; ticks, codes or text per unit; two units miss 2024. */
export function progressRows(fixtures: Fixtures): Cell[][] {
  const ids = fixtures.bottlenecks.categories.map((c) => c.id);
  const units = [...fixtures.bottlenecks.someUnits, ...MORE_UNITS].slice(0, fixtures.bottlenecks.units);
  const next = random(2024);
  const header: Cell[] = ['Directie', 'Cluster', 'Jaar', ...ids, 'Knelpunten', 'Toelichting'];
  const rows: Cell[][] = [header];
  for (const year of [2023, 2024]) {
    units.forEach((unit, index) => {
      if (year === 2024 && (unit === 'Directie Wonen' || unit === 'Parkeren')) return; // not reported
      // How likely each bottleneck is: K4 and K8 most, K7 least; a little more K4 in 2024.
      const weights: Record<string, number> = {
        K1: 0.3,
        K2: 0.35,
        K3: 0.3,
        K4: year === 2024 ? 0.55 : 0.45,
        K5: 0.25,
        K6: 0.22,
        K7: 0.12,
        K8: 0.4,
      };
      const chosen = ids.filter((id) => next() < (weights[id] ?? 0.2));
      const style = index % 3; // 0: ticks, 1: codes, 2: free text
      const ticks = ids.map((id) =>
        style === 0 && chosen.includes(id) ? (index % 2 === 0 ? 'x' : '✓') : '',
      );
      const codes = style === 1 ? chosen.join(', ') : '';
      let text = '';
      if (style === 2) {
        text = chosen.map((id) => TEXTS[id]?.[(index + year) % 2] ?? '').join('; ');
        if (chosen.length === 0) text = 'Nieuwe directeur sinds september; plan wordt herschreven';
      }
      rows.push([unit, groupOf(unit), year, ...ticks, codes, text]);
    });
  }
  return rows;
}

function put(
  sheet: ExcelJS.Worksheet,
  row: number,
  column: number,
  rows: readonly (readonly Cell[])[],
): void {
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value === '' || value === null) return;
      sheet.getCell(row + r, column + c).value = value;
    });
  });
}

function bold(sheet: ExcelJS.Worksheet, row: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) sheet.getCell(row, c).font = { bold: true };
}

function widths(sheet: ExcelJS.Worksheet, list: number[]): void {
  list.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}

/** The demo workbook, built in memory. */
export function buildSample(fixtures: Fixtures): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Programme Desk';
  // Fixed dates, so that the workbook's properties do not change from run to run.
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = new Date(Date.UTC(2025, 0, 1));

  const readme = workbook.addWorksheet('Lees mij');
  put(readme, 1, 1, [
    ['Programme Desk — voorbeeldwerkmap / demo workbook'],
    [''],
    ['Blad / sheet', 'Wat te doen (NL)', 'What to do (EN)'],
    [
      'Begroting',
      'Selecteer een cel in de tabel en kies Begroting controleren. Regel 5 (Selfcare) telt niet op: € 1.875,00 te weinig. Programmaonderdelen: Interventies!B4:B9.',
      'Select a cell in the table and choose Check budget. Line 5 (Selfcare) does not add up: € 1,875.00 short. Programme items: Interventies!B4:B9.',
    ],
    [
      'Programma',
      'Selecteer de tabel Stappen | Uitleg | Datum en kies Agenda maken: datums en periodes ("Sept. - oktober 2020") worden agenda-items.',
      'Select the Stappen | Uitleg | Datum table and choose Make calendar: dates and periods become calendar entries.',
    ],
    [
      'Bijeenkomsten',
      'De reeks van het leernetwerk (RRULE in B4) en de sessies van de stuurgroep (tabel vanaf A8, datums zonder jaar: kies jaar 2024) voor Agenda maken.',
      'The learning network series (RRULE in B4) and the steering group sessions (table from A8, dates without a year: choose 2024) for Make calendar.',
    ],
    [
      'Voortgang',
      'Selecteer een cel in de tabel en kies Voortgang tellen: knelpunten per jaar en cluster, trend, wie niet rapporteerde.',
      'Select a cell in the table and choose Tally progress: bottlenecks per year and cluster, trend, who did not report.',
    ],
    [''],
    [
      'Zonder Excel / without Excel:',
      'npx programme-desk check samples/programme-desk-demo.xlsx --year 2024 --out out/',
    ],
  ]);
  readme.getCell('A1').font = { bold: true, size: 14 };
  bold(readme, 3, 1, 3);
  widths(readme, [16, 90, 90]);
  for (let r = 4; r <= 7; r++) readme.getRow(r).alignment = { wrapText: true, vertical: 'top' };

  // The budget as it was pasted from the proposal: text amounts, starting at B3 under a title.
  const budget = workbook.addWorksheet('Begroting');
  budget.getCell('B1').value =
    'Voorstel Pilot Leergang voor trekkers Inclusie en Diversiteit — begroting (augustus 2024)';
  budget.getCell('B1').font = { bold: true };
  put(budget, 3, 2, fixtures.budget.values);
  bold(budget, 3, 2, 9);
  widths(budget, [3, 5, 36, 24, 14, 11, 18, 15, 14]);

  const items = workbook.addWorksheet('Interventies');
  items.getCell('A1').value = 'Interventies van de pilot (programmaonderdelen)';
  items.getCell('A1').font = { bold: true };
  put(items, 3, 1, [
    ['nr', 'Interventie', 'Doel'],
    ...fixtures.interventions.items.map((i) => [i.nr, i.item, i.goal]),
  ]);
  bold(items, 3, 1, 3);
  widths(items, [5, 36, 100]);

  const programme = workbook.addWorksheet('Programma');
  put(programme, 1, 1, fixtures.schedules.coachingProgramme.values);
  bold(programme, 1, 1, 3);
  widths(programme, [60, 80, 22]);
  programme.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });

  const meetings = workbook.addWorksheet('Bijeenkomsten');
  const network = fixtures.schedules.learningNetworkMeetings;
  const sessions = fixtures.schedules.steeringGroupSessions;
  put(meetings, 1, 1, [
    ['Leernetwerk diversiteit en inclusie: aanjagersbijeenkomsten'],
    [''],
    ['Ritme', 'de 11e van elke even maand, 16:30 - 18:30, Utrecht'],
    ['RRULE', network.rrule],
    ['Minimum', `${network.attendanceMinimum} van de ${network.of} bijeenkomsten`],
    [''],
    [`Leersessies stuurgroep D&I ${sessions.year}`],
    ['Sessie', 'Datum en tijd', 'Locatie'],
    ...sessions.texts.map((text, i) => [`Sessie ${i + 1}`, text, 'Stadhuis']),
  ]);
  meetings.getCell('A1').font = { bold: true };
  meetings.getCell('A7').font = { bold: true };
  bold(meetings, 8, 1, 3);
  widths(meetings, [14, 52, 14]);

  const progress = workbook.addWorksheet('Voortgang');
  const rows = progressRows(fixtures);
  put(progress, 1, 1, rows);
  bold(progress, 1, 1, (rows[0] ?? []).length);
  progress.views = [{ state: 'frozen', ySplit: 1 }];
  widths(progress, [30, 20, 7, 5, 5, 5, 5, 5, 5, 5, 5, 14, 70]);
  const legend = workbook.addWorksheet('Knelpunten');
  put(legend, 1, 1, [
    ['Code', 'Knelpunt', 'Bottleneck'],
    ...fixtures.bottlenecks.categories.map((c) => [c.id, c.nl, c.en]),
  ]);
  bold(legend, 1, 1, 3);
  widths(legend, [6, 100, 90]);
  return workbook;
}

export async function writeSample(path = SAMPLE_PATH): Promise<string> {
  const workbook = buildSample(await loadFixtures());
  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = await writeSample(process.argv[2] ? resolve(process.argv[2]) : SAMPLE_PATH);
  console.log(`Wrote ${path}`);
}
