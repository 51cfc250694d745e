/**
 * The preview's HTTP transport carries JSON, which has no bytes: keys the unlock answer gives as a
 * Uint8Array (as Electron's IPC carries them) travel as `{ "$bytes": base64 }` and are made bytes
 * again in the bridge, before the app's code sees them. The app never holds a key as a string.
 */
const marker = '$bytes';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Runs in the preview server. */
export function stringifyWithBytes(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field instanceof Uint8Array ? { [marker]: base64Of(field) } : field));
}

/** Runs in the page, in the bridge script. */
export function parseWithBytes(text: string): unknown {
  return JSON.parse(text, (_key, field: unknown) => {
    if (typeof field !== 'object' || field === null || Object.keys(field).length !== 1) return field;
    const encoded = (field as Record<string, unknown>)[marker];
    return typeof encoded === 'string' ? Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)) : field;
  });
}
