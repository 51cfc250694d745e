// Removing what an image says about where, when and with what it was taken, before it is encrypted and
// kept: the caseworker is told what went. Only the headers of segments and chunks are read, and the
// result is a Blob of slices of the original, so a large photo is never held in memory whole and its
// pixels are never decoded or re-encoded.
import type { TFunction } from 'i18next';
import { stripJpeg } from './jpeg';
import { stripPng } from './png';
import { sniffMediaType } from './sniff';
import { MetadataError, removedMetadataOrder, type AttachmentMediaType, type RemovedMetadata, type Stripped } from './types';
import { stripWebp } from './webp';

export { MetadataError };
export type { AttachmentMediaType, RemovedMetadata } from './types';

const strippers: Partial<Record<AttachmentMediaType, (file: Blob) => Promise<Stripped>>> = {
  'image/jpeg': stripJpeg,
  'image/png': stripPng,
  'image/webp': stripWebp,
};

/**
 * The file without its metadata (JPEG, PNG and WebP; any other file as it is), its media type sniffed
 * from its bytes, and what was removed. Throws MetadataError for an image that cannot be walked: it is
 * never passed on half-stripped.
 */
export async function stripMetadata(file: Blob): Promise<{ blob: Blob; mediaType: AttachmentMediaType | null; removed: RemovedMetadata[] }> {
  const mediaType = await sniffMediaType(file);
  const strip = mediaType ? strippers[mediaType] : undefined;
  if (!strip) return { blob: file, mediaType, removed: [] };
  const { parts, removed } = await strip(file);
  return { blob: new Blob(parts, { type: mediaType! }), mediaType, removed: removedMetadataOrder.filter((kind) => removed.has(kind)) };
}

/**
 * "Removed from the file: location, camera and owner details and dates.", or null when nothing was;
 * `t` is the attachments namespace's.
 */
export function removedMetadataText(t: TFunction<'attachments'>, language: string, removed: readonly RemovedMetadata[]): string | null {
  if (removed.length === 0) return null;
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(removed.map((kind) => t(`metadata.kinds.${kind}`)));
  return t('metadata.removed', { list });
}

/** The translated message for a MetadataError; `t` is the attachments namespace's. */
export function metadataErrorText(t: TFunction<'attachments'>, error: MetadataError): string {
  return t('metadata.unreadable', { format: error.format });
}
