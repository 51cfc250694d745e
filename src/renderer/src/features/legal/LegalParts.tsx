import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft, IconExternalLink, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TopicId } from '@shared/legal/schema';
import type { LegalIndex } from '@shared/legal/corpus';
import classes from './legal.module.css';
import { legalPaths } from './paths';
import { formatPartialDate } from '../../i18n/format';
import { linkDomain, linkLabel, pickText } from './view';
import { NotTranslatedNote } from '../../components/NotTranslatedNote';

/** Props for an element holding corpus text that exists only in English. */
export function useEnglishText(): { lang?: 'en'; dir?: 'auto' } {
  const { i18n } = useTranslation('legal');
  return i18n.language === 'en' ? {} : { lang: 'en', dir: 'auto' };
}

/** An official or source link: opens in the system browser; shows its domain (after `children`, if given). */
export function ExternalLink({ href, label, children }: { href: string; label?: string; children?: ReactNode }) {
  const { t } = useTranslation('legal');
  return (
    <Anchor href={href} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
      {children ?? label ?? linkDomain(href)}
      {children !== undefined && <> ({linkDomain(href)})</>}
      <IconExternalLink size={14} stroke={1.6} aria-hidden style={{ marginInlineStart: 4, verticalAlign: 'middle' }} className={classes.mirrorInRtl} />
      <VisuallyHidden>{t('opensInBrowser')}</VisuallyHidden>
    </Anchor>
  );
}

export function CorpusDate({ value }: { value: string | null }) {
  const { t, i18n } = useTranslation('legal');
  return value === null ? t('dateNotRecorded') : formatPartialDate(value, i18n.language);
}

/**
 * The note on every legal page: what these texts are (and are not), how fresh they are, and
 * where the official text is. Without `source`, the page shows several sources and dates its parts
 * (`perItem` says how).
 */
export function LegalNote({ source, perItem }: { source?: { lastVerified: string | null; officialUrl: string | null }; perItem?: string }) {
  const { t } = useTranslation('legal');
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)" role="note" aria-label={t('note.label')}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconInfoCircle size={22} stroke={1.6} aria-hidden style={{ flexShrink: 0 }} />
        <Stack gap={4}>
          <Text size="sm">{t('note.notAdvice')}</Text>
          {source ? (
            <Text size="sm">
              {t('note.sourceDated')} <CorpusDate value={source.lastVerified} />
              {' · '}
              {source.officialUrl ? (
                <>
                  {t('note.official')} <ExternalLink href={source.officialUrl} />
                </>
              ) : (
                t('note.noOfficialLink')
              )}
            </Text>
          ) : (
            <Text size="sm">{perItem ?? t('note.perItem')}</Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** Said once per page when the interface language is not English and the page shows English-only text. */
export function EnglishOnlyNote() {
  const { t, i18n } = useTranslation('legal');
  if (i18n.language === 'en') return null;
  return <NotTranslatedNote label={t('notTranslated')} body={t('notTranslatedBody')} />;
}

export function TopicBadges({ index, topics }: { index: LegalIndex; topics: readonly TopicId[] }) {
  const { t, i18n } = useTranslation('legal');
  if (topics.length === 0) return null;
  return (
    <Group gap="xs" component="ul" aria-label={t('topics')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {topics.map((id) => {
        const topic = index.topics.get(id);
        if (!topic) return null;
        const name = pickText(topic.name, i18n.language);
        return (
          <li key={id}>
            <Badge tt="none" component={Link} href={legalPaths.topic(id)} variant="outline" style={{ cursor: 'pointer' }} lang={name.language}>
              {name.text}
            </Badge>
          </li>
        );
      })}
    </Group>
  );
}

/** The link at the top of each detail page, back to the legal home page (or, on a provision, to where the person came from). */
export function BackLink({ href, label, onClick }: { href: string; label: string; onClick?: (event: React.MouseEvent) => void }) {
  return (
    <Anchor component={Link} href={href} onClick={onClick} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden className={classes.mirrorInRtl} />
        {label}
      </Group>
    </Anchor>
  );
}

export function Sources({ urls }: { urls: readonly string[] }) {
  const { t } = useTranslation('legal');
  if (urls.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('sources')}
      </Text>
      <Stack gap={2} component="ul" style={{ paddingInlineStart: 20, margin: 0 }}>
        {urls.map((url) => (
          <Text size="sm" component="li" key={url}>
            <ExternalLink href={url} label={linkLabel(url)} />
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
