import type { ChecklistTemplate } from '@shared/checklists';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { instrumentsForCountry, type LegalIndex } from '@shared/legal/corpus';
import {
  languages as corpusLanguages,
  type Instrument,
  type Language as CorpusLanguage,
  type LocalizedText,
  type Provision,
  type TopicId,
  type TreatyStatus,
} from '@shared/legal/schema';
import { foldText } from '@shared/fold';

/** Pure helpers behind the legal pages: no React, so they are unit-tested in Node. */

export interface PickedText {
  text: string;
  /** The language the text is in (for the lang attribute). */
  language: CorpusLanguage;
  /** False when the interface language is missing and English is shown instead. */
  translated: boolean;
}

export function pickText(text: Partial<LocalizedText> & Pick<LocalizedText, 'en'>, interfaceLanguage: string): PickedText {
  const language = corpusLanguages.find((candidate) => candidate === interfaceLanguage);
  const wanted = language === undefined ? undefined : text[language];
  if (language !== undefined && wanted) return { text: wanted, language, translated: true };
  return { text: text.en, language: 'en', translated: interfaceLanguage === 'en' };
}

/** The host name shown beside an external link, without "www.". */
export function linkDomain(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * A source link's visible name: its domain, and the last part of its path when there is one, so
 * that several sources on the same site can be told apart ("github.com › 18-12-a.csv").
 */
export function linkLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).at(-1);
    const domain = linkDomain(url);
    if (!last) return domain;
    const name = decodeURIComponent(last);
    return `${domain} › ${name.length > 40 ? `${name.slice(0, 39)}…` : name}`;
  } catch {
    return url;
  }
}

export type Scope = Instrument['scope'];
export type Region = NonNullable<Instrument['region']>;

export interface InstrumentFilters {
  scope: Scope | null;
  region: Region | null;
  topic: TopicId | null;
  /** ISO code: only instruments with a status row for this country, and its national law. */
  country: string | null;
}

export const noFilters: InstrumentFilters = { scope: null, region: null, topic: null, country: null };

export interface ListedInstrument {
  instrument: Instrument;
  /** The country's treaty status row, when filtering by a country that has one. */
  status: TreatyStatus | null;
}

export function filterInstruments(index: LegalIndex, filters: InstrumentFilters): ListedInstrument[] {
  const listed: ListedInstrument[] =
    filters.country === null ? index.corpus.instruments.map((instrument) => ({ instrument, status: null })) : instrumentsForCountry(index, filters.country);
  return listed.filter(
    ({ instrument }) =>
      (filters.scope === null || instrument.scope === filters.scope) &&
      (filters.region === null || instrument.region === filters.region) &&
      (filters.topic === null || instrument.provisions.some((provision) => provision.topics.includes(filters.topic!))),
  );
}

export interface InstrumentGroup {
  instrument: Instrument;
  provisions: Provision[];
}

/** Provisions grouped by their instrument, groups in order of first appearance. */
export function groupByInstrument(index: LegalIndex, provisions: readonly Provision[]): InstrumentGroup[] {
  const groups = new Map<string, InstrumentGroup>();
  for (const provision of provisions) {
    const instrument = index.provisionInstrument.get(provision.id);
    if (!instrument) continue;
    const group = groups.get(instrument.id) ?? { instrument, provisions: [] };
    group.provisions.push(provision);
    groups.set(instrument.id, group);
  }
  return [...groups.values()];
}

export interface CountryListItem {
  code: string;
  name: string;
}

/** Country profiles named in the interface language, sorted, and narrowed by a typed filter. */
export function countryList(codes: readonly string[], locale: string, query: string): CountryListItem[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const wanted = foldText(query.trim());
  return codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .filter((country) => wanted === '' || foldText(country.name).includes(wanted) || country.code.toLowerCase() === wanted)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export interface CitingTemplate {
  templateId: string;
  title: string;
  /** The template's own language, which may differ from the interface's. */
  language: string;
  itemLabels: string[];
}

/** The checklist items, template by template, whose legal references include the provision. */
export function checklistItemsCiting(templates: readonly ChecklistTemplate[], provisionId: string): CitingTemplate[] {
  return templates.flatMap((template) => {
    const itemLabels = template.sections.flatMap((section) => section.items.filter((item) => item.legalRefs?.includes(provisionId)).map((item) => item.label));
    return itemLabels.length === 0 ? [] : [{ templateId: template.id, title: template.title, language: template.language, itemLabels }];
  });
}

/** Directory entries for a country that can be phoned: trafficking hotlines first, then fallback lines. */
export function hotlinesForCountry(entries: readonly DirectoryEntry[], countryCode: string): DirectoryEntry[] {
  return entries
    .filter((entry) => entry.countries.includes(countryCode) && entry.phones.length > 0)
    .sort((a, b) => Number(a.fallback) - Number(b.fallback) || Number(!a.services.includes('hotline')) - Number(!b.services.includes('hotline')));
}

/** A row counts as current only when a source read after 2020 said so (its check, else its as-of date). */
const currentFrom = '2021';

/**
 * What a country profile may say about one treaty row, so a status is never shown as newer than its source:
 * - `notConfirmedSince`: a check could not re-confirm the row; say since when, and link the depositary's page;
 * - `dated`: a status other than "party" not confirmed after 2020 (a signature may since have become a
 *   ratification): say it held at the row's date only, and that the current status is not known here;
 * - `checked`: the day the row was confirmed against a source, when it was.
 */
export interface TreatyRowView {
  notConfirmedSince: string | null;
  dated: boolean;
  checked: string | null;
}

export function treatyRowView(row: Pick<TreatyStatus, 'status' | 'asOf' | 'checked' | 'notConfirmedSince'>): TreatyRowView {
  const confirmed = row.notConfirmedSince === null ? (row.checked ?? row.asOf) : null;
  return {
    notConfirmedSince: row.notConfirmedSince,
    dated: row.status !== 'party' && (confirmed === null || confirmed < currentFrom),
    checked: row.notConfirmedSince === null ? row.checked : null,
  };
}
