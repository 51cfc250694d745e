import { startsWith } from './bytes';
import type { AttachmentMediaType } from './types';

/** How much of a file is read to tell text from binary. */
const textSample = 64 * 1024;

/**
 * The media type the file's first bytes show, or null for anything else (an empty file too). Never the name
 * or the browser's `file.type`: both are whatever the sender chose. Text is valid UTF-8 without NUL in the
 * first 64 KB (a character cut at the end of that sample is not held against it).
 */
export async function sniffMediaType(file: Blob): Promise<AttachmentMediaType | null> {
  const head = new Uint8Array(await file.slice(0, textSample).arrayBuffer());
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (startsWith(head, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'image/webp';
  if (startsWith(head, '%PDF-')) return 'application/pdf';
  if (head.length > 0 && !head.includes(0) && isUtf8(head, head.length < file.size)) return 'text/plain';
  return null;
}

function isUtf8(bytes: Uint8Array, more: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: more });
    return true;
  } catch {
    return false;
  }
}
