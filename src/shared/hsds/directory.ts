import type { ProblemDetail } from './import-problems';
import { languageName } from './languages';
import { confidences, contactChannels, emergencyRoles, linkType, populations, serviceTypes, termId, waypointTaxonomies, waypointTaxonomyTerms } from './taxonomy';
import type { Confidence, ContactChannel, EmergencyRole, Population, ServiceType, TaxonomyKey } from './taxonomy';
import type { HsdsAttribute, HsdsContact, HsdsDirectory, HsdsLocation, HsdsOrganization, HsdsPhone, HsdsSchedule, HsdsService, PhoneType } from './types';
import { directoryId } from './uuid';

/**
 * The flat, search-ready form of the directory that the app works with, and the mapping to and from the
 * bundled HSDS records. Ids of HSDS sub-records (phones, attributes, languages...) are derived from their
 * parent's id, so the flat form only carries service and organization ids and the mapping is lossless.
 */

export interface DirectoryPhone {
  number: string;
  type: PhoneType;
  description: string | null;
  /** Set on public emergency numbers and child helplines: what the number is for. */
  emergencyRoles: EmergencyRole[];
  /** True when the number was listed ("per dataset") without anyone reading it in a source: never shown as verified. */
  unconfirmed?: true;
}

export interface Provenance {
  /** True only for facts read on the operator's or a government's own page (confidence "seen-official"). */
  verified: boolean;
  confidence: Confidence;
  /*
   * Dates are ISO 8601, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD). There is no single "last verified":
   * a founding year or a source's own date is never shown as the day anyone checked the record.
   */
  /** The day a source was read and the record confirmed against it; null when the record was never re-checked. */
  checked: string | null;
  /** For a record not checked itself: it was taken from a set of facts read no later than this day. */
  readBy: string | null;
  /** The newest date the record's sources give for themselves (page, report), when known: for saying a source is old. */
  sourceDate: string | null;
  sources: string[];
  /** What a check confirmed, corrected or left in doubt (English, from the reference facts). */
  notes: string | null;
}

export interface DirectoryEntry extends Provenance {
  /** The HSDS service id. */
  id: string;
  organizationId: string | null;
  name: string;
  alternateName: string | null;
  description: string;
  /** ISO 3166-1 alpha-2 codes ("EU" for the EU-wide 116 000); empty for international bodies. */
  countries: string[];
  services: ServiceType[];
  populations: Population[];
  channels: ContactChannel[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** null: not known. */
  is24x7: boolean | null;
  hours: string | null;
  phones: DirectoryPhone[];
  emails: string[];
  url: string | null;
  /** Not trafficking-specific: a child, women's, migrant-worker or police line listed where no dedicated line was found. */
  fallback: boolean;
  /** The organization's address must not be shown or shared: it marks the organization's head office confidential. */
  confidentialAddress: boolean;
}

export interface DirectoryHeadquarters {
  address: string | null;
  city: string | null;
  country: string | null;
  /**
   * The address itself is confidential (a shelter's, say): it never leaves the app and is shown only on the
   * confidential entry, behind a click. Set when any entry of the organization is `confidentialAddress`
   * (`withConfidentialHeadquarters`), so it holds whichever of the organization's entries are exported or shown.
   */
  confidential: boolean;
}

export interface DirectoryOrganization extends Provenance {
  id: string;
  name: string;
  alternateName: string | null;
  description: string;
  website: string | null;
  emails: string[];
  phones: DirectoryPhone[];
  headquarters: DirectoryHeadquarters | null;
}

export interface Directory {
  dataVersion: number;
  /** The day the file was built. */
  generatedAt: string;
  /** Shipped directory: the day the reference facts it was built from were last fact-checked. */
  referenceDate?: string;
  organizations: DirectoryOrganization[];
  entries: DirectoryEntry[];
}

export class DirectoryFormatError extends Error {
  /** The same, as an import problem the interface can put in the person's language. */
  readonly problem: ProblemDetail;

