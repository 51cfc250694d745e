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
import { PhoneLink, entryPath } from './parts';

export function EmergencyPanel({ country, labels }: { country: string | null; labels: Labels }) {
  const { t } = useTranslation('directory');
  const { directory } = useDirectory();
  const lines = useMemo(() => (country === null ? [] : emergencyLines(directory.entries, country, directory.origins)), [directory.entries, directory.origins, country]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="emergency-heading">
      <Stack gap="sm">
        <Group gap="xs">
          <IconPhoneCall size={20} aria-hidden />
          <Title order={2} size="h4" id="emergency-heading">
            {country === null ? t('emergency.title') : t('emergency.titleFor', { country: labels.country(country) })}
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
                <EmergencyRow key={i} line={line} labels={labels} />
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

function EmergencyRow({ line, labels }: { line: EmergencyLine; labels: Labels }) {
  const { t } = useTranslation('directory');
  const what =
    line.kind === 'hotline' ? t('emergency.hotline') : line.kind === 'fallback' ? t('emergency.fallback') : line.roles.map(labels.term).join(', ');
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
          <PhoneLink key={i} phone={phone} />
        ))}
        <Anchor component={Link} href={entryPath(line.entry.id)} size="sm">
          <bdi>{line.entry.name}</bdi>
        </Anchor>
      </Group>
    </li>
  );
}
