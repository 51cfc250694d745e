/**
 * English names of the ISO 639-1 codes the bundled directory uses; HSDS `language.name` wants a name beside
 * the code. The interface shows names in its own language via Intl.DisplayNames, not from this table.
 */
const names: Record<string, string> = {
  am: 'Amharic',
  ar: 'Arabic',
  bg: 'Bulgarian',
  cs: 'Czech',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  fa: 'Persian',
  fr: 'French',
  hi: 'Hindi',
  id: 'Indonesian',
  ja: 'Japanese',
  km: 'Khmer',
  lt: 'Lithuanian',
  ml: 'Malayalam',
  mn: 'Mongolian',
  ne: 'Nepali',
  om: 'Oromo',
  pl: 'Polish',
  ps: 'Pashto',
  ro: 'Romanian',
  ru: 'Russian',
  si: 'Sinhala',
  ta: 'Tamil',
  te: 'Telugu',
  th: 'Thai',
  ti: 'Tigrinya',
  tl: 'Tagalog',
  tr: 'Turkish',
  ur: 'Urdu',
  uz: 'Uzbek',
  vi: 'Vietnamese',
  zh: 'Chinese',
};

export function languageName(code: string): string {
  return names[code] ?? code;
}

export function isKnownLanguage(code: string): boolean {
  return code in names;
}
