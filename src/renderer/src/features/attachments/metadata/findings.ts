import type { RemovedMetadata } from './types';

// EXIF tags (TIFF/EP and Exif 2.32 numbering) that say where, with what and by whom, or when.
const cameraTags = new Set([
  0x010f, // Make
  0x0110, // Model
  0x013b, // Artist
  0x8298, // Copyright
  0x927c, // MakerNote (often the body's serial number)
  0xa430, // CameraOwnerName
  0xa431, // BodySerialNumber
  0xa432, // LensSpecification
  0xa433, // LensMake
  0xa434, // LensModel
  0xa435, // LensSerialNumber
]);
const dateTags = new Set([0x0132, 0x9003, 0x9004]); // DateTime, DateTimeOriginal, DateTimeDigitized
const exifPointer = 0x8769;
const gpsPointer = 0x8825;
const orientationTag = 0x0112;
const gpsLocationTags = new Set([0x0002, 0x0004, 0x0014, 0x0016]); // latitude, longitude, destination latitude, longitude
const gpsDateTags = new Set([0x0007, 0x001d]); // GPSTimeStamp, GPSDateStamp

export interface ExifFindings {
  removed: Set<RemovedMetadata>;
  /** The EXIF orientation (2-8) when the image is shown turned or mirrored; null when upright or unknown. */
  orientation: number | null;
}

/**
 * What an EXIF block (a TIFF structure, after any "Exif\0\0" prefix) holds, to tell the caseworker: the
 * block goes whatever it holds, so a damaged one is simply reported as "exif".
 */
export function readExif(tiff: Uint8Array): ExifFindings {
  const removed = new Set<RemovedMetadata>();
  const findings: ExifFindings = { removed, orientation: null };
  if (tiff.length < 8) return { removed: new Set(['exif']), orientation: null };
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = tiff[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  /** The tags of the IFD at `offset`, with where each one's value (or its offset) is. */
  function entries(offset: number): Array<{ tag: number; value: number }> {
    if (offset < 8 || offset + 2 > tiff.length) return [];
    const count = Math.min(u16(offset), Math.floor((tiff.length - offset - 2) / 12));
    return Array.from({ length: count }, (_, i) => ({ tag: u16(offset + 2 + i * 12), value: offset + 2 + i * 12 + 8 }));
  }
  const ifd0 = entries(u32(4));
  // A block that holds nothing but the orientation (as this module writes one) is not worth telling about.
  if (ifd0.some(({ tag }) => tag !== orientationTag) || ifd0.length === 0) removed.add('exif');
  for (const { tag, value } of ifd0) {
    if (cameraTags.has(tag)) removed.add('camera');
    if (dateTags.has(tag)) removed.add('dates');
    if (tag === orientationTag) {
      const orientation = u16(value);
      findings.orientation = orientation >= 2 && orientation <= 8 ? orientation : null;
    }
    if (tag === exifPointer) {
      for (const inner of entries(u32(value))) {
        if (cameraTags.has(inner.tag)) removed.add('camera');
        if (dateTags.has(inner.tag)) removed.add('dates');
      }
    }
    if (tag === gpsPointer) {
      for (const inner of entries(u32(value))) {
        if (gpsLocationTags.has(inner.tag)) removed.add('location');
        if (gpsDateTags.has(inner.tag)) removed.add('dates');
      }
    }
  }
  return findings;
}

/** What an XMP packet (or a text chunk) names, by its property names: the packet goes whatever it holds. */
export function readXmp(text: string): Set<RemovedMetadata> {
  const removed = new Set<RemovedMetadata>(['xmp']);
  if (/GPS(Latitude|Longitude)|Location(Shown|Created)|Iptc4xmpCore:Location|photoshop:(City|State|Country)/.test(text)) removed.add('location');
  if (/tiff:(Make|Model)|SerialNumber|Lens(Model|Make|Info)|dc:creator|CameraOwnerName/i.test(text)) removed.add('camera');
  if (/(Create|Modify|Metadata|Original)Date|DateCreated|DateTimeOriginal/.test(text)) removed.add('dates');
  return removed;
}

/**
 * A TIFF block holding the orientation alone, so a photo taken on its side still shows upright once the
 * rest of its EXIF is gone: an orientation says nothing about a place or a person.
 */
export function orientationOnlyTiff(orientation: number): Uint8Array<ArrayBuffer> {
  const tiff = new Uint8Array(26);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d, 0x00, 0x2a]); // "MM", 42: big-endian TIFF
  view.setUint32(4, 8); // the first IFD follows the header
  view.setUint16(8, 1); // one entry
  view.setUint16(10, orientationTag);
  view.setUint16(12, 3); // SHORT
  view.setUint32(14, 1); // one value
  view.setUint16(18, orientation); // in the first half of the value field
  view.setUint32(22, 0); // no next IFD
  return tiff;
}
