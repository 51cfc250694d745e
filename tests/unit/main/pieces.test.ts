import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PieceOutOfOrder, writeNextPiece } from '../../../src/main/services/pieces';

let work = '';
afterEach(async () => rm(work, { recursive: true, force: true }));

describe('a file received in ordered pieces', () => {
  it('writes each piece where the last ended, counts it, and refuses one out of order or past the size, writing nothing', async () => {
    work = await mkdtemp(join(tmpdir(), 'waypoint-pieces-'));
    const path = join(work, 'file.part');
    const file = await open(path, 'wx', 0o600);
    const progress = { size: 10, received: 0 };
    const piece = (text: string) => Buffer.from(text).toString('base64');
    expect(await writeNextPiece(file, progress, 0, piece('hello'))).toBe(5);
    await expect(writeNextPiece(file, progress, 0, piece('again'))).rejects.toBeInstanceOf(PieceOutOfOrder);
    await expect(writeNextPiece(file, progress, 6, piece('gap'))).rejects.toThrow('piece at 6 does not follow 5 of 10 bytes');
    await expect(writeNextPiece(file, progress, 5, piece('too long'))).rejects.toBeInstanceOf(PieceOutOfOrder);
    expect(progress.received).toBe(5);
    expect(await writeNextPiece(file, progress, 5, piece('world'))).toBe(10);
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('helloworld');
  });
});
