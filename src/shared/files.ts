import { z } from 'zod';
import { base64Piece } from './base64-piece';
import { passphraseSchema } from './vault';

/** `file`: a decrypted copy of an attached file, of whatever type its name says. */
export const exportKinds = ['json', 'csv', 'pdf', 'zip', 'backup', 'ics', 'file'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** A file name without folders or characters that Windows, macOS or Linux refuse. */
const fileName = z.string().min(1).max(120).refine(isPlainFileName, 'not a plain file name');

function isPlainFileName(name: string): boolean {
  const forbidden = '\\/:*?"<>|';
  return !/^\.+$/.test(name) && [...name].every((char) => char.charCodeAt(0) >= 0x20 && !forbidden.includes(char));
}

/** Raw bytes per `files.saveAppend` (base64 makes it a third larger on the wire): one attachment chunk. */
export const SAVE_CHUNK_BYTES = 1024 * 1024;
const saveSessionId = z.string().regex(/^[0-9a-f]{32}$/);

export const filesContract = {
  /**
   * Writes a file where the user chooses (a save dialog in the app; the data folder's exports/ in
   * the browser preview). `saved: false` means the user cancelled. The renderer, which alone sees what
   * the file holds, sends the vault passphrase with every export of identifying case data.
   */
  'files.save': {
    request: z
      .object({
        suggestedName: fileName,
        kind: z.enum(exportKinds),
        data: z.string().max(200 * 1024 * 1024),
        encoding: z.enum(['utf8', 'base64']),
        /**
         * Given for a file with identifying case data: main checks it against the vault (unlocked
         * sessions only, the re-authentication delay on a wrong one) before the save dialog opens.
         */
        vaultPassphrase: passphraseSchema.optional(),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * A large file saved in pieces (a decrypted copy of an attached file), so neither side holds it whole:
   * checks the vault passphrase as `files.save` does, asks where to save, and opens a temporary file
   * beside the chosen one. `saved: false` means the user cancelled. Needs the vault unlocked, as every
   * step after it does; a lock ends the session and removes the temporary file.
   */
  'files.saveBegin': {
    request: z.strictObject({
      suggestedName: fileName,
      kind: z.enum(exportKinds),
      size: z
        .int()
        .min(0)
        .max(4 * 1024 * 1024 * 1024),
      vaultPassphrase: passphraseSchema.optional(),
    }),
    response: z.object({ saved: z.boolean(), sessionId: saveSessionId.nullable() }),
  },
  /** The next piece, base64; `offset` must be where the previous one ended. Any failure ends the session. */
  'files.saveAppend': {
    request: z.strictObject({
      sessionId: saveSessionId,
      offset: z.int().min(0),
      data: base64Piece(SAVE_CHUNK_BYTES),
    }),
    response: z.object({ received: z.number().int() }),
  },
  /** Once every byte announced has arrived: the temporary file is flushed and renamed to the chosen name. */
  'files.saveFinish': { request: z.strictObject({ sessionId: saveSessionId }), response: z.object({ path: z.string() }) },
  /** Stops a save: the temporary file is removed. Unknown sessions are ignored. */
  'files.saveAbort': { request: z.strictObject({ sessionId: saveSessionId }), response: z.null() },
} as const;

/** What a default export file name may say about the file: its kind, never whom or what it is about. */
export type ExportFileKind = 'export' | 'cases' | 'cases-deidentified' | 'directory' | 'backup' | 'calendar';

/**
 * The name a save dialog suggests for an export: `waypoint-<kind>-<day>.<extension>`, the day in local time.
 * Never a case code, an alias or a template's name: file names show in folder listings, recent-file menus and
 * synced folders, to whoever looks at the laptop.
 */
export function exportFileName(kind: ExportFileKind, extension: string, now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `waypoint-${kind}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
