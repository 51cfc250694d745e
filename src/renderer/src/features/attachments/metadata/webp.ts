import { ascii, ByteReader, metadataReadLimit } from './bytes';
import { readExif, readXmp } from './findings';
import type { Part, RemovedMetadata, Stripped } from './types';

/** Chunks of the image itself (bitstreams, alpha, animation, the ICC profile): kept. */
const imageChunks = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const bitstreams = new Set(['VP8 ', 'VP8L', 'ANMF']);
/** VP8X flags that announce EXIF and XMP chunks. */
const exifFlag = 0x08;
const xmpFlag = 0x04;

async function judge(reader: ByteReader, fourcc: string, dataStart: number, dataEnd: number): Promise<Set<RemovedMetadata>> {
  if (fourcc === 'EXIF') {
    if (dataEnd - dataStart > metadataReadLimit) return new Set(['exif']);
    const data = await reader.read(dataStart, dataEnd);
    // The chunk holds a TIFF structure; some writers put JPEG's "Exif\0\0" before it.
    return readExif(ascii(data, 0, 6) === 'Exif\0\0' ? data.subarray(6) : data).removed;
  }
  if (fourcc === 'XMP ') return readXmp(await reader.text(dataStart, dataEnd));
  return new Set(['other']);
}

/**
 * Walks a WebP's RIFF chunks and leaves out EXIF, XMP, unknown chunks and whatever follows the RIFF data,
 * reading only chunk headers (and the metadata being removed); then rewrites the RIFF size and the VP8X
 * flags to match. The bitstreams are kept byte for byte.
 */
export async function stripWebp(file: Blob): Promise<Stripped> {
  const reader = new ByteReader('WebP', file);
  const fail = (message: string) => reader.fail(message);
  const header = await reader.exactly(0, 12);
  const riffEnd = 8 + new DataView(header.buffer, header.byteOffset).getUint32(4, true);
  if (riffEnd > file.size) throw fail(`the RIFF header counts ${riffEnd} bytes, the file has ${file.size}`);
  const kept: Part[] = [];
  const removed = new Set<RemovedMetadata>();
  let keptSize = 4; // "WEBP"
  let extended: Uint8Array<ArrayBuffer> | null = null;
  let sawBitstream = false;
  for (let pos = 12; pos < riffEnd;) {
    const chunk = await reader.exactly(pos, pos + 8);
    const fourcc = ascii(chunk, 0, 4);
    const size = new DataView(chunk.buffer, chunk.byteOffset).getUint32(4, true);
    const dataEnd = pos + 8 + size;
    // Each chunk is padded to an even length.
    const end = Math.min(dataEnd + (size & 1), riffEnd);
    if (dataEnd > riffEnd) throw fail(`the ${fourcc} chunk at byte ${pos} runs past the RIFF data`);
    if (pos === 12 && !['VP8 ', 'VP8L', 'VP8X'].includes(fourcc)) throw fail(`the first chunk is ${fourcc}`);
    if (imageChunks.has(fourcc)) {
      if (fourcc === 'VP8X') {
        if (size < 10 || pos !== 12) throw fail('a misplaced or short VP8X chunk');
        extended = (await reader.exactly(pos, end)).slice();
        kept.push(extended);
      } else kept.push(file.slice(pos, end));
      keptSize += end - pos;
      if (bitstreams.has(fourcc)) sawBitstream = true;
    } else {
      for (const kind of await judge(reader, fourcc, pos + 8, dataEnd)) removed.add(kind);
    }
    pos = end;
  }
  if (!sawBitstream) throw fail('no image data in the RIFF data');
  if (riffEnd < file.size) removed.add('other');
  // The flags must not announce chunks that are gone.
  if (extended) extended[8] = extended[8]! & ~(exifFlag | xmpFlag);
  const riff = new Uint8Array(12);
  riff.set(header.subarray(0, 12));
  new DataView(riff.buffer).setUint32(4, keptSize, true);
  return { parts: [riff, ...kept], removed };
}
