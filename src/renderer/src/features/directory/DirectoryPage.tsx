import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Center, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation, useSearch } from 'wouter';
import type { Directory } from '@shared/hsds/directory';
import { useSettings } from '../../app/SettingsProvider';
import { LoadFailedAlert } from '../../components/LoadFailedAlert';
import { useVault } from '../vault';
import { DirectoryContext, useDirectory } from './context';
import type { DirectoryContextValue, DirectoryNotice, SearchState } from './context';
import { keepUnchangedLists, loadShippedDirectory, loadUserDirectory, mergeDirectory, mergeLists } from './data';
import type { UserDirectory } from './data';
import { EntryFormPage } from './EntryFormPage';
import { EntryPage } from './EntryPage';
import { ImportPage } from './ImportPage';
import { termCodes, useLabels } from './labels';
import { NotFound } from './NotFound';
import { SearchPage } from './SearchPage';
import { useSearchIndex } from './use-search-index';
import { prebuiltIndexUrl } from 'virtual:directory-search-index';

type LoadState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; shipped: Directory; user: UserDirectory };

export default function DirectoryPage() {
  const { t } = useTranslation('directory');
  const { store } = useVault();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([loadShippedDirectory(), loadUserDirectory(store)]).then(
      ([shipped, user]) => !cancelled && setState({ status: 'ready', shipped, user }),
      () => !cancelled && setState({ status: 'error' }),
    );
    return () => {
      cancelled = true;
    };
  }, [store, attempt]);

  const reload = useCallback(async () => {
    const user = await loadUserDirectory(store);
    setState((previous) => (previous.status === 'ready' ? { ...previous, user: keepUnchangedLists(previous.user, user) } : previous));
  }, [store]);

  // The entry and organization lists are merged again only when the shipped or own ones change, not when a
  // favourite does: the search index is built from these very lists, and kept while they are the same.
  const shipped = state.status === 'ready' ? state.shipped : null;
  const ownEntries = state.status === 'ready' ? state.user.entries : null;
  const ownOrganizations = state.status === 'ready' ? state.user.organizations : null;
  const lists = useMemo(
    () => (shipped && ownEntries && ownOrganizations ? mergeLists(shipped, { entries: ownEntries, organizations: ownOrganizations }) : null),
    [shipped, ownEntries, ownOrganizations],
  );

  const context = useMemo((): DirectoryContextValue | null => {
    if (state.status !== 'ready' || lists === null) return null;
    const directory = mergeDirectory(state.shipped, state.user, lists);
    return {
      directory,
      entryById: new Map(directory.entries.map((entry) => [entry.id, entry])),
      organizationById: new Map(directory.organizations.map((organization) => [organization.id, organization])),
      reload,
    };
  }, [state, lists, reload]);

  if (context === null) {
    return (
      <Stack gap="lg">
        <Title order={1} tabIndex={-1}>
          {t('title')}
        </Title>
        {state.status === 'error' ? (
          <LoadFailedAlert
            title={t('loadError.title')}
            body={t('loadError.body')}
            onRetry={() => {
              setState({ status: 'loading' });
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <Center p="xl">
            <Loader role="status" aria-label={t('loading')} />
          </Center>
        )}
      </Stack>
    );
  }
  return (
    <DirectoryContext.Provider value={context}>
      {state.status === 'ready' && state.user.unreadable > 0 && (
        <Alert color="yellow" mb="md">
          {t('unreadable', { count: state.user.unreadable })}
        </Alert>
      )}
      <DirectoryRoutes />
    </DirectoryContext.Provider>
  );
}

/**
 * A country asked for in the address (`?country=GB`, as the legal section links here). With hash routing
 * the query may arrive as the router's search or still inside the hash path, so both are read.
 */
function useRequestedCountry(path: string): string | null {
  const search = useSearch();
  const query = search || path.split('?')[1] || '';
  const country = new URLSearchParams(query).get('country')?.toUpperCase() ?? null;
  return country !== null && /^[A-Z]{2}$/.test(country) ? country : null;
}

function DirectoryRoutes() {
  const { settings } = useSettings();
  const { directory, reload } = useDirectory();
  const labels = useLabels();
  const [location, navigate] = useLocation();
  const [notice, setNotice] = useState<DirectoryNotice | null>(null);
  const requested = useRequestedCountry(location);
  // Kept above the routes, so the search is still there when the person comes back from an entry.
  const [search, setSearch] = useState<SearchState>(() => ({
    query: '',
    filters: {
      country: requested ?? settings.homeCountry,
      service: null,
      language: null,
      population: null,
      channel: null,
      open24x7: false,
      favouritesOnly: false,
    },
  }));
  const [seenRequest, setSeenRequest] = useState(requested);
  if (requested !== seenRequest) {
    setSeenRequest(requested);
    if (requested !== null) setSearch((previous) => ({ ...previous, filters: { ...previous.filters, country: requested } }));
  }

  // The search index lives here too, so that coming back from an entry, a form or an import finds it ready;
  // it is built again only when the entries, organizations or interface language change.
  const termLabels = useMemo(() => Object.fromEntries(termCodes.map((code) => [code, labels.term(code)])), [labels]);
  // By value: a favourite set makes a new merged directory with the same head, which must keep the index.
  const shippedData = directory.shippedHead?.data;
  const shippedCount = directory.shippedHead?.count;
  const prebuilt = useMemo(
    () => (prebuiltIndexUrl !== undefined && shippedData !== undefined && shippedCount !== undefined ? { url: prebuiltIndexUrl, data: shippedData, shippedCount } : null),
    [shippedData, shippedCount],
  );
  const indexSource = useMemo(
    () => ({ entries: directory.entries, organizations: directory.organizations, language: labels.language, termLabels, prebuilt }),
    [directory.entries, directory.organizations, labels.language, termLabels, prebuilt],
  );
  const searchIndex = useSearchIndex(indexSource);

  return (
    <Switch location={location.split('?')[0]}>
      <Route path="/">
        <SearchPage search={search} onSearchChange={setSearch} searchIndex={searchIndex} notice={notice} onNoticeShown={() => setNotice(null)} />
      </Route>
      <Route path="/new">
        <EntryFormPage />
      </Route>
      <Route path="/import">
        <ImportPage />
      </Route>
      <Route path="/entries/:id/edit">{(params) => <EntryFormPage id={decodeURIComponent(params.id)} />}</Route>
      <Route path="/entries/:id">
        {(params) => (
          <EntryPage
            id={decodeURIComponent(params.id)}
            onDeleted={(deleted) => {
              // Back to the search, which says what happened; the list is read again behind it.
              setNotice(deleted);
              navigate('/');
              void reload().catch(() => undefined);
            }}
          />
        )}
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
