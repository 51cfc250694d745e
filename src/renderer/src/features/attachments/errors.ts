import type { TFunction } from 'i18next';
import { defaultAttachmentLimitBytes } from '@shared/attachments';
import { AttachmentError } from '../../db';
import { MetadataError, metadataErrorText } from './metadata';

/** What went wrong with a file, in the caseworker's language: what happened, that nothing was lost, what to try. */
export function attachmentErrorText(t: TFunction<'attachments'>, language: string, error: unknown, limitBytes = defaultAttachmentLimitBytes): string {
  if (error instanceof MetadataError) return metadataErrorText(t, error);
  if (error instanceof AttachmentError) {
    const limit = new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(limitBytes / (1024 * 1024));
    return t(`errors.${error.reason}`, { limit });
  }
  return t('errors.other');
}
