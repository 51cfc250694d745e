import { describe, expect, it } from 'vitest';
import { directoryFromHsds, directoryToHsds } from '@shared/hsds/directory';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { directoryId } from '@shared/hsds/uuid';
import { readDescriptions } from '../../../scripts/directory/build-directory';
import { loadBundledHsds } from './load';

const hsds = loadBundledHsds();
const directory = directoryFromHsds(hsds);
const descriptions = readDescriptions();

const byId = new Map(directory.entries.map((e) => [e.id, e]));
function entry(key: string): DirectoryEntry {
  const found = byId.get(directoryId(`service|${key}`));
  if (!found) throw new Error(`No entry ${key}`);
  return found;
}
const numbers = (e: DirectoryEntry) => e.phones.map((p) => p.number);

// Copied from the reference folder (emergency.json, organizations.json) so the test does not need it.
const emergencyCountries =
  'ID MY LA BD PK TW KG BY AE BH EG IL ET KE SE EE NO IS RU HN GT PA DO CR EC CL JM TT MN UZ TJ LK OM CI BF MK ME XK CY MT LU HU ZM KR GH MW MZ TZ SD QA SI KZ CM MA TN NA LS TG BJ GN MM HK AZ AM SA JO LB KW RW ZW SN SV BO PY UY VE BA SL BW MG SZ'.split(
    ' ',
  );
const childHelplineCountries = 'ID MY LA BD PK AE EG IL KE SE NO RU PA CL JM TT LK CI BF CY LU HU ZM MW MZ TZ SD QA KZ CM NA LS TG BJ GN AZ JO'.split(' ');
const organizationIds =
  'iom unodc ilo unhcr osce-osr-cthb osce-odihr coe-greta la-strada-international polaris ecpat anti-slavery-international walk-free freedom-fund ijm gaatw liberty-shared stop-the-traffik dhs-blue-campaign unseen a21 ccteht consejo-ciudadano-cdmx missing-children-europe'.split(
    ' ',
  );

describe('counts: every reference record is shipped', () => {
  it('has all 120 hotlines, referral points and child helplines (60 + 60)', () => {
    const keys = Object.keys(descriptions.hotlines);
    expect(keys).toHaveLength(120);
    for (const key of keys) expect(entry(key).description).toBe(descriptions.hotlines[key]!.description);
  });

  it('has the 23 organizations, each with one service entry', () => {
    expect(directory.organizations.map((o) => o.id).sort()).toEqual(organizationIds.map((id) => directoryId(`organization|${id}`)).sort());
    for (const id of organizationIds) expect(entry(`org/${id}`).organizationId).toBe(directoryId(`organization|${id}`));
  });

  it('has the emergency numbers of all 81 countries and the 37 child helplines', () => {
    expect(emergencyCountries).toHaveLength(81);
    expect(childHelplineCountries).toHaveLength(37);
    for (const country of emergencyCountries) expect(entry(`emergency/${country}`).countries).toEqual([country]);
    for (const country of childHelplineCountries) expect(entry(`child-helpline/${country}`).services).toContain('child-helpline');
    // 214 numbers in emergency.json, not counting its free-text dataset notes.
    const emergencyPhones = emergencyCountries.flatMap((c) => entry(`emergency/${c}`).phones);
    expect(emergencyPhones).toHaveLength(214);
  });

  it('has nothing else', () => {
    expect(directory.entries).toHaveLength(120 + 23 + 81 + 37);
  });
});

