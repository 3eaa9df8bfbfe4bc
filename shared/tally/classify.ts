import { normalizeName } from '../text/normalize.js';
import {
  ABOUT,
  CONTRAST,
  CUES,
  FILLERS,
  JOINERS,
  type Nature,
  NONE_MARKERS,
  NONE_WORDS,
  PLURAL_COPULAS,
  type Polarity,
  type TermSpec,
} from './lexicon.js';

/** A category as the classifier sees it: its id and the phrases that point to it. */
export interface CategoryTerms {
  id: string;
  terms: readonly TermSpec[];
}

/** A category found in a text, the words of the text that showed it, and the keyword behind them. */
export interface TextMatch {
  id: string;
  /** The words as written in the text, with the cue that decided: "te weinig uren". */
  phrase: string;
  /** The keyword (phrase of the category) that matched: "uren". */
  keyword: string;
}

export interface Classification {
  /** Categories the text names as a bottleneck, in the order of the categories. */
  matches: TextMatch[];
  /** Categories the text mentions but says are no bottleneck ("budget is geen probleem"). */
  negated: TextMatch[];
  /** True when the text says there is no bottleneck at all ("geen knelpunten", "n.v.t."). */
  none: boolean;
}

type CueKind = Polarity | 'neg';

/** One word of a phrase: exact, any ending (`budget*`), any start (`*werkdruk`) or both. */
interface WordPattern {
  word: string;
  prefix: boolean;
  suffix: boolean;
}

interface Entry {
  words: number[];
  /** For a term: the index of its category; -1 for a cue. */
  category: number;
  nature: Nature;
  cue: CueKind | null;
  keyword: string;
  requires: number[] | null;
  excludes: number[] | null;
}

interface Token {
  norm: string;
  start: number;
  end: number;
  segment: number;
}

interface Occurrence {
  entry: Entry;
  from: number;
  to: number;
  segment: number;
}

interface Cue {
  kind: CueKind;
  from: number;
  to: number;
  segment: number;
  /** For a cue turned around by a negation ("geen probleem"): what it said before. */
  flippedFrom: Polarity | null;
}

const FLIP: Record<Polarity, Polarity> = { more: 'less', less: 'more', good: 'bad', bad: 'good' };
/** Cue words that are also matched with one typing error ("weining"). */
const FUZZY_CUES = new Set(['weinig', 'voldoende', 'onvoldoende', 'ontbreekt', 'beschikbaar', 'probleem']);
const MIN_FUZZY = 6;
const CACHE_LIMIT = 200_000;
const MAX_GAP = 4;
const WEAK_REACH = 4;
const NEG_REACH = 3;

const MARK = /\p{M}/u;
/** Characters that end a clause: . ; ! ? ( ) [ ] { } line breaks, bullets. */
const STRONG = new Set([...'.;!?()[]{}\n\r•·'].map((char) => char.charCodeAt(0)));

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII = /[^\u0020-\u007e]/;

function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return !NON_ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

function parsePattern(word: string): WordPattern {
  const prefix = word.endsWith('*');
  const suffix = word.startsWith('*');
  return { word: word.replace(/\*/g, ''), prefix, suffix };
}

/** The one-deletion variants of a word (symmetric-delete spelling match). */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const FILLER_SET = new Set(FILLERS);
const ABOUT_SET = new Set(ABOUT);
const JOINER_SET = new Set(JOINERS);
const CONTRAST_SET = new Set(CONTRAST);
const COPULA_SET = new Set(PLURAL_COPULAS);
const NONE_SET = new Set(NONE_WORDS);
const NONE_MARKER_SET = new Set(NONE_MARKERS);

/**
 * A compiled keyword classifier for a set of categories: normalises a text (case, accents,
 * punctuation), finds the categories' phrases and their inflections (and one typing error in
 * longer words), and reads the cues around each phrase — negation ("geen weerstand"), amount
 * ("te weinig uren", "voldoende budget"), judgement ("budget is geen probleem") and contrast
 * ("geen gebrek aan draagvlak, wel aan tijd") — to tell a named bottleneck from one that is not.
 * Its work is linear in the length of the text.
 */
