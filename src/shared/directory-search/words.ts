import { foldText, tokenize } from '../fold';

/**
 * The words of directory texts and queries. Folding is the app's one search folding (shared/fold.ts), so
 * the index and the query agree with each other and with case and legal search; what is the directory's
 * own is how it reads words for its index and phone numbers in a query.
 */

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

/**
 * A query typed as a phone number (digits in two or more groups) is one word of its digits, which may be
 * typed in Arabic-Indic digits (folding turns them into the 0-9 the index holds).
 */
export function parseQuery(query: string): ParsedQuery {
  const digits = phoneDigits(foldText(query));
  return { words: digits === undefined ? tokenize(query) : [digits] };
}
