import type { CountryProfile, Explainer, Instrument, Judgment, LegalCorpus, Provision, Topic, TopicId, TreatyStatus } from './schema';
import { prepareDocument, searchDocuments, type PreparedDocument, type SearchHit } from './search';

export interface LegalIndex {
  corpus: LegalCorpus;
  instruments: ReadonlyMap<string, Instrument>;
  provisions: ReadonlyMap<string, Provision>;
  /** The instrument each provision belongs to. */
  provisionInstrument: ReadonlyMap<string, Instrument>;
  judgments: ReadonlyMap<string, Judgment>;
  topics: ReadonlyMap<TopicId, Topic>;
  countries: ReadonlyMap<string, CountryProfile>;
  explainers: ReadonlyMap<string, Explainer>;
  searchDocuments: readonly PreparedDocument[];
}

function byId<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Lookups by id and prepared search documents; build once per (validated) corpus. */
export function buildLegalIndex(corpus: LegalCorpus): LegalIndex {
  const provisions = new Map<string, Provision>();
  const provisionInstrument = new Map<string, Instrument>();
  const documents: PreparedDocument[] = [];

  for (const instrument of corpus.instruments) {
    documents.push(
      prepareDocument({
        kind: 'instrument',
        id: instrument.id,
        names: [instrument.shortName, instrument.fullName],
        body: [instrument.summary],
      }),
    );
    for (const provision of instrument.provisions) {
      provisions.set(provision.id, provision);
      provisionInstrument.set(provision.id, instrument);
      documents.push(
        prepareDocument({
          kind: 'provision',
          id: provision.id,
          names: [provision.label, provision.title ?? ''],
          body: [provision.summary, instrument.shortName],
        }),
      );
    }
  }
  for (const judgment of corpus.judgments) {
    documents.push(
      prepareDocument({
        kind: 'judgment',
        id: judgment.id,
        names: [judgment.name, ...judgment.applicationNumbers],
        body: [judgment.holding, judgment.outcome],
      }),
    );
  }
  for (const topic of corpus.topics) {
    documents.push(
      prepareDocument({
        kind: 'topic',
        id: topic.id,
        names: Object.values(topic.name),
        body: Object.values(topic.description),
      }),
    );
  }
  for (const country of corpus.countries) {
    documents.push(prepareDocument({ kind: 'country', id: country.code, names: [country.name, country.code], body: [] }));
  }

  return {
    corpus,
    instruments: byId(corpus.instruments, (i) => i.id),
    provisions,
    provisionInstrument,
    judgments: byId(corpus.judgments, (j) => j.id),
    topics: byId(corpus.topics, (t) => t.id),
    countries: byId(corpus.countries, (c) => c.code),
    explainers: byId(corpus.explainers, (e) => e.id),
    searchDocuments: documents,
  };
}

/** The provisions listed under a topic, in the topic's order. */
export function provisionsForTopic(index: LegalIndex, topicId: TopicId): Provision[] {
  const topic = index.topics.get(topicId);
  if (!topic) return [];
  return topic.provisionIds.flatMap((id) => {
    const provision = index.provisions.get(id);
    return provision ? [provision] : [];
  });
}

export interface CountryInstrument {
  instrument: Instrument;
  /** The treaty status row; null for the country's own national law. */
  status: TreatyStatus | null;
}

/**
 * Treaties with a status row for the country, then its national laws in the corpus. An instrument
 * missing here is not known here: it must not be shown as "not bound".
 */
export function instrumentsForCountry(index: LegalIndex, countryCode: string): CountryInstrument[] {
  const profile = index.countries.get(countryCode);
  const result: CountryInstrument[] = [];
  for (const status of profile?.treaties ?? []) {
    const instrument = index.instruments.get(status.instrumentId);
    if (instrument) result.push({ instrument, status });
  }
  for (const instrument of index.corpus.instruments) {
    if (instrument.jurisdictions.includes(countryCode)) result.push({ instrument, status: null });
  }
  return result;
}

export function judgmentsForProvision(index: LegalIndex, provisionId: string): Judgment[] {
  return index.corpus.judgments.filter((judgment) => judgment.interprets.includes(provisionId));
}

/** Judgments tagged with a topic: the only way to reach one that interprets no provision of the corpus. */
export function judgmentsForTopic(index: LegalIndex, topicId: TopicId): Judgment[] {
  return index.corpus.judgments.filter((judgment) => judgment.topics.includes(topicId));
}

export function searchLegal(index: LegalIndex, query: string, limit?: number): SearchHit[] {
  return searchDocuments(index.searchDocuments, query, limit);
}
