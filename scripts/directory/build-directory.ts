/**
 * Builds resources/directory/directory.json (HSDS 3.0) from the reference facts and Waypoint's own
 * descriptions (descriptions.json). Usage: npx tsx scripts/directory/build-directory.ts <referenceDir> [outFile]
 * The output is committed; the app and CI never read the reference folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isCountryCode } from '../../src/shared/countries';
import { directoryToHsds } from '../../src/shared/hsds/directory';
import type { Directory, DirectoryEntry, DirectoryOrganization, DirectoryPhone } from '../../src/shared/hsds/directory';
import { isKnownLanguage } from '../../src/shared/hsds/languages';
import { contactChannels, populations, serviceTypes } from '../../src/shared/hsds/taxonomy';
import type { ContactChannel, EmergencyRole, Population, ServiceType } from '../../src/shared/hsds/taxonomy';
import type { PhoneType } from '../../src/shared/hsds/types';
import { directoryId } from '../../src/shared/hsds/uuid';
import { hotlineKey, parseEmergencyNumbers, sourceDate, splitPhone } from './reference';
import type { ReferenceEmergency, ReferenceHotline, ReferenceOrganization } from './reference';

interface Curated {
  description: string;
  services: ServiceType[];
  populations?: Population[];
  languages?: string[];
  fallback?: boolean;
}

interface CuratedHotline extends Curated {
  organization?: string;
  /** A national child helpline: its numbers get the child-helpline role, so the emergency panel lists them. */
  childHelpline?: boolean;
  extraPhones?: { number: string; type: PhoneType; description: string }[];
}

interface CuratedOrganization extends Curated {
  countries?: string[];
  phones?: string[];
  emails?: string[];
  address?: string;
}

export interface Descriptions {
  dataVersion: number;
  generatedAt: string;
  /** The day the reference facts were last fact-checked (shown as what the data was built from). */
  referenceDate: string;
  /** The day the reference set was first taken: a record not checked since was read no later than this. */
  referenceSnapshotDate: string;
  /**
   * Where a hotline's as_of note misdates its sources (a founding year read as a page date, or a recent
   * date about something else): the date of its newest source, as the reference notes give it.
   */
  sourceDates: Record<string, { date: string | null; why: string }>;
  emergency: { description: string; childHelplineDescription: string };
  hotlines: Record<string, CuratedHotline>;
  organizations: Record<string, CuratedOrganization>;
}

export interface Reference {
  hotlines: ReferenceHotline[];
  emergency: ReferenceEmergency[];
  organizations: ReferenceOrganization[];
}

function fail(message: string): never {
  throw new Error(message);
}

/** Every number shipped must be a verbatim piece of the reference text it came from. */
function copied(value: string, from: string, what: string): string {
  if (!from.includes(value)) fail(`${what}: "${value}" is not in the reference text "${from}"`);
  return value;
}

