import type { TFunction } from 'i18next';

/** "850 KB", "12.5 MB": a file's size in the caseworker's language; `t` is the attachments namespace's. */
export function sizeText(t: TFunction<'attachments'>, language: string, bytes: number): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? t('list.sizeKb', { size: number.format(bytes / 1024) }) : t('list.sizeMb', { size: number.format(bytes / (1024 * 1024)) });
}
