import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@carbon/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

import './virtual-table.scss';

/** Carbon's `lg` table row; every row has exactly this height, so none needs measuring. */
export const VIRTUAL_TABLE_ROW_HEIGHT_PX = 48;
/** Rows rendered beyond each edge of the viewport: room for keyboard focus and fast scrolling. */
const OVERSCAN_ROWS = 10;

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
  columns: readonly VirtualTableColumn<Row>[];
  /** All rows, loaded or not: the scroll height is sized for this many. */
  rowCount: number;
  /** The row at `index`, or undefined while it is not loaded (its cells show placeholders). */
  getRow: (index: number) => Row | undefined;
  getRowKey: (row: Row) => string;
  /** Called when the rendered rows change, so the owner can load what is about to be seen. */
  onRangeChange: (range: VirtualTableRange) => void;
}

/**
 * A Carbon table inside a fixed-height scroll container that renders only the rows near the
 * viewport (TanStack Virtual), so a list of 100 000 rows costs as much as one of 50. Rows that are
 * not rendered are stood in for by two spacer rows; `aria-rowcount` and `aria-rowindex` tell
 * assistive technology the full size. Browsers cap an element's height (about 33 million px in
 * Chromium), so this holds some 700 000 rows.
 */
export function VirtualTable<Row>({
  label,
  columns,
  rowCount,
  getRow,
  getRowKey,
  onRangeChange,
}: VirtualTableProps<Row>) {
  const scrollElementRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design; this component does not memoise around it
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollElementRef.current,
    estimateSize: () => VIRTUAL_TABLE_ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
  });

  const items = virtualizer.getVirtualItems();
  const startIndex = items[0]?.index ?? 0;
  const endIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    onRangeChange({ startIndex, endIndex });
  }, [onRangeChange, startIndex, endIndex]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    // A scroll region holding focusable links is reachable by keyboard through them; the region
    // itself is focusable too, so it can be scrolled with the arrow keys before any row is loaded.
    <div
      className="virtual-table"
      ref={scrollElementRef}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
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
        {/* Not a live region (Carbon's default): scrolling would read out every row. */}
        <TableBody aria-live="off">
          {paddingTop > 0 && <SpacerRow height={paddingTop} columnCount={columns.length} />}
          {items.map((item) => {
            const row = getRow(item.index);
            return (
              <TableRow
                key={row === undefined ? `placeholder-${String(item.index)}` : getRowKey(row)}
                aria-rowindex={item.index + 2}
                aria-busy={row === undefined ? true : undefined}
              >
                {columns.map((column) => (
                  <TableCell key={column.key} className="virtual-table__cell">
                    {row === undefined ? (
                      <span className="virtual-table__placeholder" />
                    ) : (
                      column.renderCell(row)
                    )}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
          {paddingBottom > 0 && <SpacerRow height={paddingBottom} columnCount={columns.length} />}
        </TableBody>
      </Table>
    </div>
  );
}

function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr className="virtual-table__spacer" aria-hidden="true">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
}
