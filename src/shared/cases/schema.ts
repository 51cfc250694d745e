import { z } from 'zod';
import { idPattern } from '../checklists/schema';
import { isCountryCode } from '../countries';
import { htcdsExploitationTypes, htcdsGenders, htcdsLabourIndustries, htcdsMethodsOfControl, htcdsSupportTypes } from './htcds';

/**
 * The case record. It is pseudonymous: the only name-like field is the optional alias, which the
 * caseworker chooses (a nickname, initials, or nothing). The whole record lives in the encrypted
 * blob; the store keeps only keyed tags of the fields in recordIndexFields beside it.
 */
export const caseLimits = {
  idChars: 80,
  aliasChars: 200,
  caseworkerChars: 200,
  tagChars: 50,
  tags: 50,
  countriesPerList: 50,
  statusHistory: 10_000,
} as const;

export const caseStatuses = ['open', 'referred', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/**
 * Broad age bands for when only an approximate age is known, and for de-identified exports. They
 * follow the bands of IOM's Counter Trafficking Data Collaborative (CTDC) public dataset, which
 * keeps 0-8 and 9-17 apart from adults so the child rule stays visible.
 */
export const ageGroups = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'] as const;
export type AgeGroup = (typeof ageGroups)[number];
const childAgeGroups: ReadonlySet<AgeGroup> = new Set(['0-8', '9-17']);

export const caseCodePattern = /^WP-(\d{4})-(\d{4,})$/;

const isoDateTime = z.iso.datetime();
const countryList = z
  .array(z.string().refine(isCountryCode, { error: 'must be an ISO 3166-1 alpha-2 code such as "GB"' }))
  .max(caseLimits.countriesPerList)
  .refine(isUnique, { error: 'must not repeat a country' });

function isUnique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

function uniqueEnumList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values)).max(values.length).refine(isUnique, { error: 'must not repeat a value' });
}

/**
 * What is known about the person and the situation, in HTCDS terms where HTCDS has a field (see
 * htcdsFields). Every field may be unknown: null, or an empty list.
 */
export const caseProfileSchema = z
  .strictObject({
    gender: z.enum(htcdsGenders).nullable(),
    /** A year only: a full birth date identifies a person far more than the work needs. */
    birthYear: z.number().int().min(1900).max(2100).nullable(),
    /** For when the birth year is not known; derived from birthYear when it is. */
    ageGroup: z.enum(ageGroups).nullable(),
    /** When the person was identified (YYYY-MM-DD); the creation date stands in when unknown. */
    identifiedOn: z.iso.date().nullable(),
    citizenship: countryList,
    countriesOfOrigin: countryList,
    countriesOfTransit: countryList,
    countriesOfExploitation: countryList,
    exploitationTypes: uniqueEnumList(htcdsExploitationTypes),
    labourSector: z.enum(htcdsLabourIndustries).nullable(),
    methodsOfControl: uniqueEnumList(htcdsMethodsOfControl),
    assistanceProvided: uniqueEnumList(htcdsSupportTypes),
  })
  .refine((profile) => profile.birthYear === null || profile.ageGroup === null, {
    path: ['ageGroup'],
    error: 'must be empty when the birth year is known (it is worked out from the birth year)',
  });
export type CaseProfile = z.infer<typeof caseProfileSchema>;

/** What the person agreed to, recorded as they said it; the app never assumes consent. */
export const caseConsentSchema = z.strictObject({
  /** To having this record kept. */
  record: z.boolean(),
  /** To being referred to another service. */
  refer: z.boolean(),
  /** To their information being shared with another organisation. */
  share: z.boolean(),
});
export type CaseConsent = z.infer<typeof caseConsentSchema>;