export class Classifier {
  private readonly patterns: WordPattern[] = [];
  private readonly patternIds = new Map<string, number>();
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  private readonly shortPrefixes: number[] = [];
  private readonly suffixes: number[] = [];
  private readonly fuzzy = new Map<string, number[]>();
  private readonly byFirstWord = new Map<number, Entry[]>();
  private readonly cache = new Map<string, readonly number[]>();

  constructor(private readonly categories: readonly CategoryTerms[]) {
    categories.forEach((category, index) => {
      for (const term of category.terms) this.addEntry(term.phrase, index, term.nature, null, term);
    });
    for (const kind of ['more', 'less', 'good', 'bad', 'neg'] as const) {
      for (const phrase of CUES[kind]) this.addEntry(phrase, -1, 'topic', kind, null);
    }
  }

  private patternId(text: string, fuzzy: boolean): number {
    const known = this.patternIds.get(text);
    if (known !== undefined) return known;
    const pattern = parsePattern(text);
    const id = this.patterns.length;
    this.patterns.push(pattern);
    this.patternIds.set(text, id);
    const push = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    };
    if (pattern.suffix) this.suffixes.push(id);
    else if (pattern.prefix && pattern.word.length < 3) this.shortPrefixes.push(id);
    else if (pattern.prefix) push(this.prefixes, pattern.word.slice(0, 3));
    else push(this.exact, pattern.word);
    if (fuzzy && !pattern.suffix && pattern.word.length >= MIN_FUZZY) {
      push(this.fuzzy, pattern.word);
      for (const variant of deletions(pattern.word)) push(this.fuzzy, variant);
    }
    return id;
  }

  private addEntry(
    phrase: string,
    category: number,
    nature: Nature,
    cue: CueKind | null,
    term: TermSpec | null,
  ): void {
    const words = phrase
      .split(/\s+/)
      .map((word) => (word.includes('*') ? word : normalizeName(word)))
      .filter((word) => word !== '' && word !== '*');
    if (words.length === 0) return;
    const fuzzy = cue === null || words.some((word) => FUZZY_CUES.has(word));
    const ids = words.map((word) => this.patternId(word, fuzzy));
    const context = (list: readonly string[] | undefined) =>
      list ? list.map((word) => this.patternId(word, false)) : null;
    const entry: Entry = {
      words: ids,
      category,
      nature,
      cue,
      keyword: words.map((word) => word.replace(/\*/g, '')).join(' '),
      requires: context(term?.requires),
      excludes: context(term?.excludes),
    };
    const first = ids[0]!;
    const list = this.byFirstWord.get(first);
    if (list) list.push(entry);
    else this.byFirstWord.set(first, [entry]);
  }

  /** The patterns a word matches, exactly, by its start or end, or with one typing error. */
  private matchWord(word: string): readonly number[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = new Set<number>(this.exact.get(word) ?? []);
    for (const id of this.prefixes.get(word.slice(0, 3)) ?? []) {
      if (word.startsWith(this.patterns[id]!.word)) found.add(id);
    }
    for (const id of this.shortPrefixes) if (word.startsWith(this.patterns[id]!.word)) found.add(id);
    for (const id of this.suffixes) {
      const pattern = this.patterns[id]!;
      if (pattern.prefix ? word.includes(pattern.word) : word.endsWith(pattern.word)) found.add(id);
    }
    if (found.size === 0 && word.length >= MIN_FUZZY && !/\d/.test(word)) {
      for (const variant of [word, ...deletions(word)]) {
        for (const id of this.fuzzy.get(variant) ?? []) found.add(id);
      }
    }
    const ids = [...found];
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, ids);
    return ids;
  }

  /**
   * Splits a text into words (letters and digits) and clauses: a clause ends at `. ; ! ? ( )`,
   * a line break or bullet, a comma or spaced dash, and before a contrast word ("maar").
   */
  private tokenize(text: string): { tokens: Token[]; afterComma: boolean[] } {
    const tokens: Token[] = [];
    const afterComma: boolean[] = [false];
    let segment = 0;
    let open = false;
    const length = text.length;
    let i = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (isWordCode(code) || (code > 127 && WORD_CHAR.test(text[i]!))) {
        const start = i;
        i++;
        while (i < length) {
          const next = text.charCodeAt(i);
          if (isWordCode(next) || (next > 127 && (WORD_CHAR.test(text[i]!) || MARK.test(text[i]!)))) i++;
          else break;
        }
        const norm = foldWord(text.slice(start, i));
        if (CONTRAST_SET.has(norm)) {
          if (open) {
            segment++;
            afterComma.push(true);
            open = false;
          }
          continue;
        }
        tokens.push({ norm, start, end: i, segment });
        open = true;
        continue;
      }
      const comma =
        code === 44 ||
        ((code === 45 || code === 0x2013 || code === 0x2014) &&
          /\s/.test(text[i - 1] ?? '') &&
          /\s/.test(text[i + 1] ?? ''));
      if (open && (comma || STRONG.has(code))) {
        segment++;
        afterComma.push(comma);
        open = false;
      }
      i++;
    }
    return { tokens, afterComma };
  }

  /** Classifies one text. */
  classify(text: string): Classification {
    const { tokens, afterComma } = this.tokenize(text);
    const none = isNone(tokens);
    if (none || tokens.length === 0) return { matches: [], negated: [], none: true };
    const wordIds = tokens.map((token) => this.matchWord(token.norm));
    let present: Set<number> | undefined;
    const presentIds = (): Set<number> => {
      if (!present) {
        present = new Set<number>();
        for (const ids of wordIds) for (const id of ids) present.add(id);
      }
      return present;
    };

    const terms: Occurrence[] = [];
    const cueCandidates: Occurrence[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const id of wordIds[i]!) {
        for (const entry of this.byFirstWord.get(id) ?? []) {
          const to = i + entry.words.length - 1;
          if (to >= tokens.length || tokens[to]!.segment !== tokens[i]!.segment) continue;
          let ok = true;
          for (let k = 1; k < entry.words.length && ok; k++) {
            ok = wordIds[i + k]!.includes(entry.words[k]!);
          }
          if (!ok) continue;
          const occurrence = { entry, from: i, to, segment: tokens[i]!.segment };
          if (entry.cue) cueCandidates.push(occurrence);
          else if (!(entry.requires || entry.excludes) || contextHolds(entry, presentIds()))
            terms.push(occurrence);
        }
      }
    }
    dropCoveredWeak(terms);
    const covered = new Uint8Array(tokens.length);
    for (const term of terms) for (let k = term.from; k <= term.to; k++) covered[k] = 1;
    const cues = longestCues(cueCandidates, covered);
    const negDirect = resolveNegations(cues, terms, tokens);
    resolveEllipsis(cues, tokens);
    return this.decide(text, tokens, afterComma, terms, cues, negDirect);
  }

  private decide(
    text: string,
    tokens: Token[],
    afterComma: boolean[],
    terms: Occurrence[],
    cues: Cue[],
    negDirect: Map<Occurrence, Cue>,
  ): Classification {
    const counted = new Map<number, TextMatch>();
    const negated = new Map<number, TextMatch>();
    const phraseOf = (from: number, to: number) => text.slice(tokens[from]!.start, tokens[to]!.end);
    for (const term of terms) {
      const category = term.entry.category;
      if (counted.has(category)) continue;
      const decisive = negDirect.get(term) ?? nearestCue(term, terms, cues, tokens);
      const fallback =
        decisive ?? (term.entry.nature === 'weak' ? null : sharedCue(term, cues, tokens, afterComma));
      const polarity = fallback ? (fallback.kind === 'neg' ? 'less' : fallback.kind) : null;
      const nature = term.entry.nature;
      if (nature === 'weak' && polarity === null) continue;
      const yes =
        polarity === null ||
        (nature === 'problem'
          ? polarity === 'more' || polarity === 'bad'
          : polarity === 'less' || polarity === 'bad');
      let from = term.from;
      let to = term.to;
      if (fallback && fallback.segment === term.segment) {
        if (fallback.to < term.from && term.from - fallback.to <= MAX_GAP) from = fallback.from;
        if (fallback.from > term.to && fallback.from - term.to <= MAX_GAP) to = fallback.to;
      }
      const match: TextMatch = {
        id: this.categories[category]!.id,
        phrase: phraseOf(from, to),
        keyword: term.entry.keyword,
      };
      if (yes) counted.set(category, match);
      else if (!negated.has(category)) negated.set(category, match);
    }
    const order = (a: TextMatch, b: TextMatch) => this.indexOf(a.id) - this.indexOf(b.id);
    return {
      matches: [...counted.values()].sort(order),
      negated: [...negated.entries()]
        .filter(([category]) => !counted.has(category))
        .map(([, match]) => match)
        .sort(order),
      none: false,
    };
  }

  private indexOf(id: string): number {
    return this.categories.findIndex((category) => category.id === id);
  }
}

