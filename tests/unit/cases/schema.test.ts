import { describe, expect, it } from 'vitest';
import {
  ageGroupAtIdentification,
  caseRecordSchema,
  changeCaseStatus,
  countCasesByStatus,
  createNote,
  editNote,
  caseNoteSchema,
  isChildAtIdentification,
  nextCaseCode,
  sortCasesByUpdated,
  caseIndexValues,
  noteIndexValues,
  recordIndexFields,
  type CaseRecord,
} from '@shared/cases';
import { now, sampleCase } from './fixtures';

function problems(record: unknown): string[] {
  const result = caseRecordSchema.safeParse(record);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function withProfile(profile: Partial<CaseRecord['profile']>): CaseRecord {
  const record = sampleCase();
  return { ...record, profile: { ...record.profile, ...profile } };
}

describe('case record schema', () => {
  it('accepts a complete case and a new empty one', () => {
    expect(problems(sampleCase())).toEqual([]);
    expect(problems(sampleCase({ alias: undefined, tags: [] }))).toEqual([]);
    expect(problems(sampleCase({ alias: '' }))).toEqual([]);
  });

  it.each([
    ['a code that is not WP-year-sequence', { code: 'Amira Doe' }, 'code'],
    ['a status that is not the last in its history', { status: 'closed' as const }, 'status'],
    ['an unknown status', { status: 'rescued' as never }, 'status'],
    ['repeated tags', { tags: ['legal', 'legal'] }, 'tags'],
    ['an empty status history', { statusHistory: [] }, 'statusHistory'],
    ['updatedAt before createdAt', { updatedAt: '2026-01-01T00:00:00.000Z' }, 'updatedAt'],
    ['an id with spaces', { id: 'case 1' }, 'id'],
  ])('refuses %s', (_name, overrides, path) => {
    expect(problems(sampleCase(overrides as Partial<CaseRecord>))).toContain(path);
  });

  it('refuses status history out of order', () => {
    const record = sampleCase({
      status: 'closed',
      statusHistory: [
        { status: 'open', date: now },
        { status: 'closed', date: '2026-03-01T00:00:00.000Z' },
      ],
    });
    expect(problems(record)).toContain('statusHistory.1.date');
  });

  it.each([
    ['a country that is not ISO alpha-2', { citizenship: ['Nigeria'] }, 'profile.citizenship.0'],
    ['a repeated country', { countriesOfTransit: ['LY', 'LY'] }, 'profile.countriesOfTransit'],
    ['an exploitation type HTCDS does not list', { exploitationTypes: ['Smuggling'] }, 'profile.exploitationTypes.0'],
    ['a labour sector HTCDS does not list', { labourSector: 'Farming' }, 'profile.labourSector'],
    ['a method of control HTCDS does not list', { methodsOfControl: ['Kidnap'] }, 'profile.methodsOfControl.0'],
    ['both birth year and age group', { ageGroup: '18-20' }, 'profile.ageGroup'],
    ['a birth year after identification', { birthYear: 2027 }, 'profile.birthYear'],
    ['an impossible identification date', { identifiedOn: '2026-02-30' }, 'profile.identifiedOn'],
  ])('refuses %s', (_name, profile, path) => {
    expect(problems(withProfile(profile as Partial<CaseRecord['profile']>))).toContain(path);
  });

  it('refuses unknown keys, so no name field can be smuggled in', () => {
    expect(problems({ ...sampleCase(), firstName: 'Amira' })).toEqual(['']);
  });
});

describe('isChild and age band at identification', () => {
  it.each([
    [2010, true],
    [2009, true],
    [2008, null],
    [2007, false],
  ])('born %i, identified in 2026: %s', (birthYear, expected) => {
    expect(isChildAtIdentification(withProfile({ birthYear }))).toBe(expected);
  });

  it('uses the age band when there is no birth year, and null when neither is known', () => {
    expect(isChildAtIdentification(withProfile({ birthYear: null, ageGroup: '9-17' }))).toBe(true);
    expect(isChildAtIdentification(withProfile({ birthYear: null, ageGroup: '18-20' }))).toBe(false);
    expect(isChildAtIdentification(withProfile({ birthYear: null, ageGroup: null }))).toBeNull();
  });

  it('falls back on the creation date when the identification date is unknown', () => {
    const record = withProfile({ birthYear: 2008, identifiedOn: null });
    expect(isChildAtIdentification({ ...record, createdAt: '2025-06-01T00:00:00.000Z' })).toBe(true);
  });

  it('gives the band of the lower possible age', () => {
    expect(ageGroupAtIdentification(withProfile({ birthYear: 2008 }))).toBe('9-17');
    expect(ageGroupAtIdentification(withProfile({ birthYear: 2001 }))).toBe('24-26');
    expect(ageGroupAtIdentification(withProfile({ birthYear: 1950 }))).toBe('48+');
    expect(ageGroupAtIdentification(withProfile({ birthYear: null, ageGroup: '30-38' }))).toBe('30-38');
  });
});

describe('case codes', () => {
  it('starts each year at 0001 and counts on from the highest code of that year', () => {
    expect(nextCaseCode([], 2026)).toBe('WP-2026-0001');
    expect(nextCaseCode(['WP-2026-0041', 'WP-2026-0007', 'WP-2025-0099'], 2026)).toBe('WP-2026-0042');
    expect(nextCaseCode(['WP-2026-0041'], 2027)).toBe('WP-2027-0001');
  });

  it('ignores malformed codes and goes past four digits', () => {
    expect(nextCaseCode(['WP-2026-9999', 'WP-2026-abc', 'something else'], 2026)).toBe('WP-2026-10000');
  });

  it('never repeats a code when cases are created one after another', () => {
    const codes: string[] = [];
    for (let i = 0; i < 300; i++) codes.push(nextCaseCode(codes, i % 3 === 0 ? 2025 : 2026));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => caseRecordSchema.shape.code.safeParse(code).success)).toBe(true);
  });

  it('refuses a year that is not four digits', () => {
    expect(() => nextCaseCode([], 26)).toThrow(RangeError);
  });
});

