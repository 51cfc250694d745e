import { useState } from 'react';
import { Alert, Anchor, Button, FileButton, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { InputHTMLAttributes } from 'react';
import { IconFile, IconFolder } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DirectoryEntry } from '@shared/hsds/directory';
import type { ImportPlan } from '@shared/hsds/import-plan';
import type { ImportNote } from '@shared/hsds/import-notes';
import type { ProblemDetail } from '@shared/hsds/import-problems';
import { useVault } from '../vault';
import { useDirectory } from './context';
import { saveOwnRecords } from './data';
import { importFilesOf } from './import-files';
import { importReplyReceiver, transferables } from './import-request';
import type { ImportReply, ImportRequest, ImportWorkerMessage } from './import-request';
import { isolate, useLabels } from './labels';

type Stage =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'failed'; source: string }
  | { status: 'planned'; plan: ImportPlan; source: string; saving?: boolean; saveFailed?: boolean }
  | { status: 'done'; added: number; updated: number };

/**
 * Browsers only let a file input choose folders with this non-standard attribute. These props replace the theme's
 * default inputProps, so they turn autocomplete off again (see app/theme.ts).
 */
const folderInput = { webkitdirectory: '', autoComplete: 'off' } as InputHTMLAttributes<HTMLInputElement>;
const listLimit = 100;

/**
 * Reads, validates and plans in a Web Worker (./import-worker.ts), so a large file never freezes the window.
 * The file bytes move to the worker, so there is no running it here instead: a worker that fails or cannot
 * start answers `failed`, as one that threw does.
 */
function planInWorker(request: ImportRequest): Promise<ImportReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const finish = (reply: ImportReply) => {
      worker.terminate();
      resolve(reply);
    };
    const receive = importReplyReceiver();
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerMessage>) => {
      const reply = receive(event.data);
      if (reply !== null) finish(reply);
    });
    worker.addEventListener('error', () => finish({ kind: 'failed' }));
    worker.addEventListener('messageerror', () => finish({ kind: 'failed' }));
    worker.postMessage(request, transferables(request));
  });
}

/** HSDS import: read, show what would change, and only then write everything in one transaction. */
export function ImportPage() {
  const { t } = useTranslation('directory');
  const { store } = useVault();
  const { directory, reload } = useDirectory();
  const [stage, setStage] = useState<Stage>({ status: 'idle' });

  async function choose(files: File[], fromFolder: boolean) {
    if (files.length === 0) return;
    setStage({ status: 'reading' });
    const source = fromFolder ? (files[0]?.webkitRelativePath.split('/')[0] ?? '') : (files[0]?.name ?? '');
    try {
      const reply = await planInWorker({
        files: await importFilesOf(files, fromFolder),
        fromFolder,
        source,
        entries: directory.entries,
        organizations: directory.organizations,
        shipped: { entryIds: directory.shippedEntryIds, organizationIds: directory.shippedOrganizationIds },
      });
      setStage(reply.kind === 'plan' ? { status: 'planned', plan: reply.plan, source } : { status: 'failed', source });
    } catch {
      // A file that cannot be read (moved or deleted since it was chosen): nothing was written.
      setStage({ status: 'failed', source });
    }
  }

  async function apply(plan: ImportPlan, source: string) {
    setStage({ status: 'planned', plan, source, saving: true });
    try {
      await saveOwnRecords(
        store,
        [...plan.toAdd, ...plan.toUpdate.map((update) => update.after)],
        [...plan.organizations.toAdd, ...plan.organizations.toUpdate.map((update) => update.after)],
        'imported',
      );
      await reload();
      setStage({ status: 'done', added: plan.toAdd.length, updated: plan.toUpdate.length });
    } catch {
      setStage({ status: 'planned', plan, source, saveFailed: true });
    }
  }

  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} href="/">
        {t('entry.back')}
      </Anchor>
      <Title order={1} tabIndex={-1}>
        {t('import.title')}
      </Title>
      <Text className="prose">{t('import.intro')}</Text>
      <Group>
        <FileButton onChange={(file) => void choose(file === null ? [] : [file], false)} accept=".json,.zip,application/json,application/zip">
          {(props) => (
            <Button {...props} leftSection={<IconFile size={18} aria-hidden />}>
              {t('import.chooseFile')}
            </Button>
          )}
        </FileButton>
        <FileButton onChange={(files) => void choose(files, true)} multiple inputProps={folderInput}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFolder size={18} aria-hidden />}>
              {t('import.chooseFolder')}
            </Button>
          )}
        </FileButton>
      </Group>

      <div aria-live="polite">
        {stage.status === 'reading' && (
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text>{t('import.reading')}</Text>
          </Group>
        )}
        {stage.status === 'failed' && (
          <Alert color="red" title={t('import.failedTitle')} role="alert">
            <Text>{t('import.unreadable', { source: isolate(stage.source) })}</Text>
          </Alert>
        )}
        {stage.status === 'planned' && (
          <PlanView
            plan={stage.plan}
            source={stage.source}
            saving={stage.saving === true}
            saveFailed={stage.saveFailed === true}
            onImport={() => void apply(stage.plan, stage.source)}
            onCancel={() => setStage({ status: 'idle' })}
          />
        )}
        {stage.status === 'done' && (
          <Alert color="teal" title={t('import.doneTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text>{t('import.done', { added: stage.added, updated: stage.updated })}</Text>
              <Anchor component={Link} href="/">
                {t('import.showDirectory')}
              </Anchor>
            </Stack>
          </Alert>
        )}
      </div>
    </Stack>
  );
}

