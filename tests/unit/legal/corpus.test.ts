import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCountryCode } from '@shared/countries';
import { dateNotBefore, languages, legalCorpusSchema, topicIds, type LegalCorpus } from '@shared/legal/schema';

const dataDir = resolve(import.meta.dirname, '../../../resources/legal');
// The reference facts the data is built from, when a contributor has them (the build scripts take the
// same folder as an argument): the profiles are then also checked against every hotline country there.
const referenceDir = process.env['WAYPOINT_REFERENCE_DIR'];

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const raw = {
  instruments: readJson(join(dataDir, 'instruments.json')),
  judgments: readJson(join(dataDir, 'judgments.json')),
  topics: readJson(join(dataDir, 'topics.json')),
  countries: readJson(join(dataDir, 'countries.json')),
  explainers: readJson(join(dataDir, 'explainers.json')),
};

function parseCorpus(): LegalCorpus {
  const result = legalCorpusSchema.safeParse(raw);
  if (!result.success)
    throw new Error(
      result.error.issues
        .slice(0, 10)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('\n'),
    );
  return result.data;
}
const corpus = parseCorpus();
const provisions = corpus.instruments.flatMap((i) => i.provisions);
const provisionIds = new Set(provisions.map((p) => p.id));
const instrumentIds = new Set(corpus.instruments.map((i) => i.id));

function allStrings(value: unknown, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => allStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => allStrings(v, `${path}.${k}`));
  return [];
}

/** Countries with a hotline in the directory, as of when this module was built. */
const committedHotlineCountries = (
  'AE AL AR AT AU BD BE BF BG BH BJ BR BY CA CH CI CL CM CO CR CY CZ DE DK DO EC EE EG ES ET FI FR GB GE GH GM GN ' +
  'GR GT HN HR HU ID IE IL IN IS IT JM JP KE KG KH KR KZ LA LK LR LS LT LU LV MA MD ME MK MN MT MW MX MY MZ NA NG ' +
  'NL NO NP NZ OM PA PE PH PK PL PT QA RO RS RU SD SE SG SI SK TG TH TJ TN TR TT TW TZ UA UG US UZ VN XK ZA ZM'
).split(' ');

