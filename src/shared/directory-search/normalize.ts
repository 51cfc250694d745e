/**
 * Text folding shared by the index and the query, so both sides agree on what a word is: case-insensitive,
 * diacritics removed (é -> e, ё -> е, Arabic short vowels and hamza seats), and Arabic/Persian letter
 * variants unified, since people type them interchangeably.
 */

const arabicVariants: Record<string, string> = {
  'ة': 'ه', // ta marbuta -> ha
  'ى': 'ي', // alef maqsura -> ya
  'ی': 'ي', // Persian ya -> Arabic ya
  'ک': 'ك', // Persian kaf (keheh) -> Arabic kaf
  'ـ': '', // tatweel (a stretching stroke, not a letter)
  'ß': 'ss',
};
const variantPattern = new RegExp(`[${Object.keys(arabicVariants).join('')}]`, 'g');
const nonAscii = /[^ -~\t\n\r]/; // anything beyond printable ASCII and common whitespace

export function foldText(text: string): string {
  if (!nonAscii.test(text)) return text.toLowerCase();
  // NFKD splits a letter from its marks (including أ إ آ ؤ ئ into a bare letter plus a hamza or madda mark).
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(variantPattern, (char) => arabicVariants[char] ?? char);
}

const word = /[\p{L}\p{N}]+/gu;
// Marks belong to the word they sit on until folding removes them.
const rawWord = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text, folded. Scripts written without spaces (Thai, Chinese) come out as long runs. */
export function tokenize(text: string): string[] {
  return foldText(text).match(word) ?? [];
}

/**
 * `tokenize` for many texts with a shared vocabulary: splits first and folds each distinct raw word once,
 * calling `visit` per word instead of building arrays (building an index is mostly this loop).
 * Gives the words `tokenize` gives, except from symbols that NFKD turns into letters (℃ -> °C).
 */
export function cachedTokenizer(): (text: string, visit: (word: string) => void) => void {
  const cache = new Map<string, string | readonly string[]>();
  return (text, visit) => {
    rawWord.lastIndex = 0;
    for (let match = rawWord.exec(text); match !== null; match = rawWord.exec(text)) {
      const raw = match[0];
      let words = cache.get(raw);
      if (words === undefined) {
        const folded = tokenize(raw);
        words = folded.length === 1 ? folded[0]! : folded;
        cache.set(raw, words);
      }
      if (typeof words === 'string') visit(words);
      else for (const word of words) visit(word);
    }
  };
}

const phoneLike = /^\+?[\d\s\-()./]+$/;

/** The digits of a phone number, as one word, so "1-888-373" finds "+1 888 373 7888". */
export function phoneDigits(text: string): string | undefined {
  if (!phoneLike.test(text.trim())) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 2 && /\d\D+\d/.test(text) ? digits : undefined;
}

export interface ParsedQuery {
  /** Every word must match; all but the last exactly, the last as a prefix. */
  words: string[];
}

/** A query typed as a phone number (digits in two or more groups) is one word of its digits. */
export function parseQuery(query: string): ParsedQuery {
  const digits = phoneDigits(query);
  return { words: digits === undefined ? tokenize(query) : [digits] };
}