describe('status changes and case lists', () => {
  it('appends a status change to the history and leaves the same status alone', () => {
    const referred = changeCaseStatus(sampleCase(), 'referred', '2026-04-01T00:00:00.000Z');
    expect(referred.statusHistory.map((change) => change.status)).toEqual(['open', 'referred']);
    expect(referred.updatedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(problems(referred)).toEqual([]);
    expect(changeCaseStatus(referred, 'referred', '2026-05-01T00:00:00.000Z')).toBe(referred);
  });

  it('sorts by last update, newest first, ties by code', () => {
    const cases = [
      sampleCase({ id: 'a', code: 'WP-2026-0002', updatedAt: '2026-03-15T00:00:00Z' }),
      sampleCase({ id: 'b', code: 'WP-2026-0003', updatedAt: '2026-03-20T00:00:00.000Z' }),
      sampleCase({ id: 'c', code: 'WP-2026-0001', updatedAt: '2026-03-15T00:00:00.000Z' }),
    ];
    expect(sortCasesByUpdated(cases).map((record) => record.id)).toEqual(['b', 'c', 'a']);
  });

  it('counts cases per status, zero for a status nobody has', () => {
    const cases = [sampleCase(), sampleCase(), changeCaseStatus(sampleCase(), 'closed', now)];
    expect(countCasesByStatus(cases)).toEqual({ open: 2, referred: 0, closed: 1 });
  });
});

describe('notes', () => {
  it('keeps every earlier wording when edited', () => {
    const note = createNote({ id: 'n1', caseId: 'case-1', text: 'First visit', now });
    const once = editNote(note, 'First visit, with interpreter', '2026-03-15T00:00:00.000Z');
    const twice = editNote(once, 'First visit with interpreter (Tigrinya)', '2026-03-16T00:00:00.000Z');
    expect(twice.text).toBe('First visit with interpreter (Tigrinya)');
    expect(twice.history).toEqual([
      { text: 'First visit', replacedAt: '2026-03-15T00:00:00.000Z' },
      { text: 'First visit, with interpreter', replacedAt: '2026-03-16T00:00:00.000Z' },
    ]);
    expect(twice.createdAt).toBe(now);
    expect(twice.updatedAt).toBe('2026-03-16T00:00:00.000Z');
    expect(note.history).toEqual([]);
    expect(caseNoteSchema.safeParse(twice).success).toBe(true);
  });

  it('records nothing when the text did not change', () => {
    const note = createNote({ id: 'n1', caseId: 'case-1', text: 'Same', now });
    expect(editNote(note, 'Same', '2026-03-15T00:00:00.000Z')).toBe(note);
  });
});

describe('index fields', () => {
  it('hold only the ids the app looks records up by: no status, date, code, alias, tag or text', () => {
    const record = sampleCase();
    const caseValues = caseIndexValues(record);
    expect(Object.keys(caseValues).sort()).toEqual([...recordIndexFields.case].sort());
    expect(caseValues).toEqual({});
    const serialized = JSON.stringify([caseValues, noteIndexValues(createNote({ id: 'n1', caseId: record.id, text: 'Amira said', now }))]);
    for (const secret of [record.code, 'Amira', 'housing']) expect(serialized).not.toContain(secret);
    expect(Object.values(recordIndexFields).flat()).toEqual(['caseId', 'caseId']);
  });
});
