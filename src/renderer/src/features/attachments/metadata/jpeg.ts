import { ByteReader, startsWith } from './bytes';
import { orientationOnlyTiff, readExif, readXmp, type ExifFindings } from './findings';
import type { Part, RemovedMetadata, Stripped } from './types';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP13 = 0xed;
const APP14 = 0xee;
const COM = 0xfe;
/** How much of the entropy-coded data is read at a time while looking for the marker that ends it. */
const scanStep = 1 << 20;

/**
 * Whether an APPn or COM segment goes, and what it held. Kept: JFIF (APP0), the ICC profile (APP2) and
 * Adobe's colour transform (APP14), which decoding needs; everything else is metadata or an embedded preview
 * (a thumbnail can show the photo before it was cropped).
 */
async function judge(reader: ByteReader, marker: number, start: number, end: number): Promise<ExifFindings | null> {
  const head = await reader.read(start + 4, Math.min(end, start + 4 + 40));
  if (marker === APP0 && startsWith(head, 'JFIF\0')) return null;
  if (marker === APP2 && startsWith(head, 'ICC_PROFILE\0')) return null;
  if (marker === APP14 && startsWith(head, 'Adobe')) return null;
  if (marker === COM) return { removed: new Set(['comments']), orientation: null };
  if (marker === APP13) return { removed: new Set(['iptc']), orientation: null };
  if (marker === APP1 && startsWith(head, 'Exif\0')) return readExif(await reader.read(start + 10, end));
  if (marker === APP1 && startsWith(head, 'http://ns.adobe.com/')) {
    return { removed: readXmp(await reader.text(start + 4, end)), orientation: null };
  }
  return { removed: new Set(['other']), orientation: null };
}

/**
 * Where the entropy-coded data that starts at `from` ends: at the first 0xFF followed by a marker (not a
 * stuffed 0x00, a restart marker or a fill byte). Read a megabyte at a time, never the whole image.
 */
async function endOfScan(reader: ByteReader, from: number): Promise<number> {
  for (let at = from; ;) {
    // One byte more than the step, so a 0xFF at the end of a step is seen with the byte after it.
    const bytes = await reader.read(at, at + scanStep + 1);
    if (bytes.length < 2) throw reader.fail('the file ends inside the image data');
    for (let i = bytes.indexOf(0xff); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0xff, i + 1)) {
      const next = bytes[i + 1]!;
      if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) return at + i;
    }
    at += bytes.length - 1;
  }
}

/**
 * Walks a JPEG's segments and leaves out EXIF (but for its orientation), XMP, IPTC, comments, other
 * APPn segments and whatever follows the end of the image, reading only segment headers (and the
 * metadata being removed, at most 64 KB a segment). The image data is kept byte for byte.
 */
export async function stripJpeg(file: Blob): Promise<Stripped> {
  const reader = new ByteReader('JPEG', file);
  const fail = (message: string) => reader.fail(message);
  const parts: Part[] = [];
  const removed = new Set<RemovedMetadata>();
  let keptFrom = 0;
  let sawScan = false;
  let sawOrientation = false;
  let pos = 2; // after SOI, which the sniffing saw
  for (;;) {
    const header = await reader.read(pos, pos + 4);
    if (header.length < 2) throw fail('the file ends before the end-of-image marker');
    if (header[0] !== 0xff) throw fail(`no marker at byte ${pos}`);
    const marker = header[1]!;
    if (marker === 0xff) {
      pos += 1; // a fill byte before a marker
      continue;
    }
    if (marker === EOI) break;
    if (marker === SOI) throw fail(`a second start-of-image marker at byte ${pos}`);
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2; // restart and TEM markers have no length
      continue;
    }
    const segment = await reader.exactly(pos, pos + 4);
    const length = (segment[2]! << 8) | segment[3]!;
    if (length < 2) throw fail(`a segment of length ${length} at byte ${pos}`);
    const end = pos + 2 + length;
    if (end > file.size) throw fail(`a segment at byte ${pos} runs past the end of the file`);
    if (marker === SOS) {
      sawScan = true;
      pos = await endOfScan(reader, end);
      continue;
    }
    const verdict = (marker >= APP0 && marker <= 0xef) || marker === COM ? await judge(reader, marker, pos, end) : null;
    if (verdict) {
      for (const kind of verdict.removed) removed.add(kind);
      if (pos > keptFrom) parts.push(file.slice(keptFrom, pos));
      if (verdict.orientation !== null && !sawOrientation) {
        sawOrientation = true;
        parts.push(exifSegment(orientationOnlyTiff(verdict.orientation)));
      }
      keptFrom = end;
    }
    pos = end;
  }
  if (!sawScan) throw fail('no image data before the end-of-image marker');
  const end = pos + 2;
  parts.push(file.slice(keptFrom, end));
  if (end < file.size) removed.add('other'); // a trailer: previews of other sizes, or a maker's own data
  return { parts, removed };
}

/** An APP1 segment holding `tiff` as EXIF. */
function exifSegment(tiff: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const length = 2 + 6 + tiff.length;
  const segment = new Uint8Array(2 + length);
  segment.set([0xff, APP1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]); // "Exif\0\0"
  segment.set(tiff, 10);
  return segment;
}
