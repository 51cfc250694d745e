import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCountries, buildInfo, treatyRow } from '../../../scripts/legal/build-countries';
import type { ReferenceRatification } from '../../../scripts/legal/build-countries';
import type { CountryProfile } from '@shared/legal/schema';

// A made-up row in the reference's shape; not shipped data.
function ratification(overrides: Partial<ReferenceRatification> = {}): ReferenceRatification {
  return {
    instrument_id: 'UN-XVIII-12-a',
    country_iso2: 'NL',
    signature: '2000-12-12',
    consent: '2005-07-27',
    consent_type: 'acceptance',
    entry_into_force: null,
    party_status: 'party',
    source: 'http://example.org/18-12-a.csv',
    as_of: '2014-01-27',
    confidence: 'medium',
    note: 'A note.',
    ...overrides,
  };
}

const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../resources/legal/countries.json'), 'utf8')) as CountryProfile[];

describe('treatyRow', () => {
  it('maps names and ids, upgrades http links, and keeps the check, refresh and note', () => {
    expect(treatyRow(ratification({ checked: '2026-12-07', refresh: 'not confirmed since 2014' }))).toEqual({
      instrumentId: 'palermo-tip-protocol',
      status: 'party',
      signed: '2000-12-12',
      consent: '2005-07-27',
      consentType: 'acceptance',
      entryIntoForce: null,
      asOf: '2014-01-27',
      asOfNote: null,
      source: 'https://example.org/18-12-a.csv',
      confidence: 'medium',
      checked: '2026-12-07',
      notConfirmedSince: '2014',
      note: 'A note.',
      statusPage: 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-a&chapter=18&lang=en',
    });
  });

  it.each([
    ['2016-11 (news item on entry into force, 9 Nov 2016)', '2016-11'],
    ['October 2022 (as stated on the page)', '2022-10'],
    ['undated stored copy', null],
    ['c. 2021', null],
  ])('as_of %s -> %s, keeping the words', (note, date) => {
    expect(treatyRow(ratification({ as_of: note }))).toMatchObject({ asOf: date, asOfNote: note });
  });

  it('refuses a refresh flag it cannot read, and an unknown instrument', () => {
    expect(() => treatyRow(ratification({ refresh: 'recheck soon' }))).toThrow(/Unexpected refresh/);
    expect(() => treatyRow(ratification({ instrument_id: 'UN-X-1' }))).toThrow(/Unknown instrument/);
  });
});

describe('buildCountries', () => {
  it('keeps the hand-written parts and rows, and replaces the rows built from the reference', () => {
    const bd = committed.find((c) => c.code === 'BD')!;
    const [built] = buildCountries([bd], [ratification({ country_iso2: 'BD' })]);
    expect(built!.treaties.map((row) => row.instrumentId)).toEqual(['palermo-tip-protocol', 'saarc-2002']);
    expect(built!.nationalLaws).toEqual(bd.nationalLaws);
    expect(built!.referralMechanism).toEqual(bd.referralMechanism);
    expect(built!.sources[0]).toBe('https://example.org/18-12-a.csv');
  });

  it("dates the build by the reference's newest check, not the clock", () => {
    expect(buildInfo([ratification({ checked: '2026-12-07' }), ratification({ checked: '2025-01-02' })])).toEqual({ builtAt: '2026-12-07', referenceDate: '2026-12-07' });
  });
});