export const statusChangeSchema = z.strictObject({ status: z.enum(caseStatuses), date: isoDateTime });
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const caseRecordSchema = z
  .strictObject({
    id: z.string().max(caseLimits.idChars).regex(idPattern),
    code: z.string().max(40).regex(caseCodePattern, { error: 'must look like "WP-2026-0042"' }),
    alias: z.string().max(caseLimits.aliasChars).optional(),
    status: z.enum(caseStatuses),
    /** Oldest first; the last entry is the current status. */
    statusHistory: z.array(statusChangeSchema).min(1).max(caseLimits.statusHistory),
    assignedTo: z.string().max(caseLimits.caseworkerChars),
    tags: z.array(z.string().trim().min(1).max(caseLimits.tagChars)).max(caseLimits.tags).refine(isUnique, { error: 'must not repeat a tag' }),
    profile: caseProfileSchema,
    consent: caseConsentSchema,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .superRefine((record, ctx) => {
    const last = record.statusHistory.at(-1);
    if (last && last.status !== record.status) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'must match the last entry of the status history' });
    }
    record.statusHistory.forEach((change, i) => {
      const previous = record.statusHistory[i - 1];
      if (previous && Date.parse(change.date) < Date.parse(previous.date)) {
        ctx.addIssue({ code: 'custom', path: ['statusHistory', i, 'date'], message: 'must not be earlier than the entry before it' });
      }
    });
    if (Date.parse(record.updatedAt) < Date.parse(record.createdAt)) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must not be earlier than createdAt' });
    }
    const { birthYear } = record.profile;
    if (birthYear !== null && birthYear > identificationYear(record)) {
      ctx.addIssue({ code: 'custom', path: ['profile', 'birthYear'], message: 'must not be after the year the person was identified' });
    }
  });
export type CaseRecord = z.infer<typeof caseRecordSchema>;

export function emptyCaseProfile(): CaseProfile {
  return {
    gender: null,
    birthYear: null,
    ageGroup: null,
    identifiedOn: null,
    citizenship: [],
    countriesOfOrigin: [],
    countriesOfTransit: [],
    countriesOfExploitation: [],
    exploitationTypes: [],
    labourSector: null,
    methodsOfControl: [],
    assistanceProvided: [],
  };
}

/** A new open case with nothing recorded and no consent given yet. */
export function newCaseRecord(input: { id: string; code: string; now: string; assignedTo?: string }): CaseRecord {
  return {
    id: input.id,
    code: input.code,
    status: 'open',
    statusHistory: [{ status: 'open', date: input.now }],
    assignedTo: input.assignedTo ?? '',
    tags: [],
    profile: emptyCaseProfile(),
    consent: { record: false, refer: false, share: false },
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** Returns the case with the new status appended to its history; the same status is a no-op. */
export function changeCaseStatus(record: CaseRecord, status: CaseStatus, now: string): CaseRecord {
  if (record.status === status) return record;
  return { ...record, status, statusHistory: [...record.statusHistory, { status, date: now }], updatedAt: now };
}

/** When the current status was set. */
export function statusDate(record: CaseRecord): string {
  return record.statusHistory.at(-1)?.date ?? record.createdAt;
}

function identificationYear(record: Pick<CaseRecord, 'profile' | 'createdAt'>): number {
  return Number((record.profile.identifiedOn ?? record.createdAt).slice(0, 4));
}

/**
 * Under 18 when identified: true, false, or null when it cannot be told. With only a birth year,
 * a person who turns 18 in the year of identification may have been 17 or 18, so that is null
 * (unknown) rather than a guess; the screening summary then shows the age as uncertain.
 */
export function isChildAtIdentification(record: Pick<CaseRecord, 'profile' | 'createdAt'>): boolean | null {
  const { birthYear, ageGroup } = record.profile;
  if (birthYear !== null) {
    const ageReachedThatYear = identificationYear(record) - birthYear;
    if (ageReachedThatYear < 18) return true;
    return ageReachedThatYear > 18 ? false : null;
  }
  return ageGroup === null ? null : childAgeGroups.has(ageGroup);
}

/**
 * The age band at identification: the recorded one, or the band of the birth year. With a birth
 * year the age was one of two values; the lower one is used, in line with the presumption of
 * minority where age is in doubt (CETS 197 Art. 10(3)).
 */
export function ageGroupAtIdentification(record: Pick<CaseRecord, 'profile' | 'createdAt'>): AgeGroup | null {
  const { birthYear, ageGroup } = record.profile;
  if (birthYear === null) return ageGroup;
  return ageGroupOfAge(identificationYear(record) - birthYear - 1);
}

const ageGroupLowerBounds: ReadonlyArray<readonly [number, AgeGroup]> = [
  [48, '48+'],
  [39, '39-47'],
  [30, '30-38'],
  [27, '27-29'],
  [24, '24-26'],
  [21, '21-23'],
  [18, '18-20'],
  [9, '9-17'],
];

export function ageGroupOfAge(age: number): AgeGroup {
  return ageGroupLowerBounds.find(([lowest]) => age >= lowest)?.[1] ?? '0-8';
}
