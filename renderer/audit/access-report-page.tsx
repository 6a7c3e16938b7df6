import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { OutputOf } from '../../shared/contract';
import { formatChineseDate, formatOfficeTimestamp, officeDate } from '../../shared/domain/dates';
import { call } from '../api/client';
import { Loaded } from '../shell/loaded';
import { PrintToolbar, SealLine } from '../shell/print-toolbar';
import { HeaderRow } from '../shell/header-row';

/**
 * 个人信息查询报告: who viewed or changed this person's record and when — the
 * answer to a citizen's request under the Personal Information Protection Law.
 */
export function AccessReportPage() {
  const personId = Number(useParams().id);
  const report = useQuery({
    queryKey: ['audit.personAccessReport', personId],
    queryFn: () => call('audit.personAccessReport', { personId }),
    staleTime: Infinity,
  });
  return <Loaded query={report}>{(r) => <AccessReport personId={personId} r={r} />}</Loaded>;
}

function AccessReport({ personId, r }: { personId: number; r: OutputOf<'audit.personAccessReport'> }) {
  return (
    <Stack maw={900}>
      <PrintToolbar back={{ to: `/persons/${personId}`, label: '返回档案' }} record={{ document: '个人信息查询报告', entityType: 'person', entityId: String(personId) }} />
      <div className="print-document" data-testid="access-report">
        <Title order={2} ta="center" mb="xs">个人信息查询报告</Title>
        <Text ta="center" mb="md">{r.bureauName}</Text>
        <Text>查询对象：{r.personName}（身份证号 {r.idNumberMasked}）</Text>
        <Text mb="md">查询范围：本系统中该人员档案的全部查看、查看完整信息、登记和修改记录，共 {r.entries.length} 条。</Text>
        <Table withTableBorder>
          <HeaderRow labels={['时间', '经办人', '操作']} />
          <Table.Tbody>
            {r.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatOfficeTimestamp(e.at)}</Table.Td>
                <Table.Td>{e.actorName ?? '系统'}</Table.Td>
                <Table.Td>{e.actionTitle}{e.detail && 'field' in e.detail ? `（${e.detail.field === 'idNumber' ? '身份证号' : '手机号码'}）` : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SealLine bureau={r.bureauName} date={formatChineseDate(officeDate(new Date(r.generatedAt)))} />
      </div>
    </Stack>
  );
}
