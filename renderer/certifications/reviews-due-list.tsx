import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { call } from '../api/client';
import { Loaded } from '../shell/loaded';
import { Pager } from '../shell/pager';
import { HeaderRow } from '../shell/header-row';

const PAGE_SIZE = 20;

/** 年度复核: certifications whose review falls within 30 days or is past. */
export function ReviewsDueList() {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['certifications.reviewsDue', page], queryFn: () => call('certifications.reviewsDue', { withinDays: 30, page, pageSize: PAGE_SIZE }) });
  const today = officeDate(new Date());
  return (
    <Loaded query={list}>
      {(data) => (
        <Stack>
          <Text>30天内到期或已逾期的年度复核共 {data.total} 件；在人员画像“登记与认定”中记录复核。</Text>
          {data.total > 0 && (
            <Table withTableBorder striped data-testid="reviews-due">
              <HeaderRow labels={['姓名', '认定', '有效期', '应复核日期']} />
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.caseId}>
                    <Table.Td><Anchor component={Link} to={`/persons/${m.personId}`}>{m.personName}</Anchor></Table.Td>
                    <Table.Td>{m.receiptNo}{m.status === 'suspended' && <Badge ml="xs" size="xs" color="orange">暂停</Badge>}</Table.Td>
                    <Table.Td>{m.validFrom} 至 {m.validTo ?? '长期'}</Table.Td>
                    <Table.Td>{m.reviewDue} {m.reviewDue !== null && m.reviewDue < today && <Badge color="red" size="xs">已逾期</Badge>}</Table.Td>
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
