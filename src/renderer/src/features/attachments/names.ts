import { exportFileName } from '@shared/files';

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/**
 * The name a saved copy is offered under: like every export, only its kind and day
 * (`waypoint-export-2026-12-07.jpg`), unless the caseworker chooses the file's own name, which then loses
 * what a file name may not hold (folders, characters Windows refuses) and is kept to 120 characters.
 */
export function copyFileName(name: string, mediaType: string | null, keepName: boolean, now = new Date()): string {
  if (keepName) {
    const plain = [...name]
      .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? '_' : char))
      .join('')
      .replace(/^\.+/, '_');
    const dot = plain.lastIndexOf('.');
    const extension = dot > 0 && plain.length - dot <= 10 ? plain.slice(dot) : '';
    return plain.slice(0, plain.length - extension.length).slice(0, 120 - extension.length) + extension;
  }
  const own = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  return exportFileName('export', (mediaType && extensions[mediaType]) ?? own ?? 'bin', now);
}
