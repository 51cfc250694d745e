import { z } from 'zod';

/**
 * A piece of a file sent over IPC as base64, of at most `maxBytes` once decoded: its length and alphabet are
 * checked before anything decodes it.
 */
export function base64Piece(maxBytes: number) {
  return z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);
}