  constructor(message: string, problem: ProblemDetail = { code: 'invalidValue' }) {
    super(message);
    this.name = 'DirectoryFormatError';
    this.problem = problem;
  }
}

// ---------------------------------------------------------------------------------------------------------
// flat -> HSDS

type LinkEntity = HsdsAttribute['link_entity'];

function attribute(linkId: string, entity: LinkEntity, taxonomy: TaxonomyKey, code: string, n: number, value?: string): HsdsAttribute {
  return {
    id: directoryId(`attribute|${linkId}|${taxonomy}|${code}|${n}`),
    link_id: linkId,
    link_entity: entity,
    link_type: linkType(taxonomy),
    taxonomy_term_id: termId(taxonomy, code),
    ...(value === undefined ? {} : { value }),
  };
}

function provenanceAttributes(linkId: string, entity: LinkEntity, p: Provenance): HsdsAttribute[] {
  return [
    attribute(linkId, entity, 'waypoint-provenance', 'confidence', 0, p.confidence),
    ...(p.checked === null ? [] : [attribute(linkId, entity, 'waypoint-provenance', 'checked', 0, p.checked)]),
    ...(p.readBy === null ? [] : [attribute(linkId, entity, 'waypoint-provenance', 'read-by', 0, p.readBy)]),
    ...(p.sourceDate === null ? [] : [attribute(linkId, entity, 'waypoint-provenance', 'source-date', 0, p.sourceDate)]),
    ...(p.notes === null ? [] : [attribute(linkId, entity, 'waypoint-provenance', 'verification-notes', 0, p.notes)]),
    ...p.sources.map((source, i) => attribute(linkId, entity, 'waypoint-provenance', 'source', i, source)),
  ];
}

function phonesToHsds(phones: DirectoryPhone[], owner: { service_id: string } | { organization_id: string }): HsdsPhone[] {
  const ownerId = 'service_id' in owner ? owner.service_id : owner.organization_id;
  return phones.map((phone, i) => {
    const id = directoryId(`phone|${ownerId}|${i}`);
    const attributes = [
      ...phone.emergencyRoles.map((role) => attribute(id, 'phone', 'waypoint-service-type', role, 0)),
      ...(phone.unconfirmed ? [attribute(id, 'phone', 'waypoint-provenance', 'unconfirmed-number', 0, 'true')] : []),
    ];
    return {
      id,
      ...owner,
      number: phone.number,
      type: phone.type,
      ...(phone.description === null ? {} : { description: phone.description }),
      ...(attributes.length > 0 ? { attributes } : {}),
    };
  });
}

function contactsToHsds(extraEmails: string[], owner: { service_id: string } | { organization_id: string }): HsdsContact[] {
  const ownerId = 'service_id' in owner ? owner.service_id : owner.organization_id;
  return extraEmails.map((email, i) => ({ id: directoryId(`contact|${ownerId}|${i}`), ...owner, email }));
}

const everyDay = 'MO,TU,WE,TH,FR,SA,SU';

function schedulesToHsds(entry: DirectoryEntry): HsdsSchedule[] {
  if (entry.is24x7 !== true && entry.hours === null) return [];
  return [
    {
      id: directoryId(`schedule|${entry.id}|0`),
      service_id: entry.id,
      // HSDS consumers that do not read Waypoint's attributes still see a round-the-clock weekly schedule.
      ...(entry.is24x7 === true ? { freq: 'WEEKLY' as const, byday: everyDay, opens_at: '00:00', closes_at: '23:59' } : {}),
      ...(entry.hours === null ? {} : { description: entry.hours }),
    },
  ];
}

export function entryToHsds(entry: DirectoryEntry): HsdsService {
  const id = entry.id;
  const attributes: HsdsAttribute[] = [
    ...entry.services.map((code) => attribute(id, 'service', 'waypoint-service-type', code, 0)),
    ...entry.populations.map((code) => attribute(id, 'service', 'waypoint-population', code, 0)),
    ...entry.channels.map((code) => attribute(id, 'service', 'waypoint-channel', code, 0)),
    ...(entry.is24x7 === null ? [] : [attribute(id, 'service', 'waypoint-availability', '24-7', 0, String(entry.is24x7))]),
    ...(entry.fallback ? [attribute(id, 'service', 'waypoint-provenance', 'fallback-referral', 0, 'true')] : []),
    ...(entry.confidentialAddress ? [attribute(id, 'service', 'waypoint-provenance', 'confidential-address', 0, 'true')] : []),
    ...provenanceAttributes(id, 'service', entry),
  ];
  const [email, ...extraEmails] = entry.emails;
  return {
    id,
    ...(entry.organizationId === null ? {} : { organization_id: entry.organizationId }),
    name: entry.name,
    ...(entry.alternateName === null ? {} : { alternate_name: entry.alternateName }),
    description: entry.description,
    ...(entry.url === null ? {} : { url: entry.url }),
    ...(email === undefined ? {} : { email }),
    status: 'active',
    phones: phonesToHsds(entry.phones, { service_id: id }),
    schedules: schedulesToHsds(entry),
    service_areas: entry.countries.map((country, i) => ({
      id: directoryId(`service-area|${id}|${i}`),
      service_id: id,
      name: country,
      description: 'Country or region, as an ISO 3166-1 alpha-2 code',
    })),
    languages: entry.languages.map((code, i) => ({ id: directoryId(`language|${id}|${i}`), service_id: id, name: languageName(code), code })),
    contacts: contactsToHsds(extraEmails, { service_id: id }),
    attributes,
  };
}

function headquartersToHsds(org: DirectoryOrganization): HsdsLocation[] {
  // A confidential address is never written out, whatever part of the directory is exported.
  if (org.headquarters === null || org.headquarters.confidential) return [];
  const locationId = directoryId(`location|${org.id}|0`);
  const hq = org.headquarters;
  return [
    {
      id: locationId,
      location_type: 'physical',
      organization_id: org.id,
      name: 'Head office',
      // HSDS requires every address part; a part the facts do not give is an empty string.
      addresses: [
        {
          id: directoryId(`address|${locationId}|0`),
          location_id: locationId,
          address_1: hq.address ?? '',
          city: hq.city ?? '',
          state_province: '',
          postal_code: '',
          country: hq.country ?? '',
          address_type: 'physical',
        },
      ],
    },
  ];
}

export function organizationToHsds(org: DirectoryOrganization): HsdsOrganization {
  const [email, ...extraEmails] = org.emails;
  return {
    id: org.id,
    name: org.name,
    ...(org.alternateName === null ? {} : { alternate_name: org.alternateName }),
    description: org.description,
    ...(org.website === null ? {} : { website: org.website }),
    ...(email === undefined ? {} : { email }),
    phones: phonesToHsds(org.phones, { organization_id: org.id }),
    contacts: contactsToHsds(extraEmails, { organization_id: org.id }),
    locations: headquartersToHsds(org),
    attributes: provenanceAttributes(org.id, 'organization', org),
  };
}

/** Ids of the organizations that run an entry with a confidential address. */
function confidentialOrganizationIds(entries: readonly DirectoryEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.confidentialAddress && e.organizationId !== null ? [e.organizationId] : [])));
}

