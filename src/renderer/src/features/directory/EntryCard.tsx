import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { useDirectory } from './context';
import type { Labels } from './labels';
import classes from './directory.module.css';
import { EntryBadges, PhoneLink, entryPath } from './Parts';

/** One search result: enough to call straight away, and a link to the whole entry. */
export function EntryCard({ entry, labels }: { entry: DirectoryEntry; labels: Labels }) {
  const { t } = useTranslation('directory');
  const { directory, organizationById } = useDirectory();
  const organization = entry.organizationId === null ? undefined : organizationById.get(entry.organizationId);
  const countries = entry.countries.length === 0 ? t('international') : entry.countries.map(labels.area).join(', ');
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap={6}>
        <Title order={3} size="h4">
          <Anchor component={Link} href={entryPath(entry.id)}>
            <bdi>{entry.name}</bdi>
          </Anchor>
        </Title>
        {organization !== undefined && organization.name !== entry.name && (
          <Text size="sm" c="dimmed">
            {organization.name}
          </Text>
        )}
        <Text size="sm">
          {countries}
          {entry.services.length > 0 && ` — ${entry.services.map(labels.term).join(', ')}`}
        </Text>
        <EntryBadges entry={entry} origin={directory.origins.get(entry.id)} favourite={directory.favourites.has(entry.id)} />
        {entry.phones.length > 0 && (
          <Group gap="md" component="ul" className={classes.plainList}>
            {entry.phones.map((phone, i) => (
              <li key={i}>
                <PhoneLink phone={phone} />
                {phone.description !== null && (
                  <Text span size="sm" c="dimmed" ms={6}>
                    ({phone.description})
                  </Text>
                )}
              </li>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
