import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ChooseSavePath } from '../main/ipc/files';

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
