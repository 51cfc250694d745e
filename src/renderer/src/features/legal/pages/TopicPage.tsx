import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { judgmentsForTopic, provisionsForTopic, type LegalIndex } from '@shared/legal/corpus';
import { topicIdSchema } from '@shared/legal/schema';
import { BackLink, CorpusDate, EnglishOnlyNote, ExternalLink, LegalNote, useEnglishText } from '../LegalParts';
import { legalPaths } from '../paths';
import { groupByInstrument, pickText } from '../view';
import { NotFound } from './NotFound';
import { JudgmentCard } from './Parts';

/** One topic across instruments: each instrument's matching provisions, side by side. */
export function TopicPage({ index, id }: { index: LegalIndex; id: string }) {
  const { t, i18n } = useTranslation('legal');
  const english = useEnglishText();
  const topicId = topicIdSchema.safeParse(id);
  const topic = topicId.success ? index.topics.get(topicId.data) : undefined;
  if (!topicId.success || !topic) return <NotFound />;
  const groups = groupByInstrument(index, provisionsForTopic(index, topicId.data));
  const judgments = judgmentsForTopic(index, topicId.data);
  const name = pickText(topic.name, i18n.language);
  const description = pickText(topic.description, i18n.language);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink href={legalPaths.home} label={t('backToLegal')} />
        <Title order={1} tabIndex={-1} lang={name.language}>
          {name.text}
        </Title>
        <Text maw="72ch" lang={description.language}>
          {description.text}
        </Text>
        {!name.translated && (
          <Badge tt="none" variant="light" color="gray">
            {t('notTranslated')}
          </Badge>
        )}
      </Stack>
      <LegalNote />
      <EnglishOnlyNote />
      <Text size="sm" c="dimmed">
        {t('topic.instrumentCount', { count: groups.length })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {groups.map(({ instrument, provisions }) => (
          <Card key={instrument.id} withBorder padding="md" component="section" aria-labelledby={`topic-${instrument.id}`}>
            <Stack gap="sm">
              <Stack gap={2}>
                <Title order={2} size="h4" id={`topic-${instrument.id}`} {...english}>
                  <Anchor component={Link} href={legalPaths.instrument(instrument.id)} inherit>
                    {instrument.shortName}
                  </Anchor>
                </Title>
                <Group gap="xs">
                  <Badge tt="none" variant="light" color="gray">
                    {instrument.region ? t(`region.${instrument.region}`) : t(`scope.${instrument.scope}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('note.sourceDated')} <CorpusDate value={instrument.lastVerified} />
                  </Text>
                </Group>
                {instrument.officialUrl && (
                  <Text size="xs">
                    <ExternalLink href={instrument.officialUrl}>{t('instrument.officialText')}</ExternalLink>
                  </Text>
                )}
              </Stack>
              {provisions.map((provision) => (
                <Stack gap={2} key={provision.id}>
                  <Title order={3} size="h6" {...english}>
                    <Anchor component={Link} href={legalPaths.provision(provision.id)} inherit>
                      {provision.label}
                      {provision.title ? `: ${provision.title}` : ''}
                    </Anchor>
                  </Title>
                  <Text size="sm" {...english}>
                    {provision.summary}
                  </Text>
                </Stack>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {judgments.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="topic-judgments">
          <Title order={2} size="h3" id="topic-judgments">
            {t('topic.judgments')}
          </Title>
          {judgments.map((judgment) => (
            <JudgmentCard key={judgment.id} judgment={judgment} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
