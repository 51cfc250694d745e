import { useEffect, useState } from 'react';
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpLink, LinkTarget } from '@shared/followups';
import { useVault } from '../vault';
import { readLinkTarget } from './data';
import { linkHref, useDueFormats } from './view';

/** The words for a link's target, in the form's choices and on a row. */
export function useLinkLabel(): (target: LinkTarget) => string {
  const { t } = useTranslation('followups');
  const { dateTime } = useDueFormats();
  return (target) =>
    target.type === 'note'
      ? t('link.note', { date: dateTime(target.createdAt) })
      : target.type === 'checklistItem'
        ? t('link.item', { checklist: target.checklistTitle, item: target.itemLabel })
        : t(target.was === 'note' ? 'link.missingNote' : 'link.missingItem');
}

/**
 * The note or checklist question a follow-up (or an attached file) is linked to, read when the row is
 * shown, with a way to open it. One that was deleted since says so (`missing`, when given, in the words of
 * what is linked) and offers nothing to open.
 */
export function LinkedRecord({ caseId, link, missing }: { caseId: string; link: FollowUpLink; missing?: string }) {
  const { t } = useTranslation('followups');
  const { store } = useVault();
  const label = useLinkLabel();
  const [target, setTarget] = useState<LinkTarget | null>(null);
  useEffect(() => {
    let current = true;
    // A read that fails counts as missing: the row stays usable either way.
    readLinkTarget(store, caseId, link).then(
      (found) => current && setTarget(found),
      () => current && setTarget({ type: 'missing', was: link.type }),
    );
    return () => {
      current = false;
    };
  }, [store, caseId, link]);
  if (!target) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c={target.type === 'missing' ? 'dimmed' : undefined}>
        {target.type === 'missing' && missing ? (
          missing
        ) : (
          <>
            {t('link.shown')} <bdi dir="auto">{label(target)}</bdi>
          </>
        )}
      </Text>
      {target.type !== 'missing' && (
        <Anchor href={linkHref(caseId, link)} size="sm">
          {t(target.type === 'note' ? 'link.openNote' : 'link.openItem')}
        </Anchor>
      )}
    </Group>
  );
}
