import { useEffect, useMemo, useReducer, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Checkbox, Divider, FileInput, Group, List, PasswordInput, Progress, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '@shared/settings';
import { useSettings } from '../../app/SettingsProvider';
import { BridgeError } from '../../bridge';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { percentDone } from '../../components/percent';
import { useAction } from '../../components/use-action';
import { errorMessage } from '../../i18n/error-message';
import { AttachmentError } from '../../db';
import { applyRestoreWithAttachments, backupChunkTable } from '../../db/attachment-transfer';
import { planRestore, TransferError, type RestoreMode } from '../../db/transfer';
import { useVault, ConfirmPassphraseField, NewPassphraseFields, useNewPassphrase, lockAndReload } from '../vault';
import { closeRestore, newestLocalChange, openAndReadBackup, RECORDS_RESTORED_EVENT, restoreChunks, runBackup, uploadBackup, type OpenedBackup } from './api';
import { initialRestoreState, olderThanDevice, restoreReducer } from './restore-state';

/** How many conflicts the merge preview lists before it says "and N more". */
const MAX_LISTED_CONFLICTS = 200;

function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const { t: tb } = useTranslation('backup');
  return (error) => {
    if (error instanceof TransferError) return tb(error.reason === 'unknownTable' ? 'restore.unknownTable' : 'restore.malformed');
    // An attached file whose chunks do not open under its key: the restore stopped before writing anything.
    if (error instanceof AttachmentError) return tb('restore.malformed');
    return errorMessage(t, error, tb('restore.writeFailed'));
  };
}

function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** `medium` time shows the seconds: a backup made minutes before the newest change must not read as the same time. */
function useDateFormat(timeStyle: 'short' | 'medium' = 'short'): (ms: number) => string {
  const { i18n } = useTranslation();
  const format = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle }), [i18n.language, timeStyle]);
  return (ms) => format.format(ms);
}

/** A step of the restore that takes time, said in words above its bar (the bar at 100% moves while main works on). */
function StepProgress({ label, percent }: { label: string; percent: number }) {
  return (
    <Stack gap={4}>
      <Text size="sm" aria-hidden>
        {label}
      </Text>
      <Progress value={percent} aria-label={label} animated={percent === 100} />
    </Stack>
  );
}

function BackupSection() {
  const { t, i18n } = useTranslation('backup');
  const errorText = useErrorText();
  const { store } = useVault();
  const { settings } = useSettings();
  const [choice, setChoice] = useState<'vault' | 'new'>('vault');
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const fresh = useNewPassphrase();
  const [progress, setProgress] = useState<number | null>(null);
  // Every backup needs the vault passphrase: it holds every case, whichever passphrase locks the file.
  const ready = vaultPassphrase.length > 0 && (choice === 'vault' || fresh.acceptable);
  const backup = useAction(async () => {
    setProgress(null);
    try {
      const outcome = await runBackup(store, { vaultPassphrase, backupPassphrase: choice === 'vault' ? null : fresh.value, settings }, (done, total) =>
        setProgress(percentDone(done, total)),
      );
      if (!outcome.saved) return t('backup.cancelled');
      setVaultPassphrase('');
      fresh.setValue('');
      fresh.setConfirmation('');
      const saved = t('backup.saved', { count: outcome.records, path: outcome.path, size: formatBytes(outcome.bytes, i18n.language) });
      return outcome.unreadable > 0 ? `${saved} ${t('backup.unreadable', { count: outcome.unreadable })}` : saved;
    } finally {
      setProgress(null);
    }
  }, errorText);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) void backup.run();
  }

  return (
    <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="backup-make">
      <Stack>
        <Title order={3} size="h4" id="backup-make">
          {t('backup.title')}
        </Title>
        <Text>{t('backup.intro')}</Text>
        <Radio.Group label={t('backup.passphraseChoice')} value={choice} onChange={(value) => setChoice(value === 'new' ? 'new' : 'vault')}>
          <Stack gap="xs" mt="xs">
            <Radio value="vault" label={t('backup.useVaultPassphrase')} />
            <Radio value="new" label={t('backup.useNewPassphrase')} />
          </Stack>
        </Radio.Group>
        <ConfirmPassphraseField value={vaultPassphrase} onChange={setVaultPassphrase} />
        {choice === 'new' && <NewPassphraseFields state={fresh} label={t('backup.newPassphrase')} />}
        <Text size="sm">{t('backup.keepPassphrase')}</Text>
        <Button type="submit" loading={backup.busy} disabled={!ready} w="fit-content">
          {t('backup.start')}
        </Button>
        {progress !== null && <Progress value={progress} aria-label={t('backup.progress', { percent: progress })} />}
        <div aria-live="polite">
          <OutcomeAlert outcome={backup.outcome} />
        </div>
      </Stack>
    </form>
  );
}