function checkCurated(c: Curated, key: string): void {
  for (const s of c.services) if (!serviceTypes.includes(s)) fail(`${key}: unknown service type ${s}`);
  for (const p of c.populations ?? []) if (!populations.includes(p)) fail(`${key}: unknown population ${p}`);
  for (const l of c.languages ?? []) if (!isKnownLanguage(l)) fail(`${key}: language ${l} has no name in languages.ts`);
  if (c.description.trim().length < 20) fail(`${key}: description missing`);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/**
 * Sources are shipped as the reference gives them: mostly a URL, sometimes a URL with a note on how it was
 * read ("(via ... scrape)") or a description of a scraped file. The app links only the http(s) part.
 */
function sourceText(source: string): string {
  if (source.trim() === '') fail('Empty source');
  return source.trim();
}

function firstEmail(field: string | null): string[] {
  const match = field?.match(/[^\s()@]+@[^\s()@;,]+/);
  return match ? [match[0]] : [];
}

function channelsOf(r: ReferenceHotline, phones: DirectoryPhone[]): ContactChannel[] {
  const others = r.other_channels.join(' | ');
  const all = `${others} | ${r.phones.join(' | ')}`;
  const found: Record<ContactChannel, boolean> = {
    phone: phones.some((p) => p.type === 'voice' || p.type === 'textphone'),
    sms: r.sms !== null || /\bSMS\b/.test(all) || phones.some((p) => p.type === 'text'),
    email: r.email !== null || /e-?mail/i.test(others),
    web: r.official_url !== null || /online|web|form|www\./i.test(others),
    app: /\bapp\b/i.test(others),
    chat: /chat|whatsapp|messenger/i.test(others),
  };
  return contactChannels.filter((c) => found[c]);
}

/** When a record was checked, or else when the facts it comes from were read at the latest. */
function checkedOrReadBy(checked: string | undefined, d: Descriptions): { checked: string | null; readBy: string | null } {
  return checked === undefined ? { checked: null, readBy: d.referenceSnapshotDate } : { checked, readBy: null };
}

function hotlineEntry(r: ReferenceHotline, c: CuratedHotline, key: string, d: Descriptions): DirectoryEntry {
  const voice = r.phones.flatMap((raw) =>
    splitPhone(raw).map((p) => ({
      number: copied(p.number, raw, key),
      type: 'voice' as const,
      description: p.description,
      emergencyRoles: c.childHelpline ? ['child-helpline' as const] : [],
    })),
  );
  const sms =
    r.sms === null ? [] : splitPhone(r.sms).map((p) => ({ number: copied(p.number, r.sms ?? '', key), type: 'text' as const, description: p.description, emergencyRoles: [] }));
  const extra = (c.extraPhones ?? []).map((p) => ({ ...p, number: copied(p.number, r.other_channels.join(' | '), key), emergencyRoles: [] }));
  const phones: DirectoryPhone[] = [...voice, ...sms, ...extra];
  return {
    id: directoryId(`service|${key}`),
    organizationId: c.organization === undefined ? null : directoryId(`organization|${c.organization}`),
    name: r.name,
    alternateName: null,
    description: c.description,
    countries: [r.country_iso2],
    services: c.services,
    populations: c.populations ?? [],
    channels: channelsOf(r, phones),
    languages: c.languages ?? [],
    is24x7: r.is_24_7,
    hours: r.hours,
    phones,
    emails: firstEmail(r.email).map((e) => copied(e, r.email ?? '', key)),
    url: r.official_url,
    fallback: c.fallback ?? false,
    confidentialAddress: false,
    verified: r.confidence === 'seen-official',
    confidence: r.confidence,
    ...checkedOrReadBy(r.checked, d),
    sourceDate: key in d.sourceDates ? (d.sourceDates[key]?.date ?? null) : sourceDate(r.as_of),
    sources: unique([r.source, ...r.additional_sources].map(sourceText)),
    notes: r.notes,
  };
}

const roleOrder: EmergencyRole[] = ['police', 'ambulance', 'fire'];

function emergencyEntries(r: ReferenceEmergency, d: Descriptions): DirectoryEntry[] {
  const provenance = {
    sourceDate: null,
    fallback: false,
    confidentialAddress: false,
    organizationId: null,
    alternateName: null,
    countries: [r.country_iso2],
    languages: [],
    is24x7: null,
    hours: null,
    emails: [],
    url: null,
  };
  const phones = r.emergency_numbers.flatMap((raw) =>
    parseEmergencyNumbers(raw).map((parsed): DirectoryPhone => ({
      number: copied(parsed.number, raw, r.country_iso2),
      type: 'voice',
      description: parsed.description,
      emergencyRoles: parsed.roles,
      ...(parsed.unconfirmed ? { unconfirmed: true as const } : {}),
    })),
  );
  const roles = roleOrder.filter((role) => phones.some((p) => p.emergencyRoles.includes(role)));
  const entries: DirectoryEntry[] = [
    {
      ...provenance,
      id: directoryId(`service|emergency/${r.country_iso2}`),
      name: `Emergency numbers (${roles.join(', ')})`,
      description: d.emergency.description,
      services: roles,
      populations: [],
      channels: ['phone'],
      phones,
      verified: r.confidence === 'seen-official',
      confidence: r.confidence,
      ...checkedOrReadBy(r.checked, d),
      sources: unique([r.source, ...(r.additional_sources ?? [])].map(sourceText)),
      notes: r.notes,
    },
  ];
  const child = r.child_helpline;
  if (child) {
    entries.push({
      ...provenance,
      id: directoryId(`service|child-helpline/${r.country_iso2}`),
      name: child.name,
      description: d.emergency.childHelplineDescription,
      services: ['child-helpline', 'child-protection'],
      populations: ['children'],
      channels: ['phone'],
      phones: [{ number: child.number, type: 'voice', description: null, emergencyRoles: ['child-helpline'] }],
      // The 2026-12-07 check read the emergency numbers, not the child helplines (their records' notes say so).
      verified: false,
      confidence: 'seen-secondary',
      checked: null,
      readBy: d.referenceSnapshotDate,
      sources: [sourceText(child.source)],
      notes: null,
    });
  }
  return entries;
}

function organization(r: ReferenceOrganization, c: CuratedOrganization, d: Descriptions): [DirectoryOrganization, DirectoryEntry] {
  const contact = r.contact ?? '';
  const address = c.address === undefined ? null : copied(c.address, contact, r.id);
  const provenance = {
    verified: r.confidence === 'seen-official',
    confidence: r.confidence,
    ...checkedOrReadBy(undefined, d),
    sourceDate: null,
    sources: unique([r.source, ...r.additional_sources].map(sourceText)),
    notes: r.notes,
  };
  const id = directoryId(`organization|${r.id}`);
  const phones: DirectoryPhone[] = (c.phones ?? []).map((n) => ({ number: copied(n, contact, r.id), type: 'voice', description: null, emergencyRoles: [] }));
  const emails = (c.emails ?? []).map((e) => copied(e, contact, r.id));
  const org: DirectoryOrganization = {
    ...provenance,
    id,
    name: r.name,
    alternateName: r.acronym,
    description: c.description,
    website: r.website,
    emails,
    phones,
    headquarters: address === null && r.hq_city === null && r.hq_country === null ? null : { address, city: r.hq_city, country: r.hq_country, confidential: false },
  };
  const channels: ContactChannel[] = [...(phones.length > 0 ? ['phone' as const] : []), ...(emails.length > 0 ? ['email' as const] : []), ...(r.website ? ['web' as const] : [])];
  const entry: DirectoryEntry = {
    ...provenance,
    id: directoryId(`service|org/${r.id}`),
    organizationId: id,
    name: r.name,
    alternateName: r.acronym,
    description: c.description,
    countries: c.countries ?? [],
    services: c.services,
    populations: c.populations ?? [],
    channels,
    languages: c.languages ?? [],
    is24x7: null,
    hours: null,
    phones,
    emails,
    url: r.website,
    fallback: false,
    confidentialAddress: false,
  };
  return [org, entry];
}

export function buildDirectory(reference: Reference, d: Descriptions): Directory {
  const hotlineKeys = new Set<string>();
  const entries: DirectoryEntry[] = [];
  for (const r of reference.hotlines) {
    const key = hotlineKey(r);
    if (hotlineKeys.has(key)) fail(`Two hotlines share the key ${key}`);
    hotlineKeys.add(key);
    const curated = d.hotlines[key] ?? fail(`No description for hotline ${key}`);
    checkCurated(curated, key);
    entries.push(hotlineEntry(r, curated, key, d));
  }
  for (const key of Object.keys(d.hotlines)) if (!hotlineKeys.has(key)) fail(`Description for unknown hotline ${key}`);
  for (const key of Object.keys(d.sourceDates)) if (!hotlineKeys.has(key)) fail(`Source date for unknown hotline ${key}`);

  const organizations: DirectoryOrganization[] = [];
  for (const r of reference.organizations) {
    const curated = d.organizations[r.id] ?? fail(`No description for organization ${r.id}`);
    checkCurated(curated, r.id);
    const [org, entry] = organization(r, curated, d);
    organizations.push(org);
    entries.push(entry);
  }
  const orgIds = new Set(organizations.map((o) => o.id));
  for (const key of Object.keys(d.organizations)) if (!reference.organizations.some((o) => o.id === key)) fail(`Description for unknown organization ${key}`);

  entries.push(...reference.emergency.flatMap((r) => emergencyEntries(r, d)));

  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) fail(`Duplicate id ${e.id} (${e.name})`);
    ids.add(e.id);
    if (e.organizationId !== null && !orgIds.has(e.organizationId)) fail(`${e.name}: unknown organization`);
    for (const country of e.countries) if (!isCountryCode(country) && country !== 'EU') fail(`${e.name}: unknown country ${country}`);
  }
  return { dataVersion: d.dataVersion, generatedAt: d.generatedAt, referenceDate: d.referenceDate, organizations, entries };
}

