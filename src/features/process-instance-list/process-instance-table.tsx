import { Checkbox, DataTableSkeleton, usePrefix } from '@carbon/react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';

import { ErrorNotification } from '../../components/error-notification';
import { useDelegatedRouterLinks } from '../../components/delegated-router-links';
import { VirtualTable } from '../../components/virtual-table';
import type { VirtualTableColumn, VirtualTableRange } from '../../components/virtual-table';
import { StaticTag } from '../../components/static-tag';
import { formatCamundaDate } from '../../lib/camunda-date';
import { hasFilters } from '../../lib/process-instance-query';
import {
  PROCESS_INSTANCE_PAGE_SIZE,
  processInstanceListQueries,
} from './process-instance-list-queries';
import type { ProcessInstanceListQuery, ProcessInstanceRow } from './process-instance-list-queries';

export const PROCESS_INSTANCE_TABLE_LABEL = 'Process instances';

/** Ticked rows, by instance id; kept by the owner, so they survive paging and filtering. */
export interface ProcessInstanceSelection {
  selectedIds: ReadonlySet<string>;
  onChange: (selectedIds: ReadonlySet<string>) => void;
}

/** How long the view rests on rows before their pages are fetched. */
const PAGE_FETCH_SETTLE_MS = 150;

interface ProcessInstanceTableProps {
  query: ProcessInstanceListQuery;
  /** Given: a first column of checkboxes, and one in its header for the rows of this page. */
  selection?: ProcessInstanceSelection;
}

/**
 * The instances of one list, server-side paged and virtualised: the count sizes the scroll area,
 * and only the pages under the viewport are fetched.
 *
 * One query per page (`useQueries` keyed by page index) rather than `useInfiniteQuery`: the count
 * is known up front, so the scrollbar covers the whole list and an operator may drag it straight
 * to row 40 000. An infinite query can only fetch its pages in sequence (all 800 before that one)
 * and refetches every loaded page together; per-page queries fetch exactly the pages in view, in
 * any order, and each is cached and refreshed on its own.
 */
export function ProcessInstanceTable({ query, selection }: ProcessInstanceTableProps) {
  const queryClient = useQueryClient();
  const links = useDelegatedRouterLinks();
  const count = useQuery(processInstanceListQueries.count(query));
  const restingPages = useRestingPages();
  const pages = useQueries({
    queries: restingPages.pageIndexes.map((pageIndex) =>
      processInstanceListQueries.page(query, pageIndex),
    ),
  });
  // "This page": the loaded pages under the viewport, the rows the operator can see.
  const pageRows = pages.flatMap((page) => page.data ?? []);
  const baseColumns = query.withIncidents === true ? COLUMNS_WITH_INCIDENTS : COLUMNS;
  // The same list while the view scrolls: only a change of the ticks or the pages under the
  // viewport renders every row again.
  const columns =
    selection === undefined ? baseColumns : [selectionColumn(selection, pageRows), ...baseColumns];

  if (count.isPending) {
    return (
      <DataTableSkeleton
        aria-label={`${PROCESS_INSTANCE_TABLE_LABEL} (loading)`}
        headers={COLUMNS_FOR_SKELETON}
        columnCount={COLUMNS_FOR_SKELETON.length}
        rowCount={5}
        showHeader={false}
        showToolbar={false}
      />
    );
  }
  if (count.error !== null) {
    return (
      <ErrorNotification title="The process instances could not be loaded" error={count.error} />
    );
  }
  if (count.data === 0) {
    return (
      <p className="process-instance-table__empty">
        {hasFilters(query)
          ? 'No running instances match these filters.'
          : 'This process definition has no running instances.'}
      </p>
    );
  }

  // A new function whenever this renders, i.e. when a page under the viewport has loaded: the
  // table then looks its rows up again.
  const getRow = rowLookup(queryClient, query);
  const pageError = pages.find((page) => page.error !== null)?.error;

  return (
    // The instance links are plain anchors, their clicks and preloading handled here.
    <div className="process-instance-table" {...links}>
      {pageError !== undefined && (
        <ErrorNotification title="Some process instances could not be loaded" error={pageError} />
      )}
      <VirtualTable
        label={PROCESS_INSTANCE_TABLE_LABEL}
        columns={columns}
        rowCount={count.data}
        getRow={getRow}
        getRowKey={getRowKey}
        onRangeChange={restingPages.onRangeChange}
      />
    </div>
  );
}

/**
 * The pages under the viewport once it has rested on them for `PAGE_FETCH_SETTLE_MS`: dragging or
 * wheeling through 100 000 rows would otherwise ask for every page passed on the way, and the
 * engine answers them one by one after the operator has long arrived. Kept out of React state
 * until then, so the table scrolls without rendering its owner.
 */
function useRestingPages(): {
  pageIndexes: readonly number[];
  onRangeChange: (range: VirtualTableRange) => void;
} {
  const [pageIndexes, setPageIndexes] = useState<readonly number[]>([0]);
  const pending = useRef<{ key: string; timer?: ReturnType<typeof setTimeout> }>({ key: '0' });
  const onRangeChange = useCallback((range: VirtualTableRange) => {
    const next = toPageIndexes(range);
    const key = next.join(',');
    // A range within the same pages keeps the wait running.
    if (key === pending.current.key) {
      return;
    }
    clearTimeout(pending.current.timer);
    pending.current = {
      key,
      timer: setTimeout(() => {
        setPageIndexes(next);
      }, PAGE_FETCH_SETTLE_MS),
    };
  }, []);
  useEffect(
    () => () => {
      clearTimeout(pending.current.timer);
    },
    [],
  );
  return { pageIndexes, onRangeChange };
}

