import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { BUSINESS_KINDS, businessKindOfCreditCode, type BusinessKind } from '../../shared/domain/startups';
import { call, errorMessage, RpcCallError } from '../api/client';
import { useCan } from '../api/queries';
import { EnterprisePicker } from '../cases/enterprise-picker';

/** 登记创业: the founder by ID number (or name) from the registry, the business from the enterprise registry. */
function StartDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [founder, setFounder] = useState('');
  const [firm, setFirm] = useState<{ name: string; creditCode: string | null } | null>(null);
  const [startedOn, setStartedOn] = useState(officeDate(new Date()));
  // Suggested from the picked enterprise's credit code; the clerk may change it.
  const [kind, setKind] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const found = await call('persons.search', { query: founder.trim(), page: 1, pageSize: 2 });
      if (found.items.length === 0) throw new Error('创业者：没有找到这个人员，请先在“登记/经办”建立档案');
      if (found.items.length > 1) throw new Error('创业者：找到多名人员，请输入完整的身份证号');
      if (!firm?.creditCode) throw new Error('经营主体：请从企业库选择创办的企业或个体工商户');
      const firms = await call('enterprises.search', { query: firm.creditCode, page: 1, pageSize: 2 });
      if (firms.items.length !== 1) throw new Error('经营主体：企业库中没有找到该主体');
      return call('startups.recordStart', { personId: found.items[0]!.id, enterpriseId: firms.items[0]!.id, startedOn: startedOn.trim(), kind: (kind ?? '') as BusinessKind });
    },
    onSuccess: (s) => { void queryClient.invalidateQueries({ queryKey: ['startups.list'] }); onClose(); navigate(`/startups/${s.id}`); },
    onError: (e) => setError(e instanceof RpcCallError ? errorMessage(e) : e instanceof Error ? e.message : '登记失败'),
  });
  return (
    <Modal opened onClose={onClose} title="登记创业" size="36rem">
      <form noValidate onSubmit={(e) => { e.preventDefault(); setError(null); save.mutate(); }}>
        <Stack>
          {error && <Alert color="red" data-testid="start-error">{error}</Alert>}
          <TextInput label="创业者（身份证号或姓名）" withAsterisk data-autofocus maxLength={50} value={founder} onChange={(e) => setFounder(e.currentTarget.value)} />
          <EnterprisePicker onPick={(picked) => { setFirm(picked); setKind(businessKindOfCreditCode(picked.creditCode)); }} />
          <Text size="sm" data-testid="picked-firm">经营主体：{firm ? `${firm.name}（${firm.creditCode ?? '无代码'}）` : '未选择'}</Text>
          <Group grow>
            <TextInput label="创业日期" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} value={startedOn} onChange={(e) => setStartedOn(e.currentTarget.value)} />
            <Select label="创业类型" withAsterisk allowDeselect={false} data={BUSINESS_KINDS.map(([value, label]) => ({ value, label }))} value={kind} onChange={setKind} />
          </Group>
          <Group justify="flex-end"><Button variant="default" onClick={onClose}>取消</Button><Button type="submit" loading={save.isPending}>保存</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 创业服务: the business starts with their founders, loans and the jobs they created. */
export function StartupsPage() {
  const canManage = useCan('startups.manage');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const starts = useQuery({ queryKey: ['startups.list', query], queryFn: () => call('startups.list', query.trim() ? { query: query.trim() } : {}) });
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>创业服务</Title>
        <Group>
          <TextInput placeholder="创业者姓名、企业名称或代码" w={260} value={query} onChange={(e) => setQuery(e.currentTarget.value)} aria-label="查找创业登记" />
          {canManage && <Button onClick={() => setCreating(true)}>登记创业</Button>}
        </Group>
      </Group>
      {starts.isError && <Alert color="red">{errorMessage(starts.error)}</Alert>}
      {starts.data && starts.data.length > 0 && (
        <Table striped highlightOnHover withTableBorder data-testid="startup-list">
          <Table.Thead>
            <Table.Tr><Table.Th>创业者</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>经营主体</Table.Th><Table.Th>类型</Table.Th><Table.Th>创业日期</Table.Th><Table.Th>创业担保贷款</Table.Th><Table.Th>带动就业</Table.Th><Table.Th>一次性创业补贴</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {starts.data.map((s) => (
              <Table.Tr key={s.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/startups/${s.id}`)} onKeyDown={(k) => k.key === 'Enter' && navigate(`/startups/${s.id}`)}>
                <Table.Td>{s.personName}</Table.Td><Table.Td>{s.idNumberMasked}</Table.Td>
                <Table.Td>{s.enterpriseName}<Text size="xs" c="dimmed">{s.creditCode ?? '无统一社会信用代码'}</Text></Table.Td>
                <Table.Td><Badge variant="light">{s.kindLabel}</Badge></Table.Td><Table.Td>{s.startedOn}</Table.Td>
                <Table.Td>{s.loans > 0 ? `${s.loans} 笔` : '—'}</Table.Td><Table.Td>{s.jobsCreated} 人</Table.Td>
                <Table.Td>{s.subsidyCaseText ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {starts.data?.length === 0 && <Text c="dimmed">{query.trim() ? '没有匹配的创业登记' : '还没有创业登记'}</Text>}
      {creating && <StartDialog onClose={() => setCreating(false)} />}
    </>
  );
}
