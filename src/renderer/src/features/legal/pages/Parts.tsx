import type { ReactNode } from 'react';
import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LegalIndex } from '@shared/legal/corpus';
import type { Judgment, Provision } from '@shared/legal/schema';
import { CorpusDate, TopicBadges, useEnglishText } from '../LegalParts';
import { legalPaths } from '../paths';

/** A page's facts as a two-column table; rows with nothing to say are left out. */
export function Facts({ label, rows }: { label: string; rows: Array<[string, ReactNode] | null> }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={label}>
      <Table.Tbody>
        {rows.flatMap((row) =>
          row === null
            ? []
            : [
                <Table.Tr key={row[0]}>
                  <Table.Th w={{ base: 130, sm: 220 }}>{row[0]}</Table.Th>
                  <Table.Td>{row[1]}</Table.Td>
                </Table.Tr>,
              ],
        )}
      </Table.Tbody>
    </Table>
  );
}

/** A key provision: its article (linking to its page), plain summary and topics. */
export function ProvisionCard({
  index,
  provision,
  showInstrument = false,
  headingLevel = 3,
}: {
  index: LegalIndex;
  provision: Provision;
  showInstrument?: boolean;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation('legal');
  const english = useEnglishText();
  const instrument = index.provisionInstrument.get(provision.id);
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="xs">
        <Title order={headingLevel} size="h5" {...english}>
          <Anchor component={Link} href={legalPaths.provision(provision.id)} inherit>
            {showInstrument && instrument ? `${instrument.shortName}, ` : ''}
            {provision.label}
            {provision.title ? `: ${provision.title}` : ''}
          </Anchor>
        </Title>
        <Text size="sm" {...english}>
          {provision.summary}
        </Text>
        {provision.confidence !== 'seen' && (
          <Text size="xs" c="dimmed">
            {t(`provisionConfidence.${provision.confidence}`)}
          </Text>
        )}
        <TopicBadges index={index} topics={provision.topics} />
      </Stack>
    </Card>
  );
}

/** A judgment in a list: name (linking to its page), date, and the holding in plain words. */
export function JudgmentCard({ judgment }: { judgment: Judgment }) {
  const english = useEnglishText();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Title order={3} size="h5" {...english}>
            <Anchor component={Link} href={legalPaths.judgment(judgment.id)} inherit>
              {judgment.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            <CorpusDate value={judgment.judgmentDate} />
          </Text>
        </Group>
        <Text size="sm" {...english}>
          {judgment.holding}
        </Text>
      </Stack>
    </Card>
  );
}
