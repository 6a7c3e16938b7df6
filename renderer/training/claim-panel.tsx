import { Alert, Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { STATE_LABELS, type CaseState } from '../../shared/domain/workflow';
import { formatYuan } from '../../shared/domain/payments/money';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';

/**
 * 培训补贴: what the provider's claim for this class would be (qualified trainees × 补贴标准, those paid
 * before at 0 with the reason), the claims made, and the way to file one at the window.
 */
export function TrainingClaimPanel({ classId }: { classId: number }) {
  const canPrepare = useCan('cases.prepare');
  const preview = useQuery({ queryKey: ['training.claimPreview', classId], queryFn: () => call('training.claimPreview', { classId }) });
  if (preview.isError) return <Alert color="red" mb="md">{errorMessage(preview.error)}</Alert>;
  const p = preview.data;
  if (!p) return null;
  return (
    <Paper withBorder p="md" mb="md" data-testid="training-claim">
      <Group justify="space-between" mb="sm">
        <Title order={4}>培训补贴申领</Title>
        {canPrepare && p.claimantEnterpriseId !== null && p.problem === null && (
          <Button size="xs" variant="light" component={Link} to={`/cases/new?enterprise=${p.claimantEnterpriseId}&type=training_subsidy_claim&classNumber=${encodeURIComponent(p.classNumber)}`}>申领培训补贴</Button>
        )}
      </Group>
      {p.problem && <Alert color="gray" mb="sm">{p.problem}</Alert>}
      {p.claimantEnterpriseId === null && <Alert color="yellow" mb="sm">培训机构{p.providerName}（{p.providerCreditCode}）尚未登记在单位库，登记后方可申领</Alert>}
      {p.lines.length > 0 && (
        <Table withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>合格学员</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>证书编号</Table.Th><Table.Th ta="right">补贴（元）</Table.Th><Table.Th>说明</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {p.lines.map((l) => (
              <Table.Tr key={l.enrolmentId}>
                <Table.Td>{l.personName}</Table.Td><Table.Td>{l.idNumberMasked}</Table.Td><Table.Td>{l.certificateNumber ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatYuan(l.amountFen)}</Table.Td><Table.Td>{l.refusal ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot><Table.Tr><Table.Th colSpan={3}>可补贴 {p.paidCount} 人 × {formatYuan(p.subsidyPerPersonFen)} 元</Table.Th><Table.Th ta="right">{formatYuan(p.totalFen)}</Table.Th><Table.Th /></Table.Tr></Table.Tfoot>
        </Table>
      )}
      {p.claims.length > 0 && (
        <Group gap="xs" mt="sm">
          <Text size="sm">已提交的申领：</Text>
          {p.claims.map((c) => (
            <Anchor key={c.caseId} size="sm" component={Link} to={`/cases/${c.caseId}`}>
              {c.receiptNo ?? '草稿（尚未受理）'} <Badge size="sm" variant="light">{STATE_LABELS[c.state as CaseState] ?? c.state}</Badge>
            </Anchor>
          ))}
        </Group>
      )}
      <Text size="xs" c="dimmed" mt="xs">合格学员：结业且考核合格、证书未撤销；同一人同一职业（工种）同一等级只补贴一次。期次结束并登记结业后，由培训机构按期次申领，经受理、审核批准后转资金兑付。</Text>
    </Paper>
  );
}
