import { normalizeName } from '../text/normalize.js';
import type { Cell } from './schema.js';

/** Ticks as people type them in Excel: `x`, `ja`, `yes`, `1`, `✓`, TRUE; and their "no". */
const SET_SYMBOLS = new Set(['✓', '✔', '☑', '☒', '✗', '✘', '+']);
const SET_WORDS = new Set(['x', 'ja', 'j', 'yes', 'y', '1', 'true', 'waar', 'v']);
const UNSET_WORDS = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar', '']);
const UNSET_SYMBOLS = new Set(['-', '–', '—']);

/** What a tick cell says: set, not set, or something else (a finding). */
export function readMark(cell: Cell): 'set' | 'unset' | 'invalid' {
  if (cell === null || cell === '') return 'unset';
  if (typeof cell === 'boolean') return cell ? 'set' : 'unset';
  if (typeof cell === 'number') return cell === 1 ? 'set' : cell === 0 ? 'unset' : 'invalid';
  const raw = cell.trim();
  if (SET_SYMBOLS.has(raw)) return 'set';
  if (UNSET_SYMBOLS.has(raw)) return 'unset';
  const word = normalizeName(raw);
  if (SET_WORDS.has(word)) return 'set';
  if (UNSET_WORDS.has(word)) return 'unset';
  return 'invalid';
}
