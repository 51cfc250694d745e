import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateNotBefore, isoDateSchema, legalCorpusSchema } from '@shared/legal/schema';

const dataDir = resolve(import.meta.dirname, '../../../resources/legal');

/** A fresh, mutable copy of the shipped corpus for each test to break in one place. */
function corpusCopy() {
  const read = (name: string) => JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8'));
  return {
    instruments: read('instruments'),
    judgments: read('judgments'),
    topics: read('topics'),
    countries: read('countries'),
    explainers: read('explainers'),
  };
}

function messages(value: unknown): string[] {
  const result = legalCorpusSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('legal corpus schema', () => {
  it('accepts the shipped corpus', () => {
    expect(messages(corpusCopy())).toEqual([]);
  });

  it('rejects a topic or explainer that cites a provision that does not exist', () => {
    const corpus = corpusCopy();
    corpus.topics[0].provisionIds.push('cets-197#art-999');
    corpus.explainers[0].sections[0].provisionIds.push('nowhere#art-1');
    const found = messages(corpus);
    expect(found).toContain('topic definition cites unknown provision cets-197#art-999');
    expect(found).toContain('explainer definition cites unknown provision nowhere#art-1');
  });

  it('rejects a topic whose list disagrees with the provisions tagged with it', () => {
    const corpus = corpusCopy();
    const cets = corpus.instruments.find((i: { id: string }) => i.id === 'cets-197');
    cets.provisions.find((p: { id: string }) => p.id === 'cets-197#art-13').topics = [];
    expect(messages(corpus)).toContain('topic recovery-reflection does not list exactly the provisions tagged with it');
  });

  it('rejects http links, unknown countries and dates out of order', () => {
    const corpus = corpusCopy();
    corpus.instruments[0].sources.push('http://example.org/');
    corpus.instruments[0].entryIntoForce = '1999-01-01';
    corpus.countries[0].code = 'ZZ';
    corpus.judgments[0].finalDate = '2001-01-01';
    const found = messages(corpus);
    expect(found.some((m) => /url|protocol/i.test(m))).toBe(true);
    expect(found).toContain('entry into force precedes adoption');
    expect(found).toContain('not an ISO 3166-1 alpha-2 code');
    expect(found).toContain('final date precedes the judgment');
  });

  it('checks judgments by court: ECtHR application numbers and Article 4, respondents for international courts only', () => {
    const corpus = corpusCopy();
    const byId = (id: string) => corpus.judgments.find((j: { id: string }) => j.id === id);
    byId('siliadin-v-france').applicationNumbers = ['ECW/CCJ/APP/08/08'];
    byId('rantsev-v-cyprus-and-russia').interprets = [];
    byId('r-v-l-2013-ewca-crim-991').respondentStates = ['GB'];
    byId('hadijatou-mani-koraou-v-niger').respondentStates = [];
    byId('sm-v-croatia').court = 'Grand Chamber';
    const found = messages(corpus);
    expect(found).toContain('not an ECtHR application number');
    expect(found).toContain('an ECtHR judgment interprets Article 4');
    expect(found.filter((m) => m === 'international courts name respondent States; national courts none')).toHaveLength(2);
    expect(found.some((m) => /Invalid option|expected one of/i.test(m))).toBe(true);
  });

  it('rejects a provision filed under the wrong instrument and duplicate ids', () => {
    const corpus = corpusCopy();
    corpus.instruments[0].provisions[0].id = 'cets-197#art-2';
    corpus.judgments.push(corpus.judgments[0]);
    const found = messages(corpus);
    expect(found).toContain('cets-197#art-2 does not belong to palermo-tip-protocol');
    expect(found).toContain('duplicate judgment id siliadin-v-france');
  });

  it('rejects a country profile naming a law of another country', () => {
    const corpus = corpusCopy();
    const france = corpus.countries.find((c: { code: string }) => c.code === 'FR');
    france.nationalLaws.push({ instrumentId: 'uk-msa-2015', name: 'Modern Slavery Act 2015', sources: ['https://www.legislation.gov.uk/'], confidence: 'seen-official' });
    expect(messages(corpus)).toContain('uk-msa-2015 is not a law of FR');
  });

  it('accepts partial ISO dates and refuses impossible ones', () => {
    for (const good of ['1999', '2021-10', '2024-02-29']) expect(isoDateSchema.safeParse(good).success, good).toBe(true);
    for (const bad of ['2023-02-29', '2021-13', '21-01-01', '2021-1-1', 'October 2022']) {
      expect(isoDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('compares partial dates at the precision they share', () => {
    expect(dateNotBefore('1999-06-17', '1999')).toBe(true);
    expect(dateNotBefore('1998-12', '1999')).toBe(false);
    expect(dateNotBefore('2003-12-25', '2000-11-15')).toBe(true);
    expect(dateNotBefore('2000-11-14', '2000-11-15')).toBe(false);
    expect(dateNotBefore(null, '2000')).toBe(true);
  });
});
