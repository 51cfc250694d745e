import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLegalIndex, instrumentsForCountry, judgmentsForProvision, judgmentsForTopic, provisionsForTopic, searchLegal } from '@shared/legal/corpus';
import { legalCorpusSchema } from '@shared/legal/schema';
import { prepareDocument, searchDocuments } from '@shared/legal/search';

const dataDir = resolve(import.meta.dirname, '../../../resources/legal');
const read = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8'));
const corpus = legalCorpusSchema.parse({
  instruments: read('instruments'),
  judgments: read('judgments'),
  topics: read('topics'),
  countries: read('countries'),
  explainers: read('explainers'),
});
const index = buildLegalIndex(corpus);
const ids = (query: string) => searchLegal(index, query).map((hit) => hit.id);

describe('legal index lookups', () => {
  it('finds every entry by id', () => {
    expect(index.instruments.get('cets-197')?.shortName).toContain('CETS No. 197');
    expect(index.provisions.get('cets-197#art-13')?.label).toBe('Article 13');
    expect(index.provisionInstrument.get('uk-msa-2015#s-45')?.id).toBe('uk-msa-2015');
    expect(index.judgments.get('rantsev-v-cyprus-and-russia')?.applicationNumbers).toEqual(['25965/04']);
    expect(index.topics.get('non-punishment')?.name.fr).toBe('Non-sanction');
    expect(index.countries.get('PH')?.name).toBe('Philippines');
    expect(index.explainers.get('trafficking-vs-smuggling')?.sections.length).toBeGreaterThan(2);
    expect(index.provisions.size).toBe(corpus.instruments.reduce((n, i) => n + i.provisions.length, 0));
  });

  it('lists the provisions of a topic', () => {
    const provisions = provisionsForTopic(index, 'recovery-reflection').map((p) => p.id);
    expect(provisions).toEqual(['cets-197#art-13']);
    expect(provisionsForTopic(index, 'non-punishment').map((p) => p.id)).toEqual(expect.arrayContaining(['cets-197#art-26', 'eu-dir-2011-36#art-8', 'uk-msa-2015#s-45']));
  });

  it('lists the judgments of a topic, including those that interpret no provision of the corpus', () => {
    const forcedLabour = judgmentsForTopic(index, 'forced-labour').map((j) => j.id);
    expect(forcedLabour).toEqual(expect.arrayContaining(['hadijatou-mani-koraou-v-niger', 'hacienda-brasil-verde-v-brazil', 'siliadin-v-france']));
    expect(judgmentsForTopic(index, 'non-punishment').map((j) => j.id)).toEqual(['vcl-an-v-uk', 'r-v-l-2013-ewca-crim-991']);
  });

  it('lists the instruments that apply to a country, treaties with their status and national law', () => {
    const uk = instrumentsForCountry(index, 'GB');
    const palermo = uk.find((entry) => entry.instrument.id === 'palermo-tip-protocol');
    expect(palermo?.status).toMatchObject({ status: 'party', consent: '2006-02-09' });
    expect(uk.find((entry) => entry.instrument.id === 'uk-msa-2015')?.status).toBeNull();
    expect(instrumentsForCountry(index, 'SG').map((entry) => entry.instrument.id)).toEqual(expect.arrayContaining(['actip-2015', 'sg-phta-2014']));
    // No rows known for Kosovo: nothing is claimed, in either direction.
    expect(instrumentsForCountry(index, 'XK')).toEqual([]);
  });

  it('lists the judgments interpreting a provision', () => {
    expect(judgmentsForProvision(index, 'echr-art4#art-4').map((j) => j.id)).toContain('rantsev-v-cyprus-and-russia');
    expect(judgmentsForProvision(index, 'echr-art4#art-4-2').map((j) => j.id)).toEqual(['chowdury-v-greece']);
  });
});

describe('legal search', () => {
  it('finds a provision by a word of its summary or title', () => {
    expect(ids('reflection')).toContain('cets-197#art-13');
    expect(ids('reflection period')[0]).toBe('recovery-reflection');
  });

  it('finds judgments by name, application number and holding', () => {
    expect(ids('Rantsev')).toEqual(['rantsev-v-cyprus-and-russia']);
    expect(ids('25965/04')).toEqual(['rantsev-v-cyprus-and-russia']);
    expect(ids('cannabis')).toEqual(['vcl-an-v-uk']);
  });

  it('matches token prefixes, ignores case and accents, and needs every word', () => {
    expect(ids('RANTS')).toEqual(['rantsev-v-cyprus-and-russia']);
    expect(ids('reflexion')).toContain('recovery-reflection');
    expect(ids('réflexion')).toEqual(ids('reflexion'));
    expect(ids('Rantsev Greece')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('searches topic names in Arabic with or without short vowels', () => {
    expect(ids('المعاقبة')).toContain('non-punishment');
    expect(ids('المُعاقَبة')).toEqual(ids('المعاقبة'));
  });

  it('ranks a match in a name above one in a body and respects the limit', () => {
    const documents = [
      prepareDocument({ kind: 'provision', id: 'body', names: ['Other'], body: ['identification of people'] }),
      prepareDocument({ kind: 'provision', id: 'name', names: ['Identification'], body: [] }),
      prepareDocument({ kind: 'provision', id: 'prefix', names: ['Identifications'], body: [] }),
    ];
    expect(searchDocuments(documents, 'identification').map((hit) => hit.id)).toEqual(['name', 'prefix', 'body']);
    expect(searchDocuments(documents, 'identification', 1)).toHaveLength(1);
  });
});
