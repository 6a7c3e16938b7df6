import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { call } from '../api/client';
import { PagedList } from '../shell/paged-list';

/** 待跟踪联系: registrations whose first contact is due or overdue; the contact is recorded on the profile. */
export function FollowUpsList() {
  return (
    <PagedList
      method="contacts.followUpsDue"
      fetchPage={(page, pageSize) => call('contacts.followUpsDue', { page, pageSize })}
      pageSize={20}
      summary={(data) => <Text>共 {data.total} 人待跟踪联系，其中 <Text span c="red" fw={700}>{data.overdue}</Text> 人已逾期（失业登记受理后5个工作日内应联系）。</Text>}
      testId="follow-ups"
      columns={['姓名', '手机', '登记日期', '应联系日期', '']}
      row={(i) => (
        <Table.Tr key={i.caseId} bg={i.overdue ? 'var(--mantine-color-red-light)' : undefined}>
          <Table.Td><Anchor component={Link} to={`/persons/${i.personId}`}>{i.personName}</Anchor></Table.Td>
          <Table.Td>{i.phoneMasked ?? '—'}</Table.Td>
          <Table.Td>{i.acceptedOn}</Table.Td>
          <Table.Td>{i.followUpDue} {i.overdue && <Badge color="red" size="xs">已逾期</Badge>}</Table.Td>
          <Table.Td><Button size="compact-xs" variant="light" component={Link} to={`/persons/${i.personId}`}>记录联系</Button></Table.Td>
        </Table.Tr>
      )}
    />
  );
}
