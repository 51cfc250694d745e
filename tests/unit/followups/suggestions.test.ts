import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followUpKinds, suggestDuration } from '@shared/followups';
import { buildLegalIndex } from '@shared/legal/corpus';
import { legalCorpusSchema, type LegalCorpus } from '@shared/legal/schema';

const dataDir = resolve(import.meta.dirname, '../../../resources/legal');
const read = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8'));
const corpus: LegalCorpus = legalCorpusSchema.parse({
  instruments: read('instruments'),
  judgments: read('judgments'),
  topics: read('topics'),
  countries: read('countries'),
  explainers: read('explainers'),
});
const legal = buildLegalIndex(corpus);

/** The corpus with CETS 197 Article 13's summary rewritten. */
function withArticle13(summary: (text: string) => string) {
  const instruments = corpus.instruments.map((instrument) => ({
    ...instrument,
    provisions: instrument.provisions.map((p) => (p.id === 'cets-197#art-13' ? { ...p, summary: summary(p.summary) } : p)),
  }));
  return buildLegalIndex({ ...corpus, instruments });
}

describe('duration suggestions', () => {
  it('suggests 30 days for a reflection period in a CETS 197 party, citing Article 13', () => {
    expect(suggestDuration('reflectionPeriodEnds', ['ES'], legal)).toEqual({
      days: 30,
      provisionId: 'cets-197#art-13',
      provisionLabel: 'Article 13',
      instrumentName: 'Council of Europe Anti-Trafficking Convention (CETS No. 197)',
      countries: ['ES'],
    });
    expect(suggestDuration('reflectionPeriodEnds', ['US', 'FR'], legal)?.countries).toEqual(['FR']);
  });

  it('suggests nothing where no country of exploitation is a party, or none is known', () => {
    expect(suggestDuration('reflectionPeriodEnds', ['US'], legal)).toBeNull();
    expect(suggestDuration('reflectionPeriodEnds', [], legal)).toBeNull();
  });

  it('suggests nothing for any other kind, in any country of the corpus', () => {
    const everyCountry = corpus.countries.map((c) => c.code);
    for (const kind of followUpKinds.filter((k) => k !== 'reflectionPeriodEnds')) {
      expect(suggestDuration(kind, everyCountry, legal), kind).toBeNull();
    }
  });

  it('suggests nothing when the corpus no longer states the number', () => {
    expect(
      suggestDuration(
        'reflectionPeriodEnds',
        ['ES'],
        withArticle13((text) => text.replace('30 days', '45 days')),
      ),
    ).toBeNull();
    const withoutCets = buildLegalIndex({ ...corpus, instruments: corpus.instruments.filter((i) => i.id !== 'cets-197') });
    expect(suggestDuration('reflectionPeriodEnds', ['ES'], withoutCets)).toBeNull();
  });
});
