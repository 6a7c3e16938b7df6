import { Alert, Badge, Button, Group, Pagination, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { FairFormDialog } from './fair-form-dialog';
import { campaignLabel, channelLabel, fairDates, STATUS_COLORS, STATUS_OPTIONS, statusLabel, targetGroupLabel } from './options';

const PAGE_SIZE = 20;

/** 招聘会: the fairs of the bureau, latest first, filtered by status and date. */
export function FairsPage() {
  const navigate = useNavigate();
  const canWrite = useCan('fairs.write');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const status = (params.get('status') ?? 'all') as 'all';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState({ from, to });
  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (!v) next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const list = useQuery({
    queryKey: ['fairs.list', status, from, to, page],
    queryFn: () => call('fairs.list', { status, ...(from ? { from } : {}), ...(to ? { to } : {}), page, pageSize: PAGE_SIZE }),
  });
  const totalPages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>招聘会</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>新建招聘会</Button>}
      </Group>
      <form onSubmit={(e) => { e.preventDefault(); setParam({ from: draft.from.trim(), to: draft.to.trim() }); }}>
        <Group align="flex-end" mb="md">
          <Select label="状态" w={130} allowDeselect={false} data={[{ value: 'all', label: '全部' }, ...STATUS_OPTIONS]} value={status} onChange={(v) => setParam({ status: v === 'all' ? null : v })} />
          <TextInput label="举办日期自" placeholder="YYYY-MM-DD" w={140} maxLength={10} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput label="至" placeholder="YYYY-MM-DD" w={140} maxLength={10} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <Button type="submit" variant="light">查询</Button>
        </Group>
      </form>
      {list.isError && <Alert color="red" mb="md">{errorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="fair-total">共 {list.data.total} 场</Text>
          <Table striped highlightOnHover withTableBorder data-testid="fair-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>招聘会名称</Table.Th><Table.Th>活动类型</Table.Th><Table.Th>服务对象</Table.Th><Table.Th>形式</Table.Th><Table.Th>举办日期</Table.Th>
                <Table.Th>状态</Table.Th><Table.Th>参会企业</Table.Th><Table.Th>岗位/人数</Table.Th><Table.Th>入场</Table.Th><Table.Th>达成意向</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((f) => (
                <Table.Tr key={f.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/fairs/${f.id}`)} onKeyDown={(k) => k.key === 'Enter' && navigate(`/fairs/${f.id}`)}>
                  <Table.Td>{f.name}{f.venue && <Text size="xs" c="dimmed">{f.venue}</Text>}</Table.Td>
                  <Table.Td>{campaignLabel(f.campaign)}</Table.Td><Table.Td>{targetGroupLabel(f.targetGroup)}</Table.Td><Table.Td>{channelLabel(f.channel)}</Table.Td>
                  <Table.Td>{fairDates(f)}</Table.Td>
                  <Table.Td><Badge color={STATUS_COLORS[f.status]} variant="light">{statusLabel(f.status)}</Badge></Table.Td>
                  <Table.Td>{f.counts.enterprises}</Table.Td><Table.Td>{f.counts.vacancies} / {f.counts.positions}</Table.Td>
                  <Table.Td>{f.counts.checkIns}</Table.Td><Table.Td>{f.counts.intentions}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.items.length === 0 && <Text c="dimmed" mt="sm">没有符合条件的招聘会</Text>}
          {totalPages > 1 && <Pagination mt="md" total={totalPages} value={page} onChange={(p) => setParam({ page: String(p) })} />}
        </>
      )}
      {creating && <FairFormDialog onClose={() => setCreating(false)} onSaved={(f) => navigate(`/fairs/${f.id}`)} />}
    </>
  );
}
