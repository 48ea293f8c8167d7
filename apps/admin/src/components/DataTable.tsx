import { Box, Card, LoadingOverlay, Table, Text, type TableTrProps } from '@mantine/core';
import { getCoreRowModel, useReactTable, type Cell, type ColumnDef } from '@tanstack/react-table';
import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { CursorPagination } from './CursorPagination.js';
import { ErrorAlert } from './ErrorAlert.js';
import type { ErrorLike } from './errors.js';
import { Loading } from './Loading.js';
import type { CursorPaging } from './use-cursor-stack.js';

/** A plain value of a cell: what sorting compares and an export writes (not what is rendered). */
export type CellValue = string | number | boolean | null | undefined;

/**
 * One column of a DataTable. `header` is plain text (a column header and, later, an export
 * heading); `value` is the cell's plain value and `cell` how it is shown (defaults to `value`).
 * Sorting and CSV export will be switched on per column from `value` (e.g. `sortable`, `export`).
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
    enableSorting: false,
    meta: column,
  };
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
  withCard = true,
  minWidth,
  verticalSpacing,
  striped,
  highlightOnHover,
}: Props<Row>) {
  const navigate = useNavigate();
  const { fetching, error, refetch } = query;
  const loaded = query.loaded ?? rows.length > 0;
  // The React Compiler is not used here; TanStack's table object is read afresh each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns: columns.map(toColumnDef),
    getCoreRowModel: getCoreRowModel(),
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
            {group.headers.map((header) => (
              <Table.Th key={header.id} aria-label={columnOf<Row>(header.column.columnDef).headerLabel}>
                {columnOf<Row>(header.column.columnDef).header}
              </Table.Th>
            ))}
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
        />
      )}
    </>
  );
}
