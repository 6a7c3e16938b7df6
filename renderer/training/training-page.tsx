import { Alert, Badge, Button, Group, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatYuan } from '../../shared/domain/payments/money';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { ClassDialog, ProgrammeDialog, ProviderDialog } from './catalogue-dialogs';

const CLASS_COLORS = { planned: 'blue', closed: 'green', cancelled: 'gray' } as const;

function ClassesTab({ canManage }: { canManage: boolean }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const classes = useQuery({ queryKey: ['training.listClasses'], queryFn: () => call('training.listClasses', {}) });
  return (
    <>
      {canManage && <Group justify="flex-end" mb="sm"><Button onClick={() => setCreating(true)}>开设期次</Button></Group>}
      {classes.isError && <Alert color="red">{errorMessage(classes.error)}</Alert>}
      {classes.data && (
        <Table striped highlightOnHover withTableBorder data-testid="class-list">
          <Table.Thead>
            <Table.Tr><Table.Th>期次编号</Table.Th><Table.Th>培训项目</Table.Th><Table.Th>类别</Table.Th><Table.Th>培训机构</Table.Th><Table.Th>起止日期</Table.Th><Table.Th>地点/教师</Table.Th><Table.Th>报名/计划</Table.Th><Table.Th>状态</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {classes.data.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/training/classes/${c.id}`)} onKeyDown={(k) => k.key === 'Enter' && navigate(`/training/classes/${c.id}`)}>
                <Table.Td>{c.classNumber}</Table.Td><Table.Td>{c.programmeName}</Table.Td><Table.Td>{c.kindLabel}</Table.Td><Table.Td>{c.providerName}</Table.Td>
                <Table.Td>{c.startDate} 至 {c.endDate}</Table.Td><Table.Td>{c.place}<Text size="xs" c="dimmed">{c.teacher}</Text></Table.Td>
                <Table.Td>{c.enrolled} / {c.capacity}</Table.Td>
                <Table.Td><Badge variant="light" color={CLASS_COLORS[c.status]}>{c.statusLabel}</Badge></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {classes.data?.length === 0 && <Text c="dimmed" mt="sm">还没有培训期次</Text>}
      {creating && <ClassDialog onClose={() => setCreating(false)} onSaved={(c) => navigate(`/training/classes/${c.id}`)} />}
    </>
  );
}

function ProgrammesTab({ canManage }: { canManage: boolean }) {
  const [creating, setCreating] = useState(false);
  const programmes = useQuery({ queryKey: ['training.listProgrammes'], queryFn: () => call('training.listProgrammes', {}) });
  return (
    <>
      {canManage && <Group justify="flex-end" mb="sm"><Button onClick={() => setCreating(true)}>新增培训项目</Button></Group>}
      {programmes.isError && <Alert color="red">{errorMessage(programmes.error)}</Alert>}
      {programmes.data && (
        <Table striped withTableBorder data-testid="programme-list">
          <Table.Thead>
            <Table.Tr><Table.Th>项目名称</Table.Th><Table.Th>职业（工种）</Table.Th><Table.Th>等级</Table.Th><Table.Th>类别</Table.Th><Table.Th>培训对象</Table.Th><Table.Th>培训机构</Table.Th><Table.Th>课时</Table.Th><Table.Th>补贴标准</Table.Th><Table.Th>有效期</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {programmes.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td><Table.Td>{p.occupationCode}<Text size="xs" c="dimmed">{p.skill}</Text></Table.Td><Table.Td>{p.levelLabel}</Table.Td>
                <Table.Td>{p.kindLabel}</Table.Td><Table.Td>{p.eligibilityLabel}</Table.Td><Table.Td>{p.providerName}</Table.Td><Table.Td>{p.hours}</Table.Td>
                <Table.Td>{formatYuan(p.subsidyPerPersonFen)} 元/人</Table.Td><Table.Td>{p.validFrom} 至 {p.validTo}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <ProgrammeDialog onClose={() => setCreating(false)} />}
    </>
  );
}

function ProvidersTab({ canManage }: { canManage: boolean }) {
  const [creating, setCreating] = useState(false);
  const providers = useQuery({ queryKey: ['training.listProviders'], queryFn: () => call('training.listProviders', {}) });
  return (
    <>
      {canManage && <Group justify="flex-end" mb="sm"><Button onClick={() => setCreating(true)}>登记培训机构</Button></Group>}
      {providers.isError && <Alert color="red">{errorMessage(providers.error)}</Alert>}
      {providers.data && (
        <Table striped withTableBorder data-testid="provider-list">
          <Table.Thead>
            <Table.Tr><Table.Th>机构名称</Table.Th><Table.Th>统一社会信用代码</Table.Th><Table.Th>地址</Table.Th><Table.Th>联系人</Table.Th><Table.Th>项目数</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {providers.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td><Table.Td>{p.creditCode}</Table.Td><Table.Td>{p.address ?? '—'}</Table.Td>
                <Table.Td>{p.contactName ?? '—'} {p.contactPhoneMasked ?? ''}</Table.Td><Table.Td>{p.programmes}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <ProviderDialog onClose={() => setCreating(false)} />}
    </>
  );
}

/** 职业培训: classes first (the daily work), then the programme catalogue and the providers; 培训成效 one click away. */
export function TrainingPage() {
  const canManage = useCan('training.manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'classes';
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>职业培训</Title>
        <Button variant="light" component={Link} to="/training/rates">培训成效（三率）</Button>
      </Group>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'classes' ? { tab: v } : {})}>
        <Tabs.List mb="md">
          <Tabs.Tab value="classes">培训期次</Tabs.Tab>
          <Tabs.Tab value="programmes">培训项目</Tabs.Tab>
          <Tabs.Tab value="providers">培训机构</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="classes">{tab === 'classes' && <ClassesTab canManage={canManage} />}</Tabs.Panel>
        <Tabs.Panel value="programmes">{tab === 'programmes' && <ProgrammesTab canManage={canManage} />}</Tabs.Panel>
        <Tabs.Panel value="providers">{tab === 'providers' && <ProvidersTab canManage={canManage} />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
