import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatYuan } from '../../shared/domain/payments/money';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { IncubationDialog, LoanDialog, SubsidyLinkDialog } from './startup-dialogs';

/** One business start: the founder and the business, its loans with their 贴息, incubation, and the jobs it created (named). */
export function StartupDetailPage() {
  const id = Number(useParams().id);
  const canManage = useCan('startups.manage');
  const [dialog, setDialog] = useState<'loan' | 'incubation' | 'subsidy' | null>(null);
  const detail = useQuery({ queryKey: ['startups.get', id], queryFn: () => call('startups.get', { id }) });
  if (detail.isError) return <Alert color="red">{errorMessage(detail.error)}</Alert>;
  const s = detail.data;
  if (!s) return null;
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>创业登记 · {s.enterpriseName}</Title>
        <Anchor component={Link} to="/startups">返回创业服务</Anchor>
      </Group>
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={3}>
          <Text>创业者：<Anchor component={Link} to={`/persons/${s.personId}`}>{s.personName}</Anchor>（{s.idNumberMasked}）</Text>
          <Text>经营主体：<Anchor component={Link} to={`/enterprises/${s.enterpriseId}`}>{s.enterpriseName}</Anchor></Text>
          <Text>统一社会信用代码：{s.creditCode ?? '—'}</Text>
          <Text>创业类型：<Badge variant="light">{s.kindLabel}</Badge></Text>
          <Text>创业日期：{s.startedOn}</Text>
          <Text data-testid="jobs-created">带动就业：{s.jobsCreated} 人</Text>
          <Group gap="xs"><Text>一次性创业补贴：{s.subsidyCaseText ?? '未关联'}</Text>
            {s.subsidyCaseId !== null && <Anchor component={Link} to={`/cases/${s.subsidyCaseId}`} size="sm">查看</Anchor>}
            {canManage && s.subsidyCaseId === null && <Button size="compact-xs" variant="light" onClick={() => setDialog('subsidy')}>关联补贴申请</Button>}</Group>
        </SimpleGrid>
      </Paper>

      <Group justify="space-between" mt="lg" mb="xs"><Title order={4}>创业担保贷款</Title>{canManage && <Button size="xs" onClick={() => setDialog('loan')}>登记贷款申请</Button>}</Group>
      {s.loanList.length === 0 ? <Text c="dimmed">没有贷款申请</Text> : (
        <Table withTableBorder data-testid="loan-list">
          <Table.Thead><Table.Tr><Table.Th>申请日期</Table.Th><Table.Th>借款人</Table.Th><Table.Th>贷款银行</Table.Th><Table.Th>金额</Table.Th><Table.Th>期限</Table.Th><Table.Th>担保方式</Table.Th><Table.Th>放款/到期</Table.Th><Table.Th>贴息期</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {s.loanList.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.appliedOn}</Table.Td><Table.Td>{l.borrowerLabel}</Table.Td><Table.Td>{l.bank}</Table.Td><Table.Td>¥{formatYuan(l.amountFen)}</Table.Td>
                <Table.Td>{l.termMonths} 个月</Table.Td><Table.Td>{l.guaranteeLabel}</Table.Td><Table.Td>{l.grantedOn ? `${l.grantedOn} 至 ${l.lastDay}` : '未放款'}</Table.Td>
                <Table.Td>{l.interestPeriods.length === 0 ? '—' : l.interestPeriods.map((p) => <Text key={p.periodFrom} size="sm">{p.periodFrom} 至 {p.periodTo}：¥{formatYuan(p.amountFen)}</Text>)}
                  {l.interestPeriods.length > 1 && <Text size="xs" c="dimmed">合计 ¥{formatYuan(l.interestTotalFen)}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Group justify="space-between" mt="lg" mb="xs"><Title order={4}>创业孵化</Title>{canManage && <Button size="xs" variant="light" onClick={() => setDialog('incubation')}>登记入孵</Button>}</Group>
      {s.incubation.length === 0 ? <Text c="dimmed">没有入驻孵化基地</Text> : (
        <Table withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>孵化基地</Table.Th><Table.Th>场地（工位）</Table.Th><Table.Th>入孵期间</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{s.incubation.map((p) => <Table.Tr key={p.id}><Table.Td>{p.incubator}</Table.Td><Table.Td>{p.place}</Table.Td><Table.Td>{p.fromOn} 至 {p.toOn ?? '—'}</Table.Td></Table.Tr>)}</Table.Tbody>
        </Table>
      )}

      <Title order={4} mt="lg" mb="xs">创业指导记录</Title>
      {s.mentoring.length === 0 ? (
        <Text c="dimmed">创业者还没有主题为“创业指导”的指导记录（在其人员页的职业指导中记录）</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>日期</Table.Th><Table.Th>方式</Table.Th><Table.Th>时长</Table.Th><Table.Th>指导员</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{s.mentoring.map((m) => <Table.Tr key={m.sessionId}><Table.Td className="keep-whole">{m.sessionDate}</Table.Td><Table.Td>{m.modeLabel}</Table.Td><Table.Td>{m.durationMinutes} 分钟</Table.Td><Table.Td>{m.counselorName ?? '—'}</Table.Td></Table.Tr>)}</Table.Tbody>
        </Table>
      )}

      <Title order={4} mt="lg" mb="xs">带动就业人员（就业登记）</Title>
      {s.jobsPending && <Alert color="yellow" mb="xs">{s.jobsPending}</Alert>}
      {s.jobs.length === 0 ? <Text c="dimmed">没有在该主体办理就业登记的人员（创业者本人不计）</Text> : (
        <Table withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>就业日期</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>{s.jobs.map((j) => <Table.Tr key={j.caseId}><Table.Td>{j.personName}</Table.Td><Table.Td>{j.idNumberMasked}</Table.Td><Table.Td>{j.startDate ?? '—'}</Table.Td><Table.Td><Anchor component={Link} to={`/cases/${j.caseId}`} size="sm">就业登记</Anchor></Table.Td></Table.Tr>)}</Table.Tbody>
        </Table>
      )}
      {dialog === 'loan' && <LoanDialog start={s} onClose={() => setDialog(null)} />}
      {dialog === 'incubation' && <IncubationDialog start={s} onClose={() => setDialog(null)} />}
      {dialog === 'subsidy' && <SubsidyLinkDialog start={s} onClose={() => setDialog(null)} />}
    </>
  );
}
