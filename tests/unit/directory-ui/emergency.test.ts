import { describe, expect, it } from 'vitest';
import { areasCovering, countryCodes, servesCountry, wideAreaServing, wideAreas } from '@shared/countries';
import { buildSearchIndex, searchDirectory } from '@shared/directory-search';
import { emergencyLines } from '@renderer/features/directory/emergency';
import { shippedDirectory } from '../directory-io/fixtures';

const { entries, organizations } = shippedDirectory();
const missingChildren = entries.find((entry) => entry.phones.some((phone) => phone.number === '116 000'))!;

describe('wide areas', () => {
  it('the EU has its 27 member states, each a country code', () => {
    expect(wideAreas.EU).toHaveLength(27);
    for (const code of wideAreas.EU!) expect(countryCodes).toContain(code);
    expect(wideAreas.EU).not.toContain('GB');
  });

  it('a member state is covered by its own code and the EU; another country by its own only', () => {
    expect(areasCovering('DE')).toEqual(['DE', 'EU']);
    expect(areasCovering('GB')).toEqual(['GB']);
    expect(areasCovering('CH')).toEqual(['CH']);
    expect(servesCountry(['EU'], 'FR')).toBe(true);
    expect(servesCountry(['EU'], 'NO')).toBe(false);
    expect(wideAreaServing(['EU'], 'ES')).toBe('EU');
    expect(wideAreaServing(['ES', 'EU'], 'ES')).toBeUndefined();
    expect(wideAreaServing(['EU'], 'EU')).toBeUndefined();
  });
});

describe('the emergency panel and EU-wide services', () => {
  it('the shipped directory holds the 116 000 once, for the EU as a whole', () => {
    expect(missingChildren.countries).toEqual(['EU']);
    expect(entries.filter((entry) => entry.phones.some((phone) => phone.number === '116 000'))).toHaveLength(1);
  });

  it.each(['DE', 'FR', 'ES', 'IT', 'PL'])("shows the 116 000 for %s, marked EU-wide, after the country's own lines of its kind", (country) => {
    const lines = emergencyLines(entries, country);
    const euWide = lines.filter((line) => line.entry.id === missingChildren.id);
    expect(euWide).toHaveLength(1);
    expect(euWide[0]).toMatchObject({ kind: 'fallback', wideArea: 'EU', phones: [{ number: '116 000' }] });
    for (const line of lines) if (line.wideArea === undefined) expect(line.entry.countries).toContain(country);
    // Within a kind, the country's own lines come first.
    for (const kind of ['hotline', 'emergency', 'fallback'] as const) {
      const ofKind = lines.filter((line) => line.kind === kind).map((line) => line.wideArea !== undefined);
      expect(ofKind).toEqual([...ofKind].sort((a, b) => Number(a) - Number(b)));
    }
  });

  it("puts Germany's own fallback line before the EU-wide one, though the EU-wide one is verified", () => {
    const fallbacks = emergencyLines(entries, 'DE').filter((line) => line.kind === 'fallback');
    expect(fallbacks.map((line) => [line.entry.name, line.wideArea])).toEqual([
      ["Hilfetelefon 'Gewalt gegen Frauen'", undefined],
      [missingChildren.name, 'EU'],
    ]);
  });

  it('does not show it for a country outside the EU, and shows it unmarked for the EU itself', () => {
    for (const country of ['GB', 'US', 'CH', 'NO']) expect(emergencyLines(entries, country).some((line) => line.entry.id === missingChildren.id)).toBe(false);
    const eu = emergencyLines(entries, 'EU').find((line) => line.entry.id === missingChildren.id);
    expect(eu).toBeDefined();
    expect(eu!.wideArea).toBeUndefined();
  });

  it('a country filter of a member state finds the EU-wide entries too (the search page asks for its covering areas)', () => {
    const index = buildSearchIndex(entries, { organizations });
    const found = (countries: string[]) => Array.from(searchDirectory(index, '', { countries }).positions, (position) => entries[position]!.id);
    expect(found(areasCovering('DE'))).toContain(missingChildren.id);
    expect(found(['DE'])).not.toContain(missingChildren.id);
    expect(found(areasCovering('GB'))).not.toContain(missingChildren.id);
  });
});
