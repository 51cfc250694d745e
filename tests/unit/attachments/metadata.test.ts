import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { MetadataError, removedMetadataText, stripMetadata, type RemovedMetadata } from '@renderer/features/attachments/metadata';

// Made by tests/fixtures/attachments/make-fixtures.sh with ExifTool: every text in their metadata holds this marker.
const marker = 'WPMARK';
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/attachments', name)));
const jpeg = fixture('camera.jpg');
const png = fixture('camera.png');
const webp = fixture('camera.webp');
const jpegTrailer = new TextEncoder().encode('WPMARK-trailer after the end of the image').length;

/** Everything exifr finds, segment by segment (EXIF IFDs, GPS, XMP, IPTC, PNG text), without translation. */
const readAll = (bytes: Uint8Array) =>
  exifr.parse(bytes, {
    tiff: true,
    exif: true,
    gps: true,
    ifd1: true,
    xmp: true,
    iptc: true,
    icc: true,
    jfif: true,
    ihdr: true,
    mergeOutput: false,
    translateValues: false,
    reviveValues: false,
  }) as Promise<Record<string, Record<string, unknown>> | undefined>;

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);
const strip = async (bytes: Uint8Array<ArrayBuffer>, type = '') => {
  const result = await stripMetadata(new Blob([bytes], { type }));
  return { ...result, bytes: await bytesOf(result.blob) };
};

/** A RIFF file's chunks as [fourcc, data]: how the tests look into a WebP, which exifr does not read. */
function riffChunks(bytes: Uint8Array): Array<[string, Uint8Array]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Array<[string, Uint8Array]> = [];
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    chunks.push([Buffer.from(bytes.subarray(at, at + 4)).toString('latin1'), bytes.subarray(at + 8, at + 8 + size)]);
    at += 8 + size + (size & 1);
  }
  return chunks;
}

