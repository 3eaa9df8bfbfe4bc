/** A1 addresses: column letters, sheet names quoted as Excel writes them, cell references. */

export const MAX_COLUMNS = 16_384; // XFD
export const MAX_ROWS = 1_048_576;

export interface CellAddress {
  /** The sheet name as the user sees it (unquoted), or null when the address names none. */
  sheet: string | null;
  /** 0-based row and column of the cell. */
  row: number;
  column: number;
}

/** 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `A` → 0, `AA` → 26, `xfd` → 16383; undefined for anything that is not a column of a sheet. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index <= MAX_COLUMNS ? index - 1 : undefined;
}

/**
 * Parses the top-left cell of a range as Excel writes it: `B3`, `$B$3`, `Begroting!A1`,
 * `'Mijn blad'!B3`, `'Jan''s blad'!C4`, or a whole range `Blad1!C4:J20` (its first cell).
 */
export function parseAddress(address: string): CellAddress | undefined {
  const match =
    /^(?:(?:'((?:[^']|'')+)'|([^'!:]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.exec(
      address.trim(),
    );
  if (!match) return undefined;
  const [, quoted, bare, letters = '', digits = ''] = match;
  const column = columnIndex(letters);
  const row = Number(digits) - 1;
  if (column === undefined || row < 0 || row >= MAX_ROWS) return undefined;
  const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? null);
  return { sheet, row, column };
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** The A1 reference of a cell, with its sheet when there is one: `'Offerte 2024'!J9`. */
export function cellRef(sheet: string | null, row: number, column: number): string {
  const cell = `${columnLetters(column)}${row + 1}`;
  return sheet === null ? cell : `${quoteSheet(sheet)}!${cell}`;
}