/**
 * The organizations with the head office of each one that runs a confidential-address entry marked
 * confidential. `entries` must be the whole directory (not a filtered view), so the mark is on the address
 * before any subset of entries is chosen. Marks are only ever added here; a record without the field (kept
 * before it existed) reads as not marked.
 */
export function withConfidentialHeadquarters(entries: readonly DirectoryEntry[], organizations: readonly DirectoryOrganization[]): DirectoryOrganization[] {
  const confidential = confidentialOrganizationIds(entries);
  return organizations.map((o) => {
    if (o.headquarters === null) return o;
    const marked = o.headquarters.confidential === true || confidential.has(o.id);
    return o.headquarters.confidential === marked ? o : { ...o, headquarters: { ...o.headquarters, confidential: marked } };
  });
}

/**
 * The directory as HSDS records: the one place the flat form becomes HSDS (the bundled file, JSON and CSV
 * exports). Confidential addresses are dropped here: those marked on the address, and, in case a caller did not
 * mark them, those of organizations running a confidential-address entry among `directory.entries`.
 */
export function directoryToHsds(directory: Directory): HsdsDirectory {
  return {
    format: 'waypoint-directory',
    hsdsVersion: '3.0',
    dataVersion: directory.dataVersion,
    generatedAt: directory.generatedAt,
    ...(directory.referenceDate === undefined ? {} : { referenceDate: directory.referenceDate }),
    taxonomies: waypointTaxonomies(),
    taxonomy_terms: waypointTaxonomyTerms(),
    organizations: withConfidentialHeadquarters(directory.entries, directory.organizations).map(organizationToHsds),
    services: directory.entries.map(entryToHsds),
  };
}

// ---------------------------------------------------------------------------------------------------------
// HSDS -> flat

interface TermRef {
  taxonomy: TaxonomyKey;
  code: string;
}

let termsById: Map<string, TermRef> | undefined;

function termOf(attr: HsdsAttribute): TermRef | undefined {
  termsById ??= new Map(waypointTaxonomyTerms().map((t) => [t.id, { taxonomy: t.taxonomy as TaxonomyKey, code: t.code }]));
  return termsById.get(attr.taxonomy_term_id);
}

