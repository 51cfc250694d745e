/**
 * Suggested passphrases: six words drawn at random from the EFF long word list (7,776 words), so
 * log2(7776^6) ≈ 77.5 bits, far past what zxcvbn's top score asks. The list is a separate chunk,
 * loaded only when someone asks for a suggestion.
 */
export const SUGGESTED_WORDS = 6;
export const WORD_LIST_SIZE = 7776;

type RandomFill = (values: Uint32Array) => Uint32Array;
const systemRandom: RandomFill = (values) => crypto.getRandomValues(values);

/** The words of a list in EFF's format: a dice number, a tab, the word, one per line. */
export function parseWordList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().split('\t')[1] ?? '')
    .filter((word) => word.length > 0);
}

/**
 * A uniform index below `size`. A 32-bit value taken modulo `size` would favour the small indexes
 * (2^32 is not a multiple of 7776), so values from the incomplete last block are drawn again.
 */
export function uniformIndex(size: number, random: RandomFill = systemRandom): number {
  const limit = 2 ** 32 - (2 ** 32 % size);
  const value = new Uint32Array(1);
  for (;;) {
    random(value);
    if (value[0]! < limit) return value[0]! % size;
  }
}

/** Six words (by default), separated by spaces. */
export function suggestPassphrase(words: readonly string[], count = SUGGESTED_WORDS, random: RandomFill = systemRandom): string {
  const picked: string[] = [];
  for (let i = 0; i < count; i++) picked.push(words[uniformIndex(words.length, random)]!);
  return picked.join(' ');
}

let wordList: Promise<string[]> | null = null;

export function loadWordList(): Promise<string[]> {
  wordList ??= import('@resources/wordlists/eff_large_wordlist.txt?raw').then((module) => parseWordList(module.default));
  return wordList;
}
