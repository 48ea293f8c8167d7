import { Box, Card, LoadingOverlay, Table, Text, UnstyledButton, type TableTrProps } from '@mantine/core';
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Cell,
  type ColumnDef,
  type Header,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CursorPagination, type ListTotal } from './CursorPagination.js';
import { ErrorAlert } from './ErrorAlert.js';
import type { ErrorLike } from './errors.js';
import { Loading } from './Loading.js';
import type { CursorPaging } from './use-cursor-stack.js';

/** A plain value of a cell: what sorting compares and an export writes (not what is rendered). */
export type CellValue = string | number | boolean | null | undefined;

/**
 * One column of a DataTable. `header` is plain text (a column header and, later, an export
 * heading); `value` is the cell's plain value and `cell` how it is shown (defaults to `value`).
 * A column sorts when it says how: `sortable` (the rows in hand, by `value`: a list complete in one
 * answer) or `sortField` (the server's sort field: a paged list asks the server, through the table's `sort`).
 */
export type DataColumn<Row> = {
  id: string;
  header: string;
  /** The header's accessible name where it shows no text (e.g. "Actions" over buttons). */
  headerLabel?: string;
  value?: (row: Row) => CellValue;
  cell?: (row: Row) => ReactNode;
  /** Keep the cell on one line (dates, references). */
  nowrap?: boolean;
  /** Monospace cell text (sequence numbers, ids). */
  mono?: boolean;
  /** Bold cell text (the name a row is known by). */
  bold?: boolean;
  /** Sorted in the browser by `value` (only for a list the server sends whole). */
  sortable?: boolean;
  /** Sorted by the server under this field of the list's sort enum (a paged list; needs the table's `sort`). */
  sortField?: string;
};

/** A server-side sort: one of the list's sort fields and a direction, as the API's `<List>Sort` input. */
export type TableSort = { field: string; direction: 'ASC' | 'DESC' };

/** The server-side sort a paged table shows and changes (the list hook sends it as the query's `sort`). */
export type DataTableSort = {
  value: TableSort;
  onChange: (sort: TableSort) => void;
};

/** What a list hook returns about its request; `refetch` becomes the error's retry. */
export type TableQuery = {
  fetching: boolean;
  error?: ErrorLike | null | undefined;
  refetch?: () => void;
  /** Whether a first answer arrived (default: there are rows). */
  loaded?: boolean;
};

/** Keyset pagination under the table: the page's cursor stack and the connection's pageInfo. */
export type DataTablePagination = {
  paging: Pick<CursorPaging, 'page' | 'hasPrevious' | 'next' | 'previous'>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined } | null | undefined;
  /** The connection's `totalCount` / `totalCountCapped`: "Page 2 of 7 · 312 in all". */
  total?: ListTotal | null | undefined;
  /** Rows per page, to tell the number of pages from the total. */
  pageSize?: number;
};

/** Rows with a string `id` are keyed by it; any other row says how it is keyed. */
type RowKeyProp<Row> = Row extends { id: string }
  ? { rowKey?: (row: Row) => string }
  : { rowKey: (row: Row) => string };

type Props<Row> = RowKeyProp<Row> & {
  /** The table's accessible name (and its pagination landmark's). */
  label: string;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  /** Shown in the one row of an empty table (not while loading or failed). */
  empty: ReactNode;
  /** The state of the query that fills the table (a list hook's result fits as it is). */
  query?: TableQuery;
  /**
   * With a label, a loader of that name stands in for the table until the first answer
   * (`query.loaded`, default: there are rows); without, the table stays under an overlay while fetching.
   */
  loadingLabel?: string;
  /** Makes each row open a page on click (links inside the row keep their own target). */
  rowHref?: (row: Row) => string;
  /** Extra attributes per row (a highlight colour, a data-* marker). */
  rowProps?: (row: Row) => TableTrProps & Record<`data-${string}`, string | undefined>;
  pagination?: DataTablePagination;
  /** The server-side sort of a paged list (columns with `sortField`); a new sort starts again at page 1. */
  sort?: DataTableSort;
  /** Inside a card of its own (default) or bare, inside a card of the page's. */
  withCard?: boolean;
  /** Below this width the table scrolls sideways. */
  minWidth?: number;
  verticalSpacing?: number | string;
  striped?: boolean;
  highlightOnHover?: boolean;
};

/** Each TanStack column carries the DataColumn it was made from. */
const columnOf = <Row,>(def: ColumnDef<Row, unknown>) => def.meta as DataColumn<Row>;

/**
 * Cells are rendered by calling the column's function, not through flexRender: flexRender mounts a
 * function as a component, and the columns are rebuilt each render, so every cell would remount.
 */
function renderCell<Row>(cell: Cell<Row, unknown>): ReactNode {
  const column = columnOf<Row>(cell.column.columnDef);
  if (column.cell) return column.cell(cell.row.original);
  // Read afresh, not TanStack's per-row value cache: a column's function may close over page state.
  const value = column.value?.(cell.row.original);
  return value === null || value === undefined || typeof value === 'boolean' ? '' : value;
}

function toColumnDef<Row>(column: DataColumn<Row>): ColumnDef<Row, CellValue> {
  return {
    id: column.id,
    header: column.header,
    accessorFn: (row) => column.value?.(row),
    enableSorting: Boolean(column.sortable),
    sortUndefined: 'last',
    meta: column,
  };
}

type AriaSort = 'ascending' | 'descending' | undefined;

