import { Alert, Badge, Button, Group, Menu, Modal, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FairAttendanceView, FairIntentionView, FairView } from '../../shared/contract';
import type { IntentionOutcome } from '../../shared/domain/fair-codes';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { outcomeLabel, OUTCOME_OPTIONS } from './options';
import { FormActions } from '../shell/form-actions';
import { RateButton } from '../satisfaction/rate-button';

const PAGE_SIZE = 20;
const OUTCOME_COLORS: Record<IntentionOutcome, string> = { intention: 'blue', hired: 'green', not_hired: 'gray' };

/** 登记达成意向: an enterprise of this fair and, where named, one of the vacancies it brought. */
function IntentionDialog({ fair, attendance, onClose }: { fair: FairView; attendance: FairAttendanceView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [enterpriseId, setEnterpriseId] = useState<string | null>(fair.enterprises.length === 1 ? String(fair.enterprises[0]!.enterpriseId) : null);
  const [vacancyId, setVacancyId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const participation = fair.enterprises.find((p) => String(p.enterpriseId) === enterpriseId);
  const save = useMutation({
    mutationFn: () => call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: Number(enterpriseId), vacancyId: vacancyId ? Number(vacancyId) : null, note: note.trim() || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['fairs.attendances', fair.id] });
      void queryClient.invalidateQueries({ queryKey: ['fairs.get', fair.id] });
      notifications.show({ color: 'green', message: `已登记 ${attendance.personName} 的意向` });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`登记达成意向：${attendance.personName}`}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Select label="意向企业" withAsterisk searchable data-autofocus data={fair.enterprises.map((p) => ({ value: String(p.enterpriseId), label: `${p.boothNumber ? `${p.boothNumber} ` : ''}${p.enterpriseName}` }))} value={enterpriseId} onChange={(v) => { setEnterpriseId(v); setVacancyId(null); }} />
          <Select label="意向岗位" clearable placeholder="不指定岗位" data={(participation?.vacancies ?? []).map((v) => ({ value: String(v.id), label: v.title }))} value={vacancyId} onChange={setVacancyId} />
          <TextInput label="备注" maxLength={200} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <FormActions cancel={onClose} submitLabel="保存意向" loading={save.isPending} disabled={!enterpriseId} />
        </Stack>
      </form>
    </Modal>
  );
}

function OutcomeMenu({ fairId, intention, canWrite }: { fairId: number; intention: FairIntentionView; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const set = useMutation({
    mutationFn: (outcome: IntentionOutcome) => call('fairs.setIntentionOutcome', { id: intention.id, version: intention.version, outcome }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['fairs.attendances', fairId] });
      void queryClient.invalidateQueries({ queryKey: ['fairs.get', fairId] });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const label = `${intention.enterpriseName}${intention.vacancyTitle ? `·${intention.vacancyTitle}` : ''}`;
  const badge = <Badge color={OUTCOME_COLORS[intention.outcome]} variant="light" style={{ cursor: canWrite ? 'pointer' : undefined }}>{label}（{outcomeLabel(intention.outcome)}）</Badge>;
  if (!canWrite) return badge;
  return (
    <Menu>
      <Menu.Target><button type="button" style={{ all: 'unset' }} aria-label={`登记结果：${label}`}>{badge}</button></Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>登记结果</Menu.Label>
        {OUTCOME_OPTIONS.map((o) => <Menu.Item key={o.value} disabled={o.value === intention.outcome} onClick={() => set.mutate(o.value as IntentionOutcome)}>{o.label}</Menu.Item>)}
      </Menu.Dropdown>
    </Menu>
  );
}

/** 入场人员: latest first, masked ID and phone, each with the intentions reached at the fair. */
export function AttendanceList({ fair, canWrite }: { fair: FairView; canWrite: boolean }) {
  const [page, setPage] = useState(1);
  const [intentionFor, setIntentionFor] = useState<FairAttendanceView | null>(null);
  const list = useQuery({ queryKey: ['fairs.attendances', fair.id, page], queryFn: () => call('fairs.attendances', { fairId: fair.id, page, pageSize: PAGE_SIZE }) });
  const open = fair.status !== 'cancelled';
  return (
    <Stack gap="xs">
      <Title order={4}>入场人员（{list.data?.total ?? 0}）</Title>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      <Table withTableBorder striped data-testid="attendance-list">
        <Table.Thead>
          <Table.Tr><Table.Th>入场时间</Table.Th><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>手机号码</Table.Th><Table.Th>达成意向</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{formatOfficeTimestamp(a.checkedInAt)}</Table.Td>
              <Table.Td>{a.personName}{a.registeredAtDoor && <Badge ml="xs" size="xs" variant="outline">现场建档</Badge>}</Table.Td>
              <Table.Td ff="monospace">{a.idNumberMasked}</Table.Td><Table.Td ff="monospace">{a.phoneMasked ?? '—'}</Table.Td>
              <Table.Td><Group gap={4}>{a.intentions.length ? a.intentions.map((i) => <OutcomeMenu key={i.id} fairId={fair.id} intention={i} canWrite={canWrite} />) : <Text size="sm" c="dimmed">—</Text>}</Group></Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {canWrite && open && fair.enterprises.length > 0 && <Button size="compact-sm" variant="light" onClick={() => setIntentionFor(a)}>登记意向</Button>}
                  <RateButton serviceType="fair_attendance" serviceId={a.id} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(list.data?.total ?? 0) > PAGE_SIZE && <Pagination total={Math.ceil(list.data!.total / PAGE_SIZE)} value={page} onChange={setPage} />}
      {intentionFor && <IntentionDialog fair={fair} attendance={intentionFor} onClose={() => setIntentionFor(null)} />}
    </Stack>
  );
}