/** A PNG's chunks as [type, data]. */
function pngChunks(bytes: Uint8Array): Array<[string, Uint8Array]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Array<[string, Uint8Array]> = [];
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    chunks.push([Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1'), bytes.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  return chunks;
}

describe('stripMetadata on camera files', () => {
  it('the fixtures carry what a camera writes (the control for the checks below)', async () => {
    for (const image of [jpeg, png]) {
      const found = await readAll(image);
      expect(found?.gps?.['GPSLatitude']).toEqual([52, 13, 46.92]);
      expect(found?.ifd0?.['Make']).toBe('WPMARK-make');
      expect(found?.exif?.['SerialNumber']).toBe('WPMARK-serial');
      expect(found?.exif?.['DateTimeOriginal']).toBe('2026:03:14 09:26:53');
      expect(found?.dc?.['creator']).toBe('WPMARK-xmp-creator');
    }
    expect((await readAll(jpeg))?.iptc?.['City']).toBe('WPMARK-iptc-city');
    const exif = riffChunks(webp).find(([fourcc]) => fourcc === 'EXIF')![1];
    expect((await readAll(exif))?.gps?.['GPSLatitude']).toEqual([52, 13, 46.92]);
    for (const image of [jpeg, png, webp]) expect(contains(image, marker)).toBe(true);
  });

  it('JPEG: removes EXIF, GPS, XMP, IPTC, comments, the thumbnail and the trailer, keeps the orientation, ICC profile and image data', async () => {
    const result = await strip(jpeg);
    expect(result.mediaType).toBe('image/jpeg');
    expect(result.blob.type).toBe('image/jpeg');
    expect(result.removed).toEqual(['location', 'camera', 'dates', 'exif', 'xmp', 'iptc', 'comments', 'other']);
    expect(contains(result.bytes, marker)).toBe(false);
    const found = await readAll(result.bytes);
    // What is left: the orientation, JFIF and the colour profile; nothing that names a place, a device, a person or a time.
    expect(Object.keys(found ?? {}).sort()).toEqual(['icc', 'ifd0', 'jfif']);
    expect(found?.ifd0).toEqual({ Orientation: 6 });
    expect(found?.icc?.['ProfileFileSignature']).toBe('acsp');
    // The image data (tables, frame, scan, end of image) is the original's byte for byte.
    const dqt = Buffer.from(result.bytes).indexOf(Buffer.from([0xff, 0xdb]));
    const tail = result.bytes.subarray(dqt);
    for (const segment of [
      [0xff, 0xc0],
      [0xff, 0xc4],
      [0xff, 0xda],
    ])
      expect(Buffer.from(tail).includes(Buffer.from(segment))).toBe(true); // frame, tables, scan
    expect(Buffer.from(jpeg.subarray(jpeg.length - jpegTrailer - tail.length, jpeg.length - jpegTrailer)).equals(tail)).toBe(true);
  });

  it('JPEG: keeps every scan of a progressive image, and the tables between them', async () => {
    const progressive = fixture('progressive.jpg');
    const result = await strip(progressive);
    expect(result.removed).toEqual(['location', 'exif', 'comments']);
    expect(contains(result.bytes, marker)).toBe(false);
    expect((await readAll(result.bytes))?.gps).toBeUndefined();
    const count = (bytes: Uint8Array, segment: number[]) => Buffer.from(bytes).toString('latin1').split(Buffer.from(segment).toString('latin1')).length - 1;
    expect(count(progressive, [0xff, 0xda])).toBeGreaterThan(1);
    for (const segment of [
      [0xff, 0xda],
      [0xff, 0xc4],
      [0xff, 0xc2],
    ])
      expect(count(result.bytes, segment)).toBe(count(progressive, segment)); // scans, Huffman tables, progressive frame
  });

  it('PNG: removes EXIF, text chunks, XMP and tIME, keeps the orientation, the colour chunks and the image data', async () => {
    const result = await strip(png);
    expect(result.mediaType).toBe('image/png');
    expect(result.removed).toEqual(['location', 'camera', 'dates', 'exif', 'xmp', 'comments']);
    expect(contains(result.bytes, marker)).toBe(false);
    const found = await readAll(result.bytes);
    expect(Object.keys(found ?? {}).sort()).toEqual(['icc', 'ifd0', 'ihdr']);
    expect(found?.ifd0).toEqual({ Orientation: 6 });
    expect(Object.keys(found!.ihdr!)).not.toContain('Comment');
    const before = pngChunks(png);
    const after = pngChunks(result.bytes);
    expect(after.map(([type]) => type)).toEqual(before.map(([type]) => type).filter((type) => !['tEXt', 'zTXt', 'iTXt', 'tIME'].includes(type)));
    expect(after.map(([type]) => type)).toContain('iCCP');
    const data = (chunks: Array<[string, Uint8Array]>) => Buffer.concat(chunks.filter(([type]) => type === 'IDAT' || type === 'IHDR').map(([, bytes]) => bytes));
    expect(data(after).equals(data(before))).toBe(true);
  });

  it('WebP: removes the EXIF and XMP chunks, fixes the VP8X flags and the RIFF size, keeps the ICC profile and the bitstream', async () => {
    const result = await strip(webp);
    expect(result.mediaType).toBe('image/webp');
    expect(result.removed).toEqual(['location', 'camera', 'dates', 'exif', 'xmp']);
    expect(contains(result.bytes, marker)).toBe(false);
    const view = new DataView(result.bytes.buffer);
    expect(view.getUint32(4, true)).toBe(result.bytes.length - 8);
    const chunks = riffChunks(result.bytes);
    expect(chunks.map(([fourcc]) => fourcc)).toEqual(['VP8X', 'ICCP', 'VP8 ']);
    const flags = (bytes: Uint8Array) => riffChunks(bytes).find(([fourcc]) => fourcc === 'VP8X')![1][0]!;
    expect(flags(webp) & 0x0c).toBe(0x0c);
    expect(flags(result.bytes)).toBe(flags(webp) & ~0x0c);
    const bitstream = (bytes: Uint8Array) => Buffer.from(riffChunks(bytes).find(([fourcc]) => fourcc === 'VP8 ')![1]);
    expect(bitstream(result.bytes).equals(bitstream(webp))).toBe(true);
  });

  it('leaves a stripped file as it is, and reports nothing removed', async () => {
    for (const image of [jpeg, png, webp]) {
      const once = await strip(image);
      const twice = await strip(once.bytes);
      expect(twice.removed).toEqual([]);
      expect(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes))).toBe(true);
    }
  });

  it('sniffs the type from the bytes, never from the name or the type the browser gave', async () => {
    expect((await stripMetadata(new File([jpeg], 'notes.txt', { type: 'text/plain' }))).mediaType).toBe('image/jpeg');
    const disguised = await stripMetadata(new File([png], 'scan.pdf', { type: 'application/pdf' }));
    expect(disguised.mediaType).toBe('image/png');
    expect(contains(await bytesOf(disguised.blob), marker)).toBe(false);
  });
});

