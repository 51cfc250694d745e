import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hotlineKey, latestDate, parseEmergencyNumbers, sourceDate, splitPhone } from '../../../scripts/directory/reference';

describe('splitPhone', () => {
  it.each([
    ['08000 121 700', [{ number: '08000 121 700', description: null }]],
    ['1-866-347-2423 (1-866-DHS-2-ICE)', [{ number: '1-866-347-2423', description: '1-866-DHS-2-ICE' }]],
    ['(02) 1343 from provinces', [{ number: '(02) 1343', description: 'from provinces' }]],
    ['(+995 32) 2 100 229', [{ number: '(+995 32) 2 100 229', description: null }]],
    ['EME Norte 918 654 101', [{ number: '918 654 101', description: 'EME Norte' }]],
    ['02/2777-070 (landline)', [{ number: '02/2777-070', description: 'landline' }]],
    ['1800 DELITO (1800 335486)', [{ number: '1800 335486', description: '1800 DELITO' }]],
    [
      '102 / 112 (police)',
      [
        { number: '102', description: 'police' },
        { number: '112', description: 'police' },
      ],
    ],
  ])('%s', (raw, expected) => {
    expect(splitPhone(raw)).toEqual(expected);
  });

  it('refuses a string with no number at the start', () => {
    expect(() => splitPhone('phone and email (numbers not seen)')).toThrow(/Cannot find a phone number/);
  });

  it('refuses a number that runs into letters', () => {
    expect(() => splitPhone('800HELP')).toThrow(/add an override/);
  });

  it('only ever returns verbatim pieces of its input as numbers', () => {
    const phoneish = fc.stringMatching(/^\+?\d[\d -]{0,12}\d( \([a-z ,]{1,20}\))?$/);
    fc.assert(fc.property(phoneish, (raw) => splitPhone(raw).every((part) => raw.includes(part.number))));
  });
});

describe('parseEmergencyNumbers', () => {
  it('reads the number and its roles; words that only name roles are not repeated as a description', () => {
    expect(parseEmergencyNumbers('999 (police, ambulance, fire)')).toEqual([{ number: '999', description: null, roles: ['police', 'ambulance', 'fire'], unconfirmed: false }]);
    expect(parseEmergencyNumbers('102 from a mobile (police)')).toEqual([{ number: '102', description: 'from a mobile', roles: ['police'], unconfirmed: false }]);
  });

  it('keeps the reference words and reads the roles they name', () => {
    expect(parseEmergencyNumbers('112 (single emergency number, all services)')[0]).toMatchObject({
      number: '112',
      description: 'single emergency number, all services',
      roles: ['police', 'ambulance', 'fire'],
    });
    expect(parseEmergencyNumbers('997 (fire / civil defence)')[0]?.roles).toEqual(['fire']);
    expect(parseEmergencyNumbers('15 (SAMU medical emergency - Ouagadougou; Bobo-Dioulasso planned, 2025)')[0]?.roles).toEqual(['ambulance']);
    expect(parseEmergencyNumbers('16 (gendarmerie)')[0]?.roles).toEqual(['police']);
  });

  it('gives no role to a line for part of a service only, so the panel never offers it as "police"', () => {
    for (const raw of ['901 (police non-emergency)', '126 (tourist police)', '1880 (highway police, per dataset)', '104 (gas emergency)']) {
      expect(parseEmergencyNumbers(raw)[0]?.roles, raw).toEqual([]);
    }
  });

  it('marks numbers the reference lists without having read them in a source', () => {
    expect(parseEmergencyNumbers('118 (ambulance, per dataset)')[0]?.unconfirmed).toBe(true);
    expect(parseEmergencyNumbers('140 (ambulance - Lebanese Red Cross, per dataset; not read in a source)')[0]?.unconfirmed).toBe(true);
    expect(parseEmergencyNumbers('103 (ambulance)')[0]?.unconfirmed).toBe(false);
  });

  it('splits several numbers sharing their words', () => {
    expect(parseEmergencyNumbers('999 / 112 / 911 (police and emergencies, free)').map((p) => p.number)).toEqual(['999', '112', '911']);
  });

  it('skips free-text dataset notes', () => {
    expect(parseEmergencyNumbers('dataset note (police): Mobile phones – 112.')).toEqual([]);
  });
});

describe('sourceDate', () => {
  it.each([
    [null, null],
    ['established Oct 2016', null],
    ['launched 29 May 2019', null],
    ['2013 government page', '2013'],
    ['JIS page last updated 5 Apr 2019', '2019-04-05'],
    ['hotline launched 15 Apr 2011; confirmed Jan 2019 and May 2023', '2023-05'],
    ['centre est. 2007', null],
    ['page c. 2013-2015 (mentions shelter opened 30 Apr 2013)', '2015'],
  ])('%s -> %s', (note, expected) => {
    expect(sourceDate(note)).toBe(expected);
  });
});

describe('latestDate', () => {
  it.each([
    [null, null],
    ['established Oct 2016', '2016-10'],
    ['launched 29 May 2019', '2019-05-29'],
    ['launched 29/30 Aug 2016', '2016-08-30'],
    ['2022-04-02', '2022-04-02'],
    ['c. 2019-2020 (article cites LWU 2019 statistics)', '2020'],
    ['hotline launched 15 Apr 2011; confirmed Jan 2019 and May 2023', '2023-05'],
    ['anti-trafficking role launched 19 Sep 2025 (Decree 162/2025/ND-CP); child line since Dec 2017', '2025-09-19'],
    ['undated article', null],
  ])('%s -> %s', (note, expected) => {
    expect(latestDate(note)).toBe(expected);
  });
});

describe('hotlineKey', () => {
  it('is the country plus an ASCII slug of the name', () => {
    expect(hotlineKey({ country_iso2: 'CO', name: 'Línea Gratuita Nacional contra la Trata de Personas' })).toBe('CO/linea-gratuita-nacional-contra-la-trata-de-personas');
  });
});
