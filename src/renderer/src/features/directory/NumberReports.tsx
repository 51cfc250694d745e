import { useCallback, useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { saveFile } from '../../files';
import { useVault } from '../vault';
import { useDirectory } from './context';
import { correctionListCsv, correctionRows } from './corrections';
import { deleteNumberReport, loadNumberReports, saveNumberReport } from './data';
import type { NumberReport } from './data';
import type { Labels } from './labels';

export type NumberReportsState = { status: 'loading' } | { status: 'unreadable' } | { status: 'ready'; reports: NumberReport[] };

/** The person's "did not work" reports, read from the encrypted store; `reload` after a change. */
export function useNumberReports(): { state: NumberReportsState; reload: () => void } {
  const { store } = useVault();
  const [state, setState] = useState<NumberReportsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    loadNumberReports(store).then(
      (reports) => !cancelled && setState({ status: 'ready', reports }),
      () => !cancelled && setState({ status: 'unreadable' }),
    );
    return () => {
      cancelled = true;
    };
  }, [store, attempt]);
  return { state, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}

/** The newest day the person noted a number of an entry did not work, or undefined. */
export function lastFailure(state: NumberReportsState, entryId: string, number: string): string | undefined {
  if (state.status !== 'ready') return undefined;
  return state.reports.filter((report) => report.entryId === entryId && report.number === number).at(-1)?.date;
}

const today = () => new Date().toISOString().slice(0, 10);

/** On an entry: record that one of its numbers did not work, see and delete such reports, export them all. */
export function NumberReports({ entry, labels }: { entry: DirectoryEntry; labels: Labels }) {
  const { t } = useTranslation('directory');
  const { store } = useVault();
  const { state, reload } = useNumberReports();
  const [number, setNumber] = useState<string | null>(entry.phones[0]?.number ?? null);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<'recorded' | 'failed' | 'deleteFailed' | null>(null);
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(date);

  if (entry.phones.length === 0) return null;
  const numbers = [...new Set(entry.phones.map((phone) => phone.number))];
  const own = state.status === 'ready' ? state.reports.filter((report) => report.entryId === entry.id) : [];

  const record = async () => {
    if (number === null || !dateValid) return;
    try {
      await saveNumberReport(store, { entryId: entry.id, number, date, note: note.trim() });
      setNote('');
      setMessage('recorded');
      reload();
    } catch {
      setMessage('failed');
    }
  };
  const remove = async (report: NumberReport) => {
    try {
      await deleteNumberReport(store, report);
      setMessage(null);
      reload();
    } catch {
      setMessage('deleteFailed');
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="number-reports">
      <Title order={2} size="h3" id="number-reports">
        {t('reports.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('reports.hint')}
      </Text>
      {state.status === 'unreadable' && <Alert color="red">{t('reports.unreadable')}</Alert>}
      {own.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {own.map((report) => (
            <Group key={report.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {t('reports.item', { number: report.number, date: labels.date(report.date) })}
                </Text>
                {report.note !== '' && (
                  <Text size="sm" dir="auto">
                    {report.note}
                  </Text>
                )}
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('reports.delete', { number: report.number, date: labels.date(report.date) })}
                onClick={() => void remove(report)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
        {numbers.length > 1 ? (
          <Select label={t('reports.number')} data={numbers} value={number} onChange={setNumber} allowDeselect={false} w={200} />
        ) : (
          <Text size="sm">
            {t('reports.number')}: <bdi dir="ltr">{numbers[0]}</bdi>
          </Text>
        )}
        <TextInput
          type="date"
          label={t('reports.date')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={dateValid ? undefined : t('reports.dateInvalid')}
        />
      </Group>
      <Textarea label={t('reports.note')} description={t('reports.noteHint')} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
      <Group gap="sm">
        <Button variant="default" onClick={() => void record()} disabled={state.status !== 'ready' || number === null || !dateValid}>
          {t('reports.record')}
        </Button>
        <Text role="status" size="sm" c={message === 'recorded' ? undefined : 'red.8'}>
          {message === null ? '' : t(`reports.${message}`)}
        </Text>
      </Group>
      {state.status === 'ready' && <CorrectionListExport reports={state.reports} />}
    </Stack>
  );
}

/** Saves every report on a shipped number as a CSV correction list, through the app's save dialog. */
function CorrectionListExport({ reports }: { reports: NumberReport[] }) {
  const { t } = useTranslation('directory');
  const { directory } = useDirectory();
  const count = correctionRows(reports, directory).length;
  const exporting = useAction(
    async () => {
      // The file name says what it is and when, never which entries or numbers are in it.
      const path = await saveFile(`waypoint-number-corrections-${today()}.csv`, 'csv', correctionListCsv(reports, directory));
      if (path !== null) return t('reports.exported', { path });
    },
    () => t('reports.exportFailed'),
  );
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" c="dimmed">
        {t('reports.exportHint')}
      </Text>
      <Button variant="default" size="xs" onClick={() => void exporting.run()} loading={exporting.busy} disabled={count === 0}>
        {t('reports.export')}
      </Button>
      <OutcomeAlert outcome={exporting.outcome} />
    </Stack>
  );
}
