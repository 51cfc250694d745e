import { useMemo } from 'react';
import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { searchLegal, type LegalIndex } from '@shared/legal/corpus';
import { topicIds, type TopicId } from '@shared/legal/schema';
import type { SearchHit } from '@shared/legal/search';
import { formatPartialDate } from '../../../i18n/format';
import { DataAgeNote } from '../../../components/DataAgeNote';
import { EnglishOnlyNote, LegalNote, useEnglishText } from '../LegalParts';
import { loadLegalBuildInfo } from '../data';
import { useLoaded } from '../../../components/use-loaded';
import { legalPaths } from '../paths';
import { countryList, filterInstruments, pickText, type InstrumentFilters, type Region, type Scope } from '../view';

export interface HomeState {
  query: string;
  countryQuery: string;
  filters: InstrumentFilters;
}

const scopes: Scope[] = ['international', 'regional', 'national'];
const regions: Region[] = ['council-of-europe', 'european-union', 'asean', 'saarc'];

/** When the shipped treaty rows were built and from what; a warning once that is more than a year ago. */
function LegalDataAge() {
  const { t, i18n } = useTranslation('legal');
  const { state } = useLoaded(loadLegalBuildInfo);
  if (state.status !== 'ready') return null;
  const date = (iso: string) => formatPartialDate(iso, i18n.language);
  const built = t('dataAge.built', { built: date(state.value.builtAt), reference: date(state.value.referenceDate) });
  return <DataAgeNote builtOn={state.value.builtAt} built={built} stale={t('dataAge.stale')} />;
}

export function LegalHome({ index, state, onChange, homeCountry }: { index: LegalIndex; state: HomeState; onChange: (state: HomeState) => void; homeCountry: string | null }) {
  const { t, i18n } = useTranslation('legal');
  const hits = useMemo(() => searchLegal(index, state.query), [index, state.query]);
  const searching = state.query.trim() !== '';
  const setFilter = <K extends keyof InstrumentFilters>(key: K, value: InstrumentFilters[K]) => onChange({ ...state, filters: { ...state.filters, [key]: value } });

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1} tabIndex={-1}>
          {t('title')}
        </Title>
        <Text maw="72ch">{t('home.intro')}</Text>
        <LegalNote />
        <LegalDataAge />
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="legal-search">
        <Title order={2} size="h3" id="legal-search">
          {t('home.searchHeading')}
        </Title>
        <TextInput
          type="search"
          label={t('home.searchLabel')}
          description={t('home.searchHelp')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={state.query}
          onChange={(event) => onChange({ ...state, query: event.currentTarget.value })}
          maw={560}
        />
        <Text role="status" aria-live="polite" size="sm" c="dimmed">
          {searching && (hits.length === 0 ? t('home.noResults') : t('home.resultCount', { count: hits.length }))}
        </Text>
        {searching && <SearchResults index={index} hits={hits} />}
      </Stack>

      {!searching && (
        <>
          <Stack gap="sm" component="section" aria-labelledby="legal-explainers">
            <Title order={2} size="h3" id="legal-explainers">
              {t('home.explainers')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {index.corpus.explainers.map((explainer) => {
                const title = pickText(explainer.title, i18n.language);
                const headings = explainer.sections.map((section) => pickText(section.heading, i18n.language).text).join(' · ');
                return (
                  <Card key={explainer.id} withBorder padding="md">
                    <Anchor component={Link} href={legalPaths.explainer(explainer.id)} fw={600} lang={title.language}>
                      {title.text}
                    </Anchor>
                    <Text size="sm" c="dimmed" mt={4}>
                      {headings}
                    </Text>
                  </Card>
                );
              })}
            </SimpleGrid>
          </Stack>

          <InstrumentBrowser index={index} filters={state.filters} setFilter={setFilter} />

          <Stack gap="sm" component="section" aria-labelledby="legal-topics">
            <Title order={2} size="h3" id="legal-topics">
              {t('topics')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {index.corpus.topics.map((topic) => {
                const name = pickText(topic.name, i18n.language);
                return (
                  <li key={topic.id}>
                    <Anchor component={Link} href={legalPaths.topic(topic.id)} lang={name.language}>
                      {name.text}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('home.provisionCount', { count: topic.provisionIds.length })}
                    </Text>
                  </li>
                );
              })}
            </SimpleGrid>
          </Stack>

          <CountryProfiles index={index} query={state.countryQuery} onQuery={(countryQuery) => onChange({ ...state, countryQuery })} homeCountry={homeCountry} />
        </>
      )}
    </Stack>
  );
}

