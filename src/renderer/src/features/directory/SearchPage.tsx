import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconDatabaseImport, IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { areasCovering } from '@shared/countries';
import { searchDirectory } from '@shared/directory-search';
import type { DirectoryFilters } from '@shared/directory-search';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { contactChannels, populations, serviceTypes } from '@shared/hsds/taxonomy';
import type { ContactChannel, Population, ServiceType } from '@shared/hsds/taxonomy';
import { useSettings } from '../../app/SettingsProvider';
import { useDirectory } from './context';
import type { DirectoryNotice, SearchFilters, SearchState } from './context';
import classes from './directory.module.css';
import { DirectoryDataAge } from './DirectoryDataAge';
import { EmergencyPanel } from './EmergencyPanel';
import { EntryCard } from './EntryCard';
import { ExportDialog } from './ExportDialog';
import { isolate, useLabels } from './labels';
import type { Labels } from './labels';
import type { ReadyIndex } from './use-search-index';

const pageSize = 50;
/** Select value for "no filter": Mantine selects hold strings. */
const any = 'any';

function toSearchFilters(filters: SearchFilters): DirectoryFilters {
  return {
    // A country also finds what serves it as part of a wider area: the EU-wide 116 000 for each member state.
    ...(filters.country === null ? {} : { countries: areasCovering(filters.country) }),
    ...(filters.service === null ? {} : { services: [filters.service as ServiceType] }),
    ...(filters.language === null ? {} : { languages: [filters.language] }),
    ...(filters.population === null ? {} : { populations: [filters.population as Population] }),
    ...(filters.channel === null ? {} : { channels: [filters.channel as ContactChannel] }),
    open24x7: filters.open24x7,
  };
}

function options(codes: readonly string[], label: (code: string) => string, anyLabel: string) {
  const sorted = codes.map((code) => ({ value: code, label: label(code) })).sort((a, b) => a.label.localeCompare(b.label));
  return [{ value: any, label: anyLabel }, ...sorted];
}