function RestoreSection() {
  const { t, i18n } = useTranslation('backup');
  const errorText = useErrorText();
  const formatDate = useDateFormat();
  const formatTime = useDateFormat('medium');
  const { store } = useVault();
  const { updateSettings } = useSettings();
  const [state, dispatch] = useReducer(restoreReducer, initialRestoreState);
  const { file, passphrase, busy, progress, checked, mode, plan, withSettings, status, restored } = state;
  // The uploaded copy stays in main while a wrong passphrase is retried, and after the check until the restore
  // is written or cancelled (the restore reads the files' chunks from it again); any other failure ends it there.
  const upload = useRef<{ file: File; sessionId: string } | null>(null);
  const planRequests = useRef(0);

  useEffect(
    () => () => {
      if (upload.current) void closeRestore(upload.current.sessionId);
    },
    [],
  );

  /** The plan follows the records and the mode; the reducer drops an answer a newer request made stale. */
  async function computePlan(records: OpenedBackup['records'], nextMode: RestoreMode) {
    const request = ++planRequests.current;
    dispatch({ type: 'planStarted', request, mode: nextMode });
    try {
      dispatch({ type: 'planReady', request, plan: await planRestore(store, records, nextMode) });
    } catch (error) {
      dispatch({ type: 'planFailed', request, text: errorText(error) });
    }
  }

  async function endUpload() {
    const current = upload.current;
    upload.current = null;
    if (current) await closeRestore(current.sessionId);
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!file || !passphrase || busy) return;
    planRequests.current += 1; // an answer still on its way belongs to the backup checked before
    dispatch({ type: 'checkStarted' });
    try {
      if (upload.current?.file !== file) {
        await endUpload();
        dispatch({ type: 'progress', label: t('restore.uploading'), percent: 0 });
        const sessionId = await uploadBackup(file, (done, total) => dispatch({ type: 'progress', label: t('restore.uploading'), percent: percentDone(done, total) }));
        upload.current = { file, sessionId };
      }
      dispatch({ type: 'progress', label: t('restore.checking'), percent: 100 });
      let opened: OpenedBackup;
      try {
        opened = await openAndReadBackup(upload.current!.sessionId, passphrase);
      } catch (error) {
        // The upload is kept only for another passphrase (main has ended it after any failure of its own).
        if (!(error instanceof BridgeError && error.code === 'BACKUP_WRONG_PASSPHRASE')) await endUpload();
        throw error;
      }
      dispatch({ type: 'checked', checked: { ...opened, fileName: file.name, newestLocalChange: await newestLocalChange(store) } });
      await computePlan(opened.records, 'replace');
    } catch (error) {
      dispatch({ type: 'failed', text: errorText(error) });
    }
  }

  async function confirm() {
    if (!checked || !plan || busy) return;
    dispatch({ type: 'restoreStarted' });
    try {
      if (!upload.current) throw new Error('the checked backup is no longer uploaded');
      // The attached files are written as they are read again from the file: the part of a restore that takes time.
      const files = checked.manifest.counts[backupChunkTable] ?? 0;
      const written = await applyRestoreWithAttachments(
        store,
        plan,
        restoreChunks(upload.current.sessionId, (done) => dispatch({ type: 'progress', label: t('restore.writingFiles'), percent: percentDone(done, files) })),
      );
      await endUpload();
      window.dispatchEvent(new CustomEvent(RECORDS_RESTORED_EVENT, { detail: { tables: Object.keys(plan.writes), mode: plan.mode } }));
      let settingsText = '';
      if (withSettings && checked.settings) {
        try {
          await updateSettings(checked.settings satisfies SettingsPatch);
          settingsText = ` ${t('restore.settingsApplied')}`;
        } catch (error) {
          settingsText = ` ${t('restore.settingsFailed')} ${errorText(error)}`;
        }
      }
      planRequests.current += 1;
      dispatch({ type: 'restored', text: `${t('restore.done', { count: written })}${settingsText}` });
    } catch (error) {
      dispatch({ type: 'failed', text: errorText(error) });
    }
  }

  function cancel() {
    planRequests.current += 1;
    void endUpload();
    dispatch({ type: 'cancelled' });
  }

  const tables = checked ? Object.entries(checked.manifest.counts) : [];
  const conflicts = plan?.conflicts ?? [];

  return (
    <Stack aria-labelledby="backup-restore" component="section">
      <Title order={3} size="h4" id="backup-restore">
        {t('restore.title')}
      </Title>
      <Text>{t('restore.intro')}</Text>
      {!checked && (
        <form autoComplete="off" onSubmit={(event) => void check(event)} noValidate>
          <Stack>
            <FileInput
              label={t('restore.file')}
              description={t('restore.fileHelp')}
              value={file}
              onChange={(next) => dispatch({ type: 'fileChosen', file: next })}
              clearable
              clearButtonProps={{ 'aria-label': t('restore.clearFile') }}
            />
            <PasswordInput label={t('restore.passphrase')} value={passphrase} onChange={(event) => dispatch({ type: 'passphraseTyped', passphrase: event.currentTarget.value })} />
            <Button type="submit" loading={busy === 'checking'} disabled={!file || !passphrase} w="fit-content">
              {t('restore.check')}
            </Button>
          </Stack>
        </form>
      )}
      {progress && busy !== 'restoring' && <StepProgress label={progress.label} percent={progress.percent} />}
      {checked && (
        <Stack>
          <Alert color="teal">
            <Text fw={700}>{t('restore.verified')}</Text>
            <Text>{t('restore.verifiedBody', { file: checked.fileName, version: checked.manifest.appVersion })}</Text>
          </Alert>
          <Text fz="xl" fw={700} data-testid="backup-made">
            {t('restore.madeOn', { date: formatTime(checked.manifest.createdAt) })}
          </Text>
          {olderThanDevice(checked) && (
            <Alert color="orange" role="alert" title={t('restore.olderTitle')}>
              {t('restore.olderBody', { backup: formatTime(checked.manifest.createdAt), device: formatTime(checked.newestLocalChange!) })}
            </Alert>
          )}
          <Table withTableBorder aria-label={t('restore.contents')} w="fit-content">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('restore.what')}</Table.Th>
                <Table.Th>{t('restore.howMany')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tables.map(([table, count]) => (
                <Table.Tr key={table}>
                  <Table.Td>{t(`tables.${table}`, { defaultValue: table })}</Table.Td>
                  <Table.Td>{new Intl.NumberFormat(i18n.language).format(count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Radio.Group
            label={t('restore.mode')}
            value={mode}
            onChange={(value) => {
              if (checked) void computePlan(checked.records, value === 'merge' ? 'merge' : 'replace');
            }}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="replace" label={t('restore.replace')} description={t('restore.replaceHelp')} />
              <Radio value="merge" label={t('restore.merge')} description={t('restore.mergeHelp')} />
            </Stack>
          </Radio.Group>
          {checked.settings && (
            <Checkbox label={t('restore.withSettings')} checked={withSettings} onChange={(event) => dispatch({ type: 'withSettings', value: event.currentTarget.checked })} />
          )}
          {busy === 'planning' && <Text>{t('restore.planning')}</Text>}
          {plan?.mode === 'replace' && (
            <Alert color="orange">
              <Text fw={700}>{t('restore.replaceWarningTitle')}</Text>
              <Text>{t('restore.replaceWarning', { count: plan.replaced, total: plan.total })}</Text>
            </Alert>
          )}
          {plan?.mode === 'merge' && (
            <Stack gap="xs">
              <Text>{t('restore.mergeSummary', { added: plan.added, conflicts: conflicts.length, total: plan.total })}</Text>
              {conflicts.length > 0 && (
                <Table withTableBorder striped aria-label={t('restore.conflicts')}>
                  <Table.Caption>{t('restore.conflictsCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('restore.record')}</Table.Th>
                      <Table.Th>{t('restore.onDevice')}</Table.Th>
                      <Table.Th>{t('restore.inBackup')}</Table.Th>
                      <Table.Th>{t('restore.kept')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {conflicts.slice(0, MAX_LISTED_CONFLICTS).map((conflict) => (
                      <Table.Tr key={`${conflict.table}/${conflict.id}`}>
                        <Table.Td>
                          {t(`tables.${conflict.table}`, { defaultValue: conflict.table })}: {conflict.label ?? conflict.id}
                        </Table.Td>
                        <Table.Td>{conflict.deviceUpdatedAt === null ? t('restore.unreadable') : formatDate(conflict.deviceUpdatedAt)}</Table.Td>
                        <Table.Td>{formatDate(conflict.backupUpdatedAt)}</Table.Td>
                        <Table.Td>{conflict.winner === 'backup' ? t('restore.keptBackup') : t('restore.keptDevice')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {conflicts.length > MAX_LISTED_CONFLICTS && <Text size="sm">{t('restore.moreConflicts', { count: conflicts.length - MAX_LISTED_CONFLICTS })}</Text>}
            </Stack>
          )}
          <Group>
            <Button color={mode === 'replace' ? 'red' : undefined} loading={busy === 'restoring'} disabled={!plan || busy !== null} onClick={() => void confirm()}>
              {mode === 'replace' ? t('restore.confirmReplace') : t('restore.confirmMerge')}
            </Button>
            <Button variant="default" disabled={busy === 'restoring'} onClick={cancel}>
              {t('restore.cancel')}
            </Button>
          </Group>
          {progress && busy === 'restoring' && <StepProgress label={progress.label} percent={progress.percent} />}
        </Stack>
      )}
      <div aria-live="polite">
        <OutcomeAlert outcome={status} />
      </div>
      {restored && (
        <Stack gap="xs">
          <Text>{t('restore.reopenHelp')}</Text>
          <Button w="fit-content" onClick={() => void lockAndReload()}>
            {t('restore.reopen')}
          </Button>
        </Stack>
      )}
      <List size="sm" spacing={4}>
        <List.Item>{t('restore.noteAllOrNothing')}</List.Item>
      </List>
    </Stack>
  );
}

/** Settings → Backup and restore: an encrypted backup file, and restoring one (replace or merge). */
export function BackupPanel() {
  const { t } = useTranslation('backup');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="settings-backup">
      <Stack>
        <Title order={2} size="h3" id="settings-backup">
          {t('title')}
        </Title>
        <BackupSection />
        <Divider />
        <RestoreSection />
      </Stack>
    </Card>
  );
}
