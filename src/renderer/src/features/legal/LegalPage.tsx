import { useState } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import type { LegalIndex } from '@shared/legal/corpus';
import { useSettings } from '../../app/SettingsProvider';
import { loadLegalIndex } from './data';
import { useLoaded } from '../../components/use-loaded';
import { CountryPage } from './pages/CountryPage';
import { ExplainerPage } from './pages/ExplainerPage';
import { InstrumentPage } from './pages/InstrumentPage';
import { JudgmentPage } from './pages/JudgmentPage';
import { LegalHome, type HomeState } from './pages/LegalHome';
import { NotFound } from './pages/NotFound';
import { ProvisionPage } from './pages/ProvisionPage';
import { TopicPage } from './pages/TopicPage';
import { decodeParam } from './paths';
import { noFilters } from './view';
import { LoadState } from '../../components/LoadState';

export default function LegalPage() {
  const { t } = useTranslation('legal');
  const { state, retry } = useLoaded(loadLegalIndex);

  if (state.status !== 'ready') {
    return (
      <Stack gap="lg">
        <Title order={1} tabIndex={-1}>
          {t('title')}
        </Title>
        <LoadState state={state} onRetry={retry} failedTitle={t('loadError.title')} failedBody={t('loadError.body')} loadingLabel={t('loading')}>
          {() => null}
        </LoadState>
      </Stack>
    );
  }
  return <LegalRoutes index={state.value} />;
}

function LegalRoutes({ index }: { index: LegalIndex }) {
  const { settings } = useSettings();
  // Kept here, above the routes, so search and filters are still there when the person comes back.
  const [home, setHome] = useState<HomeState>(() => ({
    query: '',
    countryQuery: '',
    filters: { ...noFilters, country: settings.homeCountry !== null && index.countries.has(settings.homeCountry) ? settings.homeCountry : null },
  }));
  return (
    <Switch>
      <Route path="/">
        <LegalHome index={index} state={home} onChange={setHome} homeCountry={settings.homeCountry} />
      </Route>
      <Route path="/instruments/:id">{(params) => <InstrumentPage index={index} id={decodeParam(params.id)} />}</Route>
      <Route path="/provisions/:id">{(params) => <ProvisionPage index={index} id={decodeParam(params.id)} />}</Route>
      <Route path="/judgments/:id">{(params) => <JudgmentPage index={index} id={decodeParam(params.id)} />}</Route>
      <Route path="/topics/:id">{(params) => <TopicPage index={index} id={decodeParam(params.id)} />}</Route>
      <Route path="/countries/:code">{(params) => <CountryPage index={index} code={decodeParam(params.code)} />}</Route>
      <Route path="/explainers/:id">{(params) => <ExplainerPage index={index} id={decodeParam(params.id)} />}</Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
