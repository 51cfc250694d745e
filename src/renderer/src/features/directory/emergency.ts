import type { DirectoryEntry, DirectoryPhone } from '@shared/hsds/directory';
import { emergencyRoles } from '@shared/hsds/taxonomy';
import type { EmergencyRole } from '@shared/hsds/taxonomy';

/** One line of the emergency panel: who to call, with the entry it comes from. */
export interface EmergencyLine {
  kind: 'hotline' | 'emergency' | 'fallback';
  /** For emergency numbers: what the number is for (one number may serve several). */
  roles: EmergencyRole[];
  entry: DirectoryEntry;
  phones: DirectoryPhone[];
}

const trustFirst = (a: DirectoryEntry, b: DirectoryEntry) =>
  Number(b.verified) - Number(a.verified) || Number(b.is24x7 === true) - Number(a.is24x7 === true);

/**
 * The numbers for a country in the order a caseworker needs them: the trafficking hotline(s) first, then
 * police, ambulance, fire and child helpline (from the phones' emergency roles), then fallback referral
 * points, which are not trafficking-specific.
 */
export function emergencyLines(entries: readonly DirectoryEntry[], country: string): EmergencyLine[] {
  const inCountry = entries.filter((entry) => entry.countries.includes(country) && entry.phones.length > 0);
  const hotlines = inCountry
    .filter((entry) => !entry.fallback && entry.services.includes('hotline'))
    .sort(trustFirst)
    .map((entry): EmergencyLine => ({ kind: 'hotline', roles: [], entry, phones: entry.phones }));
  const emergency = inCountry
    .flatMap((entry) =>
      entry.phones.filter((phone) => phone.emergencyRoles.length > 0).map((phone): EmergencyLine => ({ kind: 'emergency', roles: phone.emergencyRoles, entry, phones: [phone] })),
    )
    .sort((a, b) => emergencyRoles.indexOf(a.roles[0]!) - emergencyRoles.indexOf(b.roles[0]!));
  const fallbacks = inCountry
    .filter((entry) => entry.fallback)
    .sort(trustFirst)
    .map((entry): EmergencyLine => ({ kind: 'fallback', roles: [], entry, phones: entry.phones }));
  return [...hotlines, ...emergency, ...fallbacks];
}
