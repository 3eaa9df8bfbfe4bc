import { describe, expect, it } from 'vitest';
import { cellRef, columnIndex, columnLetters, parseAddress, quoteSheet } from '../../shared/grid/address.js';
import { readGridTable } from '../../shared/grid/table.js';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it('refuses columns past XFD and non-letters', () => {
    expect(columnIndex('XFE')).toBeUndefined();
    expect(columnIndex('A1')).toBeUndefined();
    expect(columnIndex('')).toBeUndefined();
  });

  it.each([
    ['B3', { sheet: null, row: 2, column: 1 }],
    ['$B$3', { sheet: null, row: 2, column: 1 }],
    ['Begroting!A1', { sheet: 'Begroting', row: 0, column: 0 }],
    ["'Mijn blad'!B3", { sheet: 'Mijn blad', row: 2, column: 1 }],
    ["'Offerte 2024'!C4", { sheet: 'Offerte 2024', row: 3, column: 2 }],
    ["'Jan''s blad'!AA10", { sheet: "Jan's blad", row: 9, column: 26 }],
    ['Blad1!C4:J20', { sheet: 'Blad1', row: 3, column: 2 }],
  ])('parses %s', (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
  });

  it.each(['', 'A0', 'Blad!', '!A1', 'A1048577', "'open!A1", 'hello'])('refuses %j', (address) => {
    expect(parseAddress(address)).toBeUndefined();
  });

  it('quotes sheet names as Excel writes them', () => {
    expect(quoteSheet('Begroting')).toBe('Begroting');
    expect(quoteSheet('Offerte 2024')).toBe("'Offerte 2024'");
    expect(quoteSheet("Jan's")).toBe("'Jan''s'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(cellRef('Offerte 2024', 8, 9)).toBe("'Offerte 2024'!J9");
    expect(cellRef(null, 0, 27)).toBe('AB1');
  });
});

const FIELDS = [
  { field: 'item', synonyms: ['interventie', 'omschrijving'] },
  { field: 'unitCost', synonyms: ['kosten per dd', 'kosten per dagdeel', 'prijs'] },
  { field: 'vat', synonyms: ['btw'] },
  { field: 'total', synonyms: ['totaal', 'total'] },
] as const;
type Field = (typeof FIELDS)[number]['field'];

describe('readGridTable', () => {
  it('finds a header below a title and columns past Z, with refs offset by the address', () => {
    const pad = Array.from({ length: 30 }, () => '');
    const values = [
      ['Begroting pilot', ...pad, '', '', ''],
      [...pad, 'Interventie', 'Kosten per dagdeel', 'Totaal'],
      [...pad, 'Selfcare', 100, 100],
    ];
    const table = readGridTable<Field>(
      { address: "'Mijn blad'!B3", values },
      { fields: FIELDS, anchors: ['total'] },
    );
    expect(table.headerRow).toBe(1);
    expect(table.mapping).toEqual({ item: 'AF', unitCost: 'AG', total: 'AH' });
    expect(table.headers.unitCost).toBe('Kosten per dagdeel');
    expect(table.refOf(2, 'total')).toBe("'Mijn blad'!AH5");
    expect(table.cell(2, 'item')).toBe('Selfcare');
  });

  it('ignores case, accents, punctuation, numbers and % in headers', () => {
    const table = readGridTable<Field>(
      { address: 'A1', values: [['OMSCHRIJVING.', 'Kosten per dd:', 'BTW 21%', 'Tótaal']] },
      { fields: FIELDS, anchors: ['total'] },
    );
    expect(table.mapping).toEqual({ item: 'A', unitCost: 'B', vat: 'C', total: 'D' });
  });

  it('prefers an exact synonym over a phrase containing it', () => {
    const table = readGridTable<Field>(
      { address: 'A1', values: [['Totaal prijs', 'Prijs', 'Totaal', 'Interventie']] },
      { fields: FIELDS, anchors: ['total'] },
    );
    expect(table.mapping).toEqual({ unitCost: 'B', total: 'C', item: 'D' });
  });

  it('takes the column override by sheet letter', () => {
    const table = readGridTable<Field>(
      { address: 'C4', values: [['Interventie', 'Bedrag', 'Totaal']], columns: { total: 'D' } },
      { fields: FIELDS, anchors: ['item'] },
    );
    expect(table.columns.total).toBe(1);
    expect(table.mapping.total).toBe('D');
  });

  it('takes the first row with text in the given columns as their header when none is known', () => {
    const table = readGridTable<Field>(
      {
        address: 'A1',
        values: [
          ['', ''],
          ['Wat', 'Hoeveel'],
          ['Module', 100],
        ],
        columns: { item: 'A', total: 'B' },
      },
      { fields: FIELDS, anchors: ['total'] },
    );
    expect(table.headerRow).toBe(1);
    expect(table.headers).toEqual({ item: 'Wat', total: 'Hoeveel' });
  });

  it('finds no header where no row names enough fields', () => {
    const table = readGridTable<Field>(
      {
        address: 'A1',
        values: [
          ['a', 'b'],
          [1, 2],
        ],
      },
      { fields: FIELDS, anchors: ['total'] },
    );
    expect(table.headerRow).toBeNull();
  });
});
