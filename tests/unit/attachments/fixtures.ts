import type { CaseAttachment } from '@shared/attachments';

/** A valid attachment record of case-1 (a 3-byte PDF in one chunk, nothing removed, linked to nothing), with `overrides`. */
export function attachmentRecord(overrides: Partial<CaseAttachment> = {}): CaseAttachment {
  const now = '2026-12-07T10:00:00.000Z';
  return {
    id: 'a1',
    caseId: 'case-1',
    name: 'payslip.pdf',
    caption: '',
    size: 3,
    mediaType: null,
    sha256: '0'.repeat(64),
    originalSha256: null,
    removed: [],
    keptOriginal: false,
    link: null,
    blob: { id: crypto.randomUUID(), key: btoa('key'), chunks: 1 },
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
