/**
 * Attached files in the encrypted store (docs/attachments-format.md): the bytes as encrypted chunks
 * (`writeAttachment`), then the record (table `attachments`, found by a keyed tag on its case id) written
 * last, so a file is either wholly attached or not at all.
 */
import { attachmentSchema, isAttachment, upgradeAttachment, type CaseAttachment } from '@shared/attachments';
import type { FollowUpLink } from '@shared/followups';
import { AttachmentError, blobSha256, deleteAttachmentChunks, readAttachment, readCaseRecords, writeAttachment, type ReadRecords, type WaypointStore } from '../../db';
import { stripMetadata, type RemovedMetadata } from './metadata';

type Store = WaypointStore;

export const attachmentsTable = 'attachments';

export type ReadAttachments = ReadRecords<CaseAttachment>;

/** A case's files, oldest first. */
export async function listCaseAttachments(store: Store, caseId: string): Promise<ReadAttachments> {
  const read = await readCaseRecords(store, attachmentsTable, isAttachment, caseId);
  const records = read.records.map(upgradeAttachment).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { ...read, records };
}

export interface AttachOptions {
  /** Keep the file exactly as received (no metadata removed): the caseworker's choice, per file, after a warning. */
  keepOriginal: boolean;
  /** The note or checklist question of the case it is attached from; null from the case's Files tab. */
  link?: FollowUpLink | null;
  limitBytes: number;
  estimate?: () => Promise<StorageEstimate>;
}

export interface Attached {
  attachment: CaseAttachment;
  removed: RemovedMetadata[];
}

/**
 * Removes the file's metadata (unless kept as received), stores its bytes encrypted, then its record.
 * Throws AttachmentError (too large, no room, disk full, unreadable) or MetadataError, with nothing written.
 */
export async function attachFile(store: Store, caseId: string, file: File, options: AttachOptions): Promise<Attached> {
  if (file.size > options.limitBytes) throw new AttachmentError('tooLarge', `The file has ${file.size} bytes, over the limit of ${options.limitBytes}.`);
  const stripped = await stripMetadata(file);
  const stored = options.keepOriginal ? file : stripped.blob;
  const removed = options.keepOriginal ? [] : stripped.removed;
  const written = await writeAttachment(store, stored, { limitBytes: options.limitBytes, ...(options.estimate ? { estimate: options.estimate } : {}) });
  try {
    const now = new Date().toISOString();
    const attachment = attachmentSchema.parse({
      id: crypto.randomUUID(),
      caseId,
      name: file.name.trim().slice(0, 255) || 'file',
      caption: '',
      size: written.size,
      mediaType: stripped.mediaType,
      sha256: written.sha256,
      originalSha256: removed.length > 0 ? await blobSha256(file) : null,
      removed,
      keptOriginal: options.keepOriginal,
      link: options.link ?? null,
      blob: written.blob,
      createdAt: now,
      updatedAt: now,
    } satisfies CaseAttachment);
    await store.save(attachmentsTable, { id: attachment.id, kind: 'attachment', index: { caseId }, data: attachment });
    return { attachment, removed };
  } catch (error) {
    await deleteAttachmentChunks(store, [written.blob.id]).catch(() => undefined); // else the sweep at the next unlock
    throw error;
  }
}

export async function saveAttachment(store: Store, attachment: CaseAttachment): Promise<CaseAttachment> {
  const checked = attachmentSchema.parse({ ...attachment, updatedAt: new Date().toISOString() });
  await store.save(attachmentsTable, { id: checked.id, kind: 'attachment', index: { caseId: checked.caseId }, data: checked });
  return checked;
}

/** The record first (with its tombstone), then the chunks: a deletion cut short between leaves only orphans the next sweep takes. */
export async function deleteAttachment(store: Store, attachment: CaseAttachment): Promise<void> {
  await store.delete(attachmentsTable, attachment.id);
  await deleteAttachmentChunks(store, [attachment.blob.id]);
}

/**
 * The file's bytes, decrypted and checked chunk by chunk (for a saved copy, which never holds it whole); the
 * length is checked against the record as it goes, and at the end.
 */
export async function* attachmentParts(store: Store, attachment: CaseAttachment): AsyncGenerator<Uint8Array<ArrayBuffer>, void, undefined> {
  let at = 0;
  for await (const chunk of readAttachment(store, attachment.blob)) {
    at += chunk.length;
    if (at > attachment.size) throw new AttachmentError('damaged', 'The file is longer than its record says.');
    yield chunk;
  }
  if (at !== attachment.size) throw new AttachmentError('damaged', 'The file is shorter than its record says.');
}

/**
 * The whole file, decrypted and checked, in memory, for a view: an image or a PDF is drawn from all of its
 * bytes. Never written to disk here.
 */
export async function readAttachmentBytes(store: Store, attachment: CaseAttachment): Promise<Uint8Array<ArrayBuffer>> {
  const whole = new Uint8Array(attachment.size);
  let at = 0;
  for await (const chunk of attachmentParts(store, attachment)) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** Text shown in the app up to this many bytes; a longer text file shows its beginning, with a note. */
export const textPreviewBytes = 2 * 1024 * 1024;

/**
 * The beginning of a text file, up to `limit` bytes, decoded as UTF-8 (a character cut by the limit is left
 * out), read and decrypted only as far as needed; `complete` says whether that was the whole file.
 */
export async function readTextPreview(store: Store, attachment: CaseAttachment, limit = textPreviewBytes): Promise<{ text: string; complete: boolean }> {
  const decoder = new TextDecoder();
  let text = '';
  let at = 0;
  for await (const chunk of attachmentParts(store, attachment)) {
    const part = chunk.subarray(0, limit - at);
    at += part.length;
    const complete = at === attachment.size;
    text += decoder.decode(part, { stream: !complete });
    if (complete) return { text, complete };
    if (at >= limit) break; // stops the reading: the chunks after it are neither read nor decrypted
  }
  return { text, complete: false };
}
