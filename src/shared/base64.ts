/**
 * Bytes to and from base64, for files sent in pieces, attachment keys, backups and the agenda summary's
 * columns. Shared by the renderer and Node (tests, bench); no Node or DOM module, only the globals both have.
 */

/** Globals of both the browser and Node, which the shared code's types (no DOM, no Node) do not name. */
const { atob, btoa } = globalThis as unknown as { atob: (text: string) => string; btoa: (binary: string) => string };

/** Bytes as base64, in slices: spreading a whole large buffer into one `fromCharCode` call overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 0x8000) text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(text);
}

type WithFromBase64 = { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };

/** Throws on text that is not base64. Chromium decodes natively; elsewhere (Node 20) through `atob`, one loop and no callback per byte. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as WithFromBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
