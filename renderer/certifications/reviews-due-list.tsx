import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { call } from '../api/client';
import { PagedList } from '../shell/paged-list';

/** 年度复核: certifications whose review falls within 30 days or is past. */
export function ReviewsDueList() {
  const today = officeDate(new Date());
  return (
    <PagedList
      method="certifications.reviewsDue"
      fetchPage={(page, pageSize) => call('certifications.reviewsDue', { withinDays: 30, page, pageSize })}
      pageSize={20}
      summary={(data) => <Text>30天内到期或已逾期的年度复核共 {data.total} 件；在人员画像“登记与认定”中记录复核。</Text>}
      testId="reviews-due"
      columns={['姓名', '认定', '有效期', '应复核日期']}
      row={(m) => (
        <Table.Tr key={m.caseId}>
          <Table.Td><Anchor component={Link} to={`/persons/${m.personId}`}>{m.personName}</Anchor></Table.Td>
          <Table.Td>{m.receiptNo}{m.status === 'suspended' && <Badge ml="xs" size="xs" color="orange">暂停</Badge>}</Table.Td>
          <Table.Td>{m.validFrom} 至 {m.validTo ?? '长期'}</Table.Td>
          <Table.Td>{m.reviewDue} {m.reviewDue !== null && m.reviewDue < today && <Badge color="red" size="xs">已逾期</Badge>}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
