/**
 * Chromium writes a PDF's document information itself: the Title from the page's <title> (which the
 * print document controls), but also the Creator (the browser's full user agent: Electron's names the
 * app and its version, and the operating system) and the creation and change times to the second with
 * the computer's time-zone offset. A file manager or a PDF reader shows these without opening the
 * document. This keeps the Title and the Producer ("Skia/PDF"), empties the Creator and every other
 * free-text field, and cuts both times to the day.
 *
 * Each value is rewritten in place and padded with spaces after its closing parenthesis, so no byte
 * moves and the cross-reference table stays right.
 */
const keptKeys = new Set(['Title', 'Producer']);
const dateKeys = new Set(['CreationDate', 'ModDate']);

export function neutralPdfMetadata(pdf: Uint8Array): Uint8Array {
  // latin1 maps each byte to one character and back, so offsets in the string are offsets in the file.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const info = /\/Info\s+(\d+)\s+0\s+R/g;
  let match: RegExpExecArray | null;
  let objectNumber: string | null = null;
  while ((match = info.exec(text)) !== null) objectNumber = match[1] ?? null;
  if (objectNumber === null) return pdf;
  const start = new RegExp(`(?:^|[\\r\\n])${objectNumber}\\s+0\\s+obj\\b`).exec(text);
  if (!start) return pdf;
  const end = text.indexOf('endobj', start.index);
  if (end < 0) return pdf;

  const out = Buffer.from(pdf);
  const key = /\/([A-Za-z]+)\s*([(<])/g;
  key.lastIndex = start.index;
  while ((match = key.exec(text)) !== null && match.index < end) {
    const name = match[1] ?? '';
    const valueStart = match.index + match[0].length - 1;
    const valueEnd = match[2] === '(' ? literalStringEnd(text, valueStart) : text.indexOf('>', valueStart) + 1;
    if (valueEnd <= valueStart || valueEnd > end) return pdf;
    key.lastIndex = valueEnd;
    if (keptKeys.has(name)) continue;
    const day = dateKeys.has(name) ? /^\(D:(\d{8})/.exec(text.slice(valueStart, valueEnd))?.[1] : undefined;
    const replacement = day ? `(D:${day})` : '()';
    out.write(replacement.padEnd(valueEnd - valueStart, ' '), valueStart, 'latin1');
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The offset just past a PDF literal string that opens at `open`: nested parentheses balance, a backslash escapes. */
function literalStringEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return -1;
}
