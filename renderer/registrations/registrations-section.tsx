import { Alert, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InForceCase } from '../../shared/contract';
import { CERTIFICATION_EVENT_ROLES } from '../../shared/domain/person-contacts';
import type { Role } from '../../shared/roles';
import { call, errorMessage } from '../api/client';
import { useSession } from '../api/queries';
import { AftercareDialog, STEPS, type Step } from './aftercare-dialog';

const STATUS_LABELS: Record<InForceCase['status'], [string, string]> = {
  in_force: ['有效', 'green'], suspended: ['暂停', 'orange'], expired: ['已到期', 'gray'], ended: ['已注销/退出', 'gray'],
};

function mayStep(roles: readonly Role[], step: Step): boolean {
  if (step === 'registrations.cancel') return roles.some((r) => r !== 'admin');
  return CERTIFICATION_EVENT_ROLES[step.slice('certifications.'.length) as keyof typeof CERTIFICATION_EVENT_ROLES].some((r) => roles.includes(r));
}

function stepsOf(m: InForceCase): Step[] {
  if (m.status === 'ended') return [];
  if (m.caseType === 'unemployment_registration') return ['registrations.cancel'];
  if (m.status === 'expired') return ['certifications.exit'];
  return m.status === 'suspended' ? ['certifications.review', 'certifications.resume', 'certifications.exit'] : ['certifications.review', 'certifications.suspend', 'certifications.exit'];
}

/** 登记与认定 on the profile: the approved registrations and certifications and what happened to them. */
export function RegistrationsSection({ personId }: { personId: number }) {
  const roles = useSession().data?.roles ?? [];
  const [open, setOpen] = useState<{ theCase: InForceCase; step: Step } | null>(null);
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
            const facts = m.caseType === 'unemployment_registration'
              ? [`登记 ${m.acceptedOn ?? '—'}`, m.followedUpOn ? `已跟踪联系 ${m.followedUpOn}` : `应于 ${m.followUpDue ?? '—'} 前跟踪联系`]
              : [`有效期 ${m.validFrom ?? '—'} 至 ${m.validTo ?? '长期'}`, m.suspendedOn ? `${m.suspendedOn} 起暂停` : null, m.reviewDue ? `下次复核 ${m.reviewDue}` : null];
            if (m.endedOn) facts.push(`${m.endedOn} ${m.endReasonLabel ?? ''}（${m.endedByName ?? ''}）`);
            return (
              <Table.Tr key={m.caseId}>
                <Table.Td><Link to={`/cases/${m.caseId}`}>{m.caseType === 'unemployment_registration' ? '失业登记' : '就业困难人员认定'} {m.receiptNo}</Link></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge color={color} variant="light" style={{ flexShrink: 0 }}>{statusLabel}</Badge></Table.Td>
                <Table.Td><Text size="sm">{facts.filter(Boolean).join('；')}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {stepsOf(m).filter((s) => mayStep(roles, s)).map((s) => (
                      <Button key={s} size="compact-xs" variant="light" color={STEPS[s].destructive ? 'red' : undefined} onClick={() => setOpen({ theCase: m, step: s })}>{STEPS[s].title}</Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {open && <AftercareDialog theCase={open.theCase} step={open.step} onClose={() => setOpen(null)} />}
    </Paper>
  );
}
