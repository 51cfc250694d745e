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

const marks = /\p{M}/gu;
const unifyVariant = (char: string) => arabicVariants[char] ?? char;

export function foldText(text: string): string {
  if (!nonAscii.test(text)) return text.toLowerCase();
  // NFKD splits a letter from its marks (including أ إ آ ؤ ئ into a bare letter plus a hamza or madda mark).
  return text.toLowerCase().normalize('NFKD').replace(marks, '').replace(variantPattern, unifyVariant);
}

const word = /[\p{L}\p{N}]+/gu;

/** The words of a text, folded. Scripts written without spaces (Thai, Chinese) come out as long runs. */
export function tokenize(text: string): string[] {
  return foldText(text).match(word) ?? [];
}

// Marks belong to the word they sit on until folding removes them.
const rawWord = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The words of a text as the index takes them: split first (runs of letters, digits and marks), then each
 * folded with `tokenize`. The same as `tokenize(text)` except for symbols that NFKD turns into letters
 * (℃ -> °C). The index build gets these words from CachedTokenizer (tokenizer.ts), which is faster.
 */
export function indexWords(text: string): string[] {
  return (text.match(rawWord) ?? []).flatMap((raw) => tokenize(raw));
}

const phoneLike = /^\+?[\d\s\-()./]+$/;
const twoDigitGroups = /\d\D+\d/;
const nonDigits = /\D/g;

/** The digits of a phone number, as one word, so "1-888-373" finds "+1 888 373 7888". */
export function phoneDigits(text: string): string | undefined {
  // Two digit groups means two digits or more. The index calls this for every phone number, hence regexes
  // made once, and no digits string for a text that is not a phone number.
  if (!phoneLike.test(text.trim()) || !twoDigitGroups.test(text)) return undefined;
  return text.replace(nonDigits, '');
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
