import { Table, TableBody, TableHead, TableHeader, TableRow } from '@carbon/react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range, VirtualItem } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { FocusEvent, ReactNode } from 'react';

import './virtual-table.scss';

/** Carbon's `lg` table row; every row has exactly this height, so none needs measuring. */
export const VIRTUAL_TABLE_ROW_HEIGHT_PX = 48;
/** Rows rendered beyond each edge of the viewport: room for keyboard focus and fast scrolling. */
const OVERSCAN_ROWS = 5;
/** How long after its last scroll event the table counts as resting (and takes the pointer). */
const SCROLL_REST_MS = 150;

export interface VirtualTableColumn<Row> {
  key: string;
  header: string;
  /** Header content other than text, e.g. a "select all" checkbox; `header` stays its name. */
  renderHeader?: () => ReactNode;
  /** CSS width of the column; the layout is fixed, so columns do not jump while scrolling. */
  width?: string;
  renderCell: (row: Row) => ReactNode;
}

/** The indexes of the first and last row rendered (overscan included). */
export interface VirtualTableRange {
  startIndex: number;
  endIndex: number;
}

interface VirtualTableProps<Row> {
  /** The accessible name of the table. */
  label: string;
  /** Kept by the owner from render to render (memoised): every row renders again when it changes. */
  columns: readonly VirtualTableColumn<Row>[];
  /** All rows, loaded or not: the scroll height is sized for this many. */
  rowCount: number;
  /**
   * The row at `index`, or undefined while it is not loaded (its cells show placeholders). A new
   * function when rows were loaded: the rendered rows are looked up again.
   */
  getRow: (index: number) => Row | undefined;
  getRowKey: (row: Row) => string;
  /** Called when the rendered rows change, so the owner can load what is about to be seen. */
  onRangeChange: (range: VirtualTableRange) => void;
}

/**
 * A Carbon table inside a fixed-height scroll container that renders only the rows near the
 * viewport (TanStack Virtual), so a list of 100 000 rows costs as much as one of 50, and the row
 * holding the keyboard focus. Rows that are not rendered are stood in for by spacer rows;
 * `aria-rowcount` and `aria-rowindex` tell assistive technology the full size. Browsers cap an
 * element's height (about 33 million px in Chromium), so this holds some 700 000 rows.
 *
 * Scrolling renders the body only (`VirtualTableBody`, once per frame): the table, its header and
 * every row that stays in view are left as they are.
 */
