import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryFromHsds } from '@shared/hsds/directory';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { directoryId } from '@shared/hsds/uuid';
import type { CountryProfile } from '@shared/legal/schema';
import { loadBundledHsds } from '../directory/load';

/*
 * The corrections of the expert read and the fact-check of 2026-12-07 (reference CHANGES-2026-12-07.md),
 * checked in the data the app ships. Each failed on the data shipped before.
 */

const directory = directoryFromHsds(loadBundledHsds());
const byId = new Map(directory.entries.map((e) => [e.id, e]));
function entry(key: string): DirectoryEntry {
  const found = byId.get(directoryId(`service|${key}`));
  if (!found) throw new Error(`No entry ${key}`);
  return found;
}
/** The numbers of a country's emergency entry that carry a role. */
function numbersFor(country: string, role: string): string[] {
  return entry(`emergency/${country}`)
    .phones.filter((p) => (p.emergencyRoles as string[]).includes(role))
    .map((p) => p.number);
}

// Read as it is (the corpus tests check its schema), so that each check below fails on its own.
const countries = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../resources/legal/countries.json'), 'utf8')) as CountryProfile[];
function palermo(code: string) {
  return countries.find((c) => c.code === code)?.treaties.find((row) => row.instrumentId === 'palermo-tip-protocol');
}

describe('emergency numbers corrected on 2026-12-07', () => {
  it('Indonesia SAPA 129: WhatsApp 08111-129-129 (five 1s)', () => {
    const sapa = entry('ID/sapa-129-layanan-sahabat-perempuan-dan-anak');
    const numbers = sapa.phones.map((p) => p.number);
    expect(numbers).toContain('08111-129-129');
    expect(numbers).not.toContain('0811-129-129');
  });

  it('United Arab Emirates: police 999, not 911', () => {
    expect(numbersFor('AE', 'police')).toEqual(['999']);
  });

  it('Egypt: police 122, not 112', () => {
    expect(numbersFor('EG', 'police')).toEqual(['122']);
  });

  it('Russia: ambulance 103, not 113', () => {
    expect(numbersFor('RU', 'ambulance')).toContain('103');
    expect(entry('emergency/RU').phones.map((p) => p.number)).not.toContain('113');
  });

  it('Uzbekistan: 103 is the ambulance, not the fire service', () => {
    expect(numbersFor('UZ', 'ambulance')).toContain('103');
    expect(numbersFor('UZ', 'fire')).not.toContain('103');
  });

  it('numbers the reference lists without having read them are marked, never verified', () => {
    const uzFire = entry('emergency/UZ').phones.find((p) => p.number === '101');
    expect(uzFire?.unconfirmed).toBe(true);
  });
});

describe('national child helplines added on 2026-12-07', () => {
  it.each([
    ['GB/childline', '0800 1111'],
    ['US/childhelp-national-child-abuse-hotline', '1-800-422-4453'],
    ['DE/nummer-gegen-kummer-kinder-und-jugendtelefon', '116 111'],
    ['FR/119-allo-enfance-en-danger-snated', '119'],
  ])('%s: %s, with the child-helpline role so the emergency panel lists it', (key, number) => {
    const line = entry(key);
    expect(line.phones.find((p) => p.number === number)?.emergencyRoles).toEqual(['child-helpline']);
    expect(line.populations).toEqual(['children']);
  });
});

describe('Trafficking Protocol status corrected on 2026-12-07', () => {
  it.each([
    ['JP', '2017-07-11'],
    ['KR', '2015-11-05'],
  ])('%s is a party since %s, confirmed on 2026-12-07', (code, consent) => {
    expect(palermo(code)).toMatchObject({ status: 'party', consent, checked: '2026-12-07', notConfirmedSince: null });
  });

  it('Czechia and Sri Lanka are parties; Singapore and Nepal have rows', () => {
    for (const code of ['CZ', 'LK', 'SG', 'NP']) expect(palermo(code)?.status, code).toBe('party');
  });

  it('every other Trafficking Protocol row says since when it is not confirmed, with the UN depositary page', () => {
    const rows = countries.flatMap((c) => c.treaties).filter((row) => row.instrumentId === 'palermo-tip-protocol');
    for (const row of rows) {
      if (row.notConfirmedSince === null) expect(row.checked).toBe('2026-12-07');
      else expect(row.statusPage).toMatch(/^https:\/\/treaties\.un\.org\//);
    }
  });
});
