import writeFileAtomic from 'write-file-atomic';

/** Writes through a temporary file, fsync and rename, so a crash or a full disk never leaves half a file. */
export async function writeFileAtomically(path: string, data: string | Buffer): Promise<void> {
  await writeFileAtomic(path, data, { fsync: true, mode: 0o600 });
}
