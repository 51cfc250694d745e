import { ActionIcon, Anchor, Badge, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { mailtoHref, phoneHref } from '@shared/contact-links';
import type { DirectoryEntry, DirectoryPhone } from '@shared/hsds/directory';
import type { Origin } from './data';

export const entryPath = (id: string) => `/entries/${encodeURIComponent(id)}`;

/**
 * A number as a tel: link (sms: for text lines), built from its digits only; a value that is no number stays
 * text. Always left-to-right so digits keep their order in Arabic.
 */
export function PhoneLink({ phone }: { phone: Pick<DirectoryPhone, 'number' | 'type'> }) {
  const href = phoneHref(phone.number, phone.type);
  if (href === null) {
    return (
      <Text span dir="ltr" fw={600}>
        {phone.number}
      </Text>
    );
  }
  return (
    <Anchor href={href} dir="ltr" fw={600}>
      {phone.number}
    </Anchor>
  );
}

/** An e-mail address as a mailto: link built from the address alone; anything else (a query, two addresses) stays text. */
export function EmailLink({ email }: { email: string }) {
  const href = mailtoHref(email);
  if (href === null)
    return (
      <Text span dir="ltr">
        {email}
      </Text>
    );
  return (
    <Anchor href={href} dir="ltr">
      {email}
    </Anchor>
  );
}

export function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('directory');
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('copied') : label}>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? t('copied') : label}>
            {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Whose word a record or number is, in the same words everywhere: the person's own, verified or not verified. */
export function TrustBadge({ verified, origin }: { verified: boolean; origin: Origin | undefined }) {
  const { t } = useTranslation('directory');
  const key = origin !== undefined ? (origin === 'added' ? 'badges.addedByYou' : 'badges.importedByYou') : verified ? 'badges.verified' : 'badges.unverified';
  return <Badge variant="default">{t(key)}</Badge>;
}

/** Status badges in words (never colour alone): own or verified/unverified, fallback, 24/7, favourite. */
export function EntryBadges({ entry, origin, favourite }: { entry: DirectoryEntry; origin: Origin | undefined; favourite: boolean }) {
  const { t } = useTranslation('directory');
  return (
    <Group gap="xs">
      <TrustBadge verified={entry.verified} origin={origin} />
      {entry.is24x7 === true && <Badge variant="default">{t('badges.open24x7')}</Badge>}
      {entry.fallback && <Badge variant="default">{t('badges.fallback')}</Badge>}
      {favourite && <Badge variant="default">{t('badges.favourite')}</Badge>}
    </Group>
  );
}
