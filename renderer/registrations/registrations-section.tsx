import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InForceMatter, MethodName } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { CANCELLATION_REASONS, DIFFICULTY_EXIT_REASONS, DIFFICULTY_SUSPENSION_REASONS } from '../../shared/domain/matter-types';
import { CERTIFICATION_EVENT_ROLES } from '../../shared/domain/person-contacts';
import type { Role } from '../../shared/roles';
import { call, errorMessage } from '../api/client';
import { useSession } from '../api/queries';

const STATUS_LABELS: Record<InForceMatter['status'], [string, string]> = {
  in_force: ['有效', 'green'], suspended: ['暂停', 'orange'], expired: ['已到期', 'gray'], ended: ['已注销/退出', 'gray'],
};

type Step = 'registrations.cancel' | 'certifications.review' | 'certifications.suspend' | 'certifications.resume' | 'certifications.exit';

const STEPS: Record<Step, { title: string; verb: string; reasons: { value: string; label: string }[] | null; destructive: boolean }> = {
  'registrations.cancel': { title: '注销失业登记', verb: '确认注销', reasons: CANCELLATION_REASONS.map((r) => ({ value: r.code, label: r.label })), destructive: true },
  'certifications.review': { title: '年度复核', verb: '记录复核', reasons: null, destructive: false },
  'certifications.suspend': { title: '暂停认定', verb: '确认暂停', reasons: DIFFICULTY_SUSPENSION_REASONS.map(([value, label]) => ({ value, label })), destructive: true },
  'certifications.resume': { title: '恢复认定', verb: '确认恢复', reasons: null, destructive: false },
  'certifications.exit': { title: '退出认定', verb: '确认退出', reasons: DIFFICULTY_EXIT_REASONS.map(([value, label]) => ({ value, label })), destructive: true },
};

/**
 * One step after a decision, with its day, reason and note, behind a dialog
 * that says what will happen: 注销 and exit cannot be undone at the desk.
 */
export function AftercareDialog({ matter, step, fixedReason, onClose }: { matter: InForceMatter; step: Step; fixedReason?: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const roles = useSession().data?.roles ?? [];
  const spec = STEPS[step];
  // Only the reasons this user may use (no_contact_6_months is a reviewer's); the backend checks again.
  const reasons = step === 'registrations.cancel' && fixedReason === undefined
    ? CANCELLATION_REASONS.filter((r) => r.roles.some((role) => roles.includes(role))).map((r) => ({ value: r.code, label: r.label }))
    : spec.reasons;
  const [onDate, setOnDate] = useState(officeDate(new Date()));
  const [reason, setReason] = useState<string | null>(fixedReason ?? null);
  const [note, setNote] = useState('');
  const run = useMutation({
    mutationFn: () => {
      const input = { caseId: matter.caseId, version: matter.version, onDate: onDate.trim(), note: note.trim() || null, ...(spec.reasons ? { reason: reason ?? '' } : {}) };
      return call(step as MethodName, input as never);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries();
      onClose();
    },
  });
  const label = spec.reasons?.find((r) => r.value === reason)?.label;
  return (
    <Modal opened onClose={onClose} title={`${spec.title}：${matter.personName}`}>
      <Stack>
        {run.isError && <Alert color="red" data-testid="aftercare-error">{errorMessage(run.error)}</Alert>}
        <Text size="sm">{matter.receiptNo ?? `#${matter.caseId}`}（{matter.matterType === 'difficulty_certification' ? '就业困难人员认定' : '失业登记'}）</Text>
        <TextInput label="日期" withAsterisk maxLength={10} value={onDate} onChange={(e) => setOnDate(e.currentTarget.value)} data-autofocus />
        {reasons && <Select label="原因" withAsterisk data={reasons} value={reason} onChange={setReason} disabled={fixedReason !== undefined} searchable />}
        <Textarea label="说明" autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {spec.destructive && (
          <Alert color="orange">
            {spec.title}{label ? `（${label}）` : ''}后，{step === 'registrations.cancel' ? '此人不再是登记失业人员，就业状态随原因改变' : '就业困难人员标签随即取消'}。记录保留，不会删除。
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button color={spec.destructive ? 'red' : undefined} loading={run.isPending} disabled={spec.reasons !== null && !reason} onClick={() => run.mutate()}>{spec.verb}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function mayStep(roles: readonly Role[], step: Step): boolean {
  if (step === 'registrations.cancel') return roles.some((r) => r !== 'admin');
  return CERTIFICATION_EVENT_ROLES[step.slice('certifications.'.length) as keyof typeof CERTIFICATION_EVENT_ROLES].some((r) => roles.includes(r));
}

function stepsOf(m: InForceMatter): Step[] {
  if (m.status === 'ended') return [];
  if (m.matterType === 'unemployment_registration') return ['registrations.cancel'];
  if (m.status === 'expired') return ['certifications.exit'];
  return m.status === 'suspended' ? ['certifications.review', 'certifications.resume', 'certifications.exit'] : ['certifications.review', 'certifications.suspend', 'certifications.exit'];
}

/** 登记与认定 on the profile: the approved registrations and certifications and what happened to them. */
export function AftercareSection({ personId }: { personId: number }) {
  const roles = useSession().data?.roles ?? [];
  const [open, setOpen] = useState<{ matter: InForceMatter; step: Step } | null>(null);
  const list = useQuery({ queryKey: ['registrations.forPerson', personId], queryFn: () => call('registrations.forPerson', { personId }) });
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  const items = list.data ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="lg" data-testid="aftercare-section">
      <Title order={4} mb="sm">登记与认定</Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr><Table.Th>事项</Table.Th><Table.Th w={100}>状态</Table.Th><Table.Th>情况</Table.Th><Table.Th>办理</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => {
            const [statusLabel, color] = STATUS_LABELS[m.status];
            const facts = m.matterType === 'unemployment_registration'
              ? [`登记 ${m.acceptedOn ?? '—'}`, m.followedUpOn ? `已跟踪联系 ${m.followedUpOn}` : `应于 ${m.followUpDue ?? '—'} 前跟踪联系`]
              : [`有效期 ${m.validFrom ?? '—'} 至 ${m.validTo ?? '长期'}`, m.suspendedOn ? `${m.suspendedOn} 起暂停` : null, m.reviewDue ? `下次复核 ${m.reviewDue}` : null];
            if (m.endedOn) facts.push(`${m.endedOn} ${m.endReasonLabel ?? ''}（${m.endedByName ?? ''}）`);
            return (
              <Table.Tr key={m.caseId}>
                <Table.Td><Link to={`/cases/${m.caseId}`}>{m.matterType === 'unemployment_registration' ? '失业登记' : '就业困难人员认定'} {m.receiptNo}</Link></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge color={color} variant="light" style={{ flexShrink: 0 }}>{statusLabel}</Badge></Table.Td>
                <Table.Td><Text size="sm">{facts.filter(Boolean).join('；')}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {stepsOf(m).filter((s) => mayStep(roles, s)).map((s) => (
                      <Button key={s} size="compact-xs" variant="light" color={STEPS[s].destructive ? 'red' : undefined} onClick={() => setOpen({ matter: m, step: s })}>{STEPS[s].title}</Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {open && <AftercareDialog matter={open.matter} step={open.step} onClose={() => setOpen(null)} />}
    </Paper>
  );
}
