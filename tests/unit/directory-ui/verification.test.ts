import { describe, expect, it } from 'vitest';
import { olderThanMonths } from '@shared/data-age';
import { checkedSentence, checkedWhen, oldSourceDate, phoneVerified } from '../../../src/renderer/src/features/directory/verification';

// The words are looked up by key; this stand-in shows which key and values were asked for.
const t = (key: string, values?: Record<string, string>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;
const date = (iso: string) => `<${iso}>`;

describe('checkedSentence', () => {
  it('says the day a source was read to confirm the record', () => {
    expect(checkedSentence({ checked: '2026-12-07', readBy: null }, t, date)).toBe('verification.checked {"date":"<2026-12-07>"}');
  });

  it('otherwise says the facts were taken from a set read no later than a day, never "verified" on it', () => {
    expect(checkedSentence({ checked: null, readBy: '2026-11-28' }, t, date)).toBe('verification.readBy {"date":"<2026-11-28>"}');
  });

  it('says "not checked" for a record with neither (the person\'s own entries)', () => {
    expect(checkedSentence({ checked: null, readBy: null }, t, date)).toBe('verification.notChecked');
    expect(checkedWhen({ checked: null, readBy: null })).toEqual({ kind: 'none' });
  });
});

describe('phoneVerified', () => {
  it('is true only for a number read on an official page', () => {
    expect(phoneVerified({ verified: true }, {})).toBe(true);
    expect(phoneVerified({ verified: true }, { unconfirmed: true })).toBe(false);
    expect(phoneVerified({ verified: false }, {})).toBe(false);
  });
});

describe('oldSourceDate, with a fixed clock', () => {
  const now = new Date('2026-12-07T12:00:00Z');

  it('names a newest source more than three years old', () => {
    expect(oldSourceDate({ sourceDate: '2019-04-05' }, now)).toBe('2019-04-05');
    expect(oldSourceDate({ sourceDate: '2008' }, now)).toBe('2008');
  });

  it('counts a year or month from its last day, so it never calls a source older than it can know', () => {
    // "2023" may mean 31 December 2023: not yet three years before 7 December 2026.
    expect(oldSourceDate({ sourceDate: '2023' }, now)).toBeNull();
    expect(oldSourceDate({ sourceDate: '2023-11' }, now)).toBe('2023-11');
    expect(oldSourceDate({ sourceDate: '2023-12' }, now)).toBeNull();
  });

  it('says nothing when the source date is not known', () => {
    expect(oldSourceDate({ sourceDate: null }, now)).toBeNull();
  });
});

describe('olderThanMonths (the bundled data is out of date after 12 months)', () => {
  it('turns at twelve calendar months', () => {
    expect(olderThanMonths('2026-12-07', 12, new Date('2027-12-07T00:00:00Z'))).toBe(false);
    expect(olderThanMonths('2026-12-07', 12, new Date('2027-12-08T00:00:00Z'))).toBe(true);
    expect(olderThanMonths('2026-12-07', 12, new Date('2026-12-07T00:00:00Z'))).toBe(false);
  });

  it('never calls a malformed date old', () => {
    expect(olderThanMonths('unknown', 12, new Date('2040-01-01T00:00:00Z'))).toBe(false);
  });
});