function PlanView({
  plan,
  source,
  saving,
  saveFailed,
  onImport,
  onCancel,
}: {
  plan: ImportPlan;
  source: string;
  saving: boolean;
  saveFailed: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('directory');
  // A problem or a note is a code with values; names among the values are isolated, as they may run the other way.
  const codedText = (key: string, values: Record<string, string | number> = {}) =>
    t(key, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? isolate(value) : value])));
  const problemText = (problem: ProblemDetail) => codedText(`import.problems.${problem.code}`, problem.values);
  const noteText = (note: ImportNote) => codedText(`import.notImported.${note.code}`, note.values);
  const readAs = plan.readAs === undefined ? null : <Text>{t('import.readAs', { version: plan.readAs })}</Text>;
  if (!plan.ok) {
    return (
      <Alert color="red" title={t('import.failedTitle')} role="alert">
        <Stack gap="sm">
          {readAs}
          <Text>{t('import.failedBody', { source, count: plan.errorCount })}</Text>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.file')}</Table.Th>
                <Table.Th>{t('import.row')}</Table.Th>
                <Table.Th>{t('import.field')}</Table.Th>
                <Table.Th>{t('import.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.errors.map((problem, i) => (
                <Table.Tr key={i}>
                  {/* Names from the file read left to right, in a cell aligned as the page is. */}
                  <Table.Td>
                    <span dir="ltr">{problem.file}</span>
                  </Table.Td>
                  <Table.Td>
                    <span dir="ltr">{problem.row ?? problem.path ?? '—'}</span>
                  </Table.Td>
                  <Table.Td>
                    <span dir="ltr">{problem.field ?? '—'}</span>
                  </Table.Td>
                  <Table.Td>{problemText(problem)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text>{t('import.failedTry')}</Text>
        </Stack>
      </Alert>
    );
  }
  const changes = plan.toAdd.length + plan.toUpdate.length + plan.organizations.toAdd.length + plan.organizations.toUpdate.length;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('import.planTitle', { source })}
      </Title>
      {readAs}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Count label={t('import.toAdd')} value={plan.toAdd.length} />
        <Count label={t('import.toUpdate')} value={plan.toUpdate.length} />
        <Count label={t('import.unchanged')} value={plan.unchanged.length} />
      </SimpleGrid>
      <Text size="sm">{t('import.organizations', { added: plan.organizations.toAdd.length, updated: plan.organizations.toUpdate.length })}</Text>
      <EntryList title={t('import.listAdd')} entries={plan.toAdd} />
      <EntryList title={t('import.listUpdate')} entries={plan.toUpdate.map((update) => update.after)} />
      {plan.notes.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('import.notes')}</Text>
          <List size="sm">
            {plan.notes.map((note, i) => (
              <List.Item key={i}>{noteText(note)}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {saveFailed && (
        <Alert color="red" role="alert">
          {t('import.saveFailed')}
        </Alert>
      )}
      {changes === 0 ? <Alert color="gray">{t('import.nothingNew')}</Alert> : <Text>{t('import.nothingYet')}</Text>}
      <Group>
        {changes > 0 && (
          <Button onClick={onImport} loading={saving}>
            {t('import.apply', { count: plan.toAdd.length + plan.toUpdate.length })}
          </Button>
        )}
        <Button variant="default" onClick={onCancel} disabled={saving}>
          {t('import.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

function EntryList({ title, entries }: { title: string; entries: DirectoryEntry[] }) {
  const { t } = useTranslation('directory');
  const labels = useLabels();
  if (entries.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      <List size="sm">
        {entries.slice(0, listLimit).map((entry) => (
          <List.Item key={entry.id}>
            <bdi>{entry.name}</bdi>
            {entry.countries.length > 0 && ` (${entry.countries.map(labels.area).join(', ')})`}
          </List.Item>
        ))}
      </List>
      {entries.length > listLimit && <Text size="sm">{t('import.andMore', { count: entries.length - listLimit })}</Text>}
    </Stack>
  );
}
