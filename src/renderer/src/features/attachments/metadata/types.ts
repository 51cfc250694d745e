/** What the bytes are, sniffed from the file's first bytes (never from its name or the browser's `file.type`). */
export type AttachmentMediaType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | 'text/plain';

/**
 * What was taken out of an image, as the caseworker is told it ("location and camera details removed"):
 * location (GPS or place names), camera (make, model, serial numbers, lens, owner and artist names),
 * dates, exif (an EXIF block, whatever it held), xmp, iptc, comments (text comments and text chunks), other
 * (embedded previews, unknown segments or chunks, and bytes after the end of the image).
 */
export type RemovedMetadata = 'location' | 'camera' | 'dates' | 'exif' | 'xmp' | 'iptc' | 'comments' | 'other';

/** The order the kinds are listed in: what exposes a place or a person first. */
export const removedMetadataOrder: readonly RemovedMetadata[] = ['location', 'camera', 'dates', 'exif', 'xmp', 'iptc', 'comments', 'other'];

/** The stripped file as parts to join: slices of the original and small rewritten headers. */
export type Part = Blob | Uint8Array<ArrayBuffer>;

export interface Stripped {
  parts: Part[];
  removed: Set<RemovedMetadata>;
}

export type ImageFormat = 'JPEG' | 'PNG' | 'WebP';

/**
 * An image whose structure could not be walked (damaged, cut short, or not the format its first bytes
 * claim). It is refused whole: a half-walked file could keep the metadata it was meant to lose.
 */
export class MetadataError extends Error {
  override readonly name = 'MetadataError';
  constructor(
    readonly format: ImageFormat,
    message: string,
  ) {
    super(`${format}: ${message}`);
  }
}
