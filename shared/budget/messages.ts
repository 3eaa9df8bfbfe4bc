import { type CodeEntry, findingsFor } from '../findings.js';

/** Every finding of the budget check, its severity, and its message in Dutch and English. */
const BUDGET_CODES = {
  LINE_TOTAL_MISMATCH: {
    severity: 'error',
    nl: 'Regeltotaal {statedText} klopt niet: berekend {computedText}.',
    en: 'Line total {statedText} does not add up: computed {computedText}.',
  },
  VAT_RATE_UNKNOWN: {
    severity: 'error',
    nl: 'BTW {statedText} past bij geen van de tarieven {rates} op {baseText} (dat is {impliedText}).',
    en: 'VAT {statedText} matches none of the rates {rates} on {baseText} (it is {impliedText}).',
  },
  VAT_MISMATCH: {
    severity: 'error',
    nl: 'BTW {statedText} klopt niet: {rateText} van {baseText} is {computedText}.',
    en: 'VAT {statedText} is wrong: {rateText} of {baseText} is {computedText}.',
  },
  UNITS_INVALID: {
    severity: 'error',
    nl: 'Aantal "{actual}" is geen getal groter dan 0.',
    en: 'Units "{actual}" is not a number greater than 0.',
  },
  AMOUNT_UNPARSEABLE: {
    severity: 'error',
    nl: '"{actual}" is geen bedrag.',
    en: '"{actual}" is not an amount.',
  },
  AMOUNT_NEGATIVE: {
    severity: 'warning',
    nl: 'Negatief bedrag: {actualText}.',
    en: 'Negative amount: {actualText}.',
  },
  AMOUNT_PENDING: {
    severity: 'warning',
    nl: '"{actual}" is nog niet bekend; de totalen zijn daardoor onvolledig.',
    en: '"{actual}" is not known yet, so the totals are incomplete.',
  },
  AMOUNT_INCLUDED: {
    severity: 'info',
    nl: '"{actual}" gelezen als € 0,00 (inbegrepen).',
    en: '"{actual}" read as €0.00 (included).',
  },
  UNITS_ASSUMED: {
    severity: 'info',
    nl: 'Geen aantal ingevuld; gerekend met 1.',
    en: 'No units given; counted as 1.',
  },
  SUBTOTAL_MISMATCH: {
    severity: 'error',
    nl: 'Subtotaal {statedText} is niet de som van de regeltotalen ({computedText}).',
    en: 'Subtotal {statedText} is not the sum of the line totals ({computedText}).',
  },
  CONTINGENCY_MISMATCH: {
    severity: 'error',
    nl: 'Onvoorzien {statedText} klopt niet: {rateText} van {baseText} is {computedText}.',
    en: 'Contingency {statedText} is wrong: {rateText} of {baseText} is {computedText}.',
  },
  CONTINGENCY_RATE: {
    severity: 'info',
    nl: 'Onvoorzien {statedText} is {rateText} van het subtotaal {baseText}.',
    en: 'Contingency {statedText} is {rateText} of the subtotal {baseText}.',
  },
  TOTAL_MISMATCH: {
    severity: 'error',
    nl: 'Totaal {statedText} is niet subtotaal plus onvoorzien ({computedText}).',
    en: 'Total {statedText} is not subtotal plus contingency ({computedText}).',
  },
  CEILING_EXCEEDED: {
    severity: 'error',
    nl: 'Het nagerekende totaal {computedText} is hoger dan het plafond {ceilingText}.',
    en: 'The recomputed total {computedText} exceeds the ceiling {ceilingText}.',
  },
  DUPLICATE_LINE: {
    severity: 'warning',
    nl: '"{actual}" van "{provider}" staat er twee keer in (ook rij {firstRow}).',
    en: '"{actual}" by "{provider}" appears twice (also row {firstRow}).',
  },
  ITEM_NOT_IN_PROGRAMME: {
    severity: 'warning',
    nl: '"{actual}" staat niet in het programma (meest gelijkend: "{expected}").',
    en: '"{actual}" is not in the programme (most similar: "{expected}").',
  },
  PROGRAMME_ITEM_NOT_BUDGETED: {
    severity: 'warning',
    nl: 'Programmaonderdeel "{expected}" heeft geen begrotingsregel.',
    en: 'Programme item "{expected}" has no budget line.',
  },
  HEADER_NOT_FOUND: {
    severity: 'error',
    nl: 'Geen kopregel gevonden met kolommen zoals "Kosten per dagdeel" en "Totaal".',
    en: 'No header row found with columns such as "Cost per unit" and "Total".',
  },
  NO_LINES: {
    severity: 'warning',
    nl: 'Geen begrotingsregels gevonden onder de kopregel.',
    en: 'No budget lines found under the header row.',
  },
} satisfies Record<string, CodeEntry>;

export type BudgetCode = keyof typeof BUDGET_CODES;
export const budgetFinding = findingsFor<BudgetCode>(BUDGET_CODES);
