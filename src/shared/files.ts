import { z } from 'zod';
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
