import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../api/client';
import { Loaded } from '../shell/loaded';
import { Pager } from '../shell/pager';
import { HeaderRow } from '../shell/header-row';

const PAGE_SIZE = 20;

/** 待跟踪联系: registrations whose first contact is due or overdue; the contact is recorded on the profile. */
export function FollowUpsList() {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['contacts.followUpsDue', page], queryFn: () => call('contacts.followUpsDue', { page, pageSize: PAGE_SIZE }) });
  return (
    <Loaded query={list}>
      {(data) => (
        <Stack>
          <Text>共 {data.total} 人待跟踪联系，其中 <Text span c="red" fw={700}>{data.overdue}</Text> 人已逾期（失业登记受理后5个工作日内应联系）。</Text>
          {data.total > 0 && (
            <Table withTableBorder striped data-testid="follow-ups">
              <HeaderRow labels={['姓名', '手机', '登记日期', '应联系日期', '']} />
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={i.caseId} bg={i.overdue ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td><Anchor component={Link} to={`/persons/${i.personId}`}>{i.personName}</Anchor></Table.Td>
                    <Table.Td>{i.phoneMasked ?? '—'}</Table.Td>
                    <Table.Td>{i.acceptedOn}</Table.Td>
                    <Table.Td>{i.followUpDue} {i.overdue && <Badge color="red" size="xs">已逾期</Badge>}</Table.Td>
                    <Table.Td><Button size="compact-xs" variant="light" component={Link} to={`/persons/${i.personId}`}>记录联系</Button></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </Stack>
      )}
    </Loaded>
  );
}
