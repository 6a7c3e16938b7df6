import { Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { HeaderRow } from './header-row';
import { Loaded } from './loaded';
import { Pager } from './pager';

/**
 * A work list read a page at a time: a line that sums it up, the table when
 * there is anything in it, and the pages. `method` names the query (the
 * contract method), so saving a change elsewhere can refresh it.
 */
export function PagedList<D extends { total: number; items: unknown[] }>({ method, fetchPage, pageSize, summary, testId, columns, row, children }: {
  method: string;
  fetchPage: (page: number, pageSize: number) => Promise<D>;
  pageSize: number;
  summary: (data: D) => ReactNode;
  testId: string;
  columns: readonly string[];
  /** One table row, with its key. */
  row: (item: D['items'][number]) => ReactNode;
  /** Below the list, such as the dialog a row opens. */
  children?: ReactNode;
}) {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [method, page], queryFn: () => fetchPage(page, pageSize) });
  return (
    <Loaded query={list}>
      {(data) => (
        <Stack>
          {summary(data)}
          {data.total > 0 && (
            <Table withTableBorder striped data-testid={testId}>
              <HeaderRow labels={columns} />
              <Table.Tbody>{data.items.map((item) => row(item))}</Table.Tbody>
            </Table>
          )}
          <Pager total={data.total} pageSize={pageSize} page={page} onChange={setPage} />
          {children}
        </Stack>
      )}
    </Loaded>
  );
}
