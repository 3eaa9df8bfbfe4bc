/** Dashes, quotes, bullets and spaces that Word types for `-`, `'`, `"` and ` `. */
const TYPOGRAPHIC = /[\u00a0\u00ab\u00bb\u2000-\u206f]/g;

/**
 * Folds a name for comparison: case, accents, punctuation and repeated spaces ignored.
 * `Basis op Orde` and ` basis-op orde.` both become `basis op orde`.
 */
export function normalizeName(text: string): string {
  // Most names are plain ASCII once Word's dashes, quotes and spaces are set aside: fold them
  // without Unicode classes or decomposition.
  const plain = text.replace(TYPOGRAPHIC, ' ');
  if (/^[\x20-\x7e]*$/.test(plain)) {
    return plain
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key under which two names are the same item: {@link normalizeName} without its spaces, so
 * that punctuation is ignored whether it joins or splits words (`Self-care` = `Selfcare`,
 * `Hulp bij actie-plan` = `Hulp bij Actieplan`).
 */
export function nameKey(text: string): string {
  return normalizeName(text).replace(/ /g, '');
}

/**
 * Like {@link normalizeName}, and drops numbers with their `%`: `BTW 21%` → `btw`. A `%` on its
 * own names a rate and stays, as `pct`: `BTW %` → `btw pct`.
 */
export function normalizeHeader(text: string): string {
  return normalizeName(text.replace(/\d+(?:[.,]\d+)?\s*%/g, ' ').replace(/%/g, ' pct '))
    .split(' ')
    .filter((token) => token !== '' && !/^\d+$/.test(token))
    .join(' ');
}

/** Character bigrams of a normalized name, with counts (for similarity). */
function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice similarity of two normalized names, in [0, 1]; linear in their length. */
export function similarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The candidate most similar to `name` (both normalized), or undefined when there is none. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = similarity(name, candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
