import type { ExportKind } from '../../shared/files';
import { AppError } from '../../shared/errors';
import { writeFileAtomically } from '../services/atomic-file';
import type { Handlers } from './dispatch';
import type { ConfirmPassphrase } from '../services/session';

/** Where a file goes: the app asks with a save dialog; null when the user cancels. */
export type ChooseSavePath = (suggestedName: string, kind: ExportKind) => Promise<string | null>;

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
