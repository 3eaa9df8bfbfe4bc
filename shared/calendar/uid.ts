import { normalizeName } from '../text/normalize.js';
import { compactDate } from './dates.js';

/** A 64-bit FNV-1a-style hash of a text as 16 hex digits (no crypto needed: UIDs, not secrets). */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function slug(text: string): string {
  return normalizeName(text).replace(/ /g, '-').slice(0, 40).replace(/-+$/, '') || 'event';
}

/** The UID of an occurrence of a series: the same for the same series id and original date. */
export function seriesUid(seriesId: string, originalDay: number): string {
  return `${slug(seriesId)}-${compactDate(originalDay)}-${hash64(`series\u0000${seriesId}\u0000${originalDay}`)}@programme-desk`;
}

/** The UID of a single event: by its id when it has one, else by its title, date and time. */
export function eventUid(
  id: string | undefined,
  title: string,
  originalDay: number,
  start: string | null,
): string {
  const key =
    id !== undefined
      ? `id\u0000${id}`
      : `event\u0000${normalizeName(title)}\u0000${originalDay}\u0000${start ?? ''}`;
  return `${slug(id ?? title)}-${compactDate(originalDay)}-${hash64(key)}@programme-desk`;
}
