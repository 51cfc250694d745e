/**
 * Search folding: the same text typed with or without accents, in any case, or with Arabic
 * letter variants folds to the same tokens, so "Jose" finds "José" and "احمد" finds "أحمد".
 */

// Letters that compatibility decomposition leaves alone but people type without the mark, and
// Arabic/Persian variants that Arabic search treats as the same letter. Tatweel (ـ) only stretches
// a word and is dropped.
const letterFolds: Readonly<Record<string, string>> = {
  ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th',
  'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ة': 'ه', 'ک': 'ك', 'ـ': '',
};
const letterFoldPattern = new RegExp(`[${Object.keys(letterFolds).join('')}]`, 'g');
const combiningMarks = /\p{M}+/gu;
// Arabic-Indic (U+0660) and Eastern Arabic-Indic (U+06F0) digits, so "٤٢" finds "42".
const arabicDigits = /[\u0660-\u0669\u06F0-\u06F9]/g;
const tokenSeparator = /[^\p{L}\p{N}]+/u;
const asciiTokenSeparator = /[^a-z0-9]+/;
// Only ASCII characters (a non-BMP character is a surrogate pair, also outside this range).
const ascii = /^[^\u0080-\uffff]*$/;

export function foldText(text: string): string {
  // Most notes are plain ASCII: lower case is all they need, and it is several times faster.
  if (ascii.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .toLowerCase()
    .replace(letterFoldPattern, (letter) => letterFolds[letter] ?? letter)
    .replace(arabicDigits, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/** Folded words: runs of letters and digits; everything else separates. */
export function tokenize(text: string): string[] {
  const words = ascii.test(text) ? text.toLowerCase().split(asciiTokenSeparator) : foldText(text).split(tokenSeparator);
  return words.filter((word) => word !== '');
}
