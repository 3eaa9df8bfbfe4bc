import { type CodeEntry, fillTemplate, findingsFor, type Params } from '../shared/findings.js';
import type { Lang } from '../shared/locale.js';
import type { UnreadableReason } from './workbook.js';

/** Findings the command line adds about reading a workbook (not about a table's content). */
const READ_CODES = {
  FORMULA_NO_VALUE: {
    severity: 'warning',
    nl: 'Formule {formula} heeft geen opgeslagen waarde en is als leeg gelezen; open en bewaar het bestand in Excel om hem te laten berekenen.',
    en: 'Formula {formula} has no stored value and was read as blank; open and save the file in Excel to have it computed.',
  },
} satisfies Record<string, CodeEntry>;

export type ReadCode = keyof typeof READ_CODES;
export const readFinding = findingsFor<ReadCode>(READ_CODES);

/** The one-line reason for a file that cannot be read. */
const REASONS: Record<UnreadableReason, { nl: string; en: string }> = {
  'not-found': { nl: 'bestand niet gevonden', en: 'file not found' },
  'not-a-file': { nl: 'geen bestand (een map?)', en: 'not a file (a folder?)' },
  empty: { nl: 'leeg bestand', en: 'empty file' },
  encrypted: {
    nl: 'met een wachtwoord beveiligd (versleuteld); bewaar in Excel een kopie zonder wachtwoord',
    en: 'protected with a password (encrypted); save a copy without a password in Excel',
  },
  'legacy-xls': {
    nl: 'een oud Excel 97-2003-bestand (.xls); bewaar het in Excel als .xlsx',
    en: 'an old Excel 97-2003 file (.xls); save it as .xlsx in Excel',
  },
  'not-a-workbook': { nl: 'geen Excel-werkmap (.xlsx)', en: 'not an Excel workbook (.xlsx)' },
  corrupt: { nl: 'beschadigd of geen .xlsx', en: 'damaged, or not an .xlsx' },
  'no-sheets': { nl: 'werkmap zonder werkbladen', en: 'workbook without worksheets' },
};

export function reasonText(lang: Lang, reason: UnreadableReason, detail: string): string {
  const text = REASONS[reason][lang];
  return reason === 'corrupt' && detail ? `${text} (${detail})` : text;
}

const TEXTS = {
  nl: {
    usage: `Gebruik: programme-desk check BESTAND.xlsx... [--lang en] [--json] [--out MAP] [--locale nl-NL|nl-BE|en-GB|en-US] [--year JJJJ]

Zoekt in elke werkmap de begrotingstabellen, programmatabellen en voortgangsbladen (aan hun
kopjes) en toont de bevindingen per bestand en tabel, met de cel van elke bevinding.

  --lang en     meldingen in het Engels (standaard Nederlands)
  --json        de antwoorden van de API als JSON (één object voor alle bestanden)
  --out MAP     schrijf per werkmap een kopie met de uitvoerbladen van de invoegtoepassing in MAP
  --locale      hoe bedragen als tekst gelezen worden (standaard nl-NL)
  --year JJJJ   het jaar van datums zonder jaartal in programmatabellen ("Woensdag 10 juli")
  --quiet       alleen fouten en waarschuwingen tonen, geen info

Afsluitcode: 0 als elke tabel in orde is, 1 bij fouten, 2 als een bestand niet te lezen is.
Het invoerbestand wordt nooit gewijzigd.`,
    unknownOption: 'Onbekende optie: {option}',
    missingValue: 'Optie {option} verwacht een waarde',
    badLang: 'Onbekende taal "{value}" (nl of en)',
    badLocale: 'Onbekende locale "{value}" (nl-NL, nl-BE, en-GB of en-US)',
    badYear: 'Geen jaartal: "{value}" (zoals 2024)',
    noFiles: 'Geef één of meer .xlsx-bestanden.',
    unknownCommand: 'Onbekende opdracht "{command}"; bedoelt u "check"?',
    unreadable: 'niet te lezen: {reason}',
    noTables: 'geen begrotingstabel, programmatabel of voortgangsblad gevonden',
    kind_budget: 'begroting',
    kind_programme: 'programma',
    kind_progress: 'voortgang',
    valid: 'in orde',
    validWarnings: 'in orde, {warnings} waarschuwing(en)',
    invalid: 'niet in orde: {errors} fout(en), {warnings} waarschuwing(en)',
    notChecked: 'niet gecontroleerd: {reason}',
    severity_error: 'fout',
    severity_warning: 'waarschuwing',
    severity_info: 'info',
    expected: 'verwacht',
    actual: 'gevonden',
    columns: 'kolommen',
    totals: 'totalen (vermeld / herberekend)',
    wrote: 'kopie met uitvoerbladen: {path}',
    outFailed: 'kopie niet geschreven: {reason}',
    outIsInput: 'de kopie zou het invoerbestand overschrijven',
    summary: '{files} bestand(en), {tables} tabel(len): {errors} met fouten, {unreadable} niet te lezen',
    progress: 'controleren',
  },
  en: {
    usage: `Usage: programme-desk check FILE.xlsx... [--lang en] [--json] [--out DIR] [--locale nl-NL|nl-BE|en-GB|en-US] [--year YYYY]

Finds the budget tables, programme tables and progress sheets in each workbook (by their
headers) and prints the findings per file and table, with the cell of each finding.

  --lang en     messages in English (default Dutch)
  --json        the API's responses as JSON (one object for all files)
  --out DIR     write, per workbook, a copy with the add-in's output sheets into DIR
  --locale      how amounts written as text are read (default nl-NL)
  --year YYYY   the year of dates without one in programme tables ("Woensdag 10 juli")
  --quiet       show errors and warnings only, no info

Exit status: 0 when every table is valid, 1 with error findings, 2 when a file cannot be read.
The input file is never modified.`,
    unknownOption: 'Unknown option: {option}',
    missingValue: 'Option {option} needs a value',
    badLang: 'Unknown language "{value}" (nl or en)',
    badLocale: 'Unknown locale "{value}" (nl-NL, nl-BE, en-GB or en-US)',
    badYear: 'Not a year: "{value}" (such as 2024)',
    noFiles: 'Give one or more .xlsx files.',
    unknownCommand: 'Unknown command "{command}"; did you mean "check"?',
    unreadable: 'cannot be read: {reason}',
    noTables: 'no budget table, programme table or progress sheet found',
    kind_budget: 'budget',
    kind_programme: 'programme',
    kind_progress: 'progress',
    valid: 'valid',
    validWarnings: 'valid, {warnings} warning(s)',
    invalid: 'not valid: {errors} error(s), {warnings} warning(s)',
    notChecked: 'not checked: {reason}',
    severity_error: 'error',
    severity_warning: 'warning',
    severity_info: 'info',
    expected: 'expected',
    actual: 'found',
    columns: 'columns',
    totals: 'totals (stated / recomputed)',
    wrote: 'copy with output sheets: {path}',
    outFailed: 'copy not written: {reason}',
    outIsInput: 'the copy would overwrite the input file',
    summary: '{files} file(s), {tables} table(s): {errors} with errors, {unreadable} unreadable',
    progress: 'checking',
  },
} as const;

export type TextKey = keyof (typeof TEXTS)['nl'];

export function text(lang: Lang, key: TextKey, params: Params = {}): string {
  return fillTemplate(TEXTS[lang][key], params);
}