/**
 * The rows of every page in the cache, fetched or not while the view rests on it, so pages seen
 * before show at once. The table asks for each row while it renders, so scrolling does not render
 * `ProcessInstanceTable` every frame; each page is looked up once, not once per row and frame.
 */
function rowLookup(
  queryClient: QueryClient,
  query: ProcessInstanceListQuery,
): (index: number) => ProcessInstanceRow | undefined {
  const pages = new Map<number, ProcessInstanceRow[] | undefined>();
  return (index) => {
    const pageIndex = Math.floor(index / PROCESS_INSTANCE_PAGE_SIZE);
    if (!pages.has(pageIndex)) {
      pages.set(
        pageIndex,
        queryClient.getQueryData(processInstanceListQueries.page(query, pageIndex).queryKey),
      );
    }
    return pages.get(pageIndex)?.[index % PROCESS_INSTANCE_PAGE_SIZE];
  };
}

function getRowKey(row: ProcessInstanceRow): string {
  return row.id;
}

function toPageIndexes({ startIndex, endIndex }: VirtualTableRange): number[] {
  const first = Math.floor(startIndex / PROCESS_INSTANCE_PAGE_SIZE);
  const last = Math.floor(endIndex / PROCESS_INSTANCE_PAGE_SIZE);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function selectionColumn(
  { selectedIds, onChange }: ProcessInstanceSelection,
  pageRows: readonly ProcessInstanceRow[],
): VirtualTableColumn<ProcessInstanceRow> {
  const selectedOnPage = pageRows.filter((row) => selectedIds.has(row.id)).length;
  const toggle = (ids: readonly string[], checked: boolean) => {
    const next = new Set(selectedIds);
    for (const id of ids) {
      if (checked) {
        next.add(id);
      } else {
        next.delete(id);
      }
    }
    onChange(next);
  };
  return {
    key: 'select',
    header: 'Select',
    width: '4rem',
    renderHeader: () => (
      <Checkbox
        id="process-instance-select-page"
        labelText={`Select all ${String(pageRows.length)} rows on this page`}
        hideLabel
        disabled={pageRows.length === 0}
        checked={pageRows.length > 0 && selectedOnPage === pageRows.length}
        indeterminate={selectedOnPage > 0 && selectedOnPage < pageRows.length}
        onChange={(_, { checked }) => {
          toggle(
            pageRows.map(({ id }) => id),
            checked,
          );
        }}
      />
    ),
    renderCell: (row) => (
      <Checkbox
        id={`process-instance-select-${row.id}`}
        labelText={`Select instance ${row.businessKey ?? row.id}`}
        hideLabel
        checked={selectedIds.has(row.id)}
        onChange={(_, { checked }) => {
          toggle([row.id], checked);
        }}
      />
    ),
  };
}

/**
 * A link to the instance's page: a plain anchor with Carbon's link style, whose clicks and
 * preloading the table handles (`useDelegatedRouterLinks`); rows mount by the dozen per frame
 * while the table scrolls, and a `RouterLink` each would subscribe to the router.
 */
function InstanceLink({ id }: { id: string }) {
  const prefix = usePrefix();
  const router = useRouter();
  const { href } = router.buildLocation({
    to: '/process-instances/$processInstanceId',
    params: { processInstanceId: id },
  });
  return (
    <a className={`${prefix}--link`} href={href}>
      {id}
    </a>
  );
}

function StateCell({ row, hasIncident }: { row: ProcessInstanceRow; hasIncident: boolean }) {
  return (
    <>
      {row.suspended ? (
        <StaticTag type="warm-gray">Suspended</StaticTag>
      ) : (
        <StaticTag type="green">Active</StaticTag>
      )}
      {hasIncident && <StaticTag type="red">Incident</StaticTag>}
    </>
  );
}

function columns(hasIncident: boolean): VirtualTableColumn<ProcessInstanceRow>[] {
  return [
    {
      key: 'id',
      header: 'Instance id',
      width: '38%',
      renderCell: (row) => <InstanceLink id={row.id} />,
    },
    {
      key: 'businessKey',
      header: 'Business key',
      width: '22%',
      renderCell: (row) => row.businessKey ?? '–',
    },
    {
      key: 'state',
      header: 'State',
      width: '18%',
      // With the `withIncident` filter on, every row has one: shown without a request per row.
      renderCell: (row) => <StateCell row={row} hasIncident={hasIncident} />,
    },
    {
      key: 'startTime',
      header: 'Start time',
      width: '22%',
      renderCell: (row) =>
        row.startTime === null ? (
          '–'
        ) : (
          <time dateTime={row.startTime}>{formatCamundaDate(row.startTime)}</time>
        ),
    },
  ];
}

const COLUMNS = columns(false);
const COLUMNS_WITH_INCIDENTS = columns(true);
const COLUMNS_FOR_SKELETON = COLUMNS.map(({ key, header }) => ({ key, header }));
