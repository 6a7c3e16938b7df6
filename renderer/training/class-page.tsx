import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatYuan } from '../../shared/domain/payments/money';
import { COMPLETION_ATTENDANCE_PERCENT } from '../../shared/domain/training';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { Field } from '../shell/field';
import { AttendancePanel } from './attendance-panel';
import { TrainingClaimPanel } from './claim-panel';
import { EnrolPanel } from './enrol-panel';
import { TraineeActionButton } from './trainee-actions';

const STATUS_COLORS = { enrolled: 'blue', completed: 'green', not_completed: 'orange', withdrawn: 'gray' } as const;

/** 培训期次: the class's facts, 报名, 课次与考勤, 结业 and each trainee's assessment and certificate. */
export function TrainingClassPage() {
  const classId = Number(useParams().id);
  const canManage = useCan('training.manage');
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['training.classDetail', classId], queryFn: () => call('training.classDetail', { classId }) });
  const [completedOn, setCompletedOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const complete = useMutation({
    mutationFn: () => call('training.completeClass', { classId, version: detail.data!.trainingClass.version, completedOn: completedOn.trim() }),
    onSuccess: (d) => {
      setError(null);
      queryClient.setQueryData(['training.classDetail', classId], d);
      void queryClient.invalidateQueries({ queryKey: ['training.listClasses'] });
      notifications.show({ color: 'green', message: `期次已结业：结业 ${d.enrolments.filter((e) => e.status === 'completed').length} 人` });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  if (detail.isError) return <Alert color="red">{errorMessage(detail.error)}</Alert>;
  if (!detail.data) return null;
  const { trainingClass: c, programme: p, enrolments } = detail.data;
  const open = c.status === 'planned';
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>培训期次 {c.classNumber}</Title>
        <Anchor component={Link} to="/training">返回职业培训</Anchor>
      </Group>
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={4}>
          <Field label="培训项目" value={`${p.name}（${p.levelLabel}）`} />
          <Field label="培训类别" value={p.kindLabel} />
          <Field label="培训机构" value={p.providerName} />
          <Field label="状态" value={<Badge variant="light">{c.statusLabel}</Badge>} />
          <Field label="起止日期" value={`${c.startDate} 至 ${c.endDate}`} />
          <Field label="培训地点" value={c.place} />
          <Field label="授课教师" value={c.teacher} />
          <Field label="报名/计划人数" value={`${c.enrolled} / ${c.capacity}`} />
          <Field label="培训对象" value={p.eligibilityLabel} />
          <Field label="课时" value={`${p.hours} 学时`} />
          <Field label="补贴标准" value={`${formatYuan(p.subsidyPerPersonFen)} 元/人`} />
        </SimpleGrid>
      </Paper>
      {canManage && open && <EnrolPanel classId={classId} needsEmployer={p.eligibility === 'employee'} />}
      <Paper withBorder p="md" mb="md">
        <Title order={4} mb="sm">学员（{enrolments.length}）</Title>
        <Table striped withTableBorder data-testid="trainee-list">
          <Table.Thead>
            <Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>报名日期</Table.Th><Table.Th>出勤学时</Table.Th><Table.Th>状态</Table.Th><Table.Th>考核</Table.Th><Table.Th>证书</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {enrolments.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td><Anchor component={Link} to={`/persons/${e.personId}`}>{e.personName}</Anchor>{e.employerName && <Text size="xs" c="dimmed">{e.employerName}</Text>}</Table.Td>
                <Table.Td>{e.idNumberMasked}</Table.Td><Table.Td>{e.enrolledOn}</Table.Td><Table.Td>{e.attendedHours}</Table.Td>
                <Table.Td><Badge variant="light" color={STATUS_COLORS[e.status]}>{e.statusLabel}</Badge></Table.Td>
                <Table.Td>{e.assessmentLabel || '—'}</Table.Td>
                <Table.Td>
                  {e.certificate ? (
                    <>
                      {e.certificate.certificateNumber}（{e.certificate.levelLabel}）
                      {e.certificate.revokedOn && <Text size="xs" c="red">已于{e.certificate.revokedOn}撤销：{e.certificate.revokeReason}</Text>}
                    </>
                  ) : '—'}
                </Table.Td>
                <Table.Td>{canManage && <TraineeActionButton enrolment={e} classId={classId} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {enrolments.length === 0 && <Text c="dimmed" mt="sm">还没有学员报名</Text>}
      </Paper>
      <AttendancePanel detail={detail.data} canManage={canManage} />
      {c.status === 'closed' && <TrainingClaimPanel classId={classId} />}
      {canManage && open && (
        <Paper withBorder p="md" mb="md">
          <Title order={4} mb="xs">结业</Title>
          <Text size="sm" c="dimmed" mb="sm">出勤学时达到全部课次学时的 {COMPLETION_ATTENDANCE_PERCENT}% 的学员结业，其余为未结业；结业后考勤不能再改。</Text>
          {error && <Alert color="red" mb="sm" data-testid="complete-error">{error}</Alert>}
          <form onSubmit={(e) => { e.preventDefault(); complete.mutate(); }}>
            <Group align="flex-end">
              <TextInput label="结业日期" placeholder="YYYY-MM-DD" w={140} maxLength={10} value={completedOn} onChange={(e) => setCompletedOn(e.currentTarget.value)} />
              <Button type="submit" loading={complete.isPending}>期次结业</Button>
            </Group>
          </form>
        </Paper>
      )}
    </>
  );
}