export function readReference(dir: string): Reference {
  const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as T;
  return {
    hotlines: [...read<ReferenceHotline[]>('hotlines.json'), ...read<ReferenceHotline[]>('hotlines_more.json')],
    emergency: read<ReferenceEmergency[]>('emergency.json'),
    organizations: read<ReferenceOrganization[]>('organizations.json'),
  };
}

export function readDescriptions(): Descriptions {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, 'descriptions.json'), 'utf8')) as Descriptions;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const referenceDir = process.argv[2];
  if (referenceDir === undefined) {
    console.error('Usage: npx tsx scripts/directory/build-directory.ts <reference folder> [output file]');
    process.exit(2);
  }
  const outFile = process.argv[3] ?? resolve(import.meta.dirname, '../../resources/directory/directory.json');
  const directory = buildDirectory(readReference(referenceDir), readDescriptions());
  writeFileSync(outFile, `${JSON.stringify(directoryToHsds(directory), null, 1)}\n`);
  const verified = directory.entries.filter((e) => e.verified).length;
  console.log(
    `Wrote ${outFile}: ${directory.organizations.length} organizations, ${directory.entries.length} services ` +
      `(${verified} verified, ${directory.entries.length - verified} unverified, ${directory.entries.filter((e) => e.fallback).length} fallback), ` +
      `${directory.entries.reduce((n, e) => n + e.phones.length, 0)} service phones`,
  );
}