/** Up, down, or both arrows dimmed: drawn, so the header's text stays its words alone. */
function SortIcon({ state }: { state: AriaSort }) {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <path d="M5 1 L9 5 H1 Z" fill="currentColor" opacity={state === 'ascending' ? 1 : state ? 0.15 : 0.35} />
      <path d="M5 11 L9 7 H1 Z" fill="currentColor" opacity={state === 'descending' ? 1 : state ? 0.15 : 0.35} />
    </svg>
  );
}

/** A header that sorts: a button named by its visible text, the state on the header cell (aria-sort). */
function SortHeader({ text, state, onSort }: { text: string; state: AriaSort; onSort: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={onSort}
      fw={700}
      fz="sm"
      title={t('pagination.sortBy', { column: text })}
      style={{ display: 'inline-flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}
    >
      {text}
      <SortIcon state={state} />
    </UnstyledButton>
  );
}

/**
 * The admin's one list table: typed columns over TanStack Table, rendered with Mantine, with the
 * loading, error and empty states and keyset pagination every list page shares.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  query = { fetching: false },
  loadingLabel,
  rowHref,
  rowProps,
  pagination,
  sort,
  withCard = true,
  minWidth,
  verticalSpacing,
  striped,
  highlightOnHover,
}: Props<Row>) {
  const navigate = useNavigate();
  const { fetching, error, refetch } = query;
  const loaded = query.loaded ?? rows.length > 0;
  // Client-side sorting of a complete list; a paged list's order is the server's (`sort`).
  const [sorting, setSorting] = useState<SortingState>([]);
  // The React Compiler is not used here; TanStack's table object is read afresh each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns: columns.map(toColumnDef),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: rowKey ?? ((row) => (row as { id: string }).id),
  });

  const onRowClick = rowHref
    ? (row: Row) => (event: MouseEvent<HTMLTableRowElement>) => {
        if ((event.target as HTMLElement).closest('a, button, input, select, textarea')) return;
        void navigate(rowHref(row));
      }
    : undefined;

  const body = (
    <Table
      aria-label={label}
      verticalSpacing={verticalSpacing}
      striped={striped}
      highlightOnHover={highlightOnHover ?? Boolean(rowHref)}
    >
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header) => {
              const column = columnOf<Row>(header.column.columnDef);
              const state = sortStateOf(header, sort);
              const onSort = sortAction(header, sort);
              return (
                <Table.Th
                  key={header.id}
                  aria-label={column.headerLabel}
                  aria-sort={onSort ? (state ?? 'none') : undefined}
                >
                  {onSort ? <SortHeader text={column.header} state={state} onSort={onSort} /> : column.header}
                </Table.Th>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {table.getRowModel().rows.map((row) => (
          <Table.Tr
            key={row.id}
            {...rowProps?.(row.original)}
            onClick={onRowClick?.(row.original)}
            style={rowHref ? { cursor: 'pointer' } : undefined}
          >
            {row.getVisibleCells().map((cell) => {
              const column = columnOf<Row>(cell.column.columnDef);
              return (
                <Table.Td
                  key={cell.id}
                  ff={column.mono ? 'monospace' : undefined}
                  fw={column.bold ? 500 : undefined}
                  style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                >
                  {renderCell(cell)}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
        {!fetching && !error && rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text size="sm" c="dimmed" ta="center" py="lg">
                {empty}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );

  const frame = (children: ReactNode) =>
    withCard ? (
      <Card withBorder radius="md" padding={0} pos="relative">
        {children}
      </Card>
    ) : (
      <Box mt="sm" pos="relative">
        {children}
      </Box>
    );

  return (
    <>
      <ErrorAlert error={error} {...(refetch ? { onRetry: refetch } : {})} />
      {loadingLabel && !loaded && fetching ? (
        <Loading label={loadingLabel} />
      ) : (
        frame(
          <>
            <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
            {minWidth ? <Table.ScrollContainer minWidth={minWidth}>{body}</Table.ScrollContainer> : body}
          </>,
        )
      )}
      {pagination && (
        <CursorPagination
          label={label}
          page={pagination.paging.page}
          hasPrevious={pagination.paging.hasPrevious}
          hasNext={Boolean(pagination.pageInfo?.hasNextPage && pagination.pageInfo.endCursor)}
          onPrevious={pagination.paging.previous}
          onNext={() => pagination.paging.next(pagination.pageInfo?.endCursor)}
          loading={fetching}
          total={pagination.total}
          pageSize={pagination.pageSize}
        />
      )}
    </>
  );
}

/** Where this header's column stands in the current order (server-side or in the browser). */
function sortStateOf<Row>(header: Header<Row, unknown>, sort: DataTableSort | undefined): AriaSort {
  const column = columnOf<Row>(header.column.columnDef);
  if (column.sortField && sort) {
    if (sort.value.field !== column.sortField) return undefined;
    return sort.value.direction === 'ASC' ? 'ascending' : 'descending';
  }
  const sorted = header.column.getIsSorted();
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
}

/** What clicking the header does: a new column sorts ascending, the same column turns the direction. */
function sortAction<Row>(header: Header<Row, unknown>, sort: DataTableSort | undefined): (() => void) | undefined {
  const column = columnOf<Row>(header.column.columnDef);
  if (column.sortField && sort) {
    const field = column.sortField;
    return () =>
      sort.onChange({
        field,
        direction: sort.value.field === field && sort.value.direction === 'ASC' ? 'DESC' : 'ASC',
      });
  }
  if (!header.column.getCanSort()) return undefined;
  return () => header.column.toggleSorting(header.column.getIsSorted() === 'asc');
}
