import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonView } from '../../shared/contract';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { queryKeys } from '../api/queries';
import { onInvalidFields } from '../shell/focus-first-error';

const LEVELS = ['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工', '专项职业能力', '其他'] as const;

/** 职业资格/技能等级证书 held by the person. */
export function QualificationsSection({ person, canWrite }: { person: PersonView; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', level: null as string | null, certificateNumber: '', issuedOn: '' },
    validate: { name: (v) => (v.trim() ? null : '请填写证书名称') },
  });
  const add = useMutation({
    mutationFn: (v: typeof form.values) =>
      call('persons.addQualification', {
        personId: person.id,
        name: v.name,
        level: v.level as (typeof LEVELS)[number] | null,
        certificateNumber: v.certificateNumber.trim() || null,
        issuedOn: v.issuedOn.trim() || null,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.person(person.id), updated);
      form.reset();
      setAdding(false);
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, ['name', 'level', 'certificateNumber', 'issuedOn'])),
  });
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>职业资格与技能证书</Title>
        {canWrite && person.mergedIntoId === null && <Button size="xs" variant="light" onClick={() => setAdding(true)}>登记证书</Button>}
      </Group>
      {person.qualifications.length === 0 ? (
        <Text c="dimmed">暂无证书。</Text>
      ) : (
        <Table withTableBorder data-testid="qualifications">
          <Table.Thead>
            <Table.Tr><Table.Th>名称</Table.Th><Table.Th>等级</Table.Th><Table.Th>证书编号</Table.Th><Table.Th>发证日期</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.qualifications.map((q) => (
              <Table.Tr key={q.id}><Table.Td>{q.name}</Table.Td><Table.Td>{q.level ?? '—'}</Table.Td><Table.Td>{q.certificateNumber ?? '—'}</Table.Td><Table.Td>{q.issuedOn ?? '—'}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="登记职业资格或技能证书">
        <form noValidate onSubmit={form.onSubmit((v) => { setError(null); add.mutate(v); }, onInvalidFields)}>
          <Stack>
            {error && <Alert color="red">{error}</Alert>}
            <TextInput label="证书名称（职业/工种）" withAsterisk maxLength={100} {...form.getInputProps('name')} />
            <Select label="等级" data={[...LEVELS]} clearable {...form.getInputProps('level')} />
            <TextInput label="证书编号" maxLength={60} {...form.getInputProps('certificateNumber')} />
            <TextInput label="发证日期" placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('issuedOn')} />
            <Group justify="flex-end"><Button type="submit" loading={add.isPending}>保存</Button></Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
