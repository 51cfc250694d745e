import { useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconFolders, IconListCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  caseStatuses,
  countCasesByStatus,
  htcdsExploitationTypes,
  searchCases,
  sortCasesByUpdated,
  type CaseRecord,
  type CaseSearchFilters,
  type CaseStatus,
  type HtcdsExploitationType,
} from '@shared/cases';
import { ExportDialog } from './ExportDialog';
import { useDateFormats, useValueOptions } from './labels';
import { CasesLoadState, PageTitle, StatusBadge } from './parts';
import { useCases } from './repository';

export interface ListState {
  query: string;
  status: CaseStatus | 'all';
  tag: string | null;
  exploitationType: HtcdsExploitationType | null;
  /** Opened between these calendar days (YYYY-MM-DD), inclusive; '' when not set. */
  openedFrom: string;
  openedTo: string;
  selected: ReadonlySet<string>;
  page: number;
}

export const initialListState: ListState = {
  query: '',
  status: 'all',
  tag: null,
  exploitationType: null,
  openedFrom: '',
  openedTo: '',
  selected: new Set(),
  page: 1,
};

const pageSize = 50;

// Marked once per page load: `npm run bench` measures unlock to this mark.
let listShownMarked = false;

/** Local calendar days to the instants the search compares with. */
function filtersOf(state: Pick<ListState, 'openedFrom' | 'openedTo' | 'status' | 'tag' | 'exploitationType'>): CaseSearchFilters {
  const from = state.openedFrom ? new Date(`${state.openedFrom}T00:00:00`).toISOString() : undefined;
  const to = state.openedTo ? new Date(`${state.openedTo}T23:59:59.999`).toISOString() : undefined;
  return {
    ...(state.status !== 'all' && { statuses: [state.status] }),
    ...(state.tag !== null && { tag: state.tag }),
    ...(state.exploitationType !== null && { exploitationType: state.exploitationType }),
    ...((from || to) && { dateRange: { field: 'createdAt', from, to } }),
  };
}