function contextHolds(entry: Entry, present: Set<number>): boolean {
  if (entry.requires && !entry.requires.some((id) => present.has(id))) return false;
  if (entry.excludes?.some((id) => present.has(id))) return false;
  return true;
}

/** A weak word inside a longer phrase is part of that phrase: `leidinggevende` in "leidinggevende functies". */
function dropCoveredWeak(terms: Occurrence[]): void {
  for (let i = terms.length - 1; i >= 0; i--) {
    const term = terms[i]!;
    if (term.entry.nature !== 'weak') continue;
    const inside = terms.some(
      (other) =>
        other !== term &&
        other.entry.nature !== 'weak' &&
        other.from <= term.from &&
        term.to <= other.to &&
        other.to - other.from > term.to - term.from,
    );
    if (inside) terms.splice(i, 1);
  }
}

function isNone(tokens: Token[]): boolean {
  if (tokens.length === 0) return true;
  if (tokens.length > 8) return false;
  let marker = false;
  for (const token of tokens) {
    if (!NONE_SET.has(token.norm)) return false;
    marker ||= NONE_MARKER_SET.has(token.norm);
  }
  const joined = tokens.map((token) => token.norm).join(' ');
  return marker || joined === 'n v t' || joined === 'n a' || joined === 'na';
}

