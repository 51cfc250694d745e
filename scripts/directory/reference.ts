/**
 * Reading the reference facts (the folder given to build-directory.ts): record shapes and the small parsers that split a
 * reference phone string into the number itself and its qualifier, and find the date in an `as_of` note.
 * Numbers are never rewritten: each one is a verbatim piece of the reference string.
 */
import type { EmergencyRole } from '../../src/shared/hsds/taxonomy';

export type ReferenceConfidence = 'seen-official' | 'seen-secondary' | 'inferred';

export interface ReferenceHotline {
  country_iso2: string;
  country: string;
  name: string;
  scope: string;
  operator: string | null;
  phones: string[];
  sms: string | null;
  other_channels: string[];
  email: string | null;
  hours: string | null;
  is_24_7: boolean | null;
  languages: string | null;
  official_url: string | null;
  source: string;
  additional_sources: string[];
  confidence: ReferenceConfidence;
  as_of: string | null;
  notes: string | null;
  /** The day the record was checked against a source (absent: not re-checked). */
  checked?: string;
}

export interface ReferenceEmergency {
  country_iso2: string;
  emergency_numbers: string[];
  child_helpline: { name: string; number: string; source: string } | null;
  source: string;
  additional_sources?: string[];
  confidence: ReferenceConfidence;
  notes: string | null;
  checked?: string;
}

