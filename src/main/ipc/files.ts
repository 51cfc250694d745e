import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, basename } from 'node:path';
import type { ExportKind } from '../../shared/files';
import { AppError } from '../../shared/errors';
import { writeFileAtomically } from '../services/atomic-file';
import type { Handlers } from './dispatch';
import type { ConfirmPassphrase } from './vault';

/** Where a file goes: the app asks with a save dialog; null when the user cancels. */
export type ChooseSavePath = (suggestedName: string, kind: ExportKind) => Promise<string | null>;

/** The browser preview has no dialog: files land in <data folder>/exports/, never overwriting. */
export function previewSavePath(dataFolder: string): ChooseSavePath {
  return async (suggestedName) => {
    const folder = join(dataFolder, 'exports');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const extension = extname(suggestedName);
    const stem = basename(suggestedName, extension);
    let candidate = join(folder, suggestedName);
    for (let copy = 2; existsSync(candidate); copy++) candidate = join(folder, `${stem} (${copy})${extension}`);
    return candidate;
  };
}

export function filesHandlers(chooseSavePath: ChooseSavePath, confirmPassphrase: ConfirmPassphrase): Pick<Handlers, 'files.save'> {
  return {
    'files.save': async ({ suggestedName, kind, data, encoding, vaultPassphrase }) => {
      if (vaultPassphrase !== undefined) await confirmPassphrase(vaultPassphrase);
      const path = await chooseSavePath(suggestedName, kind);
      if (!path) return { saved: false, path: null };
      try {
        await writeFileAtomically(path, Buffer.from(data, encoding));
      } catch (error) {
        throw new AppError('FILE_WRITE_FAILED', 'could not write the chosen file', { cause: error });
      }
      return { saved: true, path };
    },
  };
}