/** Cues left to right, the longest at each place, none inside a phrase of a category. */
function longestCues(candidates: Occurrence[], covered: Uint8Array): Cue[] {
  candidates.sort((a, b) => a.from - b.from || b.to - a.to);
  const cues: Cue[] = [];
  let next = 0;
  for (const candidate of candidates) {
    if (candidate.from < next) continue;
    let inside = false;
    for (let k = candidate.from; k <= candidate.to; k++) inside ||= covered[k] === 1;
    if (inside) continue;
    cues.push({
      kind: candidate.entry.cue!,
      from: candidate.from,
      to: candidate.to,
      segment: candidate.segment,
      flippedFrom: null,
    });
    next = candidate.to + 1;
  }
  return cues;
}

/**
 * A negation turns the cue right after it around ("geen probleem", "niet voldoende", "geen
 * gebrek aan"), or negates the phrase right after it ("geen budget", "geen weerstand"), looking
 * past fillers ("geen echte weerstand"). Any other negation says "not there" ("er is niets").
 */
function resolveNegations(cues: Cue[], terms: Occurrence[], tokens: Token[]): Map<Occurrence, Cue> {
  const direct = new Map<Occurrence, Cue>();
  const cueAt = new Map<number, Cue>();
  for (const cue of cues) cueAt.set(cue.from, cue);
  const termsAt = new Map<number, Occurrence[]>();
  for (const term of terms) {
    const list = termsAt.get(term.from);
    if (list) list.push(term);
    else termsAt.set(term.from, [term]);
  }
  for (const cue of cues) {
    if (cue.kind !== 'neg') continue;
    for (let q = cue.to + 1, steps = 0; q < tokens.length && steps < NEG_REACH; q++, steps++) {
      if (tokens[q]!.segment !== cue.segment) break;
      const next = cueAt.get(q);
      if (next && next.kind !== 'neg') {
        next.flippedFrom = next.kind;
        next.kind = FLIP[next.kind];
        cue.kind = 'less';
        cue.to = cue.from - 1; // consumed: no longer a cue of its own
        break;
      }
      const targets = termsAt.get(q);
      if (targets) {
        for (const term of targets) direct.set(term, cue);
        break;
      }
      if (!FILLER_SET.has(tokens[q]!.norm)) break;
    }
  }
  // Consumed negations are dropped; the others say "less".
  const negating = new Set(direct.values());
  for (let i = cues.length - 1; i >= 0; i--) {
    const cue = cues[i]!;
    if (cue.to < cue.from) cues.splice(i, 1);
    else if (cue.kind === 'neg' && !negating.has(cue)) cue.kind = 'less';
  }
  return direct;
}

