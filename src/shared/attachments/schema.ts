import { z } from 'zod';
import { idPattern } from '../checklists/schema';
import { followUpLinkSchema } from '../followups/schema';

/** The largest file a caseworker may attach unless told otherwise (stated in the message when exceeded). */
export const defaultAttachmentLimitBytes = 100 * 1024 * 1024;

export const attachmentLimits = { nameChars: 255, captionChars: 1000 } as const;

const recordId = z.string().max(80).regex(idPattern);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Where an attachment's encrypted chunks are and how to open them (docs/attachments-format.md). */
export const attachmentBlobSchema = z.strictObject({
  /** Random, and unrelated to the record's id: nothing on disk links a record to its chunks. */
  id: z.uuid(),
  /** base64 of the file key's 12-byte IV and its AES-256-GCM wrap under the attachments key. */
  key: z.base64(),
  chunks: z.int().min(1),
});
export type AttachmentBlob = z.infer<typeof attachmentBlobSchema>;

/** A file kept with a case: what the case page lists, and how to find its encrypted bytes. */
export const attachmentSchema = z.strictObject({
  id: recordId,
  caseId: recordId,
  /** The name it came with, shown and searched; used as a file name only when the caseworker keeps it on saving. */
  name: z.string().trim().min(1).max(attachmentLimits.nameChars),
  caption: z.string().max(attachmentLimits.captionChars),
  /** Bytes as stored (after any metadata was removed). */
  size: z.int().min(0),
  /** Sniffed from the bytes, never from the name; null when not one the app shows. */
  mediaType: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/)
    .nullable(),
  /** SHA-256 of the bytes as stored, for chain of custody. */
  sha256: sha256Hex,
  /** SHA-256 of the file as received, when metadata was removed from it before storing (else null: the same as `sha256`). */
  originalSha256: sha256Hex.nullable(),
  /** Kinds of metadata removed (location, camera...), as the metadata remover names them. */
  removed: z.array(z.string().max(40)).max(20),
  /** The caseworker chose to keep the file exactly as received. */
  keptOriginal: z.boolean(),
  /**
   * The note or checklist question of the same case it belongs with, or null for the case alone. The one link
   * shape follow-ups use (ids only), so both resolve, show and open alike (`resolveLink`).
   */
  link: followUpLinkSchema.nullable(),
  blob: attachmentBlobSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseAttachment = z.infer<typeof attachmentSchema>;

/**
 * An attachment as read from the store, in today's shape: records written before links existed have a
 * `noteId` field (always null: nothing set it) and no `link`.
 */
export function upgradeAttachment(data: CaseAttachment): CaseAttachment {
  const { noteId, ...rest } = data as CaseAttachment & { noteId?: string | null };
  if (rest.link !== undefined) return rest;
  return { ...rest, link: typeof noteId === 'string' ? { type: 'note', noteId } : null };
}

/** A cheap check of decrypted data for reading many (lists, search); full validation happens on write. */
export function isAttachment(data: unknown): data is CaseAttachment {
  const a = data as Partial<CaseAttachment> | null;
  return (
    typeof a?.id === 'string' &&
    typeof a.caseId === 'string' &&
    typeof a.name === 'string' &&
    typeof a.caption === 'string' &&
    typeof a.size === 'number' &&
    typeof a.sha256 === 'string' &&
    typeof a.blob?.id === 'string' &&
    typeof a.blob.key === 'string' &&
    typeof a.blob.chunks === 'number'
  );
}
