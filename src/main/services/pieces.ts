import type { FileHandle } from 'node:fs/promises';

/** How far a file sent in ordered pieces has got: `received` of the `size` bytes announced. */
export interface PieceProgress {
  size: number;
  received: number;
}

/** A piece that does not start where the last one ended, or would go past the size announced. */
export class PieceOutOfOrder extends Error {
  constructor(offset: number, { received, size }: PieceProgress) {
    super(`piece at ${offset} does not follow ${received} of ${size} bytes`);
    this.name = 'PieceOutOfOrder';
  }
}

/**
 * Writes the next piece of a file sent over IPC in ordered pieces (base64) to `file`, all of it, at its offset,
 * and counts it in `progress`; returns the bytes received so far. Rejects with PieceOutOfOrder, writing nothing,
 * when the piece does not follow; else with the write's own error.
 */
export async function writeNextPiece(file: FileHandle, progress: PieceProgress, offset: number, data: string): Promise<number> {
  const bytes = Buffer.from(data, 'base64');
  if (offset !== progress.received || progress.received + bytes.length > progress.size) throw new PieceOutOfOrder(offset, progress);
  let written = 0;
  while (written < bytes.length) written += (await file.write(bytes, written, bytes.length - written, offset + written)).bytesWritten;
  progress.received += bytes.length;
  return progress.received;
}
