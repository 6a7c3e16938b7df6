import { Alert, Button, Checkbox, Group, NumberInput, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TrainingClassDetail } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';

/**
 * 课次与考勤: a session is added for a day of the class, then each trainee in
 * training is ticked present (出勤) or left absent; saving marks everyone listed.
 */
export function AttendancePanel({ detail, canManage }: { detail: TrainingClassDetail; canManage: boolean }) {
  const queryClient = useQueryClient();
  const classId = detail.trainingClass.id;
  const open = detail.trainingClass.status === 'planned';
  const inTraining = detail.enrolments.filter((e) => e.status === 'enrolled');
  const [sessionDate, setSessionDate] = useState(officeDate(new Date()));
  const [hours, setHours] = useState<number | string>(8);
  const [present, setPresent] = useState<Record<number, Set<number>>>({});
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['training.classDetail', classId] });
  const addSession = useMutation({
    mutationFn: () => call('training.addSession', { classId, sessionDate: sessionDate.trim(), hours: Number(hours) }),
    onSuccess: (s) => { setError(null); void refresh(); notifications.show({ color: 'green', message: `已添加课次 ${s.sessionDate}` }); },
    onError: (e) => setError(errorMessage(e)),
  });
  const mark = useMutation({
    mutationFn: (sessionId: number) => {
      const chosen = present[sessionId] ?? new Set(detail.sessions.find((s) => s.id === sessionId)!.present);
      return call('training.recordAttendance', { sessionId, marks: inTraining.map((e) => ({ enrolmentId: e.id, present: chosen.has(e.id) })) });
    },
    onSuccess: (s) => { setError(null); void refresh(); notifications.show({ color: 'green', message: `已保存 ${s.sessionDate} 的考勤：出勤 ${s.present.length} 人` }); },
    onError: (e) => setError(errorMessage(e)),
  });
  const toggle = (sessionId: number, enrolmentId: number, saved: number[]) => {
    const next = new Set(present[sessionId] ?? saved);
    if (next.has(enrolmentId)) next.delete(enrolmentId);
    else next.add(enrolmentId);
    setPresent({ ...present, [sessionId]: next });
  };
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4} mb="sm">课次与考勤</Title>
      {error && <Alert color="red" mb="sm" data-testid="attendance-error">{error}</Alert>}
      {canManage && open && (
        <form onSubmit={(e) => { e.preventDefault(); addSession.mutate(); }}>
          <Group align="flex-end" mb="sm">
            <TextInput label="上课日期" w={140} maxLength={10} value={sessionDate} onChange={(e) => setSessionDate(e.currentTarget.value)} />
            <NumberInput label="学时" w={90} min={1} max={12} allowDecimal={false} value={hours} onChange={setHours} />
            <Button type="submit" variant="light" loading={addSession.isPending}>添加课次</Button>
          </Group>
        </form>
      )}
      {detail.sessions.length === 0 ? <Text c="dimmed">还没有课次</Text> : (
        <Table withTableBorder data-testid="attendance-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>学员</Table.Th>
              {detail.sessions.map((s) => <Table.Th key={s.id}>{s.sessionDate}（{s.hours}学时）</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.enrolments.filter((e) => e.status !== 'withdrawn').map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.personName}</Table.Td>
                {detail.sessions.map((s) => {
                  const chosen = present[s.id] ?? new Set(s.present);
                  return (
                    <Table.Td key={s.id}>
                      <Checkbox
                        aria-label={`${e.personName} ${s.sessionDate} 出勤`} checked={chosen.has(e.id)} disabled={!canManage || !open || e.status !== 'enrolled'}
                        onChange={() => toggle(s.id, e.id, s.present)}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
            {canManage && open && (
              <Table.Tr>
                <Table.Td />
                {detail.sessions.map((s) => (
                  <Table.Td key={s.id}><Button size="xs" variant="light" onClick={() => mark.mutate(s.id)} loading={mark.isPending && mark.variables === s.id}>保存考勤</Button></Table.Td>
                ))}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
