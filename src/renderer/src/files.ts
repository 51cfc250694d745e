import type { ExportKind } from '@shared/files';
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

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 0x8000) text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(text);
}
