import { SAVE_CHUNK_BYTES, type ExportKind } from '@shared/files';
import { toBase64 } from '@shared/base64';
import { unwrap } from './bridge';

/**
 * Saves text or bytes through main (a save dialog in the app, exports/ in the preview).
 * Resolves to the path written, or null when the user cancelled. A file with identifying case data
 * goes with the vault passphrase, which main checks before anything else.
 */
export async function saveFile(suggestedName: string, kind: ExportKind, content: string | Uint8Array, options: { vaultPassphrase?: string } = {}): Promise<string | null> {
  const binary = content instanceof Uint8Array;
  const data = binary ? toBase64(content) : content;
  const result = await unwrap(window.waypoint.files.save({ suggestedName, kind, data, encoding: binary ? 'base64' : 'utf8', ...options }));
  return result.saved ? result.path : null;
}

/**
 * Saves a file too large for one request (a decrypted attachment) in pieces of at most SAVE_CHUNK_BYTES, as
 * `parts` yields them: main writes them to a temporary file and gives it the chosen name only after the last,
 * so neither side holds the file whole. `size` is the file's length, which main checks at the end. Resolves
 * to the path written, or null when the user cancelled. On any failure (a part that throws, a write, a lock)
 * the save is aborted, which removes the temporary file, and the error is thrown.
 */
export async function saveFileInParts(
  suggestedName: string,
  kind: ExportKind,
  size: number,
  parts: AsyncIterable<Uint8Array>,
  options: { vaultPassphrase?: string } = {},
): Promise<string | null> {
  const { sessionId } = await unwrap(window.waypoint.files.saveBegin({ suggestedName, kind, size, ...options }));
  if (!sessionId) return null;
  try {
    let offset = 0;
    for await (const part of parts) {
      for (let at = 0; at < part.length; at += SAVE_CHUNK_BYTES) {
        const piece = part.subarray(at, at + SAVE_CHUNK_BYTES);
        await unwrap(window.waypoint.files.saveAppend({ sessionId, offset, data: toBase64(piece) }));
        offset += piece.length;
      }
    }
    return (await unwrap(window.waypoint.files.saveFinish({ sessionId }))).path;
  } catch (error) {
    await window.waypoint.files.saveAbort({ sessionId }).catch(() => undefined);
    throw error;
  }
}
