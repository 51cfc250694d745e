/**
 * Search folding and words: the one definition behind case, directory and legal search, so a query finds
 * the same text in every section. Texts typed with or without accents, in any case, with Arabic letter
 * variants or with Arabic-Indic digits fold to the same words: "lodz" finds "Łódź", "strasse" finds
 * "Straße", "مدرسه" finds "مَدْرَسَة", "42" finds "٤٢".
 *
 * The rules, in order:
 * 1. NFKD, then every combining mark dropped: accents (é -> e), Arabic harakat and superscript alef, the
 *    hamza and madda that NFKD splits off alef, waw and yeh (أ إ آ -> ا, ؤ -> و, ئ -> ي), and compatibility
 *    forms (ﬁ -> fi, fullwidth and mathematical letters and digits -> plain ones).
 * 2. Lower case, then what Unicode case folding adds to it (ß and ẞ -> ss, final ς -> σ).
 * 3. Letters people type without their stroke or as two letters (ł -> l, ø -> o, æ -> ae), and Arabic and
 *    Persian variants Arabic search treats as one letter: alef wasla (ٱ -> ا), taa marbuta (ة -> ه), alef
 *    maqsura and Persian yeh (ى ی -> ي), keheh (ک -> ك); tatweel (ـ), which only stretches a word, goes.
 * 4. Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits -> 0-9.
 *
 * A word is a run of letters and digits of the folded text; everything else separates.
 *
 * `foldVersion` names these rules. Anything that keeps folded words beyond one run of the app (an index
 * built ahead of time, a cache) records it and rebuilds when it differs; change it with any rule.
 */
export const foldVersion = 1;

// Rules 3 and 4, in one table so that one pass of one regex applies them.
const letterFolds: Readonly<Record<string, string>> = {
  ß: 'ss',
  ς: 'σ',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ـ: '',
  ...Object.fromEntries(
    Array.from({ length: 10 }, (_, digit) => [
      [String.fromCharCode(0x0660 + digit), String(digit)],
      [String.fromCharCode(0x06f0 + digit), String(digit)],
    ]).flat(),
  ),
};
const letterFoldPattern = new RegExp(`[${Object.keys(letterFolds).join('')}]`, 'g');
const combiningMarks = /\p{M}+/gu;
const wordSeparator = /[^\p{L}\p{N}]+/u;
const asciiWordSeparator = /[^a-z0-9]+/;
// Only ASCII characters (a character outside the Basic Multilingual Plane is a surrogate pair, also
// outside this range).
const ascii = /^[^\u0080-\uffff]*$/;

const unfoldedLetter = (letter: string): string => letterFolds[letter] ?? letter;

export function foldText(text: string): string {
  // Most texts are plain ASCII, where lower case is the whole fold, and several times faster.
  if (ascii.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(combiningMarks, '').toLowerCase().replace(letterFoldPattern, unfoldedLetter);
}

/** The folded words of a text, in order. Scripts written without spaces (Thai, Chinese) come out as long runs. */
export function tokenize(text: string): string[] {
  const words = ascii.test(text) ? text.toLowerCase().split(asciiWordSeparator) : foldText(text).split(wordSeparator);
  return words.filter((found) => found !== '');
}
