import { memo, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { Alert, Button, Group, Pagination, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconFolders, IconListCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from 'wouter';
import {
  caseStatuses,
  htcdsExploitationTypes,
  searchCases,
  sortCasesByUpdated,
  type CaseRecord,
  type CaseSearchFilters,
  type CaseStatus,
  type HtcdsExploitationType,
} from '@shared/cases';
import classes from './cases.module.css';
import { ExportDialog } from './ExportDialog';
import { useDateFormats, useValueOptions } from './labels';
import { CasesLoadState, PageTitle, StatusBadge } from './Parts';
import { casesPerPage, useCases, type CaseCounts } from './repository';

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

type FilterState = Pick<ListState, 'openedFrom' | 'openedTo' | 'status' | 'tag' | 'exploitationType'>;

const noCases: readonly CaseRecord[] = [];

/**
 * Rows rendered at once until the table has been measured: as many as fit between the filters
 * (the table never starts higher than about 400 px) and the bottom of the window, at 40 px a row.
 */
function rowsInViewAtFirst(): number {
  return Math.max(4, Math.ceil((window.innerHeight - 400) / 40));
}

/**
 * How many rows of the table body start above the bottom of the window: after a keystroke these
 * are rendered at once, the rest of the page once that has painted (see `useValueAfterPaint`), so
 * a keystroke costs only what can be seen. Measured once the table is there (`shown`), and again
 * when the window scrolls or resizes.
 */
function useRowsInView(body: RefObject<HTMLElement | null>, shown: boolean): number {
  const [rows, setRows] = useState(rowsInViewAtFirst);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      const element = body.current;
      const first = element?.firstElementChild;
      if (!element || !first) return;
      const height = first.getBoundingClientRect().height || 1;
      setRows(Math.max(1, Math.ceil((window.innerHeight - element.getBoundingClientRect().top) / height)));
    };
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    later();
    window.addEventListener('scroll', later, { capture: true, passive: true });
    window.addEventListener('resize', later);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', later, { capture: true });
      window.removeEventListener('resize', later);
    };
  }, [body, shown]);
  return rows;
}

/**
 * `value` as it was when the browser last painted, until a transition started after that paint
 * brings it up to date (and is dropped if `value` changes again first). For what is out of sight:
 * rendering it then never delays the paint of what is in sight, where React's own deferred render
 * (useDeferredValue) would run a slice of it before that paint.
 */
function useValueAfterPaint<T>(value: T): T {
  const [later, setLater] = useState(value);
  useEffect(() => {
    let timeout = 0;
    const frame = requestAnimationFrame(() => {
      timeout = window.setTimeout(() => startTransition(() => setLater(value)));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timeout);
    };
  }, [value]);
  return later;
}

// Marked once per page load: `npm run bench` measures unlock to this mark.
let listShownMarked = false;

/** Local calendar days to the instants the search compares with. */
function filtersOf(state: FilterState): CaseSearchFilters {
  const from = state.openedFrom ? new Date(`${state.openedFrom}T00:00:00`).toISOString() : undefined;
  const to = state.openedTo ? new Date(`${state.openedTo}T23:59:59.999`).toISOString() : undefined;
  return {
    ...(state.status !== 'all' && { statuses: [state.status] }),
    ...(state.tag !== null && { tag: state.tag }),
    ...(state.exploitationType !== null && { exploitationType: state.exploitationType }),
    ...((from || to) && { dateRange: { field: 'createdAt', from, to } }),
  };
}

/**
 * Typing in the search box re-renders this page on every keystroke, and what we aim at is under
 * 16 ms per keystroke with 10,000 cases. So the search returns ids and only the page shown becomes
 * records; every part a keystroke does not change (header, filters, table head, buttons,
 * pagination, export dialog) is memoised with stable props; and the rows below the window follow
 * once the rows in it have painted.
 */
