import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { judgmentsForProvision, type LegalIndex } from '@shared/legal/corpus';
import { BackLink, EnglishOnlyNote, LegalNote, TopicBadges, useEnglishText } from '../LegalParts';
import { useLoaded } from '../../../components/use-loaded';
import { loadShippedTemplates, shippedInLanguage, templateLanguageOf } from '../../checklists';
import { legalPaths } from '../paths';
import { checklistItemsCiting } from '../view';
import { JudgmentCard } from './Parts';
import { NotFound } from './NotFound';
import { LoadState } from '../../../components/LoadState';

/**
 * True when this page was reached by moving within the app, so history.back() stays in it. People
 * arrive here from checklist items, search results and other legal pages; a page opened first
 * (for example right after unlocking) has nowhere to go back to, and the link leads to its instrument.
 */
function hasEarlierEntryInApp(): boolean {
  const navigation = (window as { navigation?: { currentEntry?: { index: number } | null } }).navigation;
  return navigation?.currentEntry ? navigation.currentEntry.index > 0 : window.history.length > 1;
}

export function ProvisionPage({ index, id }: { index: LegalIndex; id: string }) {
  const { t } = useTranslation('legal');
  const english = useEnglishText();
  const provision = index.provisions.get(id);
  const instrument = index.provisionInstrument.get(id);
  if (!provision || !instrument) return <NotFound />;
  const judgments = judgmentsForProvision(index, id);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink
          href={legalPaths.instrument(instrument.id)}
          label={t('back')}
          onClick={(event) => {
            if (!hasEarlierEntryInApp()) return;
            event.preventDefault();
            window.history.back();
          }}
        />
        <Title order={1} tabIndex={-1} {...english}>
          {provision.label}
          {provision.title ? `: ${provision.title}` : ''}
        </Title>
        <Text {...english}>
          <Anchor component={Link} href={legalPaths.instrument(instrument.id)}>
            {instrument.shortName}
          </Anchor>
        </Text>
      </Stack>
      <LegalNote source={instrument} />
      <EnglishOnlyNote />
      <Text maw="72ch" {...english}>
        {provision.summary}
      </Text>
      {provision.confidence !== 'seen' && (
        <Text size="sm" c="dimmed">
          {t(`provisionConfidence.${provision.confidence}`)}
        </Text>
      )}
      <TopicBadges index={index} topics={provision.topics} />

      <Stack gap="sm" component="section" aria-labelledby="provision-judgments">
        <Title order={2} size="h3" id="provision-judgments">
          {t('provision.judgments')}
        </Title>
        {judgments.length === 0 ? <Text c="dimmed">{t('provision.noJudgments')}</Text> : judgments.map((judgment) => <JudgmentCard key={judgment.id} judgment={judgment} />)}
      </Stack>

      <CitingChecklists provisionId={id} />
    </Stack>
  );
}

function CitingChecklists({ provisionId }: { provisionId: string }) {
  const { t, i18n } = useTranslation('legal');
  const { state, retry } = useLoaded(loadShippedTemplates);
  return (
    <Stack gap="sm" component="section" aria-labelledby="provision-checklists">
      <Title order={2} size="h3" id="provision-checklists">
        {t('provision.checklists')}
      </Title>
      <LoadState state={state} onRetry={retry} failedTitle={t('loadError.title')} failedBody={t('loadError.body')} loadingLabel={t('provision.loadingChecklists')}>
        {(templates) => {
          const citing = checklistItemsCiting(shippedInLanguage(templates, templateLanguageOf(i18n.language)), provisionId);
          if (citing.length === 0) return <Text c="dimmed">{t('provision.noChecklists')}</Text>;
          return citing.map((template) => (
            <Stack gap={4} key={template.templateId}>
              <Title order={3} size="h5" lang={template.language} dir="auto">
                {template.title}
              </Title>
              <List spacing={4} size="sm" lang={template.language} dir="auto">
                {template.itemLabels.map((label) => (
                  <List.Item key={label}>{label}</List.Item>
                ))}
              </List>
            </Stack>
          ));
        }}
      </LoadState>
    </Stack>
  );
}