describe('mapping of known reference facts', () => {
  it('US national hotline: 1-888-373-7888, SMS 233733, 24/7, verified, English and Spanish', () => {
    const us = entry('US/national-human-trafficking-hotline');
    expect(numbers(us)).toEqual(['1-888-373-7888', '233733', '711']);
    expect(us.phones.map((p) => p.type)).toEqual(['voice', 'text', 'textphone']);
    expect(us.is24x7).toBe(true);
    expect(us.hours).toBe('24 hours, 7 days, 365 days');
    expect(us.verified).toBe(true);
    expect(us.confidence).toBe('seen-official');
    expect(us.languages).toEqual(['en', 'es']);
    expect(us.emails).toEqual(['help@humantraffickinghotline.org']);
    expect(us.url).toBe('https://humantraffickinghotline.org');
    expect(us.sources[0]).toBe('https://humantraffickinghotline.org/about-us/what-we-do');
    expect(us.sources).toHaveLength(5);
    expect(us.channels).toEqual(['phone', 'sms', 'email', 'web', 'chat']);
    expect(us.countries).toEqual(['US']);
    expect(us.fallback).toBe(false);
    expect(us.organizationId).toBe(directoryId('organization|polaris'));
  });

  it('dates a record by its check, or else by when its facts were read; never by a founding date', () => {
    expect(entry('emergency/ID')).toMatchObject({ checked: '2026-12-07', readBy: null });
    expect(entry('JM/national-taskforce-against-trafficking-in-persons-natfatip-ministry-of-justice')).toMatchObject({ checked: '2026-12-07', sourceDate: '2019-04-05' });
    // "established Oct 2016" and "launched 29 May 2019" date the lines, not their sources.
    expect(entry('GB/modern-slavery-exploitation-helpline')).toMatchObject({ checked: null, readBy: descriptions.referenceSnapshotDate, sourceDate: null });
    expect(entry('CA/canadian-human-trafficking-hotline')).toMatchObject({ checked: null, readBy: descriptions.referenceSnapshotDate, sourceDate: null });
    expect(entry('emergency/SA')).toMatchObject({ checked: null, readBy: descriptions.referenceSnapshotDate });
    expect(entry('LS/national-child-helpline-800-22-345').sourceDate).toBe('2008');
  });

  it('splits a number from its qualifier and keeps both', () => {
    const us = entry('US/hsi-ice-tip-line-dhs');
    expect(us.phones.map((p) => [p.number, p.description])).toEqual([
      ['1-866-347-2423', '1-866-DHS-2-ICE'],
      ['+1-802-872-6199', 'from outside the US'],
    ]);
    expect(numbers(entry('PT/national-support-line-for-victims-of-trafficking'))).toContain('918 654 101');
    expect(numbers(entry('AE/800save-national-anti-trafficking-hotline'))).toEqual(['800SAVE']);
  });

  it('leaves a record with no number in the reference without phones', () => {
    expect(entry('CH/act212-national-hotline-against-human-trafficking-and-exploitation').phones).toEqual([]);
    expect(entry('FR/dispositif-national-ac-se-accueil-securisant').phones).toEqual([]);
  });

  it('flags fallback referral points and not the trafficking-specific lines', () => {
    for (const key of [
      'TZ/national-child-helpline-tanzania-116',
      'SD/9696-hotline-family-and-child-protection',
      'LK/slbfe-hotline-1989-migrant-workers',
      'KZ/child-and-youth-trust-line-150',
      'BD/government-helplines-used-for-trafficking-referral-999-109-1098-probash-bandhu',
      'SI/sos-telefon-za-zenske-in-otroke-zrtve-nasilja-drustvo-kljuc',
    ]) {
      expect(entry(key).fallback, key).toBe(true);
    }
    expect(entry('MA/cnclt-numero-vert-0800004747').fallback).toBe(false);
    expect(entry('NO/rosa-national-helpline-against-human-trafficking').fallback).toBe(false);
    // The reference says about 25 of hotlines_more.json are fallback points; a few in hotlines.json are too.
    const fallbackCount = Object.values(descriptions.hotlines).filter((d) => d.fallback).length;
    expect(fallbackCount).toBeGreaterThanOrEqual(25);
  });

  it('ships emergency.json numbers with their roles, marking those not read in a source', () => {
    const id = entry('emergency/ID');
    expect(id.phones.map((p) => [p.number, p.emergencyRoles, p.unconfirmed ?? false])).toEqual([
      ['110', ['police'], false],
      ['112', ['police', 'ambulance', 'fire'], false],
      ['113', ['fire'], false],
      ['119', ['ambulance'], false],
      ['118', ['ambulance'], true],
    ]);
    expect(id.verified).toBe(false);
    expect(id.confidence).toBe('seen-secondary');
    expect(id.notes).toMatch(/^Checked 2026-12-07/);
    expect(entry('emergency/MY').phones).toEqual([{ number: '999', type: 'voice', description: null, emergencyRoles: ['police', 'ambulance', 'fire'] }]);
    // Only Russia's record was read on an official page (mos.ru) alone.
    expect(emergencyCountries.filter((country) => entry(`emergency/${country}`).verified)).toEqual(['RU']);
  });

  it('ships child helplines with their number and role', () => {
    const my = entry('child-helpline/MY');
    expect(my.name).toBe('Talian Kasih (Ministry of Women, Family and Community Development)');
    expect(my.phones).toEqual([{ number: '15999', type: 'voice', description: null, emergencyRoles: ['child-helpline'] }]);
    expect(my.verified).toBe(false);
    expect(my.populations).toEqual(['children']);
  });

  it('ships organization contacts copied from the reference', () => {
    const iom = directory.organizations.find((o) => o.id === directoryId('organization|iom'))!;
    expect(iom.phones.map((p) => p.number)).toEqual(['+41 22 717 91 11']);
    expect(iom.emails).toEqual(['hq@iom.int']);
    expect(iom.headquarters).toEqual({ address: '17 route des Morillons, 1211 Geneva 19', city: 'Geneva', country: 'CH', confidential: false });
    expect(iom.verified).toBe(false);
    const a21 = directory.organizations.find((o) => o.id === directoryId('organization|a21'))!;
    expect(a21.website).toBeNull();
    expect(a21.headquarters).toBeNull();
  });
});

