import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateSchema } from '@shared/checklists';
import { parseDirectory } from '@shared/hsds/parse';
import { buildLegalIndex, provisionsForTopic } from '@shared/legal/corpus';
import { legalCorpusSchema } from '@shared/legal/schema';
import { decodeParam, legalPaths } from '@renderer/features/legal/paths';
import {
  checklistItemsCiting,
  countryList,
  filterInstruments,
  groupByInstrument,
  hotlinesForCountry,
  linkDomain,
  linkLabel,
  noFilters,
  pickText,
} from '@renderer/features/legal/view';
import { phoneHref } from '@shared/contact-links';

const resources = resolve(import.meta.dirname, '../../../resources');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const legal = (name: string) => readJson(join(resources, 'legal', `${name}.json`));

const index = buildLegalIndex(
  legalCorpusSchema.parse({
    instruments: legal('instruments'),
    judgments: legal('judgments'),
    topics: legal('topics'),
    countries: legal('countries'),
    explainers: legal('explainers'),
  }),
);

describe('pickText', () => {
  const text = { en: 'Consent', es: 'Consentimiento', fr: 'Consentement', ar: 'الموافقة' };

  it('gives the interface language when the corpus has it', () => {
    expect(pickText(text, 'ar')).toEqual({ text: 'الموافقة', language: 'ar', translated: true });
    expect(pickText(text, 'en')).toEqual({ text: 'Consent', language: 'en', translated: true });
  });

  it('falls back to English, marked as not translated', () => {
    expect(pickText({ en: 'Consent' }, 'ar')).toEqual({ text: 'Consent', language: 'en', translated: false });
    expect(pickText(text, 'de')).toEqual({ text: 'Consent', language: 'en', translated: false });
  });
});

describe('links', () => {
  it('shows a domain without www, and tells sources on one site apart', () => {
    expect(linkDomain('https://www.coe.int/en/web/anti-human-trafficking')).toBe('coe.int');
    expect(linkLabel('https://github.com/zmjones/untreaties/blob/x/treaties/18-12-a.csv')).toBe('github.com › 18-12-a.csv');
    expect(linkLabel('https://www.modernslaveryhelpline.org')).toBe('modernslaveryhelpline.org');
  });

  it('dials a number as written in the directory, and texts text lines', () => {
    expect(phoneHref('08000 121 700', 'voice')).toBe('tel:08000121700');
    expect(phoneHref('+1-802-872-6199', 'voice')).toBe('tel:+18028726199');
    expect(phoneHref('233733', 'text')).toBe('sms:233733');
  });

  it('encodes provision ids so that # survives the hash route', () => {
    expect(legalPaths.provision('palermo-tip-protocol#art-3a')).toBe('/provisions/palermo-tip-protocol%23art-3a');
    expect(decodeParam('palermo-tip-protocol%23art-3a')).toBe('palermo-tip-protocol#art-3a');
    expect(decodeParam('%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('filterInstruments', () => {
  const ids = (filters: Parameters<typeof filterInstruments>[1]) => filterInstruments(index, filters).map(({ instrument }) => instrument.id);

  it('lists everything without filters', () => {
    expect(ids(noFilters)).toHaveLength(index.corpus.instruments.length);
  });

  it('filters by scope, region and topic together', () => {
    expect(ids({ ...noFilters, scope: 'regional', region: 'council-of-europe' })).toEqual(['cets-197', 'lanzarote-cets-201', 'echr-art4']);
    expect(ids({ ...noFilters, topic: 'recovery-reflection' })).toEqual(['cets-197']);
  });

  it('for a country, lists its treaties with their status and its own national law', () => {
    const listed = filterInstruments(index, { ...noFilters, country: 'GB' });
    expect(listed.find(({ instrument }) => instrument.id === 'palermo-tip-protocol')?.status?.status).toBe('party');
    expect(listed.find(({ instrument }) => instrument.id === 'uk-msa-2015')?.status).toBeNull();
    expect(listed.some(({ instrument }) => instrument.id === 'us-tvpa-2000')).toBe(false);
  });
});

describe('groupByInstrument', () => {
  it('groups a topic by instrument, in the order of the topic', () => {
    const groups = groupByInstrument(index, provisionsForTopic(index, 'definition'));
    expect(groups[0]?.instrument.id).toBe('palermo-tip-protocol');
    expect(groups[0]?.provisions.map((provision) => provision.id)).toEqual(['palermo-tip-protocol#art-3a', 'palermo-tip-protocol#art-3b', 'palermo-tip-protocol#art-3c']);
    expect(new Set(groups.map((group) => group.instrument.id)).size).toBe(groups.length);
  });
});

describe('countryList', () => {
  it('names countries in the interface language, sorted, and finds them without accents', () => {
    const all = countryList(['GB', 'FR', 'CI'], 'en', '');
    expect(all.map((country) => country.name)).toEqual(['Côte d’Ivoire', 'France', 'United Kingdom']);
    expect(countryList(['GB', 'FR', 'CI'], 'en', 'cote').map((country) => country.code)).toEqual(['CI']);
    expect(countryList(['GB', 'FR'], 'en', 'gb').map((country) => country.code)).toEqual(['GB']);
    expect(countryList(['FR'], 'ar', '')[0]?.name).toBe('فرنسا');
  });
});

describe('checklistItemsCiting', () => {
  const folder = join(resources, 'checklists');
  const templates = readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => templateSchema.parse(readJson(join(folder, file))));

  it('lists the items of each template that cite the provision', () => {
    const citing = checklistItemsCiting(templates, 'palermo-tip-protocol#art-3a');
    const screening = citing.find((template) => template.templateId === 'palermo-initial-screening');
    expect(screening?.title).toBe('Initial screening: the three elements');
    expect(screening?.itemLabels.length).toBeGreaterThan(0);
    expect(checklistItemsCiting(templates, 'no-such#provision')).toEqual([]);
  });
});

describe('hotlinesForCountry', () => {
  const entries = parseDirectory(readJson(join(resources, 'directory', 'directory.json'))).entries;

  it('lists the lines one can call in the country, dedicated lines before fallback ones', () => {
    const lines = hotlinesForCountry(entries, 'GB');
    expect(lines[0]?.name).toBe('Modern Slavery & Exploitation Helpline');
    expect(lines.every((entry) => entry.countries.includes('GB') && entry.phones.length > 0)).toBe(true);
    const firstFallback = lines.findIndex((entry) => entry.fallback);
    if (firstFallback >= 0) expect(lines.slice(firstFallback).every((entry) => entry.fallback)).toBe(true);
  });
});
