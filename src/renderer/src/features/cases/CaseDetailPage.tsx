import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { ExportPdfButton } from '../export';
import { Anchor, Button, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconEdit, IconSend, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { changeCaseStatus, isChildAtIdentification, type CaseRecord, type CaseStatus } from '@shared/cases';
import { useSettings } from '../../app/SettingsProvider';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { CaseChecklistsPanel, ScreeningSummaryPanel } from '../checklists';
import { CaseAttachmentsPanel } from '../attachments';
import { CaseFollowUpsPanel } from '../followups';
import { CaseNotFound } from './CaseNotFound';
import { formatDay, useCountryOptions, useDateFormats } from './labels';
import { NotesPanel } from './NotesPanel';
import { CasesLoadState, PageTitle, StatusBadge } from './Parts';
import { useCases } from './repository';

export function CaseDetailPage({ caseId }: { caseId: string }) {
  // The checklist tabs' texts load with the page: loading them on opening a tab would blank the page
  // for a moment and drop the keyboard focus from the tab.
  const { t } = useTranslation(['cases', 'checklists', 'followups', 'attachments']);
  const { repository, snapshot } = useCases();
  const record = snapshot.byId.get(caseId);

  // Checklists are edited in their own panel: on leaving, their answers go into the search index.
  useEffect(() => () => void repository.refreshIndexOf(caseId), [repository, caseId]);

  if (snapshot.status === 'error') return <CasesLoadState title={t('title')} status="error" onRetry={() => void repository.load()} />;
  // Right after unlock only the newest cases are in memory: any other is still being read.
  if (!record) return snapshot.complete ? <CaseNotFound /> : <CasesLoadState title={t('title')} status="loading" onRetry={() => void repository.load()} />;
  return <CaseView record={record} />;
}

/** The next steps a status allows, in the order they are offered. */
const statusActions: Record<CaseStatus, ReadonlyArray<{ to: CaseStatus; key: string; icon: ReactNode }>> = {
  open: [
    { to: 'referred', key: 'markReferred', icon: <IconSend size={18} aria-hidden className="mirror-in-rtl" /> },
    { to: 'closed', key: 'close', icon: <IconCircleCheck size={18} aria-hidden /> },
  ],
  referred: [
    { to: 'closed', key: 'close', icon: <IconCircleCheck size={18} aria-hidden /> },
    { to: 'open', key: 'reopen', icon: <IconArrowBackUp size={18} aria-hidden className="mirror-in-rtl" /> },
  ],
  closed: [{ to: 'open', key: 'reopen', icon: <IconArrowBackUp size={18} aria-hidden className="mirror-in-rtl" /> }],
};

function CaseView({ record }: { record: CaseRecord }) {
  const { t } = useTranslation('cases');
  const { repository } = useCases();
  const { settings } = useSettings();
  const { date } = useDateFormats();
  const [deleting, setDeleting] = useState(false);
  // The tab chosen here, for the address it was chosen at: a new address (a follow-up's link) opens its own tab again.
  const [chosenTab, setChosenTab] = useState<{ search: string | null; value: string | null }>({ search: null, value: null });
  // Files dropped anywhere on the case page go to its Files tab, to be confirmed there; a new drop mounts the panel afresh.
  const [dropped, setDropped] = useState<{ files: File[]; drop: number }>({ files: [], drop: 0 });
  const actions = useRef<HTMLDivElement>(null);
  const focusActions = useRef(false);

  // The button pressed goes away with the old status: focus moves to the first step the new one offers.
  useEffect(() => {
    if (!focusActions.current) return;
    focusActions.current = false;
    if (document.activeElement === document.body || document.activeElement === null) actions.current?.querySelector('button')?.focus();
  }, [record.status]);
  const caseContext = { isChild: isChildAtIdentification(record), country: record.profile.countriesOfExploitation[0] ?? settings.homeCountry };
  // A follow-up's link opens the case on its note (?note=) or on a checklist at a question (?checklist=&item=).
  const search = useSearch();
  const target = new URLSearchParams(search);
  const noteId = target.get('note');
  const checklistId = target.get('checklist');

  const statusChange = useAction(
    async (status: CaseStatus) => {
      focusActions.current = true;
      await repository.saveCase(changeCaseStatus(record, status, new Date().toISOString()));
    },
    () => {
      focusActions.current = false;
      return { title: t('detail.statusFailedTitle'), text: t('detail.statusFailed') };
    },
  );

  return (
    <Stack
      gap="lg"
      onDragOver={(event) => event.dataTransfer.types.includes('Files') && event.preventDefault()}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setDropped((before) => ({ files: [...event.dataTransfer.files], drop: before.drop + 1 }));
        setChosenTab({ search, value: 'files' });
      }}
    >
      <Anchor component={Link} href="/" size="sm">
        {t('actions.backToList')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <PageTitle>
            <bdi>{record.code}</bdi>
          </PageTitle>
          <StatusBadge status={record.status} label={t(`status.${record.status}`)} />
        </Group>
        <Text c={record.alias ? undefined : 'dimmed'}>{record.alias ? t('detail.alias', { alias: record.alias }) : t('detail.noAlias')}</Text>
      </Stack>
      <Group gap="sm" ref={actions}>
        {statusActions[record.status].map((action) => (
          <Button key={action.to} variant="default" leftSection={action.icon} onClick={() => void statusChange.run(action.to)}>
            {t(`actions.${action.key}`)}
          </Button>
        ))}
        <Button component={Link} href={`/${record.id}/edit`} variant="default" leftSection={<IconEdit size={18} aria-hidden />}>
          {t('actions.edit')}
        </Button>
        <ExportPdfButton kind="caseSummary" caseId={record.id} caseContext={caseContext} />
        <Button variant="outline" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDeleting(true)}>
          {t('actions.delete')}
        </Button>
      </Group>
      <OutcomeAlert outcome={statusChange.outcome} />
      <section aria-labelledby="case-status-history">
        <Title order={2} size="h4" id="case-status-history" mb="xs">
          {t('detail.statusHistory')}
        </Title>
        <Stack component="ol" gap={2} m={0} ps="lg">
          {record.statusHistory.map((change) => (
            <Text component="li" key={`${change.status}-${change.date}`} size="sm">
              {t('detail.statusChange', { status: t(`status.${change.status}`), date: date(change.date) })}
            </Text>
          ))}
        </Stack>
      </section>
      <Tabs
        key={search}
        value={chosenTab.search === search ? chosenTab.value : checklistId ? 'checklists' : 'notes'}
        onChange={(value) => setChosenTab({ search, value })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="profile">{t('tabs.profile')}</Tabs.Tab>
          <Tabs.Tab value="notes">{t('tabs.notes')}</Tabs.Tab>
          <Tabs.Tab value="checklists">{t('tabs.checklists')}</Tabs.Tab>
          <Tabs.Tab value="followUps">{t('panel.title', { ns: 'followups' })}</Tabs.Tab>
          <Tabs.Tab value="files">{t('panel.title', { ns: 'attachments' })}</Tabs.Tab>
          <Tabs.Tab value="screening">{t('tabs.screening')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <ProfileView record={record} />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <NotesPanel caseId={record.id} code={record.code} focusNoteId={noteId} />
        </Tabs.Panel>
        <Tabs.Panel value="checklists" pt="md">
          <CaseChecklistsPanel caseId={record.id} caseContext={caseContext} openChecklistId={checklistId} focusItemId={target.get('item')} />
        </Tabs.Panel>
        <Tabs.Panel value="followUps" pt="md">
          {/* The panel's code loads on first use, under its tab, so the page stays as it is meanwhile. */}
          <Suspense fallback={<Loader size="sm" role="status" aria-label={t('app.loading', { ns: 'translation' })} />}>
            <CaseFollowUpsPanel caseId={record.id} countriesOfExploitation={record.profile.countriesOfExploitation} onChange={() => void repository.refreshIndexOf(record.id)} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <Suspense fallback={<Loader size="sm" role="status" aria-label={t('app.loading', { ns: 'translation' })} />}>
            <CaseAttachmentsPanel key={dropped.drop} caseId={record.id} dropped={dropped.files} onChange={() => void repository.refreshIndexOf(record.id)} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="screening" pt="md">
          <ScreeningSummaryPanel caseId={record.id} caseContext={caseContext} />
        </Tabs.Panel>
      </Tabs>
      <DeleteCaseDialog record={record} opened={deleting} onClose={() => setDeleting(false)} />
    </Stack>
  );
}

function ProfileView({ record }: { record: CaseRecord }) {
  const { t } = useTranslation('cases');
  const { nameOf } = useCountryOptions();
  const { date } = useDateFormats();
  const { profile, consent } = record;
  const unknown = (
    <Text span c="dimmed" inherit>
      {t('detail.notRecorded')}
    </Text>
  );
  const values = (list: string, items: readonly string[]) => (items.length > 0 ? items.map((item) => t(`values.${list}.${item}`)).join(', ') : unknown);
  const countries = (codes: readonly string[]) => (codes.length > 0 ? codes.map(nameOf).join(', ') : unknown);
  const yesNo = (agreed: boolean) => (agreed ? t('detail.agreed') : t('detail.notAgreed'));
  const rows: Array<[string, ReactNode]> = [
    [t('fields.assignedTo'), record.assignedTo || unknown],
    [t('fields.tags'), record.tags.length > 0 ? record.tags.join(', ') : unknown],
    [t('fields.gender'), profile.gender ? t(`values.genders.${profile.gender}`) : unknown],
    [t('fields.birthYear'), profile.birthYear ?? unknown],
    [t('fields.ageGroup'), profile.ageGroup ? t(`values.ageGroups.${profile.ageGroup}`) : unknown],
    [t('fields.citizenship'), countries(profile.citizenship)],
    [t('fields.identifiedOn'), profile.identifiedOn ? formatDay(date, profile.identifiedOn) : unknown],
    [t('fields.countriesOfOrigin'), countries(profile.countriesOfOrigin)],
    [t('fields.countriesOfTransit'), countries(profile.countriesOfTransit)],
    [t('fields.countriesOfExploitation'), countries(profile.countriesOfExploitation)],
    [t('fields.exploitationTypes'), values('exploitationTypes', profile.exploitationTypes)],
    [t('fields.labourSector'), profile.labourSector ? t(`values.labourSectors.${profile.labourSector}`) : unknown],
    [t('fields.methodsOfControl'), values('methodsOfControl', profile.methodsOfControl)],
    [t('fields.assistanceProvided'), values('assistance', profile.assistanceProvided)],
    [t('consent.record'), yesNo(consent.record)],
    [t('consent.refer'), yesNo(consent.refer)],
    [t('consent.share'), yesNo(consent.share)],
    [t('detail.opened'), date(record.createdAt)],
  ];
  return (
    <Table variant="vertical" withTableBorder aria-label={t('tabs.profile')}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={260}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Deleting cannot be undone, so the caseworker types the case code to confirm. */
function DeleteCaseDialog({ record, opened, onClose }: { record: CaseRecord; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { repository } = useCases();
  const [, navigate] = useLocation();
  return (
    <ConfirmDeleteDialog
      opened={opened}
      onClose={onClose}
      title={t('delete.title', { code: record.code })}
      body={t('delete.body', { code: record.code })}
      typeToConfirm={{ label: t('delete.typeCode', { code: record.code }), expected: record.code }}
      confirmLabel={t('delete.confirm')}
      cancelLabel={t('actions.cancel')}
      failedText={t('delete.failed')}
      onDelete={async () => {
        await repository.deleteCase(record.id);
        repository.leaveNotice({ kind: 'deleted', code: record.code });
        navigate('/');
      }}
    />
  );
}
