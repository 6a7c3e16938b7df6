import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EmploymentRegistrationProposal, GuidanceFollowUpView, GuidanceReferralView, GuidanceSessionView, GuidancePlanItemView, PersonView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { Link, useNavigate } from 'react-router';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { CompleteFollowUpDialog, ProposalNotice, ReferralOutcomeForm, ScheduleFollowUpDialog } from './follow-up-actions';
import { guidanceQueryKeys, invalidateGuidance } from './guidance-queries';
import { PersonProfilePanel } from './person-profile-panel';
import { ReferralForm } from './referral-form';
import { SessionForm } from './session-form';

const STANDING_COLORS = { overdue: 'red', today: 'orange', upcoming: 'blue' } as const;
const yuan = (fen: number | null) => (fen === null ? '—' : `${(fen / 100).toLocaleString('zh-CN')}元`);

function PlanItemDone({ item, personId }: { item: GuidancePlanItemView; personId: number }) {
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: () => call('guidance.updatePlanItem', { id: item.id, version: item.version, status: 'done', doneOn: officeDate(new Date()) }),
    onSuccess: () => invalidateGuidance(queryClient, personId),
  });
  if (item.status !== 'open') return <Text size="sm" c="dimmed">{item.statusLabel}{item.doneOn ? `（${item.doneOn}）` : ''}</Text>;
  return <Button size="compact-xs" variant="light" loading={done.isPending} onClick={() => done.mutate()} title={done.isError ? errorMessage(done.error) : undefined}>标记完成</Button>;
}

/**
 * 职业指导 on the person's page: the session form and the referral form on
 * demand, then the sessions with their plans, the referrals with their next
 * answer, and the follow-ups scheduled.
 */
