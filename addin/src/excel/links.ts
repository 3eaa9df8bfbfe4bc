import { cellRef, columnLetters, parseAddress } from '../../../shared/grid/address.js';

/**
 * A formula linking to a cell of the workbook, made by the add-in itself from a validated
 * address only: `=HYPERLINK("#'Offerte 2024'!J9","J9")`. The address is parsed and written
 * anew (sheet quoted, `'` doubled) and every `"` is doubled inside the formula's strings, so no
 * text from a cell or a response can end the string and add formula of its own.
 * Undefined when `ref` is not a cell address with a sheet.
 */
export function hyperlinkFormula(ref: string, label?: string): string | undefined {
  const cell = parseAddress(ref);
  if (!cell || cell.sheet === null) return undefined;
  if (!isValidSheetName(cell.sheet)) return undefined;
  const target = `#${cellRef(cell.sheet, cell.row, cell.column)}`;
  const text = (label ?? `${columnLetters(cell.column)}${cell.row + 1}`).slice(0, 255);
  return `=HYPERLINK("${target.replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`;
}

/** The short form of a reference, without its sheet: `J9`. */
export function cellPart(ref: string): string {
  const cell = parseAddress(ref);
  return cell ? `${columnLetters(cell.column)}${cell.row + 1}` : ref;
}

/** Excel's rules for a sheet name: 1 to 31 characters, none of `[]:*?/\`, no `'` at either end. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}
