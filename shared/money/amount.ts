import { type Locale, separators } from '../locale.js';
import { Decimal as Dec, type Decimal, decimalFromNumber } from './decimal.js';

/** What a cell or field holding an amount turned out to say. */
export type AmountReading =
  | { kind: 'blank' }
  | { kind: 'amount'; value: Decimal }
  /** A placeholder meaning zero: `incl`, `n.v.t.`, `-`. */
  | { kind: 'included'; text: string }
  /** A placeholder meaning "not known yet": `p.m.`, `nntb`, `?`. */
  | { kind: 'pending'; text: string }
  | { kind: 'invalid'; text: string };

export type AmountInput = string | number | boolean | null | undefined;

const INCLUDED = new Set(['incl', 'incl.', 'inclusief', 'n.v.t.', 'n.v.t', 'nvt', '-', '—', '–']);
const PENDING = new Set(['p.m.', 'p.m', 'pm', 'nntb', 'n.t.b.', 'n.t.b', 'ntb', 'tbd', '?']);

/** Longer than any amount anyone types; refused before any pattern runs. */
const MAX_AMOUNT_TEXT = 64;

const SPACES = /[\s\u00a0\u2007\u202f]+/g;
const CURRENCY = /€|\beur(?:o)?\b/gi;

/**
 * Reads an amount as finance types it, in the request's locale: `€ 3.000,00`, `EUR 1.250,50`,
 * `-€ 50,00`, `€ 3.000,-` (nl); `€3,000.00` (en); JSON numbers at their shortest decimal form.
 */
export function readAmount(input: AmountInput, locale: Locale): AmountReading {
  if (input === null || input === undefined) return { kind: 'blank' };
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { kind: 'amount', value: decimalFromNumber(input) } : invalid(input);
  }
  if (typeof input === 'boolean') return invalid(input);
  const text = input.replace(SPACES, ' ').trim();
  if (text === '') return { kind: 'blank' };
  // The contract's own form (`4537.50`, `-12`) needs no locale rules.
  if (/^-?\d{1,20}(?:\.\d{1,2})?$/.test(text)) return { kind: 'amount', value: new Dec(text) };
  const folded = text.toLowerCase();
  if (INCLUDED.has(folded)) return { kind: 'included', text };
  if (PENDING.has(folded)) return { kind: 'pending', text };
  const value = text.length > MAX_AMOUNT_TEXT ? undefined : parseMoney(text, locale);
  return value ? { kind: 'amount', value } : invalid(input);
}

function invalid(input: string | number | boolean): AmountReading {
  return { kind: 'invalid', text: String(input) };
}

/** Parses money text without placeholders; undefined when it is not an amount. */
function parseMoney(text: string, locale: Locale): Decimal | undefined {
  let rest = text
    .replace(/\u2212/g, '-')
    .replace(CURRENCY, ' ')
    .replace(SPACES, ' ')
    .trim();
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  if (/^[-+]/.test(rest)) {
    negative = negative !== rest.startsWith('-');
    rest = rest.slice(1).trim();
  } else if (/\d-$/.test(rest) && !/[.,]-$/.test(rest)) {
    negative = !negative;
    rest = rest.slice(0, -1).trim();
  }
  // Dutch whole-euro notation: `€ 3.000,-` and `€ 3.000,--`.
  rest = rest.replace(/([.,])-{1,2}$/, '$100');
  const value = parseNumber(rest, locale);
  if (value === undefined) return undefined;
  return negative ? value.negated() : value;
}

/**
 * Parses an unsigned number in the locale's notation. Groups of three after a group separator
 * are thousands (`3.000` is 3000 in nl); a lone separator that is not the locale's decimal one
 * and not followed by a group of three is still read as a decimal point (`12.5` in nl), since
 * finance pastes both notations.
 */
function parseNumber(text: string, locale: Locale): Decimal | undefined {
  const { decimal, group } = separators(locale);
  const compact = text.replace(/ (?=\d{3}(?:\D|$))/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return undefined;
  const decimalAt = compact.lastIndexOf(decimal);
  const intPart = decimalAt >= 0 ? compact.slice(0, decimalAt) : compact;
  const fraction = decimalAt >= 0 ? compact.slice(decimalAt + 1) : '';
  if (decimalAt >= 0 && !/^\d+$/.test(fraction)) return undefined;
  const grouped = group === '.' ? /^\d{1,3}(?:\.\d{3})+$/ : /^\d{1,3}(?:,\d{3})+$/;
  let digits: string;
  if (/^\d+$/.test(intPart)) digits = intPart;
  else if (grouped.test(intPart)) digits = intPart.split(group).join('');
  else if (decimalAt < 0 && new RegExp(`^\\d+\\${group}\\d+$`).test(intPart)) {
    return new Dec(intPart.replace(group, '.'));
  } else return undefined;
  return new Dec(fraction ? `${digits}.${fraction}` : digits);
}

/**
 * A rate or share: `0.21` (the contract's form), `"0,21"`, `"21%"`, `"21 %"`, `"9,5%"`.
 * Rates have no thousands, so either separator is a decimal point; undefined when it is none.
 */
export function readRate(input: AmountInput): Decimal | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? decimalFromNumber(input) : undefined;
  if (typeof input !== 'string' || input.length > MAX_AMOUNT_TEXT) return undefined;
  const text = input.replace(SPACES, '');
  const percent = text.endsWith('%');
  const body = (percent ? text.slice(0, -1) : text).replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(body)) return undefined;
  const value = new Dec(body);
  return percent ? value.dividedBy(100) : value;
}
