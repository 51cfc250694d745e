import { ascii, ByteReader, metadataReadLimit } from './bytes';
import { orientationOnlyTiff, readExif, readXmp, type ExifFindings } from './findings';
import type { Part, RemovedMetadata, Stripped } from './types';

/** Ancillary chunks that change how the pixels look or move (colour, transparency, animation): kept. */
const renderingChunks = new Set(['bKGD', 'cHRM', 'cICP', 'cLLi', 'gAMA', 'hIST', 'iCCP', 'mDCv', 'pHYs', 'sBIT', 'sPLT', 'sRGB', 'tRNS', 'acTL', 'fcTL', 'fdAT']);
const textChunks = new Set(['tEXt', 'zTXt', 'iTXt']);
const criticalChunks = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

/** What a text chunk held, by its keyword (the text itself may be compressed). */
async function judgeText(reader: ByteReader, type: string, dataStart: number, dataEnd: number): Promise<Set<RemovedMetadata>> {
  const head = await reader.read(dataStart, Math.min(dataEnd, dataStart + 80));
  const keyword = ascii(head, 0, Math.max(head.indexOf(0), 0));
  if (keyword === 'XML:com.adobe.xmp') return type === 'iTXt' ? readXmp(await reader.text(dataStart, dataEnd)) : new Set(['xmp']);
  if (/exif|APP1/i.test(keyword)) return new Set(['exif']);
  if (/iptc|8BIM/i.test(keyword)) return new Set(['iptc']);
  if (/xmp/i.test(keyword)) return new Set(['xmp']);
  if (/gps|location/i.test(keyword)) return new Set(['location']);
  if (/make|model|serial|lens|author|artist|owner/i.test(keyword)) return new Set(['camera']);
  if (/date|time/i.test(keyword)) return new Set(['dates']);
  return new Set(['comments']);
}

/** What an ancillary chunk that goes held. */
async function judgeChunk(reader: ByteReader, type: string, dataStart: number, dataEnd: number): Promise<ExifFindings> {
  if (type === 'eXIf') return dataEnd - dataStart <= metadataReadLimit ? readExif(await reader.read(dataStart, dataEnd)) : { removed: new Set(['exif']), orientation: null };
  const removed: Set<RemovedMetadata> = type === 'tIME' ? new Set(['dates']) : textChunks.has(type) ? await judgeText(reader, type, dataStart, dataEnd) : new Set(['other']);
  return { removed, orientation: null };
}

/** CRC-32 (ISO 3309, as PNG uses it) of a chunk's type and data. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A whole chunk: length, type, data and CRC. */
function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(
    [...type].map((letter) => letter.charCodeAt(0)),
    4,
  );
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * Walks a PNG's chunks and leaves out eXIf, text chunks (tEXt, zTXt, iTXt: comments, XMP, dates), tIME,
 * unknown ancillary chunks and whatever follows IEND, reading only chunk headers (and the metadata being
 * removed). Critical chunks and the ones that change how the image looks are kept byte for byte, CRC and all.
 */
export async function stripPng(file: Blob): Promise<Stripped> {
  const reader = new ByteReader('PNG', file);
  const fail = (message: string) => reader.fail(message);
  const parts: Part[] = [];
  const removed = new Set<RemovedMetadata>();
  let keptFrom = 0;
  let sawData = false;
  let pos = 8; // after the signature, which the sniffing saw
  for (let first = true; ; first = false) {
    const header = await reader.exactly(pos, pos + 8);
    const length = new DataView(header.buffer, header.byteOffset).getUint32(0);
    const type = ascii(header, 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw fail(`no chunk type at byte ${pos + 4}`);
    if (length > 0x7fffffff) throw fail(`a chunk length of ${length} at byte ${pos}`);
    const end = pos + 12 + length;
    if (end > file.size) throw fail(`the ${type} chunk at byte ${pos} runs past the end of the file`);
    if (first !== (type === 'IHDR')) throw fail(first ? `the first chunk is ${type}, not IHDR` : 'a second IHDR chunk');
    if (type === 'IEND') {
      if (!sawData) throw fail('no image data before IEND');
      parts.push(file.slice(keptFrom, end));
      if (end < file.size) removed.add('other');
      return { parts, removed };
    }
    if (type === 'IDAT') sawData = true;
    // A chunk whose type starts in upper case is critical: a decoder must refuse one it does not know, so an
    // unknown one is no image a viewer would show, and nothing that could be kept unread.
    const critical = type.charCodeAt(0) < 0x61;
    if (critical && !criticalChunks.has(type)) throw fail(`an unknown critical chunk ${type} at byte ${pos}`);
    if (!critical && !renderingChunks.has(type)) {
      const found = await judgeChunk(reader, type, pos + 8, pos + 8 + length);
      for (const kind of found.removed) removed.add(kind);
      if (pos > keptFrom) parts.push(file.slice(keptFrom, pos));
      // Chromium turns a PNG by its EXIF orientation too: keep it, alone.
      if (found.orientation !== null) parts.push(pngChunk('eXIf', orientationOnlyTiff(found.orientation)));
      keptFrom = end;
    }
    pos = end;
  }
}