export interface ReferenceOrganization {
  id: string;
  name: string;
  acronym: string | null;
  type: string;
  hq_city: string | null;
  hq_country: string | null;
  founded: string | null;
  website: string | null;
  services: string[];
  facts: string[];
  contact: string | null;
  source: string;
  additional_sources: string[];
  confidence: ReferenceConfidence;
  notes: string | null;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The stable key of a hotline record: country plus its name. Ids and descriptions are keyed by it. */
export function hotlineKey(record: Pick<ReferenceHotline, 'country_iso2' | 'name'>): string {
  return `${record.country_iso2}/${slug(record.name)}`;
}

export interface PhonePart {
  number: string;
  description: string | null;
}

// Strings whose number is not at the start, or is written with letters: split by hand, checked by tests.
const phoneOverrides: Record<string, PhonePart[]> = {
  '800SAVE (toll-free; 800 7283 by phone-keypad letters - digits NOT seen in source)': [
    { number: '800SAVE', description: 'toll-free; 800 7283 by phone-keypad letters - digits NOT seen in source' },
  ],
  '1800 DELITO (1800 335486)': [{ number: '1800 335486', description: '1800 DELITO' }],
};

const leadingNumber = /^(?:\(\+?[\d ]+\)\s*)?\+?\d(?:[\d\s\-/]*\d)?/;
const labelThenNumber = /^([A-Za-z][^\d(]*?)\s+(\+?\d[\d\s-]*\d)$/;

/**
 * "1-866-347-2423 (1-866-DHS-2-ICE)" -> number "1-866-347-2423", description "1-866-DHS-2-ICE";
 * "999 / 911 / 112 (police)" -> three numbers sharing the description; "EME Norte 918 654 101" -> the label
 * becomes the description. Throws on a string it cannot split, so a new shape is looked at by a person.
 */
export function splitPhone(raw: string): PhonePart[] {
  const override = phoneOverrides[raw];
  if (override) return override;
  const labelled = labelThenNumber.exec(raw);
  if (labelled?.[1] && labelled[2]) return [{ number: labelled[2], description: labelled[1] }];
  const match = leadingNumber.exec(raw);
  if (!match) throw new Error(`Cannot find a phone number at the start of "${raw}"`);
  const rest = raw.slice(match[0].length).trim();
  if (/^[A-Za-z]/.test(rest) && !/^\s/.test(raw.slice(match[0].length))) {
    throw new Error(`Phone number "${raw}" runs into letters; add an override`);
  }
  const inner = /^\((.*)\)$/.exec(rest);
  const description = inner?.[1] ?? (rest === '' ? null : rest);
  return match[0]
    .trim()
    .split(' / ')
    .map((number) => ({ number: number.trim(), description }));
}

export interface EmergencyPhone extends PhonePart {
  roles: EmergencyRole[];
  /** Listed in the reference without being read in a source ("per dataset; not read in a source"). */
  unconfirmed: boolean;
}

// What a number is for, read from the reference's words about it. A number for one part of a service only
// (traffic, tourist or highway police, a non-emergency line) gets no role: it is listed, not offered as "police".
const notEmergency = /non-emergency|traffic police|tourist police|highway police/i;
const allServices = /all services|single emergency number|unified emergency/i;
const roleWords: [EmergencyRole, RegExp][] = [
  ['police', /\bpolice\b|gendarmerie/i],
  ['ambulance', /ambulance|medical|SAMU|health emergency/i],
  ['fire', /\bfire\b|pompiers|bomberos/i],
];
const unconfirmedWords = /per dataset|not read in a source|not confirmed/i;

/**
 * "999 (police)", "112 (single emergency number, all services)", "118 (ambulance, per dataset)":
 * the number, the reference's words about it kept as its description, the roles those words name, and
 * whether the reference says the number was not read in a source. "999 / 112 / 911 (police and
 * emergencies, free)" gives three numbers sharing the words; dataset notes give none.
 */
export function parseEmergencyNumbers(raw: string): EmergencyPhone[] {
  if (raw.startsWith('dataset note')) return [];
  const match = /^(.*?)\s*\((.*)\)$/.exec(raw);
  if (!match?.[1] || !match[2]) throw new Error(`Unexpected emergency number "${raw}"`);
  const words = match[2];
  const roles = notEmergency.test(words) ? [] : allServices.test(words) ? roleWords.map(([role]) => role) : roleWords.filter(([, re]) => re.test(words)).map(([role]) => role);
  // Words that only name roles ("police, ambulance, fire") are shown as the roles; any other words are kept verbatim.
  const plainRoles = words.split(',').every((word) => roleWords.some(([role]) => role === word.trim()));
  return splitPhone(match[1]).map((part) => ({
    number: part.number,
    description: [part.description, plainRoles ? null : words].filter((d) => d !== null).join('; ') || null,
    roles,
    unconfirmed: unconfirmedWords.test(words),
  }));
}

// Words in an as_of note that date the service itself (founded, launched), not the source that describes it.
const serviceDates = /\b(?:established|est\.|launched|since|set up|created|started|opened|renamed|founded)\s[^;,()]*/gi;

/**
 * The newest date an `as_of` note gives for a source itself, leaving out the dates a service was founded or
 * launched ("established Oct 2016" says nothing about how old the page is). Null when it gives none.
 */
export function sourceDate(note: string | null): string | null {
  return note === null ? null : latestDate(note.replace(serviceDates, ' '));
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface FoundDate {
  year: number;
  month?: number;
  day?: number;
}

function iso(date: FoundDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(date.year), date.month && pad(date.month), date.day && pad(date.day)].filter(Boolean).join('-');
}

/**
 * The newest date an `as_of` note names, as precise as it names it ("launched 29 May 2019" -> "2019-05-29",
 * "Oct 2022" -> "2022-10", "c. 2019-2020" -> "2020"); null when it names none.
 */
export function latestDate(note: string | null): string | null {
  if (note === null) return null;
  const found: FoundDate[] = [];
  let rest = note;
  const take = (pattern: RegExp, toDate: (m: RegExpExecArray) => FoundDate) => {
    rest = rest.replace(pattern, (...args: unknown[]) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      found.push(toDate(m));
      return ' ';
    });
  };
  const month = (name: string | undefined) => months.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
  take(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
  take(/\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{4})\b/gi, (m) => ({
    year: Number(m[3]),
    month: month(m[2]),
    day: Number(m[1]),
  }));
  take(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{4})\b/gi, (m) => ({ year: Number(m[2]), month: month(m[1]) }));
  take(/(?<!\d)((?:19|20)\d{2})(?!\d)/g, (m) => ({ year: Number(m[1]) }));
  const key = (d: FoundDate) => d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
  const newest = found.sort((a, b) => key(b) - key(a))[0];
  return newest ? iso(newest) : null;
}
