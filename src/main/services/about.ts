import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The build date shown in Settings → About: electron-builder writes `buildDate` into the packaged
 * package.json. Null in a development run or the browser preview.
 */
export function readBuildDate(appPath: string): string | null {
  try {
    const { buildDate } = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as { buildDate?: unknown };
    return dateOnly(typeof buildDate === 'string' ? buildDate : undefined);
  } catch {
    return null;
  }
}

/** Accepts an ISO date or date-time and keeps the date; anything else is null. */
export function dateOnly(value: string | undefined): string | null {
  const match = value ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value.trim()) : null;
  return match && !Number.isNaN(Date.parse(match[1]!)) ? match[1]! : null;
}