export function VirtualTable<Row>({
  label,
  columns,
  rowCount,
  getRow,
  getRowKey,
  onRangeChange,
}: VirtualTableProps<Row>) {
  // State, not a ref: the body's virtualizer looks for its scroll element in a layout effect,
  // which runs before React attaches the refs of the elements around it.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  usePointerOffWhileScrolling(scrollElement);
  return (
    // A scroll region holding focusable links is reachable by keyboard through them; the region
    // itself is focusable too, so it can be scrolled with the arrow keys before any row is loaded.
    <div
      className="virtual-table"
      ref={setScrollElement}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <PlaceholderStripes columns={columns} rowCount={rowCount} />
      <Table aria-label={label} aria-rowcount={rowCount + 1} className="virtual-table__table">
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <TableHead>
          <TableRow aria-rowindex={1}>
            {columns.map((column) => (
              <TableHeader key={column.key} scope="col">
                {column.renderHeader === undefined ? column.header : column.renderHeader()}
              </TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <VirtualTableBody
          scrollElement={scrollElement}
          columns={columns}
          rowCount={rowCount}
          getRow={getRow}
          getRowKey={getRowKey}
          onRangeChange={onRangeChange}
        />
      </Table>
    </div>
  );
}

/**
 * The placeholder of every row, drawn once behind the table: a table of the same columns whose
 * one row is as tall as all rows, striped (see the stylesheet). Rows still loading and the spacers
 * are transparent over it, so wheeling through rows not loaded yet repaints nothing: the stripes
 * were painted when the table was, and scroll with it as a plain page's content does.
 */
function PlaceholderStripes<Row>({
  columns,
  rowCount,
}: {
  columns: readonly VirtualTableColumn<Row>[];
  rowCount: number;
}) {
  return (
    <table className="virtual-table__stripes" aria-hidden="true">
      <colgroup>
        {columns.map((column) => (
          <col key={column.key} style={{ width: column.width }} />
        ))}
      </colgroup>
      <tbody>
        <tr>
          {columns.map((column) => (
            <td key={column.key} style={{ height: rowCount * VIRTUAL_TABLE_ROW_HEIGHT_PX }} />
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/**
 * While the table scrolls, its rows ignore the pointer (`virtual-table--scrolling`): rows passing
 * under a resting pointer would otherwise take and lose the hover every frame, each time
 * restyling and repainting a row and sending its links mouse events (which preload their routes).
 * The scroll container keeps the pointer, so the wheel and the scrollbar go on working. Set on the
 * element directly: scrolling does not render the table.
 */
function usePointerOffWhileScrolling(scrollElement: HTMLElement | null) {
  useEffect(() => {
    if (scrollElement === null) {
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      scrollElement.classList.add('virtual-table--scrolling');
      timer = setTimeout(() => {
        scrollElement.classList.remove('virtual-table--scrolling');
      }, SCROLL_REST_MS);
    };
    scrollElement.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      scrollElement.removeEventListener('scroll', onScroll);
      scrollElement.classList.remove('virtual-table--scrolling');
    };
  }, [scrollElement]);
}

interface VirtualTableBodyProps<Row> extends Omit<VirtualTableProps<Row>, 'label'> {
  scrollElement: HTMLDivElement | null;
}

function VirtualTableBody<Row>({
  scrollElement,
  columns,
  rowCount,
  getRow,
  getRowKey,
  onRangeChange,
}: VirtualTableBodyProps<Row>) {
  // The row holding the keyboard focus stays rendered, wherever the table scrolls: unmounted, its
  // focus would fall back to the page's body, and Tab would start again from the top.
  const focused = useRef<{ index: number; body: HTMLElement } | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    // Still holding the focus: the window losing it keeps `activeElement`, a click elsewhere
    // in the page does not.
    if (focused.current !== null && !focused.current.body.contains(document.activeElement)) {
      focused.current = null;
    }
    const index = focused.current?.index;
    if (index === undefined || index >= range.count || indexes.includes(index)) {
      return indexes;
    }
    return index < (indexes[0] ?? 0) ? [index, ...indexes] : [...indexes, index];
  }, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design; the rows below are memoised instead
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollElement,
    estimateSize: () => VIRTUAL_TABLE_ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
    rangeExtractor,
  });

  const items = virtualizer.getVirtualItems();
  // The rows around the viewport, without a focused row kept from elsewhere: what the owner loads.
  const visible = virtualizer.range;
  const near =
    visible === null
      ? items
      : items.filter(
          (item) =>
            item.index >= visible.startIndex - OVERSCAN_ROWS &&
            item.index <= visible.endIndex + OVERSCAN_ROWS,
        );
  const startIndex = near[0]?.index ?? 0;
  const endIndex = near.at(-1)?.index ?? 0;
  useEffect(() => {
    onRangeChange({ startIndex, endIndex });
  }, [onRangeChange, startIndex, endIndex]);

  const totalSize = virtualizer.getTotalSize();
  const runs = toRuns(items, getRow);
  const handleFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const row = event.target.closest('tr[aria-rowindex]');
    focused.current =
      row === null
        ? null
        : { index: Number(row.getAttribute('aria-rowindex')) - 2, body: event.currentTarget };
  };

  // Wheeling through rows not loaded yet: one busy row as tall as all rows, the same every frame,
  // so the frames change nothing in the page and the stripes behind it scroll as a plain page does.
  // The rows still loading get their own elements (which say which rows they are) once the
  // scrolling rests, or as soon as one of them has loaded.
  if (virtualizer.isScrolling && runs.every((run) => run.row === undefined)) {
    return (
      <TableBody aria-live="off" aria-busy>
        <tr className="virtual-table__loading" aria-busy>
          <td colSpan={columns.length} style={{ height: totalSize }}>
            <span className="cds--visually-hidden">Loading rows</span>
          </td>
        </tr>
      </TableBody>
    );
  }

  const body: ReactNode[] = [];
  let offset = 0;
  runs.forEach((run, position) => {
    // Rows not rendered, before this run: above the viewport, or between a focused row kept from
    // elsewhere and the viewport.
    if (run.start > offset) {
      body.push(
        <SpacerRow
          key={`spacer-${String(position)}`}
          height={run.start - offset}
          columnCount={columns.length}
        />,
      );
    }
    offset = run.end;
    body.push(
      run.row === undefined ? (
        // Keyed by place: wheeling through rows still loading keeps the same element, only its
        // rows and height change.
        <LoadingRows
          key={`loading-${String(position)}`}
          firstIndex={run.firstIndex}
          count={run.count}
          columnCount={columns.length}
        />
      ) : (
        // Keyed by what it shows: a loaded row, and the focus in it, stays with its instance.
        <VirtualTableRow
          key={getRowKey(run.row)}
          index={run.firstIndex}
          row={run.row}
          columns={columns}
        />
      ),
    );
  });
  if (totalSize > offset) {
    body.push(
      <SpacerRow key="spacer-end" height={totalSize - offset} columnCount={columns.length} />,
    );
  }

  return (
    // Not a live region (Carbon's default): scrolling would read out every row.
    <TableBody aria-live="off" onFocus={handleFocus}>
      {body}
    </TableBody>
  );
}

interface VirtualTableRowProps<Row> {
  index: number;
  row: Row;
  columns: readonly VirtualTableColumn<Row>[];
}

// Rows that stay in view while the table scrolls (or another page loads) are not rendered again.
const VirtualTableRow = memo(function VirtualTableRow<Row>({
  index,
  row,
  columns,
}: VirtualTableRowProps<Row>) {
  return (
    <tr aria-rowindex={index + 2}>
      {columns.map((column) => (
        <td key={column.key} className="virtual-table__cell">
          {column.renderCell(row)}
        </td>
      ))}
    </tr>
  );
}) as <Row>(props: VirtualTableRowProps<Row>) => ReactNode;

/** A loaded row, or consecutive rows still loading; `start` and `end` in px from the top. */
type Run<Row> = { firstIndex: number; start: number; end: number } & (
  { count: 1; row: Row } | { count: number; row?: undefined }
);

/** The rendered rows, each run of adjacent rows still loading taken together. */
function toRuns<Row>(
  items: readonly VirtualItem[],
  getRow: (index: number) => Row | undefined,
): Run<Row>[] {
  const runs: Run<Row>[] = [];
  for (const { index, start, end } of items) {
    const row = getRow(index);
    const last = runs.at(-1);
    if (row !== undefined) {
      runs.push({ firstIndex: index, start, end, count: 1, row });
    } else if (
      last !== undefined &&
      last.row === undefined &&
      last.firstIndex + last.count === index
    ) {
      last.count++;
      last.end = end;
    } else {
      runs.push({ firstIndex: index, start, end, count: 1 });
    }
  }
  return runs;
}

/**
 * Rows still loading, as one busy row as tall as they are, transparent over the placeholder
 * stripes behind the table (`PlaceholderStripes`): wheeling through thousands of rows not loaded
 * yet then changes a few heights per frame instead of laying out, styling and painting a row
 * element each.
 */
const LoadingRows = memo(function LoadingRows({
  firstIndex,
  count,
  columnCount,
}: {
  firstIndex: number;
  count: number;
  columnCount: number;
}) {
  const height = count * VIRTUAL_TABLE_ROW_HEIGHT_PX;
  return (
    <tr className="virtual-table__loading" aria-rowindex={firstIndex + 2} aria-busy>
      {Array.from({ length: columnCount }, (_, column) => (
        <td key={column} style={{ height }}>
          {column === 0 && (
            <span className="cds--visually-hidden">
              {count === 1
                ? `Loading row ${String(firstIndex + 1)}`
                : `Loading rows ${String(firstIndex + 1)} to ${String(firstIndex + count)}`}
            </span>
          )}
        </td>
      ))}
    </tr>
  );
});

function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr className="virtual-table__spacer" aria-hidden="true">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
}