export function PersonGuidanceSection({ person, canWrite }: { person: PersonView; canWrite: boolean }) {
  const [open, setOpen] = useState<'session' | 'referral' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [completing, setCompleting] = useState<GuidanceFollowUpView | null>(null);
  const [proposal, setProposal] = useState<EmploymentRegistrationProposal | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [editing, setEditing] = useState<GuidanceSessionView | null>(null);
  const data = useQuery({ queryKey: guidanceQueryKeys.person(person.id), queryFn: () => call('guidance.forPerson', { personId: person.id }) });
  const writable = canWrite && person.mergedIntoId === null;
  const canRate = useCan('satisfaction.record');
  const g = data.data;
  return (
    <Paper withBorder p="lg" data-testid="guidance-section">
      <Group justify="space-between" mb="sm">
        <Title order={4}>职业指导</Title>
        {writable && (
          <Group gap="xs">
            <Button size="xs" variant={open === 'session' ? 'filled' : 'light'} onClick={() => { setNotice(null); setOpen(open === 'session' ? null : 'session'); }}>记录职业指导</Button>
            <Button size="xs" variant={open === 'referral' ? 'filled' : 'light'} onClick={() => { setNotice(null); setOpen(open === 'referral' ? null : 'referral'); }}>推荐</Button>
            <Button size="xs" variant="light" onClick={() => { setNotice(null); setScheduling(true); }}>安排回访</Button>
          </Group>
        )}
      </Group>
      <Stack gap="sm">
        <PersonProfilePanel personId={person.id} />
        {notice && <Alert color="green" data-testid="guidance-saved">{notice}</Alert>}
        {proposal && <ProposalNotice proposal={proposal} />}
        {open === 'session' && <SessionForm personId={person.id} onDone={(f) => { setOpen(null); setNotice(`已保存指导记录，已安排回访：${f.map((x) => `${x.dueOn}（${x.reasonLabel}）`).join('、')}。`); }} />}
        {editing && <SessionForm key={editing.id} personId={person.id} session={editing} onDone={() => { setEditing(null); setNotice('已保存对指导记录的修改。'); }} />}
        {open === 'referral' && g && <ReferralForm personId={person.id} sessions={g.sessions} onDone={(due) => { setOpen(null); setNotice(`已保存推荐，${due} 回访。`); }} />}
        {data.isError && <Alert color="red">{errorMessage(data.error)}</Alert>}
        {g && g.sessions.length === 0 && g.referrals.length === 0 && <Text c="dimmed">暂无职业指导记录。</Text>}
        {g && g.sessions.length > 0 && (
          <Table withTableBorder data-testid="guidance-sessions">
            <Table.Thead><Table.Tr><Table.Th>指导日期</Table.Th><Table.Th>方式</Table.Th><Table.Th>指导内容</Table.Th><Table.Th>评估</Table.Th><Table.Th>行动计划</Table.Th><Table.Th>指导员</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {g.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.sessionDate}<Text size="xs" c="dimmed">{s.durationMinutes}分钟</Text></Table.Td>
                  <Table.Td>{s.modeLabel}</Table.Td>
                  <Table.Td>{s.topics.map((t) => t.label).join('、')}{s.notes && <Text size="xs" c="dimmed">{s.notes}</Text>}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{[s.assessment.intendedOccupationCode, s.assessment.preferredPlace].filter(Boolean).join(' · ') || '—'}</Text>
                    {(s.assessment.expectedPayMinFen !== null || s.assessment.expectedPayMaxFen !== null) && <Text size="xs">{yuan(s.assessment.expectedPayMinFen)}～{yuan(s.assessment.expectedPayMaxFen)}</Text>}
                    {s.assessment.barriers.length > 0 && <Text size="xs" c="dimmed">障碍：{s.assessment.barriers.map((b) => b.label).join('、')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {s.planItems.length === 0 ? '—' : s.planItems.map((i) => (
                      <Group key={i.id} gap={6} wrap="nowrap" data-testid="plan-item">
                        <Text size="sm">{i.description}（{i.ownerLabel}，{i.dueOn}前）</Text>
                        {writable ? <PlanItemDone item={i} personId={person.id} /> : <Text size="sm" c="dimmed">{i.statusLabel}</Text>}
                      </Group>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {s.counselorName}
                    {writable && <Button size="compact-xs" variant="subtle" onClick={() => { setNotice(null); setOpen(null); setEditing(s); }}>修改</Button>}
                    {canRate && <Button size="compact-xs" variant="subtle" component={Link} to={`/rate/guidance_session/${s.id}`}>请群众评价</Button>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {g && g.referrals.length > 0 && (
          <Table withTableBorder data-testid="guidance-referrals">
            <Table.Thead><Table.Tr><Table.Th>推荐日期</Table.Th><Table.Th>类型</Table.Th><Table.Th>去向</Table.Th><Table.Th>进展</Table.Th><Table.Th>{writable ? '记录进展' : '指导员'}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {g.referrals.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.referredOn}</Table.Td>
                  <Table.Td>{r.kindLabel}</Table.Td>
                  <Table.Td>{r.target}<SubsidyApplicationLink referral={r} /></Table.Td>
                  <Table.Td><Badge variant="light" color={r.state === 'hired' || r.state === 'taken_up' ? 'green' : r.nextStates.length === 0 ? 'gray' : 'blue'}>{r.stateLabel}</Badge> <Text span size="xs" c="dimmed">{r.stateOn}</Text>{r.outcomeNote && <Text size="xs" c="dimmed">{r.outcomeNote}</Text>}</Table.Td>
                  <Table.Td>{writable ? <ReferralOutcomeForm key={`${r.id}-${r.version}`} referral={r} onProposal={setProposal} /> : r.counselorName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {g && g.followUps.length > 0 && (
          <Table withTableBorder data-testid="guidance-follow-ups">
            <Table.Thead><Table.Tr><Table.Th>回访日期</Table.Th><Table.Th>原因</Table.Th><Table.Th>状态</Table.Th><Table.Th>回访情况</Table.Th><Table.Th>指导员</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {g.followUps.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.dueOn}</Table.Td>
                  <Table.Td>{f.reasonLabel}{f.about && <Text size="xs" c="dimmed">{f.about}</Text>}</Table.Td>
                  <Table.Td>{f.standing ? <Badge color={STANDING_COLORS[f.standing]} variant="light">{f.standing === 'overdue' ? '已逾期' : f.standing === 'today' ? '今天' : '待回访'}</Badge> : f.statusLabel}</Table.Td>
                  <Table.Td>{f.doneOn ? `${f.doneOn} ${f.note ?? ''}` : (f.note ?? '—')}</Table.Td>
                  <Table.Td>{f.counselorName}</Table.Td>
                  <Table.Td>{writable && f.status === 'due' && <Button size="compact-xs" variant="light" onClick={() => setCompleting(f)}>记录回访</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {scheduling && <ScheduleFollowUpDialog personId={person.id} personName={person.name} onClose={(due) => { setScheduling(false); if (due) setNotice(`已安排 ${due} 回访。`); }} />}
      {completing && <CompleteFollowUpDialog followUp={completing} onClose={() => setCompleting(null)} />}
    </Paper>
  );
}

/** 推荐 → 补贴申请: the case it led to, or for the window a button that opens the prefilled draft. */
function SubsidyApplicationLink({ referral }: { referral: GuidanceReferralView }) {
  const navigate = useNavigate();
  const canPrepare = useCan('cases.prepare');
  const open = useMutation({
    mutationFn: () => call('guidance.openSubsidyApplication', { referralId: referral.id }),
    onSuccess: (draft) => navigate(`/cases/${draft.id}`),
  });
  if (referral.caseId !== null) return <Text size="xs"><Link to={`/cases/${referral.caseId}`}>已生成补贴申请（业务编号 {referral.caseId}）</Link></Text>;
  if (referral.kind !== 'subsidy' || referral.subsidyCode === null || !canPrepare) return null;
  return (
    <>
      <Button size="compact-xs" variant="light" ml="xs" loading={open.isPending} onClick={() => open.mutate()}>生成补贴申请</Button>
      {open.isError && <Text size="xs" c="red">{errorMessage(open.error)}</Text>}
    </>
  );
}