/**
 * "wel" after a negated clause restores what the negation denied: "budget is geen probleem,
 * capaciteit wel" (a problem), "geen gebrek aan draagvlak, wel aan tijd" (a lack). Elsewhere
 * "wel" says "there is" ("er is wel voldoende capaciteit").
 */
function resolveEllipsis(cues: Cue[], tokens: Token[]): void {
  for (const cue of cues) {
    if (cue.kind !== 'more' || cue.from !== cue.to || tokens[cue.from]!.norm !== 'wel') continue;
    const previous = cues.filter((c) => c.segment === cue.segment - 1 && c.flippedFrom !== null);
    const last = previous[previous.length - 1];
    if (last?.flippedFrom) cue.kind = last.flippedFrom;
  }
}

/** Whether a cue before a phrase stands with it: only fillers, or a list of phrases, between. */
function reachesForward(cue: Cue, term: Occurrence, terms: Occurrence[], tokens: Token[]): boolean {
  const gap = term.from - cue.to - 1;
  if (gap > MAX_GAP) return false;
  let sawTerm = false;
  for (let k = cue.to + 1; k < term.from; k++) {
    const inTerm = terms.some((t) => t.from <= k && k <= t.to);
    if (inTerm) sawTerm = true;
    else if (JOINER_SET.has(tokens[k]!.norm)) {
      if (!sawTerm) return false;
    } else if (!FILLER_SET.has(tokens[k]!.norm)) {
      const judgement = cue.kind === 'good' || cue.kind === 'bad';
      if (!(judgement && ABOUT_SET.has(tokens[k]!.norm))) return false;
    }
  }
  return true;
}

/** The cue of the phrase's own clause that is nearest to it (before it when equally near). */
function nearestCue(term: Occurrence, terms: Occurrence[], cues: Cue[], tokens: Token[]): Cue | null {
  let best: Cue | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const cue of cues) {
    if (cue.segment !== term.segment) continue;
    let distance: number;
    if (cue.to < term.from) {
      if (!reachesForward(cue, term, terms, tokens)) continue;
      distance = term.from - cue.to;
    } else if (cue.from > term.to) {
      distance = cue.from - term.to;
      if (term.entry.nature === 'weak') {
        if (distance > WEAK_REACH) continue;
        if (terms.some((t) => t !== term && t.from > term.to && t.to < cue.from)) continue;
      }
    } else continue;
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * A bare list item takes the cue of a later clause that says something of the whole list:
 * "budget, capaciteit en tijd zijn voldoende" (a plural verb before the cue).
 */
function sharedCue(term: Occurrence, cues: Cue[], tokens: Token[], afterComma: boolean[]): Cue | null {
  for (let segment = term.segment + 1; segment < afterComma.length && afterComma[segment]; segment++) {
    const own = cues.filter((cue) => cue.segment === segment);
    if (own.length === 0) continue;
    const first = own[0]!;
    const copula = tokens.some(
      (t) => t.segment === segment && t.start < tokens[first.from]!.start && COPULA_SET.has(t.norm),
    );
    return copula ? first : null;
  }
  return null;
}