describe('every shipped entry', () => {
  const all = [...directory.entries, ...directory.organizations];

  it('has a source, either a checked date or the date its facts were read by, and verified only for official sources', () => {
    for (const e of all) {
      expect(e.sources.length, e.name).toBeGreaterThan(0);
      expect(e.checked ?? e.readBy, e.name).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(e.checked === null || e.readBy === null, e.name).toBe(true);
      expect(e.verified, e.name).toBe(e.confidence === 'seen-official');
    }
  });

  it('has a phone number with digits or a written-out vanity number', () => {
    for (const p of all.flatMap((e) => e.phones)) expect(p.number).toMatch(/\d/);
  });

  it('uses no rescue language in descriptions', () => {
    for (const e of all) expect(e.description, e.name).not.toMatch(/rescue/i);
  });
});

describe('ids', () => {
  function allIds(value: unknown, into: string[] = []): string[] {
    if (Array.isArray(value)) for (const item of value) allIds(item, into);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id' && typeof inner === 'string') into.push(inner);
        else allIds(inner, into);
      }
    }
    return into;
  }

  it('are unique across every HSDS record', () => {
    const ids = allIds(hsds);
    expect(ids.length).toBeGreaterThan(3000);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are stable: derived from the documented keys, and pinned', () => {
    expect(entry('US/national-human-trafficking-hotline').id).toBe('a96bd255-93cb-561d-aba5-49246550c5ee');
    expect(directoryId('organization|polaris')).toBe('59caa28a-4bed-5d7a-82c1-dee143682c3d');
  });

  it('the committed file is exactly what the mapping writes for its own entries', () => {
    expect(directoryToHsds(directory)).toEqual(hsds);
  });
});

describe('versions', () => {
  it('carries the format, HSDS version, data version and generation date', () => {
    expect(hsds.format).toBe('waypoint-directory');
    expect(hsds.hsdsVersion).toBe('3.0');
    expect(hsds.dataVersion).toBe(descriptions.dataVersion);
    expect(hsds.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hsds.referenceDate).toBe(descriptions.referenceDate);
  });
});
