import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportFileName } from '@shared/files';
import { followUpsToICalendar, type FollowUp } from '@shared/followups';
import { BridgeError } from '../../bridge';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { saveFile } from '../../files';
import { errorMessage } from '../../i18n/error-message';
import { ConfirmPassphraseField } from '../vault';

/**
 * Open follow-ups as a calendar file (.ics), on an explicit action only. The file is not encrypted and
 * usually ends up in a phone's calendar, synced elsewhere: each event is called only "Follow-up" unless
 * the caseworker ticks the titles in, after a warning, and then confirms with the vault passphrase, as for
 * every identifying export. Never a case code, alias or note; the file name says only "calendar" and the day.
 */
export function CalendarExportButton({ openCount, readOpen }: { openCount: number; readOpen: () => Promise<readonly FollowUp[]> }) {
  const { t } = useTranslation('followups');
  const { t: tShared } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [includeTitles, setIncludeTitles] = useState(false);
  const [vaultPassphrase, setVaultPassphrase] = useState('');

  const exporting = useAction(
    async () => {
      // Read only now: the agenda holds no titles, and a case's follow-ups are at hand.
      const ics = followUpsToICalendar(await readOpen(), { neutralTitle: t('ics.neutralTitle'), includeTitles, now: new Date() });
      const path = await saveFile(exportFileName('calendar', 'ics'), 'ics', ics, includeTitles ? { vaultPassphrase } : {});
      setVaultPassphrase('');
      return path ? t('ics.saved', { path }) : t('ics.cancelled');
    },
    // Main refusing the vault passphrase (wrong, or wait) says so; anything else is the export's own message.
    (error) => (error instanceof BridgeError && error.code.startsWith('VAULT_') ? errorMessage(tShared, error) : { title: t('ics.errorTitle'), text: t('ics.error') }),
  );

  function close() {
    exporting.reset();
    setIncludeTitles(false);
    setVaultPassphrase('');
    setOpened(false);
  }

  return (
    <>
      <Button variant="default" leftSection={<IconCalendarShare size={18} aria-hidden />} w="fit-content" onClick={() => setOpened(true)}>
        {t('ics.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('ics.title')} size="lg" closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
        <Stack>
          <Text>{t('ics.intro', { count: openCount })}</Text>
          <Checkbox
            label={t('ics.includeTitles')}
            description={t('ics.includeTitlesHelp')}
            checked={includeTitles}
            onChange={(event) => setIncludeTitles(event.currentTarget.checked)}
          />
          <Alert color={includeTitles ? 'red' : 'yellow'} icon={<IconAlertTriangle aria-hidden />} title={t('ics.notEncryptedTitle')}>
            {includeTitles ? t('ics.notEncryptedTitles') : t('ics.notEncrypted')}
          </Alert>
          {includeTitles && <ConfirmPassphraseField value={vaultPassphrase} onChange={setVaultPassphrase} onSubmit={() => openCount > 0 && void exporting.run()} />}
          <OutcomeAlert outcome={exporting.outcome} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {exporting.outcome?.kind === 'ok' ? t('ics.close') : t('actions.cancel')}
            </Button>
            <Button onClick={() => void exporting.run()} loading={exporting.busy} disabled={openCount === 0 || (includeTitles && !vaultPassphrase)}>
              {t('ics.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
