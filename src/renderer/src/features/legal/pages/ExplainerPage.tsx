import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LegalIndex } from '@shared/legal/corpus';
import { BackLink, LegalNote } from '../LegalParts';
import { legalPaths } from '../paths';
import { pickText } from '../view';
import { NotFound } from './NotFound';

export function ExplainerPage({ index, id }: { index: LegalIndex; id: string }) {
  const { t, i18n } = useTranslation('legal');
  const explainer = index.explainers.get(id);
  if (!explainer) return <NotFound />;
  const title = pickText(explainer.title, i18n.language);
  const pick = (text: Parameters<typeof pickText>[0]) => pickText(text, i18n.language);
  const untranslated = [explainer.title, ...explainer.sections.flatMap((section) => [section.heading, ...section.paragraphs])].some((text) => !pick(text).translated);

  return (
    <Stack gap="lg" maw="80ch">
      <Stack gap="xs">
        <BackLink href={legalPaths.home} label={t('backToLegal')} />
        <Title order={1} tabIndex={-1} lang={title.language}>
          {title.text}
        </Title>
        {untranslated && (
          <Group gap="xs">
            <Badge tt="none" variant="light" color="gray">
              {t('notTranslated')}
            </Badge>
            <Text size="sm">{t('notTranslatedBody')}</Text>
          </Group>
        )}
      </Stack>
      <LegalNote />
      {explainer.sections.map((section, sectionIndex) => {
        const heading = pick(section.heading);
        const headingId = `explainer-section-${sectionIndex}`;
        return (
          <Stack key={headingId} gap="sm" component="section" aria-labelledby={headingId}>
            <Title order={2} size="h3" id={headingId} lang={heading.language}>
              {heading.text}
            </Title>
            {section.paragraphs.map((paragraph, i) => {
              const text = pick(paragraph);
              return (
                <Text key={i} lang={text.language} style={{ lineHeight: 1.7 }}>
                  {text.text}
                </Text>
              );
            })}
            <Stack gap={4}>
              <Text size="sm" fw={600} id={`${headingId}-cites`}>
                {t('explainer.cites')}
              </Text>
              <Group gap="xs" component="ul" aria-labelledby={`${headingId}-cites`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {section.provisionIds.map((provisionId) => {
                  const provision = index.provisions.get(provisionId);
                  const instrument = index.provisionInstrument.get(provisionId);
                  return (
                    <li key={provisionId}>
                      <Badge tt="none" component={Link} href={legalPaths.provision(provisionId)} variant="outline" lang="en" dir="auto" style={{ cursor: 'pointer' }}>
                        {instrument && provision ? `${instrument.shortName}, ${provision.label}` : provisionId}
                      </Badge>
                    </li>
                  );
                })}
              </Group>
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}