describe('stripMetadata refuses a damaged image whole', () => {
  /** Rejects with MetadataError naming the format, never resolves with a half-walked file. */
  async function expectRefused(bytes: Uint8Array<ArrayBuffer>, format: string) {
    const error: unknown = await stripMetadata(new Blob([bytes])).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error, `${bytes.length} bytes`).toBeInstanceOf(MetadataError);
    expect((error as MetadataError).format).toBe(format);
  }

  it('refuses a file cut short anywhere', async () => {
    // Every 11th length (a prime, so the cuts fall at every offset within headers) and the last byte.
    const cuts = (bytes: Uint8Array<ArrayBuffer>, end = bytes.length) =>
      [...Array.from({ length: Math.ceil((end - 12) / 11) }, (_, i) => 12 + i * 11), end - 1].map((length) => bytes.subarray(0, length));
    for (const cut of cuts(jpeg, jpeg.length - jpegTrailer)) await expectRefused(cut, 'JPEG');
    for (const cut of cuts(png)) await expectRefused(cut, 'PNG');
    for (const cut of cuts(webp)) await expectRefused(cut, 'WebP');
  });

  it('refuses broken structure: a bad segment length, a missing marker, a bad chunk type, a chunk past the end', async () => {
    const badLength = jpeg.slice();
    badLength[4] = 0;
    badLength[5] = 1; // the JFIF segment's length, below its own two bytes
    await expectRefused(badLength, 'JPEG');
    const noMarker = jpeg.slice();
    noMarker[2 + 2 + ((jpeg[4]! << 8) | jpeg[5]!)] = 0x00; // the byte where the second segment's 0xFF should be
    await expectRefused(noMarker, 'JPEG');
    await expectRefused(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'JPEG'); // no image data
    const badType = png.slice();
    badType[12] = 0x31; // IHDR's type, "1HDR"
    await expectRefused(badType, 'PNG');
    const unknownCritical = png.slice();
    unknownCritical.set([0x58, 0x48, 0x44, 0x52], 8 + 25 + 4); // the chunk after IHDR renamed "XHDR": critical, unknown
    await expectRefused(unknownCritical, 'PNG');
    const pastEnd = png.slice();
    pastEnd[8] = 0x7f; // IHDR's length, two gigabytes
    await expectRefused(pastEnd, 'PNG');
    const riffTooLong = webp.slice();
    new DataView(riffTooLong.buffer).setUint32(4, webp.length, true);
    await expectRefused(riffTooLong, 'WebP');
    const chunkTooLong = webp.slice();
    new DataView(chunkTooLong.buffer).setUint32(16, webp.length, true); // VP8X's size
    await expectRefused(chunkTooLong, 'WebP');
  });

  it('drops what follows the end of a PNG or WebP, and says so', async () => {
    const extra = new TextEncoder().encode('WPMARK after the end');
    for (const image of [png, webp]) {
      const result = await strip(Uint8Array.from([...image, ...extra]));
      expect(result.removed).toContain('other');
      expect(contains(result.bytes, marker)).toBe(false);
    }
  });
});

describe('stripMetadata on other files', () => {
  it('passes PDFs, text and unknown files through as they are, with their sniffed type', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    const pdfBlob = new Blob([pdf]);
    const asPdf = await stripMetadata(pdfBlob);
    expect(asPdf).toEqual({ blob: pdfBlob, mediaType: 'application/pdf', removed: [] });
    const text = async (bytes: Uint8Array<ArrayBuffer>) => (await stripMetadata(new File([bytes], 'photo.jpg', { type: 'image/jpeg' }))).mediaType;
    expect(await text(new TextEncoder().encode('Rendez-vous à 10 h — موعد الساعة العاشرة'))).toBe('text/plain');
    // A character cut by the end of the 64 KB sample still counts as text.
    expect(await text(new TextEncoder().encode('a'.repeat(64 * 1024 - 1) + 'é and more'))).toBe('text/plain');
    expect(await text(new Uint8Array([0x68, 0x69, 0x00, 0x21]))).toBeNull(); // NUL
    expect(await text(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBeNull(); // Latin-1, not UTF-8
    expect(await text(new Uint8Array())).toBeNull();
    expect(await text(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull(); // a PNG signature cut short
  });

  it('never reads a large image whole', async () => {
    // A JPEG whose image data is 6 MB: the walk may read it, a megabyte at a time, to find where it ends.
    const scan = new Uint8Array(6 * 1024 * 1024).fill(0x5a);
    const image = Uint8Array.from([...jpeg.subarray(0, jpeg.length - jpegTrailer - 2), ...scan.subarray(0, 16), 0xff, 0xd9]);
    const large = new Blob([image.subarray(0, image.length - 2 - 16), scan, new Uint8Array([0xff, 0xd9])]);
    const reads: number[] = [];
    large.slice = (start?: number, end?: number) => {
      const part = Blob.prototype.slice.call(large, start, end);
      const read = part.arrayBuffer.bind(part);
      part.arrayBuffer = () => (reads.push(part.size), read());
      return part;
    };
    const result = await stripMetadata(large);
    expect(result.blob.size).toBeGreaterThan(scan.length);
    expect(Math.max(...reads)).toBeLessThanOrEqual(1024 * 1024 + 1);
  });
});

describe('removedMetadataText', () => {
  const texts = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../src/renderer/src/features/attachments/locales/en.json'), 'utf8')) as {
    metadata: { removed: string; kinds: Record<RemovedMetadata, string> };
  };
  const t = ((key: string, values?: { list: string }) =>
    key === 'metadata.removed' ? texts.metadata.removed.replace('{{list}}', values!.list) : texts.metadata.kinds[key.replace('metadata.kinds.', '') as RemovedMetadata]) as never;

  it('lists what went in the language’s own way, and says nothing when nothing went', () => {
    expect(removedMetadataText(t, 'en', ['location', 'camera', 'dates'])).toBe('Removed from the file: location, camera and owner details, and dates and times.');
    expect(removedMetadataText(t, 'en', [])).toBeNull();
  });
});
