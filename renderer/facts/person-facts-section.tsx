import { Alert, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PersonFactRow, PersonFactSource } from '../../shared/contract';
import { call, errorMessage } from '../api/client';

/** What one row of a department's file says, in a line. */
function FactLine({ row }: { row: PersonFactRow }) {
  switch (row.source) {
    case 'person_insurance': {
      const employer = row.enterpriseId ? <Link to={`/enterprises/${row.enterpriseId}`}>{row.employerName}</Link> : row.employerCreditCode;
      return (
        <Text size="sm">
          累计缴费 {row.monthsTotal} 个月，近12个月缴费 {row.monthsLast12} 个月
          {employer ? <>；参保单位 {employer}{row.employerSince ? `（${row.employerSince} 起）` : ''}</> : null}
        </Text>
      );
    }
    case 'assistance':
      return <Text size="sm">{row.kindLabel}{row.fromDate || row.toDate ? `（${row.fromDate ?? '—'} 至 ${row.toDate ?? '—'}）` : ''}</Text>;
    case 'deaths':
      return <Text size="sm" c="red">死亡日期 {row.diedOn}</Text>;
    case 'business_registrations':
      return (
        <Text size="sm">
          {row.enterpriseId ? <Link to={`/enterprises/${row.enterpriseId}`}>{row.businessName}</Link> : row.businessName}（{row.creditCode}），{row.foundedOn} 成立，{row.operating ? '在营' : '已注销/吊销'}
        </Text>
      );
    case 'disability_certificates':
      return <Text size="sm">残疾人证 {row.certificateNoMasked}{row.categoryLabel ? `，${row.categoryLabel}` : ''}{row.gradeLabel ? ` ${row.gradeLabel}` : ''}{row.validTo ? `，有效期至 ${row.validTo}` : ''}</Text>;
  }
}

/** 部门数据 on the profile: per source, the latest department file that lists the person. */
export function PersonFactsSection({ personId }: { personId: number }) {
  const facts = useQuery({ queryKey: ['facts.forPerson', personId], queryFn: () => call('facts.forPerson', { personId }) });
  if (facts.isError) return <Alert color="red">{errorMessage(facts.error)}</Alert>;
  const sources: PersonFactSource[] = facts.data ?? [];
  if (sources.length === 0) return null;
  return (
    <Paper withBorder p="lg" data-testid="person-facts">
      <Title order={4} mb="sm">部门数据</Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr><Table.Th w={110}>数据来源</Table.Th><Table.Th w={120}>数据截止日期</Table.Th><Table.Th>内容</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((s) => (
            <Table.Tr key={s.source}>
              <Table.Td>{s.sourceLabel}</Table.Td>
              <Table.Td>{s.asOf}</Table.Td>
              <Table.Td>
                {s.rows.map((row, i) => <FactLine key={i} row={row} />)}
                {s.absentFromLaterAsOf && <Text size="xs" c="orange">{s.absentFromLaterAsOf} 的名单中已无此人</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
