import { tokenize } from '../fold';

/**
 * `indexWords` (words.ts) for building the index, where nearly all of the time goes: tens of thousands
 * of entries, a few million words, but only some tens of thousands of distinct ones. So each distinct raw
 * word is folded once (with `tokenize`, the query's own folding) and numbered, and the words of a text are
 * found by a scanner that neither runs a regex nor makes a string per word:
 *  - raw words are runs of /[\p{L}\p{N}\p{M}]/u; each code unit is classified once, in a table;
 *  - a word is hashed while it is scanned and looked up in a hash table of the raw words seen so far,
 *    compared in place; only a new word is copied out of its text.
 */

const rawWordChar = /^[\p{L}\p{N}\p{M}]$/u;
const unknown = 0;
const inWord = 1;
const notInWord = 2;
const surrogate = 3;
/** Class of each code unit, filled in as units are met; surrogates are classified in pairs, as characters. */
const unitClass = new Uint8Array(0x10000).fill(surrogate, 0xd800, 0xe000);

function classify(unit: number): number {
  const found = rawWordChar.test(String.fromCharCode(unit)) ? inWord : notInWord;
  unitClass[unit] = found;
  return found;
}

/**
 * Class of the surrogate at text[i]: a pair is one character, classified as a whole (and rare enough not to
 * cache); a lone surrogate is not a letter, as in a `u` regex.
 */
function classifyPair(text: string, i: number): number {
  const high = text.charCodeAt(i);
  const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  const pair = high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
  return pair && rawWordChar.test(text.slice(i, i + 2)) ? inWord : notInWord;
}

// FNV-1a over code units.
const hashStart = 0x811c9dc5;
const hashPrime = 0x01000193;

function grown<T extends Int32Array | Uint16Array | Uint32Array>(array: T, minLength: number, make: (length: number) => T): T {
  const larger = make(Math.max(minLength, array.length * 2));
  larger.set(array);
  return larger;
}

/** A list of term numbers that grows as needed; set `length` to 0 to reuse it. */
export class TermList {
  ids = new Uint32Array(64);
  length = 0;

  push(term: number): void {
    if (this.length === this.ids.length) this.ids = grown(this.ids, 0, (n) => new Uint32Array(n));
    this.ids[this.length++] = term;
  }

  pushAll(terms: readonly number[]): void {
    for (const term of terms) this.push(term);
  }
}

export class CachedTokenizer {
  /** Open addressing: 1 + the number of a known raw word in a slot, 0 for none. Kept at most half full. */
  private slots = new Int32Array(1 << 8);
  /** Known raw words: their hash and their code units, at unitStarts[k] .. unitStarts[k + 1] in `units`. */
  private hashes = new Int32Array(1 << 7);
  private unitStarts = new Int32Array(1 << 7);
  private units = new Uint16Array(1 << 10);
  private known = 0;
  /** The terms of each known raw word: usually one, none for a word of marks only, more for ß-like cases. */
  private readonly terms: Array<number | readonly number[]> = [];
  /** The code units of the word being scanned; as long as the longest text read. */
  private word = new Uint16Array(64);

  /** `termId` numbers a folded word. */
  constructor(private readonly termId: (word: string) => number) {}

  /** Adds the term of every word of `text` to `out`, in order. */
  read(text: string, out: TermList): void {
    const end = text.length;
    if (end > this.word.length) this.word = new Uint16Array(end);
    const { word } = this;
    let length = 0;
    let hash = hashStart;
    for (let i = 0; i < end; i++) {
      const unit = text.charCodeAt(i);
      let found = unitClass[unit]!;
      if (found === unknown) found = classify(unit);
      else if (found === surrogate) found = classifyPair(text, i);
      if (found === inWord) {
        word[length++] = unit;
        hash = Math.imul(hash ^ unit, hashPrime);
        if (unit >= 0xd800 && unit <= 0xdfff) {
          const low = text.charCodeAt(++i); // the rest of the pair
          word[length++] = low;
          hash = Math.imul(hash ^ low, hashPrime);
        }
      } else if (length > 0) {
        this.addTerms(this.termsOf(text, i - length, length, hash), out);
        length = 0;
        hash = hashStart;
      }
    }
    if (length > 0) this.addTerms(this.termsOf(text, end - length, length, hash), out);
  }

  private addTerms(terms: number | readonly number[], out: TermList): void {
    if (typeof terms === 'number') out.push(terms);
    else for (const term of terms) out.push(term);
  }

  /** The terms of the word just scanned, text[start, start + length), which hashes to `hash`. */
  private termsOf(text: string, start: number, length: number, hash: number): number | readonly number[] {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const known = this.slots[slot]! - 1;
      if (known < 0) return this.add(text.slice(start, start + length), length, hash, slot);
      if (this.hashes[known] === hash && this.equalsWord(known, length)) return this.terms[known]!;
    }
  }

  private equalsWord(known: number, length: number): boolean {
    const from = this.unitStarts[known]!;
    if (this.unitStarts[known + 1]! - from !== length) return false;
    for (let k = 0; k < length; k++) if (this.units[from + k] !== this.word[k]) return false;
    return true;
  }

  private add(raw: string, length: number, hash: number, slot: number): number | readonly number[] {
    const known = this.known++;
    if (this.known + 1 > this.hashes.length) {
      this.hashes = grown(this.hashes, 0, (n) => new Int32Array(n));
      this.unitStarts = grown(this.unitStarts, 0, (n) => new Int32Array(n));
    }
    const from = this.unitStarts[known]!;
    if (from + length > this.units.length) this.units = grown(this.units, from + length, (n) => new Uint16Array(n));
    this.units.set(this.word.subarray(0, length), from);
    this.unitStarts[known + 1] = from + length;
    this.hashes[known] = hash;
    const folded = tokenize(raw).map(this.termId);
    const terms = folded.length === 1 ? folded[0]! : folded;
    this.terms.push(terms);
    this.slots[slot] = known + 1;
    if (this.known * 2 > this.slots.length) this.rehash();
    return terms;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let known = 0; known < this.known; known++) {
      let slot = this.hashes[known]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = known + 1;
    }
  }
}
