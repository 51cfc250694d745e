import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDirectory } from './context';
import classes from './directory.module.css';
import { emergencyLines } from './emergency';
import type { EmergencyLine } from './emergency';
import type { Labels } from './labels';
import { lastFailure, useNumberReports } from './NumberReports';
import type { NumberReportsState } from './NumberReports';
import { PhoneLink, TrustBadge, entryPath } from './Parts';
import { checkedSentence, phoneVerified } from './verification';

export function EmergencyPanel({ country, labels }: { country: string | null; labels: Labels }) {
  const { t } = useTranslation('directory');
  const { directory } = useDirectory();
  const lines = useMemo(() => (country === null ? [] : emergencyLines(directory.entries, country, directory.origins)), [directory.entries, directory.origins, country]);
  const { state: reports } = useNumberReports();
  // Said in the heading, so a caseworker in a hurry sees it before dialling.
  const noneConfirmed = lines.length > 0 && !lines.some((line) => !directory.origins.has(line.entry.id) && line.phones.some((phone) => phoneVerified(line.entry, phone)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="emergency-heading">
      <Stack gap="sm">
        <Group gap="xs">
          <IconPhoneCall size={20} aria-hidden />
          <Title order={2} size="h4" id="emergency-heading">
            {country === null ? t('emergency.title') : t(noneConfirmed ? 'emergency.titleForNoneConfirmed' : 'emergency.titleFor', { country: labels.country(country) })}
          </Title>
        </Group>
        {country === null ? (
          <Text>{t('emergency.chooseCountry')}</Text>
        ) : lines.length === 0 ? (
          <Text>{t('emergency.none')}</Text>
        ) : (
          <>
            {lines[0]?.kind !== 'hotline' && <Text size="sm">{t('emergency.noHotline')}</Text>}
            <Stack component="ul" gap="xs" className={classes.plainList}>
              {lines.map((line, i) => (
                <EmergencyRow key={i} line={line} labels={labels} reports={reports} />
              ))}
            </Stack>
            {!lines.some((line) => line.kind === 'emergency') && (
              <Text size="sm" c="dimmed">
                {t('emergency.noPublicNumbers')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function EmergencyRow({ line, labels, reports }: { line: EmergencyLine; labels: Labels; reports: NumberReportsState }) {
  const { t } = useTranslation('directory');
  const { directory } = useDirectory();
  const origin = directory.origins.get(line.entry.id);
  const what = line.kind === 'hotline' ? t('emergency.hotline') : line.kind === 'fallback' ? t('emergency.fallback') : line.roles.map(labels.term).join(', ');
  return (
    <li>
      <Group gap="xs">
        <Text fw={700} size="sm">
          {what}
        </Text>
        {line.wideArea !== undefined && (
          <Badge variant="default" tt="none">
            {labels.area(line.wideArea)}
          </Badge>
        )}
        {line.imported && (
          <Badge variant="default" tt="none">
            {t('emergency.imported')}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="wrap">
        {line.phones.map((phone, i) => (
          <Group key={i} gap={6} wrap="nowrap">
            <PhoneLink phone={phone} />
            <TrustBadge verified={phoneVerified(line.entry, phone)} origin={origin} />
            {phone.unconfirmed && (
              <Text span size="sm">
                {t('verification.unconfirmedNumber')}
              </Text>
            )}
            <FailureNote date={lastFailure(reports, line.entry.id, phone.number)} labels={labels} />
          </Group>
        ))}
        <Anchor component={Link} href={entryPath(line.entry.id)} size="sm">
          <bdi>{line.entry.name}</bdi>
        </Anchor>
      </Group>
      {origin === undefined && (
        <Text size="xs" c="dimmed">
          {checkedSentence(line.entry, t, labels.date)}
        </Text>
      )}
    </li>
  );
}

/** The person's own note that a number did not work for them, in words (not colour alone). */
function FailureNote({ date, labels }: { date: string | undefined; labels: Labels }) {
  const { t } = useTranslation('directory');
  if (date === undefined) return null;
  return (
    <Text span size="sm" fw={600} c="red.8">
      {t('reports.inPanel', { date: labels.date(date) })}
    </Text>
  );
}
