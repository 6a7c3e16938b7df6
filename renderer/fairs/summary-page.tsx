import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { FairView } from '../../shared/contract';
import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { call } from '../api/client';
import { useDeskStatus } from '../api/queries';
import { Loaded } from '../shell/loaded';
import { PrintToolbar, SealLine } from '../shell/print-toolbar';
import { COUNT_LABELS } from './fair-page';
import { campaignLabel, channelLabel, statusLabel, targetGroupLabel } from './options';

/**
 * 招聘会情况统计表: the fair's facts, its totals and each enterprise's booth,
 * vacancies, intentions and hires, on A4 for the file and for the city's
 * monthly return. No personal data: people are only counted.
 */
export function FairSummaryPage() {
  const id = Number(useParams().id);
  const view = useQuery({ queryKey: ['fairs.get', id], queryFn: () => call('fairs.get', { id }) });
  const status = useDeskStatus();
  return <Loaded query={view}>{(fair) => status.data && <FairSummary fair={fair} bureau={status.data.bureauName ?? ''} />}</Loaded>;
}

function FairSummary({ fair, bureau }: { fair: FairView; bureau: string }) {
  const dates = fair.endDate ? `${formatChineseDate(fair.startDate)}至${formatChineseDate(fair.endDate)}` : formatChineseDate(fair.startDate);
  return (
    <Stack maw={900}>
      <PrintToolbar back={{ to: `/fairs/${fair.id}`, label: '返回招聘会' }} record={{ document: '招聘会情况统计表', entityType: 'fair', entityId: String(fair.id) }} />
      <div className="print-document" data-testid="fair-summary">
        <Text ta="center">{bureau}</Text>
        <Title order={2} ta="center" mb="md">招聘会情况统计表</Title>
        <Table withTableBorder mb="md">
          <Table.Tbody>
            <Table.Tr><Table.Th w="18%">招聘会名称</Table.Th><Table.Td colSpan={3}>{fair.name}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>活动类型</Table.Th><Table.Td>{campaignLabel(fair.campaign)}</Table.Td><Table.Th w="18%">服务对象</Table.Th><Table.Td>{targetGroupLabel(fair.targetGroup)}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>举办日期</Table.Th><Table.Td>{dates}</Table.Td><Table.Th>举办形式</Table.Th><Table.Td>{channelLabel(fair.channel)}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>举办地点</Table.Th><Table.Td>{fair.venue ?? '—'}</Table.Td><Table.Th>主办单位</Table.Th><Table.Td>{fair.organizer ?? '—'}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>状态</Table.Th><Table.Td colSpan={3}>{statusLabel(fair.status)}{fair.cancelReason ? `（${fair.cancelReason}）` : ''}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
        <Text fw={600} mb={4}>总体情况</Text>
        <Table withTableBorder mb="md" data-testid="summary-counts">
          <Table.Thead><Table.Tr>{COUNT_LABELS.map(([k, label]) => <Table.Th key={k}>{label}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody><Table.Tr>{COUNT_LABELS.map(([k]) => <Table.Td key={k}>{fair.counts[k]}</Table.Td>)}</Table.Tr></Table.Tbody>
        </Table>
        <Text fw={600} mb={4}>参会企业</Text>
        <Table withTableBorder mb="md">
          <Table.Thead>
            <Table.Tr><Table.Th>序号</Table.Th><Table.Th>展位</Table.Th><Table.Th>企业名称</Table.Th><Table.Th>岗位数</Table.Th><Table.Th>招聘人数</Table.Th><Table.Th>达成意向</Table.Th><Table.Th>录用</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fair.enterprises.map((p, i) => (
              <Table.Tr key={p.id}>
                <Table.Td>{i + 1}</Table.Td><Table.Td>{p.boothNumber ?? '—'}</Table.Td><Table.Td>{p.enterpriseName}</Table.Td><Table.Td>{p.vacancies.length}</Table.Td>
                <Table.Td>{p.vacancies.reduce((n, v) => n + v.openings, 0)}</Table.Td><Table.Td>{p.intentions}</Table.Td><Table.Td>{p.hires}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group gap={64}><Text>填表人：__________</Text><Text>审核人：__________</Text></Group>
        <SealLine bureau={bureau} date={formatChineseDate(officeDate(new Date()))} />
      </div>
    </Stack>
  );
}
