import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LegalIndex } from '@shared/legal/corpus';
import { BackLink, CorpusDate, EnglishOnlyNote, LegalNote, Sources, TopicBadges, useEnglishText } from '../LegalParts';
import { legalPaths } from '../paths';
import { Facts } from './Parts';
import { NotFound } from './NotFound';

export function JudgmentPage({ index, id }: { index: LegalIndex; id: string }) {
  const { t, i18n } = useTranslation('legal');
  const english = useEnglishText();
  const judgment = index.judgments.get(id);
  if (!judgment) return <NotFound />;
  const names = new Intl.DisplayNames([i18n.language], { type: 'region' });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink href={legalPaths.home} label={t('backToLegal')} />
        <Title order={1} tabIndex={-1} {...english}>
          {judgment.name}
        </Title>
        <Text c="dimmed">
          {t(`judgment.courts.${judgment.court}`)} · <CorpusDate value={judgment.judgmentDate} />
        </Text>
      </Stack>
      <LegalNote source={{ lastVerified: judgment.lastVerified, officialUrl: null }} />
      <EnglishOnlyNote />
      <Stack gap="xs" component="section" aria-labelledby="judgment-holding">
        <Title order={2} size="h3" id="judgment-holding">
          {t('judgment.holding')}
        </Title>
        <Text maw="72ch" {...english}>
          {judgment.holding}
        </Text>
        {judgment.context && (
          <Text maw="72ch" size="sm" c="dimmed" {...english}>
            {judgment.context}
          </Text>
        )}
      </Stack>
      <Facts
        label={t('judgment.facts')}
        rows={[
          [t('judgment.outcome'), <span {...english}>{judgment.outcome}</span>],
          judgment.interprets.length > 0
            ? [
                t('judgment.interprets'),
                <Stack gap={2}>
                  {judgment.interprets.map((provisionId) => {
                    const provision = index.provisions.get(provisionId);
                    const instrument = index.provisionInstrument.get(provisionId);
                    return (
                      <Anchor key={provisionId} component={Link} href={legalPaths.provision(provisionId)} {...english}>
                        {instrument && provision ? `${instrument.shortName}, ${provision.label}` : provisionId}
                      </Anchor>
                    );
                  })}
                </Stack>,
              ]
            : null,
          judgment.alsoConcerns.length > 0 ? [t('judgment.alsoConcerns'), <span {...english}>{judgment.alsoConcerns.join('; ')}</span>] : null,
          [t('judgment.formation'), <span {...english}>{judgment.formation}</span>],
          judgment.respondentStates.length > 0 ? [t('judgment.respondents'), judgment.respondentStates.map((code) => names.of(code) ?? code).join(', ')] : null,
          [t(judgment.court === 'ecthr' ? 'judgment.applications' : 'judgment.caseNumbers'), judgment.applicationNumbers.join(', ')],
          [t('judgment.judgmentDate'), <CorpusDate value={judgment.judgmentDate} />],
          [t('judgment.finalDate'), <CorpusDate value={judgment.finalDate} />],
          judgment.citations.length > 0 ? [t('judgment.citations'), <span {...english}>{judgment.citations.join('; ')}</span>] : null,
          judgment.notes ? [t('judgment.notes'), <span {...english}>{judgment.notes}</span>] : null,
        ]}
      />
      <TopicBadges index={index} topics={judgment.topics} />
      <Stack gap="sm" component="section" aria-labelledby="judgment-sources">
        <Title order={2} size="h3" id="judgment-sources">
          {t('sourceAndVerification')}
        </Title>
        <Text size="sm">{t(`sourceConfidence.${judgment.confidence}`)}</Text>
        <Sources urls={judgment.sources} />
      </Stack>
    </Stack>
  );
}
