import { Alert, Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addMonths } from '../../shared/domain/calendar';
import { officeDate } from '../../shared/domain/dates';
import { formatYuan } from '../../shared/domain/payments/money';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';

/** 公益性岗位补贴 of one month: who was in post, the amount prorated by days in post, and 记入应发 for 资金兑付. */
export function WelfareSubsidyPanel() {
  const canManage = useCan('welfarePosts.manage');
  const queryClient = useQueryClient();
  // Last month by default: a month is paid once it is over.
  const [month, setMonth] = useState(addMonths(`${officeDate(new Date()).slice(0, 7)}-01`, -1).slice(0, 7));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const list = useQuery({ queryKey: ['welfarePosts.subsidies', month], queryFn: () => call('welfarePosts.subsidies', { month }), enabled: valid });
  const [error, setError] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: () => call('welfarePosts.recordSubsidies', { month }),
    onSuccess: (m) => {
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['welfarePosts.subsidies', month] });
      notifications.show({ color: 'green', message: `${m.month}公益性岗位补贴已记入应发：${m.recordedCount}人，${formatYuan(m.recordedFen)}元，请到资金兑付编入发放批次` });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const data = list.data;
  return (
    <Paper withBorder p="md" mb="md" data-testid="welfare-subsidies">
      <Group justify="space-between" align="flex-end">
        <Title order={4}>月度岗位补贴</Title>
        <Group align="flex-end">
          <TextInput label="补贴月份" placeholder="YYYY-MM" w={120} maxLength={7} value={month} onChange={(e) => { setMonth(e.currentTarget.value.trim()); setError(null); }} error={valid ? undefined : '格式为 YYYY-MM'} />
          {canManage && <Button variant="light" disabled={!valid || !data || data.recordedCount === data.lines.length} loading={record.isPending} onClick={() => record.mutate()}>记入应发（资金兑付）</Button>}
        </Group>
      </Group>
      {error && <Alert color="red" mt="sm">{error}</Alert>}
      {list.isError && <Alert color="red" mt="sm">{errorMessage(list.error)}</Alert>}
      {data && data.lines.length === 0 && <Text c="dimmed" mt="sm">{data.month}没有在岗人员</Text>}
      {data && data.lines.length > 0 && (
        <Table mt="sm" withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>用人单位 · 岗位</Table.Th><Table.Th ta="right">补贴（元）</Table.Th><Table.Th>兑付</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.lines.map((l) => (
              <Table.Tr key={l.placementId}>
                <Table.Td>{l.personName}</Table.Td><Table.Td>{l.idNumberMasked}</Table.Td><Table.Td>{l.employerName} · {l.postTitle}</Table.Td>
                <Table.Td ta="right">{formatYuan(l.amountFen)}</Table.Td>
                <Table.Td>{l.entitlementId === null ? <Badge color="gray" variant="light">未记入</Badge> : <Badge variant="light">已记入应发</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot><Table.Tr><Table.Th colSpan={3}>合计 {data.lines.length} 人（已记入 {data.recordedCount} 人）</Table.Th><Table.Th ta="right">{formatYuan(data.totalFen)}</Table.Th><Table.Th /></Table.Tr></Table.Tfoot>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="xs">在岗期间按月计发：整月在岗发全月补贴，不足整月按在岗天数 ÷ 当月天数折算（四舍五入到分）；月份结束后方可记入应发，每人每月只记一次。</Text>
    </Paper>
  );
}
