import { useContext, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { agendaAt, dueCounts } from '@shared/followups/agenda';
import { preloadSectionAt } from '../../app/sections';
import { useSettings } from '../../app/SettingsProvider';
import { useVault, VaultContext } from '../vault';
import { dueNotification, showSystemNotification } from './notify';
import { followUpsChangedEvent, readAgendaItems, type AgendaItems } from './summary-read';
import { deviceZone, useNow } from './view';

/**
 * After unlock, and whenever something falls due while the app stays unlocked: how many follow-ups are
 * overdue and due today, with a link to the agenda. Counts only, never a title or a case. It reads the
 * agenda summary again each minute and after each change, so it says nothing while locked (there is no
 * shell then) and keeps no date outside the vault. When more fall due while unlocked, and system
 * notifications are on in Settings, the system also says "Waypoint: a reminder is due", and nothing more.
 */
export default function DueBanner() {
  const { t } = useTranslation('followups');
  const { store } = useVault();
  const now = useNow();
  const [counts, setCounts] = useState<{ overdue: number; today: number } | null>(null);
  const [dismissedAt, setDismissedAt] = useState(0);
  const [changes, setChanges] = useState(0);
  const { settings } = useSettings();
  const unlocked = useContext(VaultContext) !== null;
  const previousDue = useRef<number | null>(null);

  useEffect(() => {
    const onChange = () => setChanges((n) => n + 1);
    window.addEventListener(followUpsChangedEvent, onChange);
    return () => window.removeEventListener(followUpsChangedEvent, onChange);
  }, []);

  useEffect(() => {
    let current = true;
    // A failed read shows no banner: the agenda says what went wrong when opened.
    // From the agenda summary: one record, not every follow-up (db/summaries.ts).
    // Counted from the summary as stored, then once more after it is checked against the follow-ups: counting
    // 50,000 rows would delay the banner by more than all the rest (docs/performance.md). A summary that does
    // not match is made again by that second read, and the banner counts anew.
    /** Whether it counted (the banner is still there). */
    const count = ({ items }: AgendaItems): boolean => {
      if (current) setCounts(dueCounts(items, now, deviceZone()));
      return current;
    };
    readAgendaItems(store, { unchecked: true })
      .then((first) => {
        if (!count(first)) return null;
        // While the app is idle, the agenda's code is loaded and its buckets built from these same items, so
        // its first opening reuses them (agendaAt), as later ones do: building them takes 100 ms and more at 50,000.
        requestIdleCallback(() => {
          agendaAt(first.items, Date.now(), deviceZone());
          preloadSectionAt('#/agenda');
        });
        return readAgendaItems(store);
      })
      .then((checked) => checked?.rebuilt && count(checked))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [store, now, changes]);

  useEffect(() => {
    if (counts) performance.mark('waypoint:due-counted'); // `npm run bench` times the banner up to here
  }, [counts]);

  const total = counts ? counts.overdue + counts.today : 0;
  useEffect(() => {
    if (!counts) return;
    const text = dueNotification({ enabled: settings.systemNotifications, unlocked, previousDue: previousDue.current, due: total }, t('notify.text'));
    previousDue.current = total;
    if (text) showSystemNotification(text);
  }, [counts, total, settings.systemNotifications, unlocked, t]);

  // Dismissed, it comes back only when more fall due.
  if (!counts || total === 0 || total <= dismissedAt) return null;
  return (
    <Alert color="orange" mb="md" title={t('banner.title')} withCloseButton closeButtonLabel={t('banner.dismiss')} onClose={() => setDismissedAt(total)} data-testid="due-banner">
      <Group gap="md">
        {counts.overdue > 0 && <Text>{t('banner.overdue', { count: counts.overdue })}</Text>}
        {counts.today > 0 && <Text>{t('banner.today', { count: counts.today })}</Text>}
        <Anchor component={Link} href="/agenda">
          {t('banner.open')}
        </Anchor>
      </Group>
    </Alert>
  );
}
