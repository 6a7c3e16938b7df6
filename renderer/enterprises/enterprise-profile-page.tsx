import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EnterpriseView } from '../../shared/contract';
import { OWNERSHIP_TYPES, SIZE_CLASSES, labelOf } from '../../shared/domain/enterprise-codes';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { PayeePaymentsSection } from '../payments/payee-payments-section';
import { PolicyVerdictPanel } from '../policies/policy-verdict-panel';
import { CorrectionsSection } from '../shell/corrections-table';
import { Field } from '../shell/field';
import { EnterpriseEditDialog } from './enterprise-edit-dialog';
import { AddContactForm, HeadcountForm } from './enterprise-profile-forms';
import { TasksTable } from './tasks-page';
import { VacancyDialog } from '../vacancies/vacancy-dialog';
import { EnterpriseCases } from './enterprise-cases';

function ContactPhone({ contactId, masked }: { contactId: number; masked: string | null }) {
  const canReveal = useCan('enterprises.reveal');
  const reveal = useMutation({ mutationFn: () => call('enterprises.revealContact', { contactId }) });
  if (!masked) return <>—</>;
  if (reveal.data) return <span>{reveal.data.value}</span>;
  return (
    <Group gap={4}>
      <span>{masked}</span>
      {canReveal && <Button size="compact-xs" variant="subtle" title="查看完整信息会记入审计日志" loading={reveal.isPending} onClick={() => reveal.mutate()}>显示完整</Button>}
    </Group>
  );
}