function codes<T extends string>(attrs: HsdsAttribute[], taxonomy: TaxonomyKey, allowed: readonly T[]): T[] {
  return attrs
    .map(termOf)
    .filter((t): t is TermRef => t !== undefined && t.taxonomy === taxonomy)
    .map((t) => t.code)
    .filter((code): code is T => (allowed as readonly string[]).includes(code));
}

function values(attrs: HsdsAttribute[], taxonomy: TaxonomyKey, code: string): string[] {
  return attrs
    .filter((a) => {
      const term = termOf(a);
      return term?.taxonomy === taxonomy && term.code === code;
    })
    .map((a) => a.value ?? '');
}

function provenanceFromHsds(attrs: HsdsAttribute[], recordId: string): Provenance {
  const confidence = values(attrs, 'waypoint-provenance', 'confidence')[0] ?? 'inferred';
  if (!(confidences as readonly string[]).includes(confidence)) {
    throw new DirectoryFormatError(`Record ${recordId} has an unknown confidence "${confidence}".`, { code: 'unknownConfidence', values: { value: confidence } });
  }
  return {
    verified: confidence === 'seen-official',
    confidence: confidence as Confidence,
    checked: values(attrs, 'waypoint-provenance', 'checked')[0] ?? null,
    readBy: values(attrs, 'waypoint-provenance', 'read-by')[0] ?? null,
    sourceDate: values(attrs, 'waypoint-provenance', 'source-date')[0] ?? null,
    sources: values(attrs, 'waypoint-provenance', 'source'),
    notes: values(attrs, 'waypoint-provenance', 'verification-notes')[0] ?? null,
  };
}

function phonesFromHsds(phones: HsdsPhone[]): DirectoryPhone[] {
  return phones.map((phone) => ({
    number: phone.number,
    type: phone.type,
    description: phone.description ?? null,
    emergencyRoles: codes(phone.attributes ?? [], 'waypoint-service-type', emergencyRoles),
    ...(flag(phone.attributes ?? [], 'unconfirmed-number') ? { unconfirmed: true as const } : {}),
  }));
}

function flag(attrs: HsdsAttribute[], code: string): boolean {
  return values(attrs, 'waypoint-provenance', code).includes('true');
}

export function entryFromHsds(service: HsdsService): DirectoryEntry {
  const attrs = service.attributes;
  const availability = values(attrs, 'waypoint-availability', '24-7')[0];
  return {
    id: service.id,
    organizationId: service.organization_id ?? null,
    name: service.name,
    alternateName: service.alternate_name ?? null,
    description: service.description,
    countries: service.service_areas.map((area) => area.name),
    services: codes(attrs, 'waypoint-service-type', serviceTypes),
    populations: codes(attrs, 'waypoint-population', populations),
    channels: codes(attrs, 'waypoint-channel', contactChannels),
    languages: service.languages.map((language) => language.code),
    is24x7: availability === undefined ? null : availability === 'true',
    hours: service.schedules.find((s) => s.description !== undefined)?.description ?? null,
    phones: phonesFromHsds(service.phones),
    emails: [...(service.email === undefined ? [] : [service.email]), ...service.contacts.map((c) => c.email)],
    url: service.url ?? null,
    fallback: flag(attrs, 'fallback-referral'),
    confidentialAddress: flag(attrs, 'confidential-address'),
    ...provenanceFromHsds(attrs, service.id),
  };
}

export function organizationFromHsds(org: HsdsOrganization): DirectoryOrganization {
  const address = org.locations[0]?.addresses[0];
  return {
    id: org.id,
    name: org.name,
    alternateName: org.alternate_name ?? null,
    description: org.description,
    website: org.website ?? null,
    emails: [...(org.email === undefined ? [] : [org.email]), ...org.contacts.map((c) => c.email)],
    phones: phonesFromHsds(org.phones),
    headquarters: address === undefined ? null : { address: address.address_1 || null, city: address.city || null, country: address.country || null, confidential: false },
    ...provenanceFromHsds(org.attributes, org.id),
  };
}

export function directoryFromHsds(hsds: HsdsDirectory): Directory {
  if (hsds.format !== 'waypoint-directory' || hsds.hsdsVersion !== '3.0') {
    throw new DirectoryFormatError('Not a Waypoint HSDS 3.0 directory file.');
  }
  return {
    dataVersion: hsds.dataVersion,
    generatedAt: hsds.generatedAt,
    ...(hsds.referenceDate === undefined ? {} : { referenceDate: hsds.referenceDate }),
    organizations: hsds.organizations.map(organizationFromHsds),
    entries: hsds.services.map(entryFromHsds),
  };
}
