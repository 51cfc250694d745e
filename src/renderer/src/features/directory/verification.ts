import { olderThanMonths, sourceMaxAgeMonths } from '@shared/data-age';
import type { DirectoryEntry, DirectoryPhone, Provenance } from '@shared/hsds/directory';

/**
 * What the app may say about how far a shipped number can be trusted, in one place for the result list,
 * the entry page and the emergency panel, so they use the same words.
 */

/** Verified means read on the operator's or a government's own page, and the number itself read there. */
export function phoneVerified(entry: Pick<DirectoryEntry, 'verified'>, phone: Pick<DirectoryPhone, 'unconfirmed'>): boolean {
  return entry.verified && phone.unconfirmed !== true;
}

/** The record's date, as what it is: the day a source was read to confirm it, or the latest day its facts were read. */
export type CheckedWhen = { kind: 'checked'; date: string } | { kind: 'readBy'; date: string } | { kind: 'none' };

export function checkedWhen(p: Pick<Provenance, 'checked' | 'readBy'>): CheckedWhen {
  if (p.checked !== null) return { kind: 'checked', date: p.checked };
  if (p.readBy !== null) return { kind: 'readBy', date: p.readBy };
  return { kind: 'none' };
}

/** The newest source's date when it is more than three years old at `now`; null otherwise or when not known. */
export function oldSourceDate(p: Pick<Provenance, 'sourceDate'>, now: Date): string | null {
  return p.sourceDate !== null && olderThanMonths(p.sourceDate, sourceMaxAgeMonths, now) ? p.sourceDate : null;
}

type Translate = (key: string, values?: Record<string, string>) => string;

/** "Checked against a source on 7 December 2026." / "Taken from reference facts read no later than …" */
export function checkedSentence(p: Pick<Provenance, 'checked' | 'readBy'>, t: Translate, date: (iso: string) => string): string {
  const when = checkedWhen(p);
  if (when.kind === 'none') return t('verification.notChecked');
  return t(when.kind === 'checked' ? 'verification.checked' : 'verification.readBy', { date: date(when.date) });
}
