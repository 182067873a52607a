import { act, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { VIRTUAL_TABLE_ROW_HEIGHT_PX, VirtualTable } from './virtual-table';
import type { VirtualTableColumn, VirtualTableRange } from './virtual-table';

interface Order {
  key: string;
}

const COLUMNS: VirtualTableColumn<Order>[] = [
  { key: 'key', header: 'Business key', renderCell: (order) => order.key },
];
const ROWS = 10_000;
/** The first 100 orders are loaded; the rest are not. */
const getRow = (index: number): Order | undefined =>
  index < 100 ? { key: `ORD-${String(index + 1)}` } : undefined;

// jsdom lays nothing out: a 480px viewport over the rows.
const clientHeight = vi.spyOn(Element.prototype, 'clientHeight', 'get');
beforeAll(() => {
  clientHeight.mockReturnValue(480);
});
afterAll(() => {
  clientHeight.mockRestore();
});

function renderTable({
  columns = COLUMNS,
  rows = getRow,
  onRangeChange = () => undefined,
}: {
  columns?: VirtualTableColumn<Order>[];
  rows?: (index: number) => Order | undefined;
  onRangeChange?: (range: VirtualTableRange) => void;
} = {}) {
  render(
    <VirtualTable
      label="Orders"
      columns={columns}
      rowCount={ROWS}
      getRow={rows}
      getRowKey={(order) => order.key}
      onRangeChange={onRangeChange}
    />,
  );
  const region = screen.getByRole('region', { name: 'Orders' });
  const scrollTo = (rowIndex: number) => {
    Object.defineProperty(region, 'scrollTop', {
      configurable: true,
      value: rowIndex * VIRTUAL_TABLE_ROW_HEIGHT_PX,
    });
    act(() => {
      region.dispatchEvent(new Event('scroll'));
    });
  };
  return { table: screen.getByRole('table', { name: 'Orders' }), scrollTo };
}

describe('VirtualTable', () => {
  it('tells assistive technology that rows are loading while it is wheeled past them', () => {
    vi.useFakeTimers();
    try {
      const { table, scrollTo } = renderTable();
      expect(within(table).getByText('ORD-1')).toBeInTheDocument();

      // Far past the loaded rows: one busy row stands for all of them, with the same text in
      // every frame, so nothing but the scroll position changes while the wheel turns.
      scrollTo(5_000);
      expect(within(table).queryByText('ORD-1')).not.toBeInTheDocument();
      const [, body] = within(table).getAllByRole('rowgroup');
      expect(body).toHaveAttribute('aria-busy', 'true');
      expect(within(body as HTMLElement).getByText('Loading rows')).toBeInTheDocument();
      scrollTo(5_010);
      expect(within(body as HTMLElement).getByText('Loading rows')).toBeInTheDocument();

      // At rest, the rows in view say which they are.
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
      expect(within(table).getByText(/^Loading rows 50\d\d to 50\d\d$/)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the row with the keyboard focus while the table scrolls away from it and back', () => {
    const linked: VirtualTableColumn<Order>[] = [
      {
        key: 'key',
        header: 'Business key',
        renderCell: (order) => <a href={`#${order.key}`}>{order.key}</a>,
      },
    ];
    const ranges: VirtualTableRange[] = [];
    const { table, scrollTo } = renderTable({
      columns: linked,
      rows: (index) => ({ key: `ORD-${String(index + 1)}` }),
      onRangeChange: (range) => ranges.push(range),
    });
    const link = within(table).getByRole('link', { name: 'ORD-3' });
    act(() => {
      link.focus();
    });

    scrollTo(5_000);
    expect(within(table).getByRole('link', { name: 'ORD-5001' })).toBeInTheDocument();
    expect(link).toBeInTheDocument();
    expect(link).toHaveFocus();
    // In its place among all rows, for assistive technology, and not counted as seen: the rows
    // the owner loads are those around the viewport only.
    expect(within(table).getByRole('row', { name: 'ORD-3' })).toHaveAttribute('aria-rowindex', '4');
    expect(ranges.at(-1)?.startIndex).toBeGreaterThan(4_900);

    scrollTo(0);
    expect(link).toHaveFocus();
    expect(within(table).getAllByRole('link', { name: 'ORD-3' })).toHaveLength(1);

    // Once the focus has left the table, the row goes with the others.
    act(() => {
      link.blur();
    });
    scrollTo(5_000);
    expect(within(table).queryByRole('link', { name: 'ORD-3' })).not.toBeInTheDocument();
  });
});
