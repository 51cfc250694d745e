/**
 * The preview's HTTP transport carries JSON, which has no bytes: keys the unlock answer gives as a
 * Uint8Array (as Electron's IPC carries them) travel as `{ "$bytes": base64 }` and are made bytes
 * again in the bridge, before the app's code sees them. The app never holds a key as a string.
 */
import { fromBase64, toBase64 } from '../shared/base64';

const marker = '$bytes';

/** Runs in the preview server. */
export function stringifyWithBytes(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field instanceof Uint8Array ? { [marker]: toBase64(field) } : field));
}

/** Runs in the page, in the bridge script. */
export function parseWithBytes(text: string): unknown {
  return JSON.parse(text, (_key, field: unknown) => {
    if (typeof field !== 'object' || field === null || Object.keys(field).length !== 1) return field;
    const encoded = (field as Record<string, unknown>)[marker];
    return typeof encoded === 'string' ? fromBase64(encoded) : field;
  });
}