function Contacts({ e }: { e: EnterpriseView }) {
  if (e.contacts.length === 0) return <Text c="dimmed">没有联系人。</Text>;
  return (
    <Table withTableBorder>
      <Table.Tbody>
        {e.contacts.map((c) => (
          <Table.Tr key={c.id} c={c.active ? undefined : 'dimmed'}>
            <Table.Td>{c.name}{c.active ? '' : '（已停用）'}</Table.Td><Table.Td>{c.position ?? ''}</Table.Td><Table.Td ff="monospace"><ContactPhone contactId={c.id} masked={c.phoneMasked} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TimelineView({ enterpriseId }: { enterpriseId: number }) {
  const timeline = useQuery({ queryKey: ['enterprises.timeline', enterpriseId], queryFn: () => call('enterprises.timeline', { id: enterpriseId }) });
  return (
    <SimpleGrid cols={2} data-testid="enterprise-timeline">
      {(timeline.data ?? []).map((section) => (
        <Paper key={section.kind} withBorder p="md">
          <Title order={5} mb="xs">{section.label}</Title>
          {section.pending && section.events.length === 0 && <Text size="sm" c="dimmed">{section.pending}</Text>}
          {!section.pending && section.events.length === 0 && <Text size="sm" c="dimmed">暂无记录</Text>}
          <Timeline bulletSize={12} lineWidth={2}>
            {section.events.map((ev, i) => (
              <Timeline.Item key={i} title={ev.link ? <Anchor component={Link} to={ev.link}>{ev.title}</Anchor> : ev.title}>
                <Text size="xs" c="dimmed">{ev.at.length > 10 ? formatOfficeTimestamp(ev.at) : ev.at}{ev.actor ? ` · ${ev.actor}` : ''}</Text>
                {ev.detail && <Text size="sm">{ev.detail}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** 更正记录, shown once there is one. */
function Corrections({ enterpriseId }: { enterpriseId: number }) {
  const rows = useQuery({ queryKey: ['enterprises.corrections', enterpriseId], queryFn: () => call('enterprises.corrections', { id: enterpriseId }) }).data ?? [];
  return <CorrectionsSection rows={rows} />;
}

/** 企业档案: who the employer is, whom to call, and everything the bureau did with it. */
export function EnterpriseProfilePage() {
  const id = Number(useParams().id);
  const canWrite = useCan('enterprises.write');
  const canJudge = useCan('policies.find');
  const [editing, setEditing] = useState(false);
  const [addingVacancy, setAddingVacancy] = useState(false);
  const query = useQuery({ queryKey: ['enterprises.get', id], queryFn: () => call('enterprises.get', { id }), enabled: id > 0 });
  if (query.isError) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  const e = query.data;
  if (!e) return null;
  const flags = [e.isDigitalTransformation && '智改数转', e.isSpecialized && '专精特新', e.isKeyEnterprise && '重点企业', e.isLabourIntensive && '劳动密集型'].filter(Boolean) as string[];
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Group>
          <Title order={2} data-testid="enterprise-name">{e.name}</Title>
          <Badge variant="light">{e.entityLabel}</Badge>
          {e.status === 'closed' && <Badge color="gray">已注销/迁出</Badge>}
          {flags.map((f) => <Badge key={f} color="teal" variant="light">{f}</Badge>)}
        </Group>
        <Group>
          {canWrite && e.status === 'active' && <Button component={Link} to={`/enterprises/${e.id}/visit`}>记录走访</Button>}
          {canWrite && e.status === 'active' && <Button variant="light" onClick={() => setAddingVacancy(true)}>登记岗位</Button>}
          {canWrite && <Button variant="default" onClick={() => setEditing(true)}>更正信息</Button>}
          <Button variant="default" component={Link} to="/enterprises">返回查询</Button>
        </Group>
      </Group>
      <Paper withBorder p="lg">
        <SimpleGrid cols={4}>
          <Field label={e.creditCode ? '统一社会信用代码' : '注册号'} value={<span data-testid="credit-code">{e.creditCode ?? e.registrationNumber}</span>} />
          <Field label="所属行业" value={e.industryDivision ? `${e.industrySection} ${e.industrySectionLabel} / ${e.industryDivision} ${e.industryDivisionLabel}` : null} />
          <Field label="经济类型" value={labelOf(OWNERSHIP_TYPES, e.ownershipCode)} />
          <Field label="企业规模" value={labelOf(SIZE_CLASSES, e.sizeClass)} />
          <Field label="所在乡镇（街道）" value={e.townshipName} />
          <Field label="地址" value={e.address} />
          <Field label="参保人数" value={e.insuredHeadcount ? `${e.insuredHeadcount.insuredCount} 人（${e.insuredHeadcount.asOf}）` : null} />
          <Field label="最近走访" value={e.lastVisitDate ?? '从未走访'} />
          <Field label="曾用名" value={e.formerNames.map((f) => f.name).join('、')} />
          <Field label="登记时间" value={formatOfficeTimestamp(e.createdAt)} />
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={2}>
        <Paper withBorder p="lg"><Title order={4} mb="sm">联系人</Title><Contacts e={e} />{canWrite && <AddContactForm enterpriseId={e.id} />}</Paper>
        <Paper withBorder p="lg">
          <Title order={4} mb="sm">参保人数变化</Title>
          {e.headcountHistory.length === 0 ? <Text c="dimmed">暂无记录。</Text> : (
            <Table withTableBorder>
              <Table.Tbody>
                {e.headcountHistory.map((h, i) => <Table.Tr key={i}><Table.Td>{h.asOf}</Table.Td><Table.Td>{h.insuredCount} 人</Table.Td><Table.Td>{{ register: '登记', manual: '录入', visit: '走访', survey: '用工调查', import: '导入' }[h.source]}</Table.Td><Table.Td>{h.recordedBy ?? ''}</Table.Td></Table.Tr>)}
              </Table.Tbody>
            </Table>
          )}
          {canWrite && <HeadcountForm enterpriseId={e.id} />}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="lg">
        <Title order={4} mb="sm">待办跟进任务</Title>
        <TasksTable filter={{ enterpriseId: e.id, status: 'open' }} />
      </Paper>
      <EnterpriseCases enterpriseId={e.id} active={e.status === 'active'} />
      {canJudge && <PolicyVerdictPanel key={e.id} subject={{ enterpriseId: e.id }} />}
      <TimelineView enterpriseId={e.id} />
      <PayeePaymentsSection payeeKind="enterprise" payeeId={e.id} />
      <Corrections enterpriseId={e.id} />
      {editing && <EnterpriseEditDialog enterprise={e} onClose={() => setEditing(false)} />}
      {addingVacancy && <VacancyDialog enterprise={e} onClose={() => setAddingVacancy(false)} />}
    </Stack>
  );
}