export function CaseListPage({ state, onChange }: { state: ListState; onChange: Dispatch<SetStateAction<ListState>> }) {
  const { t } = useTranslation('cases');
  const { date } = useDateFormats();
  const { base } = useRouter();
  const { repository, snapshot } = useCases();
  const [exportOpen, setExportOpen] = useState(false);
  const [notice] = useState(() => repository.notice);
  useEffect(() => repository.clearNotice(), [repository]);
  const { cases, byId, counts, index, indexVersion, indexStage, unreadable, complete } = snapshot;
  const update = useCallback((patch: Partial<ListState>) => onChange((current) => ({ ...current, page: 1, ...patch })), [onChange]);
  const toggle = useCallback((id: string, on: boolean) => onChange((current) => ({ ...current, selected: withSelection(current.selected, [id], on) })), [onChange]);

  const tags = useMemo(() => [...new Set(cases.flatMap((record) => record.tags))].sort((a, b) => a.localeCompare(b)), [cases]);
  const { openedFrom, openedTo, status, tag, exploitationType } = state;
  const filters = useMemo(() => filtersOf({ openedFrom, openedTo, status, tag, exploitationType }), [openedFrom, openedTo, status, tag, exploitationType]);
  const filtering = state.query.trim() !== '' || Object.keys(filters).length > 0;

  // Ids of every matching case, most recently updated first. No index until every case is read,
  // a moment after the first paint. indexVersion is a dependency because the index changes in place.
  const matches = useMemo(() => (index && indexVersion > 0 ? searchCases(index, state.query, filters) : null), [index, indexVersion, state.query, filters]);
  const total = matches ? matches.length : counts.all;
  const pages = Math.max(1, Math.ceil(total / casesPerPage));
  const page = Math.min(state.page, pages);
  // Before every case is read only the newest are in memory: enough for the first page, unfiltered.
  const waiting = !matches && (filtering || page > 1);
  const shown = useMemo<readonly CaseRecord[]>(() => {
    if (matches) return matches.slice((page - 1) * casesPerPage, page * casesPerPage).flatMap((id) => byId.get(id) ?? []);
    return waiting ? noCases : sortCasesByUpdated(cases).slice(0, casesPerPage);
  }, [matches, page, byId, waiting, cases]);
  // The rows below the window and the pagination under them follow after the next paint: for that
  // moment they still show the previous results, out of sight.
  const body = useRef<HTMLTableSectionElement>(null);
  const rowsInView = useRowsInView(body, snapshot.status === 'ready');
  const laterRows = useValueAfterPaint(shown);
  const laterPages = useValueAfterPaint(pages);
  const labels = useMemo(() => rowLabels(t), [t]);

  // The header checkbox acts on the rows shown when it is clicked, without re-rendering the
  // table head for every new set of rows.
  const shownNow = useRef(shown);
  useLayoutEffect(() => {
    shownNow.current = shown;
  }, [shown]);
  const toggleShown = useCallback(
    (on: boolean) =>
      onChange((current) => ({
        ...current,
        selected: withSelection(
          current.selected,
          shownNow.current.map((record) => record.id),
          on,
        ),
      })),
    [onChange],
  );
  const selectedShown = shown.filter((record) => state.selected.has(record.id)).length;
  const clearSelection = useCallback(() => onChange((current) => ({ ...current, selected: new Set() })), [onChange]);
  const openExport = useCallback(() => setExportOpen(true), []);
  const closeExport = useCallback(() => setExportOpen(false), []);
  const changePage = useCallback((next: number) => onChange((current) => ({ ...current, page: next })), [onChange]);

  // The CSV holds the selected cases, else every match: worked out only while the dialog is open.
  const exported = useMemo(() => {
    if (!exportOpen) return { cases: noCases, scope: 'all' as const };
    const selected = cases.filter((record) => state.selected.has(record.id));
    if (selected.length > 0) return { cases: selected, scope: 'selected' as const };
    return { cases: (matches ?? []).flatMap((id) => byId.get(id) ?? []), scope: filtering ? ('filtered' as const) : ('all' as const) };
  }, [exportOpen, cases, state.selected, matches, byId, filtering]);

  useEffect(() => {
    if (snapshot.status === 'ready' && !listShownMarked) {
      performance.mark('waypoint:case-list-shown');
      listShownMarked = true;
    }
  }, [snapshot.status]);

  if (snapshot.status !== 'ready') {
    return <CasesLoadState title={t('title')} status={snapshot.status} onRetry={() => void repository.load()} />;
  }

  const deletedNotice = notice && (
    <Alert color="teal" role="status">
      {t('list.deleted', { code: notice.code })}
    </Alert>
  );

  if (counts.all === 0 && unreadable.length === 0) {
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
          <CaseListActions />
        </Stack>
      </Stack>
    );
  }

  const row = (record: CaseRecord, position: number) => (
    // Keyed by position: a keystroke that changes the results updates the rows in place instead
    // of replacing every one of them.
    <CaseRow key={position} record={record} href={`#${base}/${record.id}`} selected={state.selected.has(record.id)} onToggle={toggle} labels={labels} date={date} />
  );

  return (
    <Stack gap="lg">
      <CaseListHeader />
      {deletedNotice}
      <Stack gap="sm" component="section" aria-label={t('list.findCases')}>
        <TextInput
          type="search"
          label={t('list.search')}
          description={indexStage === 'full' ? t('list.searchHelp') : t('list.searchHelpPartial')}
          leftSection={searchIcon}
          value={state.query}
          onChange={(event) => update({ query: event.currentTarget.value })}
          maw={640}
        />
        <CaseFilters status={status} tag={tag} exploitationType={exploitationType} openedFrom={openedFrom} openedTo={openedTo} counts={counts} tags={tags} onChange={update} />
      </Stack>
      <Group justify="space-between">
        <Text role="status" aria-live="polite" fw={500}>
          {waiting ? t('loading') : filtering ? t('list.found', { count: total }) : t('list.total', { count: total })}
        </Text>
        <SelectionActions
          selected={state.selected.size}
          // Until every case is read, "all" would be only the newest.
          canExport={complete && cases.length > 0}
          onClear={clearSelection}
          onExport={openExport}
        />
      </Group>
      {/* Native overflow: a scroll area would measure the table again whenever its rows change. */}
      <Table.ScrollContainer minWidth={640} type="native">
        {/* Fixed layout: the column widths come from the head, so new results neither shift the
            columns nor make the browser lay out every row again. */}
        <Table {...tableLook} layout="fixed" aria-label={t('list.tableLabel')}>
          <CaseTableHead selection={selectedShown === 0 ? 'none' : selectedShown === shown.length ? 'all' : 'some'} onToggle={toggleShown} />
          {page === 1 && unreadable.length > 0 && (
            <Table.Tbody>
              {unreadable.map((id) => (
                <Table.Tr key={id} bg="var(--mantine-color-yellow-light)">
                  <Table.Td>
                    <IconAlertTriangle size={18} aria-hidden />
                  </Table.Td>
                  <Table.Td colSpan={5}>{t('list.unreadable')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          )}
          <Table.Tbody ref={body}>
            {shown.slice(0, rowsInView).map(row)}
            {/* Never past the current results: stale rows must not stand in for ones that are gone. */}
            {laterRows.slice(rowsInView, Math.max(rowsInView, shown.length)).map((record, position) => row(record, rowsInView + position))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!waiting && total === 0 && <Text c="dimmed">{t('list.noMatch')}</Text>}
      <CasePagination pages={laterPages} page={Math.min(page, laterPages)} onChange={changePage} />
      <ExportDialog opened={exportOpen} onClose={closeExport} cases={exported.cases} scope={exported.scope} />
    </Stack>
  );
}

const searchIcon = <IconSearch size={16} aria-hidden />;

function withSelection(selected: ReadonlySet<string>, ids: readonly string[], on: boolean): ReadonlySet<string> {
  const next = new Set(selected);
  for (const id of ids)
    if (on) next.add(id);
    else next.delete(id);
  return next;
}

const CaseListActions = memo(function CaseListActions() {
  const { t } = useTranslation('cases');
  return (
    <Group>
      <Button component={Link} href="/new" leftSection={<IconPlus size={18} aria-hidden />}>
        {t('list.newCase')}
      </Button>
      <Button component={Link} href="/templates" variant="default" leftSection={<IconListCheck size={18} aria-hidden />}>
        {t('list.templates')}
      </Button>
    </Group>
  );
});

const CaseListHeader = memo(function CaseListHeader() {
  const { t } = useTranslation('cases');
  return (
    <Group justify="space-between" align="flex-end">
      <PageTitle>{t('title')}</PageTitle>
      <CaseListActions />
    </Group>
  );
});

const SelectionActions = memo(function SelectionActions({
  selected,
  canExport,
  onClear,
  onExport,
}: {
  selected: number;
  canExport: boolean;
  onClear: () => void;
  onExport: () => void;
}) {
  const { t } = useTranslation('cases');
  return (
    <Group>
      {selected > 0 && (
        <Button variant="subtle" onClick={onClear}>
          {t('list.clearSelection', { count: selected })}
        </Button>
      )}
      <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} onClick={onExport} disabled={!canExport}>
        {t('list.export')}
      </Button>
    </Group>
  );
});

const CaseTableHead = memo(function CaseTableHead({ selection, onToggle }: { selection: 'none' | 'some' | 'all'; onToggle: (on: boolean) => void }) {
  const { t } = useTranslation('cases');
  // A check box is "some selected" only through its DOM property: there is no attribute for it.
  const indeterminate = useCallback(
    (box: HTMLInputElement | null) => {
      if (box) box.indeterminate = selection === 'some';
    },
    [selection],
  );
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th w={40}>
          <input
            type="checkbox"
            autoComplete="off"
            ref={indeterminate}
            className={classes.checkbox}
            aria-label={t('list.selectPage')}
            checked={selection === 'all'}
            onChange={(event) => onToggle(event.currentTarget.checked)}
          />
        </Table.Th>
        <Table.Th w="9rem">{t('fields.code')}</Table.Th>
        <Table.Th>{t('fields.alias')}</Table.Th>
        <Table.Th w="9rem">{t('fields.status')}</Table.Th>
        <Table.Th>{t('fields.tags')}</Table.Th>
        <Table.Th w="9rem">{t('list.updated')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
});

const CaseFilters = memo(function CaseFilters({
  status,
  tag,
  exploitationType,
  openedFrom,
  openedTo,
  counts,
  tags,
  onChange,
}: FilterState & { counts: CaseCounts; tags: readonly string[]; onChange: (patch: Partial<ListState>) => void }) {
  const { t } = useTranslation('cases');
  const exploitationOptions = useValueOptions('exploitationTypes', htcdsExploitationTypes);
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="case-status-filter">
          {t('list.statusFilter')}
        </Text>
        <SegmentedControl
          aria-labelledby="case-status-filter"
          value={status}
          onChange={(value) => onChange({ status: value as ListState['status'] })}
          data={[
            { value: 'all', label: t('list.allCount', { count: counts.all }) },
            // Statuses are counted once every case is decrypted (a moment after the first page): until then, names only.
            ...caseStatuses.map((each) => ({
              value: each,
              label: counts.byStatus ? t('list.statusCount', { status: t(`status.${each}`), count: counts.byStatus[each] }) : t(`status.${each}`),
            })),
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select label={t('list.tagFilter')} placeholder={t('list.any')} data={tags} value={tag} onChange={(value) => onChange({ tag: value })} searchable clearable />
        <Select
          label={t('list.exploitationFilter')}
          placeholder={t('list.any')}
          data={exploitationOptions}
          value={exploitationType}
          onChange={(value) => onChange({ exploitationType: value as HtcdsExploitationType | null })}
          searchable
          clearable
        />
        <TextInput type="date" label={t('list.openedFrom')} value={openedFrom} onChange={(event) => onChange({ openedFrom: event.currentTarget.value })} />
        <TextInput type="date" label={t('list.openedTo')} value={openedTo} onChange={(event) => onChange({ openedTo: event.currentTarget.value })} />
      </SimpleGrid>
    </>
  );
});

/**
 * Texts every row shows, translated once per language rather than in every row: a translation
 * costs about as much as rendering a cell.
 */
interface RowLabels {
  status: Record<CaseStatus, string>;
  noAlias: string;
  select: (code: string) => string;
}

function rowLabels(t: TFunction<'cases'>): RowLabels {
  return {
    status: Object.fromEntries(caseStatuses.map((status) => [status, t(`status.${status}`)])) as Record<CaseStatus, string>,
    noAlias: t('list.noAlias'),
    select: (code) => t('list.select', { code }),
  };
}

interface CaseRowProps {
  record: CaseRecord;
  /**
   * A plain hash link rather than wouter's Link, which subscribes every row to the location; the
   * browser's own hash change navigates the same way.
   */
  href: string;
  selected: boolean;
  onToggle: (id: string, on: boolean) => void;
  labels: RowLabels;
  /** The page's date format: a hook in every row would cost each row that mounts. */
  date: (iso: string) => string;
}

/** The case table's look: given to Mantine's Table, and followed by the rows' own markup. */
const tableLook = { striped: true, highlightOnHover: true } as const;

/**
 * What Mantine's Table.Tr and Table.Td render inside a table of `tableLook` (their classes and
 * data attributes), written by the rows themselves: seven Mantine components a row, for markup
 * that never changes, were much of what re-rendering a row cost.
 */
const rowMarkup = { className: `${Table.classes.tr} mantine-Table-tr`, 'data-with-row-border': true, 'data-striped': 'odd', 'data-hover': true } as const;
const cellClass = `${Table.classes.td} mantine-Table-td`;

/**
 * One case; renders again only when its case or its selection changes. Elements keep their place
 * from one case to the next (tags by position, the alias always a span), so a new case in the row
 * changes texts and attributes rather than adding and removing elements.
 */
const CaseRow = memo(function CaseRow({ record, href, selected, onToggle, labels, date }: CaseRowProps) {
  return (
    <tr {...rowMarkup}>
      <td className={cellClass}>
        <input
          type="checkbox"
          autoComplete="off"
          className={classes.checkbox}
          aria-label={labels.select(record.code)}
          checked={selected}
          onChange={(event) => onToggle(record.id, event.currentTarget.checked)}
        />
      </td>
      <td className={cellClass}>
        <a href={href} className={classes.code} dir="ltr">
          {record.code}
        </a>
      </td>
      <td className={cellClass}>
        <span className={record.alias ? undefined : classes.dimmed}>{record.alias || labels.noAlias}</span>
      </td>
      <td className={cellClass}>
        <StatusBadge status={record.status} label={labels.status[record.status]} />
      </td>
      <td className={cellClass}>
        <span className={classes.tags}>
          {record.tags.map((tag, at) => (
            <span key={at} className={classes.tag}>
              {tag}
            </span>
          ))}
        </span>
      </td>
      <td className={cellClass}>{date(record.updatedAt)}</td>
    </tr>
  );
});

const CasePagination = memo(function CasePagination({ pages, page, onChange }: { pages: number; page: number; onChange: (page: number) => void }) {
  const { t } = useTranslation('cases');
  if (pages <= 1) return null;
  return (
    <Pagination
      total={pages}
      value={page}
      onChange={onChange}
      getItemProps={(item) => ({ 'aria-label': t('list.page', { page: item }) })}
      getControlProps={(control) => ({ 'aria-label': t(`list.pageControl.${control}`) })}
      withEdges
    />
  );
});