export function CaseListPage({ state, onChange }: { state: ListState; onChange: (state: ListState) => void }) {
  const { t } = useTranslation('cases');
  const { repository, snapshot } = useCases();
  const { date } = useDateFormats();
  const exploitationOptions = useValueOptions('exploitationTypes', htcdsExploitationTypes);
  const [exportOpen, setExportOpen] = useState(false);
  const [notice] = useState(() => repository.notice);
  useEffect(() => repository.clearNotice(), [repository]);
  const { cases, byId, index, indexVersion, indexStage, unreadable } = snapshot;
  const update = (patch: Partial<ListState>) => onChange({ ...state, page: 1, ...patch });

  const counts = useMemo(() => countCasesByStatus(cases), [cases]);
  const tags = useMemo(() => [...new Set(cases.flatMap((record) => record.tags))].sort((a, b) => a.localeCompare(b)), [cases]);
  const { openedFrom, openedTo, status, tag, exploitationType } = state;
  const filters = useMemo(
    () => filtersOf({ openedFrom, openedTo, status, tag, exploitationType }),
    [openedFrom, openedTo, status, tag, exploitationType],
  );
  const filtering = state.query.trim() !== '' || Object.keys(filters).length > 0;

  // Until the first index is built (right after the first paint), the list shows every case.
  // indexVersion is a dependency because the index changes in place.
  const results = useMemo<CaseRecord[]>(
    () => (index && indexVersion > 0 ? searchCases(index, state.query, filters).flatMap((id) => byId.get(id) ?? []) : sortCasesByUpdated(cases)),
    [index, indexVersion, cases, byId, state.query, filters],
  );

  useEffect(() => {
    if (snapshot.status === 'ready' && !listShownMarked) {
      performance.mark('waypoint:case-list-shown');
      listShownMarked = true;
    }
  }, [snapshot.status]);

  if (snapshot.status !== 'ready') {
    return <CasesLoadState title={t('title')} status={snapshot.status} onRetry={() => void repository.load()} />;
  }

  const pages = Math.max(1, Math.ceil(results.length / pageSize));
  const page = Math.min(state.page, pages);
  const shown = results.slice((page - 1) * pageSize, page * pageSize);
  const selectedCases = cases.filter((record) => state.selected.has(record.id));
  const toggle = (id: string, on: boolean) => {
    const selected = new Set(state.selected);
    if (on) selected.add(id);
    else selected.delete(id);
    onChange({ ...state, selected });
  };
  const allShownSelected = shown.length > 0 && shown.every((record) => state.selected.has(record.id));

  const actions = (
    <Group>
      <Button component={Link} href="/new" leftSection={<IconPlus size={18} aria-hidden />}>
        {t('list.newCase')}
      </Button>
      <Button component={Link} href="/templates" variant="default" leftSection={<IconListCheck size={18} aria-hidden />}>
        {t('list.templates')}
      </Button>
    </Group>
  );

  const deletedNotice = notice && (
    <Alert color="teal" role="status">
      {t('list.deleted', { code: notice.code })}
    </Alert>
  );

  if (cases.length === 0 && unreadable.length === 0) {
    return (
      <Stack gap="lg">
        <PageTitle>{t('title')}</PageTitle>
        {deletedNotice}
        <Stack align="center" gap="sm" py="xl" maw={560} mx="auto" ta="center">
          <IconFolders size={48} stroke={1.2} aria-hidden />
          <Title order={2} size="h3">
            {t('list.emptyTitle')}
          </Title>
          <Text c="dimmed">{t('list.emptyBody')}</Text>
          {actions}
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('title')}</PageTitle>
        {actions}
      </Group>
      {deletedNotice}
      <Stack gap="sm" component="section" aria-label={t('list.findCases')}>
        <TextInput
          type="search"
          label={t('list.search')}
          description={indexStage === 'full' ? t('list.searchHelp') : t('list.searchHelpPartial')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={state.query}
          onChange={(event) => update({ query: event.currentTarget.value })}
          maw={640}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="case-status-filter">
            {t('list.statusFilter')}
          </Text>
          <SegmentedControl
            aria-labelledby="case-status-filter"
            value={state.status}
            onChange={(value) => update({ status: value as ListState['status'] })}
            data={[
              { value: 'all', label: t('list.allCount', { count: cases.length }) },
              ...caseStatuses.map((status) => ({ value: status, label: t('list.statusCount', { status: t(`status.${status}`), count: counts[status] }) })),
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Select label={t('list.tagFilter')} placeholder={t('list.any')} data={tags} value={state.tag} onChange={(tag) => update({ tag })} searchable clearable />
          <Select
            label={t('list.exploitationFilter')}
            placeholder={t('list.any')}
            data={exploitationOptions}
            value={state.exploitationType}
            onChange={(value) => update({ exploitationType: value as HtcdsExploitationType | null })}
            searchable
            clearable
          />
          <TextInput type="date" label={t('list.openedFrom')} value={state.openedFrom} onChange={(event) => update({ openedFrom: event.currentTarget.value })} />
          <TextInput type="date" label={t('list.openedTo')} value={state.openedTo} onChange={(event) => update({ openedTo: event.currentTarget.value })} />
        </SimpleGrid>
      </Stack>
      <Group justify="space-between">
        <Text role="status" aria-live="polite" fw={500}>
          {filtering ? t('list.found', { count: results.length }) : t('list.total', { count: results.length })}
        </Text>
        <Group>
          {state.selected.size > 0 && (
            <Button variant="subtle" onClick={() => onChange({ ...state, selected: new Set() })}>
              {t('list.clearSelection', { count: state.selected.size })}
            </Button>
          )}
          <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} onClick={() => setExportOpen(true)} disabled={cases.length === 0}>
            {t('list.export')}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-label={t('list.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('list.selectPage')}
                  checked={allShownSelected}
                  indeterminate={!allShownSelected && shown.some((record) => state.selected.has(record.id))}
                  onChange={(event) => {
                    const selected = new Set(state.selected);
                    for (const record of shown) if (event.currentTarget.checked) selected.add(record.id);
                    else selected.delete(record.id);
                    onChange({ ...state, selected });
                  }}
                />
              </Table.Th>
              <Table.Th>{t('fields.code')}</Table.Th>
              <Table.Th>{t('fields.alias')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('fields.tags')}</Table.Th>
              <Table.Th>{t('list.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page === 1 &&
              unreadable.map((id) => (
                <Table.Tr key={id} bg="var(--mantine-color-yellow-light)">
                  <Table.Td>
                    <IconAlertTriangle size={18} aria-hidden />
                  </Table.Td>
                  <Table.Td colSpan={5}>{t('list.unreadable')}</Table.Td>
                </Table.Tr>
              ))}
            {shown.map((record) => (
              <Table.Tr key={record.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('list.select', { code: record.code })}
                    checked={state.selected.has(record.id)}
                    onChange={(event) => toggle(record.id, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} href={`/${record.id}`} fw={600} dir="ltr">
                    {record.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{record.alias || <Text span c="dimmed">{t('list.noAlias')}</Text>}</Table.Td>
                <Table.Td>
                  <StatusBadge status={record.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {record.tags.map((tag) => (
                      <Badge key={tag} variant="outline" color="gray" style={{ textTransform: 'none' }}>
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{date(record.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {results.length === 0 && <Text c="dimmed">{t('list.noMatch')}</Text>}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(next) => onChange({ ...state, page: next })}
          getItemProps={(item) => ({ 'aria-label': t('list.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`list.pageControl.${control}`) })}
          withEdges
        />
      )}
      <ExportDialog
        opened={exportOpen}
        onClose={() => setExportOpen(false)}
        cases={selectedCases.length > 0 ? selectedCases : results}
        scope={selectedCases.length > 0 ? 'selected' : filtering ? 'filtered' : 'all'}
      />
    </Stack>
  );
}
