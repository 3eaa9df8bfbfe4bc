import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../shared/locale.js';
import { readAmount, readRate } from '../../shared/money/amount.js';
import { Decimal, formatAmount, formatRate, halfUp } from '../../shared/money/decimal.js';

const value = (input: string | number | null, locale: Locale = 'nl-NL') => {
  const reading = readAmount(input, locale);
  return reading.kind === 'amount' ? reading.value.toFixed() : reading.kind;
};

describe('readAmount', () => {
  it.each([
    ['€ 3.000,00', 'nl-NL', '3000'],
    ['3000', 'nl-NL', '3000'],
    ['EUR 1.250,50', 'nl-NL', '1250.5'],
    ['-€ 50,00', 'nl-NL', '-50'],
    ['€ -50,00', 'nl-NL', '-50'],
    ['€ 3.000,-', 'nl-NL', '3000'],
    ['€ 1.875,00', 'nl-BE', '1875'],
    ['1 250,50 €', 'nl-BE', '1250.5'],
    ['€\u00a03.000,00', 'nl-NL', '3000'],
    ['12,5', 'nl-NL', '12.5'],
    ['4537.50', 'nl-NL', '4537.5'],
    ['1.234.567,89', 'nl-NL', '1234567.89'],
    ['(50,00)', 'nl-NL', '-50'],
    ['−€ 50,00', 'nl-NL', '-50'],
    ['€3,000.00', 'en-GB', '3000'],
    ['-€3,000.00', 'en-US', '-3000'],
    ['EUR 1,250.50', 'en-US', '1250.5'],
    ['3,000', 'en-GB', '3000'],
  ] as const)('reads %s in %s as %s', (text, locale, expected) => {
    expect(value(text, locale)).toBe(expected);
  });

  it('takes a JSON number at its shortest decimal form', () => {
    expect(value(0.1)).toBe('0.1');
    expect(value(0.30000000000000004)).toBe('0.30000000000000004');
    expect(value(1e21)).toBe('1000000000000000000000');
  });

  it.each(['incl', 'incl.', 'inclusief', 'n.v.t.', 'nvt', '-', '—', 'INCL'])(
    'reads %s as included (zero)',
    (text) => {
      expect(value(text)).toBe('included');
    },
  );

  it.each(['p.m.', 'pm', 'nntb', 'n.t.b.', 'tbd', '?', 'PM'])('reads %s as pending', (text) => {
    expect(value(text)).toBe('pending');
  });

  it.each([null, '', '   '])('reads %j as blank', (input) => {
    expect(value(input)).toBe('blank');
  });

  it.each(['drie', '10%', '€ 3.00,00', '1,2,3', '=SUM(A1:A3)', '#DIV/0!', '1..2', 'x'.repeat(10_000)])(
    'refuses %s',
    (text) => {
      expect(value(text)).toBe('invalid');
    },
  );

  it('is linear on long hostile text', () => {
    const started = Date.now();
    for (const text of ['1'.repeat(60), '1.'.repeat(30), `${'1 '.repeat(30)}x`, `(${'-'.repeat(60)})`]) {
      readAmount(text, 'nl-NL');
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('half-up rounding to cents', () => {
  it('rounds 1006.50 × 0.21 to 211.37, where binary floating point gives 211.36', () => {
    expect(Math.round(1006.5 * 0.21 * 100) / 100).toBe(211.36);
    expect(formatAmount(new Decimal('1006.50').times('0.21'))).toBe('211.37');
  });

  it.each([
    ['211.365', '211.37'],
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['2.675', '2.68'],
    ['0.30000000000000004', '0.30'],
  ])('%s → %s', (input, expected) => {
    expect(halfUp(new Decimal(input)).toFixed(2)).toBe(expected);
  });

  it('formats rates with two to four decimals', () => {
    expect(formatRate(new Decimal('0.1'))).toBe('0.10');
    expect(formatRate(new Decimal('0.0825'))).toBe('0.0825');
    expect(formatRate(new Decimal('0.123456'))).toBe('0.1235');
  });
});

describe('readRate', () => {
  it.each([
    ['0.21', '0.21'],
    [0.09, '0.09'],
    ['21%', '0.21'],
    ['9,5 %', '0.095'],
    ['0,06', '0.06'],
  ] as const)('%s → %s', (input, expected) => {
    expect(readRate(input)?.toFixed()).toBe(expected);
  });

  it.each(['abc', '', '1.2.3', 'NaN'])('refuses %s', (input) => {
    expect(readRate(input)).toBeUndefined();
  });
});

describe('formatting an amount in a locale and reading it back', () => {
  const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

  it.each(LOCALES)('gives the same decimal in %s', (locale) => {
    const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 });
    fc.assert(
      fc.property(cents, fc.boolean(), (amount, withCurrency) => {
        const decimal = new Decimal(amount.toString()).dividedBy(100);
        const text = (withCurrency ? euro : plain).format(decimal.toFixed(2) as Intl.StringNumericLiteral);
        const reading = readAmount(text, locale);
        expect(reading.kind === 'amount' && reading.value.eq(decimal)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
