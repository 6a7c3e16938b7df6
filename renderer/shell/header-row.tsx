import { Table } from '@mantine/core';

/** A table's head: one column title each (an empty title for an actions column). */
export function HeaderRow({ labels }: { labels: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label, i) => <Table.Th key={i}>{label}</Table.Th>)}
      </Table.Tr>
    </Table.Thead>
  );
}
