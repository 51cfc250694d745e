import { describe, expect, it } from 'vitest';
import { backupContract, UPLOAD_CHUNK_BYTES } from '@shared/backup';
import { base64Piece } from '@shared/base64-piece';
import { filesContract, SAVE_CHUNK_BYTES } from '@shared/files';

const base64Of = (bytes: number) => Buffer.alloc(bytes, 0xa5).toString('base64');

describe('a piece of a file sent as base64', () => {
  it('takes up to its size in bytes, in the base64 alphabet with its padding, and nothing else', () => {
    const piece = base64Piece(10);
    expect(piece.safeParse(base64Of(10)).success).toBe(true);
    expect(piece.safeParse('').success).toBe(true);
    expect(piece.safeParse(base64Of(13)).success).toBe(false);
    for (const bad of ['not base64!', 'AAA=A', 'AA===', 'AA-_']) expect(piece.safeParse(bad).success, bad).toBe(false);
  });

  it('bounds the pieces of a saved copy and of a backup upload by their chunk sizes', () => {
    const save = (data: string) => filesContract['files.saveAppend'].request.safeParse({ sessionId: '0'.repeat(32), offset: 0, data }).success;
    const upload = (data: string) => backupContract['restore.upload'].request.safeParse({ sessionId: '0'.repeat(32), offset: 0, data }).success;
    expect(save(base64Of(SAVE_CHUNK_BYTES))).toBe(true);
    expect(save(base64Of(SAVE_CHUNK_BYTES + 3))).toBe(false);
    expect(upload(base64Of(UPLOAD_CHUNK_BYTES))).toBe(true);
    expect(upload(base64Of(UPLOAD_CHUNK_BYTES + 3))).toBe(false);
  });
});