export function SearchPage({
  search,
  onSearchChange,
  searchIndex: ready,
  notice: givenNotice,
  onNoticeShown,
}: {
  search: SearchState;
  onSearchChange: (next: SearchState) => void;
  /** null while the first index is being built. */
  searchIndex: ReadyIndex | null;
  /** Shown once, on arrival: what an entry page just did (e.g. deleted its entry). */
  notice: DirectoryNotice | null;
  onNoticeShown: () => void;
}) {
  const { t } = useTranslation('directory');
  const labels = useLabels();
  const { settings } = useSettings();
  const { directory } = useDirectory();
  const [notice] = useState(givenNotice);
  useEffect(() => {
    if (givenNotice !== null) onNoticeShown();
  }, [givenNotice, onNoticeShown]);
  const [shown, setShown] = useState({ search, count: pageSize });
  const [exportOpen, setExportOpen] = useState(false);

  const results = useMemo((): DirectoryEntry[] | null => {
    if (ready === null) return null;
    const found = searchDirectory(ready.index, search.query, toSearchFilters(search.filters));
    let entries = Array.from(found.positions, (position) => ready.entries[position]!);
    const country = search.filters.country;
    // The country's own entries before those that serve it as part of a wider area (EU-wide), each in search order.
    if (country !== null) entries = [...entries.filter((entry) => entry.countries.includes(country)), ...entries.filter((entry) => !entry.countries.includes(country))];
    return search.filters.favouritesOnly ? entries.filter((entry) => directory.favourites.has(entry.id)) : entries;
  }, [ready, search, directory.favourites]);

  // A new search starts again at the first page of results.
  const visibleCount = shown.search === search ? shown.count : pageSize;
  const setFilter = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => onSearchChange({ ...search, filters: { ...search.filters, [key]: value } });

  const countryCodes = useMemo(() => {
    const codes = new Set(directory.entries.flatMap((entry) => entry.countries));
    if (settings.homeCountry !== null) codes.add(settings.homeCountry);
    if (search.filters.country !== null) codes.add(search.filters.country);
    return [...codes];
  }, [directory.entries, settings.homeCountry, search.filters.country]);
  const languageCodes = useMemo(() => [...new Set(directory.entries.flatMap((entry) => entry.languages))], [directory.entries]);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={1} tabIndex={-1}>
          {t('title')}
        </Title>
        <Group gap="xs">
          <Button component={Link} href="/new" variant="default" leftSection={<IconPlus size={18} aria-hidden />}>
            {t('actions.add')}
          </Button>
          <Button component={Link} href="/import" variant="default" leftSection={<IconDatabaseImport size={18} aria-hidden />}>
            {t('actions.import')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} onClick={() => setExportOpen(true)}>
            {t('actions.export')}
          </Button>
        </Group>
      </Group>

      <DirectoryDataAge labels={labels} />
      {notice !== null && <Notice notice={notice} />}

      <Stack gap="sm" component="section" aria-label={t('search.region')}>
        <TextInput
          type="search"
          label={t('search.label')}
          description={t('search.hint')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={search.query}
          onChange={(event) => onSearchChange({ ...search, query: event.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <FilterSelect
            label={t('filters.country')}
            value={search.filters.country}
            data={options(countryCodes, labels.country, t('filters.allCountries'))}
            onChange={(value) => setFilter('country', value)}
            searchable
          />
          <FilterSelect
            label={t('filters.service')}
            value={search.filters.service}
            data={options(serviceTypes, labels.term, t('filters.anyService'))}
            onChange={(value) => setFilter('service', value)}
          />
          <FilterSelect
            label={t('filters.language')}
            value={search.filters.language}
            data={options(languageCodes, labels.languageName, t('filters.anyLanguage'))}
            onChange={(value) => setFilter('language', value)}
            searchable
          />
          <FilterSelect
            label={t('filters.population')}
            value={search.filters.population}
            data={options(populations, labels.term, t('filters.anyPopulation'))}
            onChange={(value) => setFilter('population', value)}
          />
          <FilterSelect
            label={t('filters.channel')}
            value={search.filters.channel}
            data={options(contactChannels, labels.term, t('filters.anyChannel'))}
            onChange={(value) => setFilter('channel', value)}
          />
          <Stack gap="xs" justify="flex-end">
            <Switch label={t('filters.open24x7')} checked={search.filters.open24x7} onChange={(event) => setFilter('open24x7', event.currentTarget.checked)} />
            <Switch label={t('filters.favouritesOnly')} checked={search.filters.favouritesOnly} onChange={(event) => setFilter('favouritesOnly', event.currentTarget.checked)} />
          </Stack>
        </SimpleGrid>
      </Stack>

      <EmergencyPanel country={search.filters.country} labels={labels} />

      <Stack gap="sm" component="section" aria-labelledby="results-heading">
        <Title order={2} size="h3" id="results-heading">
          {t('results.title')}
        </Title>
        <Text role="status">{results === null ? t('results.preparing') : t('results.count', { count: results.length })}</Text>
        {results === null ? (
          <Loader size="sm" aria-hidden />
        ) : results.length === 0 ? (
          <Alert color="gray">{t('results.none')}</Alert>
        ) : (
          <ResultList results={results} visibleCount={visibleCount} labels={labels} onMore={() => setShown({ search, count: visibleCount + pageSize })} />
        )}
      </Stack>

      <ExportDialog opened={exportOpen} onClose={() => setExportOpen(false)} shown={results} />
    </Stack>
  );
}

/**
 * What just happened, focused on arrival so a screen reader says it first; Tab then goes on to the search.
 * Focus moves after the shell has put it on the page heading, as it does on every navigation.
 */
function Notice({ notice }: { notice: DirectoryNotice }) {
  const { t } = useTranslation('directory');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => ref.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Alert ref={ref} tabIndex={-1} color="teal" role="status">
      {t(notice.kind === 'deleted' ? 'entry.deleted' : 'entry.reverted', { name: isolate(notice.name) })}
    </Alert>
  );
}

function FilterSelect(props: { label: string; value: string | null; data: { value: string; label: string }[]; onChange: (value: string | null) => void; searchable?: boolean }) {
  return (
    <Select
      label={props.label}
      data={props.data}
      value={props.value ?? any}
      onChange={(value) => props.onChange(value === null || value === any ? null : value)}
      allowDeselect={false}
      searchable={props.searchable}
      selectFirstOptionOnChange={props.searchable}
    />
  );
}

function ResultList({ results, visibleCount, labels, onMore }: { results: DirectoryEntry[]; visibleCount: number; labels: Labels; onMore: () => void }) {
  const { t } = useTranslation('directory');
  return (
    <>
      <Stack component="ul" gap="sm" className={classes.plainList}>
        {results.slice(0, visibleCount).map((entry) => (
          <EntryCard key={entry.id} entry={entry} labels={labels} />
        ))}
      </Stack>
      {results.length > visibleCount && (
        <Button variant="default" onClick={onMore} style={{ alignSelf: 'flex-start' }}>
          {t('results.more', { count: Math.min(pageSize, results.length - visibleCount) })}
        </Button>
      )}
    </>
  );
}
