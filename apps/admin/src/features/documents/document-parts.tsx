import { Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled section of a printed document, with its count when it lists records. */
export function DocumentSection({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section>
      <Title order={3} fz="h5" mt="md" mb={6}>
        {title}
        {count !== undefined && (
          <Text span c="dimmed" fz="sm" fw={400}>
            {' '}
            ({count})
          </Text>
        )}
      </Title>
      {children}
    </section>
  );
}

/** The row a document's table shows when it has nothing to list. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** A document's table with its header row: `label` names it for assistive technology. */
export function DocumentTable({
  label,
  headers,
  fz,
  children,
}: {
  label: string;
  headers: readonly string[];
  fz?: string;
  children: ReactNode;
}) {
  return (
    <Table aria-label={label} verticalSpacing={4} fz={fz}>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h, i) => (
            <Table.Th key={i}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
