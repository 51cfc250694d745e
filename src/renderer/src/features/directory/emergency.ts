import { servesCountry, wideAreaServing } from '@shared/countries';
import type { DirectoryEntry, DirectoryPhone } from '@shared/hsds/directory';
import { emergencyRoles } from '@shared/hsds/taxonomy';
import type { EmergencyRole } from '@shared/hsds/taxonomy';
import type { Origin } from './data';

/** One line of the emergency panel: who to call, with the entry it comes from. */
export interface EmergencyLine {
  kind: 'hotline' | 'emergency' | 'fallback';
  /** For emergency numbers: what the number is for (one number may serve several). */
  roles: EmergencyRole[];
  entry: DirectoryEntry;
  phones: DirectoryPhone[];
  /** Set when the entry serves the country as part of a wider area ('EU' for the EU-wide 116 000). */
  wideArea?: string;
  /** The entry came from an HSDS import: its numbers were not checked by Waypoint, and the panel says so. */
  imported: boolean;
}

const trustFirst = (a: DirectoryEntry, b: DirectoryEntry) => Number(b.verified) - Number(a.verified) || Number(b.is24x7 === true) - Number(a.is24x7 === true);

/** The country's own lines before those of a wider area (EU-wide), imported ones after the others (a file cannot put its number first), then by trust. */
const nationalFirst = (a: EmergencyLine, b: EmergencyLine) =>
  Number(a.wideArea !== undefined) - Number(b.wideArea !== undefined) || Number(a.imported) - Number(b.imported) || trustFirst(a.entry, b.entry);

/**
 * The numbers for a country in the order a caseworker needs them: the trafficking hotline(s) first, then
 * police, ambulance, fire and child helpline (from the phones' emergency roles), then fallback referral
 * points, which are not trafficking-specific. Entries for a wider area the country belongs to (the EU-wide
 * 116 000 for a member state) are included, marked with that area, after the country's own of each kind.
 * Lines from imported entries (`origins`) are marked, and come after the others of their kind.
 */
export function emergencyLines(entries: readonly DirectoryEntry[], country: string, origins: ReadonlyMap<string, Origin> = new Map()): EmergencyLine[] {
  const inCountry = entries.filter((entry) => entry.phones.length > 0 && servesCountry(entry.countries, country));
  const line = (kind: EmergencyLine['kind'], entry: DirectoryEntry, phones: DirectoryPhone[], roles: EmergencyRole[] = []): EmergencyLine => {
    const wideArea = wideAreaServing(entry.countries, country);
    return { kind, roles, entry, phones, imported: origins.get(entry.id) === 'imported', ...(wideArea === undefined ? {} : { wideArea }) };
  };
  const hotlines = inCountry
    .filter((entry) => !entry.fallback && entry.services.includes('hotline'))
    .map((entry) => line('hotline', entry, entry.phones))
    .sort(nationalFirst);
  const emergency = inCountry
    .flatMap((entry) => entry.phones.filter((phone) => phone.emergencyRoles.length > 0).map((phone) => line('emergency', entry, [phone], phone.emergencyRoles)))
    .sort(
      (a, b) =>
        Number(a.wideArea !== undefined) - Number(b.wideArea !== undefined) ||
        emergencyRoles.indexOf(a.roles[0]!) - emergencyRoles.indexOf(b.roles[0]!) ||
        Number(a.imported) - Number(b.imported),
    );
  const fallbacks = inCountry
    .filter((entry) => entry.fallback)
    .map((entry) => line('fallback', entry, entry.phones))
    .sort(nationalFirst);
  return [...hotlines, ...emergency, ...fallbacks];
}
