import type { Lang } from '../locale.js';
import { type Decimal, halfUp } from './decimal.js';

const EURO = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** An amount as a person reads it in messages: `€ 4.537,50` in Dutch, `€4,537.50` in English. */
export function displayEuro(value: Decimal, lang: Lang): string {
  // Intl formats a decimal string exactly (no detour through binary floating point).
  return EURO[lang].format(halfUp(value).toFixed(2) as Intl.StringNumericLiteral).replace(/\u00a0/g, ' ');
}

/** A rate as a percentage for messages: 0.21 → `21%`, 0.0825 → `8,25%` in Dutch. */
export function displayPercent(value: Decimal, lang: Lang): string {
  const text = halfUp(value.times(100), 2).toFixed();
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}
