/**
 * Fonts of printed documents. The page never uses the fonts installed on the machine: the print
 * stylesheet names the Noto fonts bundled in resources/fonts, which main serves from memory (read
 * once) at a private origin that exists only inside the print window. Loading them by URL instead
 * of inlining megabytes of base64 lets Chromium keep the decoded fonts between prints: inlined, they
 * cost 300-600 ms per document here (see docs/print.md).
 */
export const printOrigin = 'https://print.waypoint.invalid';

export const printFontFamilies = {
  /** Noto Sans: Latin, Greek and Cyrillic. */
  latin: 'Waypoint Print Sans',
  /** Noto Sans Arabic. */
  arabic: 'Waypoint Print Arabic',
  /** Noto Sans Thai. */
  thai: 'Waypoint Print Thai',
} as const;

export type PrintScript = keyof typeof printFontFamilies;

/** Unicode ranges: a face is only fetched when the document has a character in its range. */
const unicodeRanges: Record<PrintScript, string | null> = {
  latin: null,
  arabic: 'U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFE, U+200C-200F',
  thai: 'U+0E00-0E7F, U+200C-200D',
};

export const printFontFiles: ReadonlyArray<{ script: PrintScript; weight: 400 | 700; file: string }> = [
  { script: 'latin', weight: 400, file: 'NotoSans-Regular.ttf' },
  { script: 'latin', weight: 700, file: 'NotoSans-Bold.ttf' },
  { script: 'arabic', weight: 400, file: 'NotoSansArabic-Regular.ttf' },
  { script: 'arabic', weight: 700, file: 'NotoSansArabic-Bold.ttf' },
  { script: 'thai', weight: 400, file: 'NotoSansThai-Regular.ttf' },
  { script: 'thai', weight: 700, file: 'NotoSansThai-Bold.ttf' },
];

export function printFontUrl(file: string): string {
  return `${printOrigin}/fonts/${file}`;
}

/** The @font-face rules of the print stylesheet. */
export function printFontFaces(): string {
  return printFontFiles
    .map(({ script, weight, file }) => {
      const range = unicodeRanges[script];
      return `@font-face { font-family: '${printFontFamilies[script]}'; font-style: normal; font-weight: ${weight}; font-display: block; src: url('${printFontUrl(file)}') format('truetype');${range ? ` unicode-range: ${range};` : ''} }`;
    })
    .join('\n');
}

/** The font-family stack; in Arabic documents the Arabic face comes first. */
export function printFontStack(direction: 'ltr' | 'rtl'): string {
  const { latin, arabic, thai } = printFontFamilies;
  const order = direction === 'rtl' ? [arabic, latin, thai] : [latin, arabic, thai];
  return [...order.map((family) => `'${family}'`), 'sans-serif'].join(', ');
}

/**
 * Chromium draws header and footer templates apart from the page, without its fonts and without
 * loading anything. They hold only labels, the case code (ASCII), a date and page numbers, so they
 * name system fonts that carry Latin and Arabic on each platform.
 */
export const headerFooterFontStack = "'Segoe UI', Tahoma, 'Helvetica Neue', 'Geeza Pro', 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', Arial, sans-serif";