describe('legal corpus data', () => {
  it('validates against the schema, cross-references included', () => {
    expect(corpus.instruments).toHaveLength(23);
    expect(corpus.topics.map((t) => t.id).sort()).toEqual([...topicIds].sort());
  });

  it('reuses the instrument ids of the reference', () => {
    const reference = [
      'palermo-tip-protocol',
      'untoc',
      'smuggling-protocol',
      'cets-197',
      'eu-dir-2011-36',
      'eu-dir-2024-1712',
      'ilo-c29',
      'ilo-p29',
      'ilo-c105',
      'ilo-c182',
      'crc',
      'opsc',
      'hague-1993',
      'lanzarote-cets-201',
      'echr-art4',
      'us-tvpa-2000',
      'uk-msa-2015',
      'india-ipc-bns-itpa',
      'sg-phta-2014',
      'au-msa-2018',
      'actip-2015',
      'saarc-2002',
      'unhcr-guidelines-7',
    ];
    expect([...instrumentIds].sort()).toEqual(reference.sort());
  });

  it('has every provision the checklist templates cite', () => {
    const cited = [
      'palermo-tip-protocol#art-3a',
      'palermo-tip-protocol#art-3b',
      'palermo-tip-protocol#art-3c',
      'palermo-tip-protocol#art-3d',
      'palermo-tip-protocol#art-6',
      'palermo-tip-protocol#art-7',
      'palermo-tip-protocol#art-8',
      'cets-197#art-4',
      'cets-197#art-10',
      'cets-197#art-10-3',
      'cets-197#art-10-4',
      'cets-197#art-28',
      'ilo-p29#art-4-1',
      'cets-197#art-12',
      'cets-197#art-13',
      'cets-197#art-14',
      'cets-197#art-15',
      'cets-197#art-16',
      'cets-197#art-26',
      'eu-dir-2011-36#art-2',
      'eu-dir-2011-36#art-8',
      'eu-dir-2011-36#art-11',
      'ilo-c29#art-2',
      'echr-art4#art-4',
      'smuggling-protocol#art-3a',
      'crc#art-34',
      'crc#art-35',
      'uk-msa-2015#s-1',
      'uk-msa-2015#s-2',
      'uk-msa-2015#s-45',
      'uk-msa-2015#s-48',
      'us-tvpa-2000#t-visa',
      'us-tvpa-2000#22-usc-7102',
    ];
    expect(cited.filter((id) => !provisionIds.has(id))).toEqual([]);
  });

  it('resolves every provision id that topics, judgments and explainers cite', () => {
    const cited = [
      ...corpus.topics.flatMap((t) => t.provisionIds),
      ...corpus.judgments.flatMap((j) => j.interprets),
      ...corpus.explainers.flatMap((e) => e.sections.flatMap((s) => s.provisionIds)),
    ];
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => !provisionIds.has(id))).toEqual([]);
    expect(provisions.filter((p) => !instrumentIds.has(p.id.slice(0, p.id.indexOf('#'))))).toEqual([]);
  });

  it('resolves every instrument id and country code', () => {
    const instrumentRefs = corpus.countries.flatMap((c) => [...c.treaties.map((t) => t.instrumentId), ...c.nationalLaws.flatMap((l) => (l.instrumentId ? [l.instrumentId] : []))]);
    expect(instrumentRefs.filter((id) => !instrumentIds.has(id))).toEqual([]);
    const codes = [...corpus.countries.map((c) => c.code), ...corpus.instruments.flatMap((i) => i.jurisdictions), ...corpus.judgments.flatMap((j) => j.respondentStates)];
    expect(codes.filter((code) => !isCountryCode(code))).toEqual([]);
  });

  it('uses only https links', () => {
    const links = allStrings(raw).filter(({ value }) => /^[a-z]+:\/\//i.test(value));
    expect(links.length).toBeGreaterThan(100);
    const bad = links.filter(({ value }) => !value.startsWith('https://') || !URL.canParse(value));
    expect(bad).toEqual([]);
    // Every entry keeps at least one source link.
    for (const entry of [...corpus.instruments, ...corpus.judgments]) expect(entry.sources.length).toBeGreaterThan(0);
  });

  it('has valid dates, and nothing enters into force before it was adopted', () => {
    const datePaths = /\.(adopted|entryIntoForce|lastVerified|asOf|judgmentDate|finalDate|signed|consent)$/;
    const dates = allStrings(raw).filter(({ path }) => datePaths.test(path));
    expect(dates.length).toBeGreaterThan(500);
    for (const { path, value } of dates) {
      expect(value, path).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      const full = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
      expect(new Date(`${full}T00:00:00Z`).toISOString().slice(0, 10), path).toBe(full);
    }
    for (const instrument of corpus.instruments) {
      expect(dateNotBefore(instrument.entryIntoForce, instrument.adopted), instrument.id).toBe(true);
    }
    for (const row of corpus.countries.flatMap((c) => c.treaties)) {
      expect(dateNotBefore(row.consent, row.signed)).toBe(true);
      expect(dateNotBefore(row.entryIntoForce, row.consent)).toBe(true);
    }
  });

  it('has a profile for every country with a hotline in the directory', () => {
    const expected = new Set(committedHotlineCountries);
    if (referenceDir && existsSync(referenceDir)) {
      for (const file of ['hotlines.json', 'hotlines_more.json']) {
        const rows = readJson(join(referenceDir, file)) as { country_iso2: string }[];
        // The EU-wide 116 000 line is not a country.
        for (const row of rows) if (row.country_iso2 !== 'EU') expected.add(row.country_iso2);
      }
    }
    expect(corpus.countries.map((c) => c.code).sort()).toEqual([...expected].sort());
  });

  it('writes every topic and explainer in all four languages', () => {
    const texts = [
      ...corpus.topics.flatMap((t) => [t.name, t.description]),
      ...corpus.explainers.flatMap((e) => [e.title, ...e.sections.flatMap((s) => [s.heading, ...s.paragraphs])]),
    ];
    for (const text of texts) {
      expect(Object.keys(text).sort()).toEqual([...languages].sort());
      expect(text.ar).toMatch(/\p{Script=Arabic}/u);
      expect(text.ar).not.toMatch(/[a-z]{4}/i);
    }
    // Translations are not English copied over (short names like "Consentement" may coincide in es/fr only).
    expect(texts.filter((t) => t.es === t.en || t.fr === t.en).map((t) => t.en)).toEqual(['Identification']);
  });

  it('uses rights-based words', () => {
    const wording = allStrings(raw).filter(({ value }) => /\brescu/i.test(value));
    expect(wording).toEqual([]);
  });
});