function InstrumentBrowser({
  index,
  filters,
  setFilter,
}: {
  index: LegalIndex;
  filters: InstrumentFilters;
  setFilter: <K extends keyof InstrumentFilters>(key: K, value: InstrumentFilters[K]) => void;
}) {
  const { t, i18n } = useTranslation('legal');
  const english = useEnglishText();
  const listed = useMemo(() => filterInstruments(index, filters), [index, filters]);
  const countryOptions = useMemo(() => countryList([...index.countries.keys()], i18n.language, '').map(({ code, name }) => ({ value: code, label: name })), [index, i18n.language]);

  return (
    <Stack gap="sm" component="section" aria-labelledby="legal-instruments">
      <Title order={2} size="h3" id="legal-instruments">
        {t('home.instruments')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select
          label={t('home.filterCountry')}
          placeholder={t('home.allCountries')}
          data={countryOptions}
          value={filters.country}
          onChange={(value) => setFilter('country', value)}
          searchable
          clearable
        />
        <Select
          label={t('home.filterScope')}
          placeholder={t('home.all')}
          data={scopes.map((scope) => ({ value: scope, label: t(`scope.${scope}`) }))}
          value={filters.scope}
          onChange={(value) => setFilter('scope', value as Scope | null)}
          clearable
        />
        <Select
          label={t('home.filterRegion')}
          placeholder={t('home.all')}
          data={regions.map((region) => ({ value: region, label: t(`region.${region}`) }))}
          value={filters.region}
          onChange={(value) => setFilter('region', value as Region | null)}
          clearable
        />
        <Select
          label={t('home.filterTopic')}
          placeholder={t('home.all')}
          data={topicIds.map((id) => ({ value: id, label: pickText(index.topics.get(id)?.name ?? { en: id }, i18n.language).text }))}
          value={filters.topic}
          onChange={(value) => setFilter('topic', value as TopicId | null)}
          clearable
          searchable
        />
      </SimpleGrid>
      <Text role="status" aria-live="polite" size="sm" c="dimmed">
        {filters.country === null
          ? t('home.instrumentCount', { count: listed.length })
          : t('home.instrumentCountFor', { count: listed.length, country: countryOptions.find((option) => option.value === filters.country)?.label ?? filters.country })}
      </Text>
      {filters.country !== null && (
        <Text size="sm">
          <Anchor component={Link} href={legalPaths.country(filters.country)}>
            {t('home.openCountryProfile')}
          </Anchor>
          {' · '}
          {t('home.notListedNotUnbound')}
        </Text>
      )}
      <EnglishOnlyNote />
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {listed.map(({ instrument, status }) => (
          <Card component="li" key={instrument.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Anchor component={Link} href={legalPaths.instrument(instrument.id)} fw={600} {...english}>
                  {instrument.shortName}
                </Anchor>
                <Text size="sm" c="dimmed" lineClamp={2} {...english}>
                  {instrument.summary}
                </Text>
              </Stack>
              <Group gap={4} justify="flex-end" style={{ flexShrink: 0 }}>
                <Badge tt="none" variant="light" color="gray">
                  {t(`scope.${instrument.scope}`)}
                </Badge>
                {status && (
                  <Badge tt="none" variant="outline">
                    {t(`status.${status.status}`)}
                  </Badge>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function CountryProfiles({ index, query, onQuery, homeCountry }: { index: LegalIndex; query: string; onQuery: (query: string) => void; homeCountry: string | null }) {
  const { t, i18n } = useTranslation('legal');
  const countries = useMemo(() => countryList([...index.countries.keys()], i18n.language, query), [index, i18n.language, query]);
  const home = homeCountry !== null && index.countries.has(homeCountry) ? homeCountry : null;
  const homeName = home === null ? null : new Intl.DisplayNames([i18n.language], { type: 'region' }).of(home);

  return (
    <Stack gap="sm" component="section" aria-labelledby="legal-countries">
      <Title order={2} size="h3" id="legal-countries">
        {t('home.countries')}
      </Title>
      {home !== null && (
        <Text>
          {t('home.yourCountry')}{' '}
          <Anchor component={Link} href={legalPaths.country(home)}>
            {homeName}
          </Anchor>
        </Text>
      )}
      <TextInput type="search" label={t('home.findCountry')} value={query} onChange={(event) => onQuery(event.currentTarget.value)} maw={360} />
      <Text role="status" aria-live="polite" size="sm" c="dimmed">
        {t('home.countryCount', { count: countries.length })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="ul" spacing="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {countries.map((country) => (
          <li key={country.code}>
            <Anchor component={Link} href={legalPaths.country(country.code)}>
              {country.name}
            </Anchor>
          </li>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function SearchResults({ index, hits }: { index: LegalIndex; hits: SearchHit[] }) {
  const { t, i18n } = useTranslation('legal');
  const english = useEnglishText();
  const countryNames = new Intl.DisplayNames([i18n.language], { type: 'region' });

  const describe = (hit: SearchHit): { href: string; name: string; detail: string | null; localized: boolean } | null => {
    switch (hit.kind) {
      case 'instrument': {
        const instrument = index.instruments.get(hit.id);
        return instrument ? { href: legalPaths.instrument(hit.id), name: instrument.shortName, detail: instrument.summary, localized: false } : null;
      }
      case 'provision': {
        const provision = index.provisions.get(hit.id);
        const instrument = index.provisionInstrument.get(hit.id);
        if (!provision || !instrument) return null;
        const name = `${instrument.shortName}, ${provision.label}${provision.title ? `: ${provision.title}` : ''}`;
        return { href: legalPaths.provision(hit.id), name, detail: provision.summary, localized: false };
      }
      case 'judgment': {
        const judgment = index.judgments.get(hit.id);
        return judgment ? { href: legalPaths.judgment(hit.id), name: judgment.name, detail: judgment.holding, localized: false } : null;
      }
      case 'topic': {
        const topic = index.topics.get(hit.id as TopicId);
        return topic
          ? { href: legalPaths.topic(hit.id), name: pickText(topic.name, i18n.language).text, detail: pickText(topic.description, i18n.language).text, localized: true }
          : null;
      }
      case 'country':
        return { href: legalPaths.country(hit.id), name: countryNames.of(hit.id) ?? hit.id, detail: null, localized: true };
    }
  };

  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('home.results')}>
      {hits.map((hit) => {
        const shown = describe(hit);
        if (!shown) return null;
        const textProps = shown.localized ? {} : english;
        return (
          <Card component="li" key={`${hit.kind}:${hit.id}`} withBorder padding="sm">
            <Group gap="xs" align="baseline" wrap="nowrap">
              <Badge tt="none" variant="light" color="gray" style={{ flexShrink: 0 }}>
                {t(`kind.${hit.kind}`)}
              </Badge>
              <Stack gap={2}>
                <Anchor component={Link} href={shown.href} fw={600} {...textProps}>
                  {shown.name}
                </Anchor>
                {shown.detail && (
                  <Text size="sm" c="dimmed" lineClamp={2} {...textProps}>
                    {shown.detail}
                  </Text>
                )}
              </Stack>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
