import { Alert, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { CONTACT_CHANNELS, CONTACT_KINDS, type ContactChannel, type ContactKind } from '../../shared/domain/person-contacts';
import { call, errorMessage } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { onInvalidFields } from '../shell/focus-first-error';

const PAGE_SIZE = 10;
const FIELDS = ['contactDate', 'kind', 'channel', 'content', 'outcome', 'vacancyId'] as const;

/** The record form, typed with the contract's kinds and channels (the selects cannot be cleared). */
interface ContactValues { contactDate: string; kind: ContactKind; channel: ContactChannel; content: string; outcome: string; vacancyId: string }

export const contactQueryKeys = { person: (personId: number) => ['contacts.listForPerson', personId] as const };

/**
 * 联系记录 on the profile: the record form first (the desk records while the
 * person is on the phone or at the window: Tab through, Enter saves), then the
 * person's contacts newest first, ten to a page.
 */
export function ContactsSection({ person, canWrite }: { person: PersonView; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const list = useQuery({
    queryKey: [...contactQueryKeys.person(person.id), page],
    queryFn: () => call('contacts.listForPerson', { personId: person.id, page, pageSize: PAGE_SIZE }),
  });
  const form = useForm<ContactValues>({
    initialValues: { contactDate: officeDate(new Date()), kind: 'follow_up', channel: 'phone', content: '', outcome: '', vacancyId: '' },
    validate: {
      contactDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? null : '日期格式应为 YYYY-MM-DD'),
      kind: (v) => (v ? null : '请选择联系类型'),
      channel: (v) => (v ? null : '请选择联系方式'),
      content: (v) => (v.trim() ? null : '请填写联系内容'),
      vacancyId: (v) => (v.trim() === '' || /^\d+$/.test(v.trim()) ? null : '岗位编号应为数字'),
    },
  });
  const record = useMutation({
    mutationFn: (v: typeof form.values) =>
      call('contacts.record', {
        personId: person.id,
        contactDate: v.contactDate.trim(),
        kind: v.kind,
        channel: v.channel,
        content: v.content,
        outcome: v.outcome.trim() || null,
        vacancyId: v.kind === 'job_referral' && v.vacancyId.trim() ? Number(v.vacancyId) : null,
      }),
    onSuccess: () => {
      form.setValues({ content: '', outcome: '', vacancyId: '' });
      setSaved(true);
      setPage(1);
      void queryClient.invalidateQueries({ queryKey: contactQueryKeys.person(person.id) });
      void queryClient.invalidateQueries({ queryKey: ['registrations.forPerson', person.id] });
      void queryClient.invalidateQueries({ queryKey: ['persons.timeline'] });
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, FIELDS)),
  });
  const data = list.data;
  return (
    <Paper withBorder p="lg" data-testid="contacts-section">
      <Title order={4} mb="sm">联系记录（跟踪联系、职业指导、岗位推荐）</Title>
      {canWrite && person.mergedIntoId === null && (
        <form noValidate aria-label="记录联系" onSubmit={form.onSubmit((v) => { setError(null); setSaved(false); record.mutate(v); }, onInvalidFields)}>
          <Stack gap="xs" mb="md">
            {error && <Alert color="red">{error}</Alert>}
            {saved && <Alert color="green" data-testid="contact-saved">已记录联系。</Alert>}
            <SimpleGrid cols={4}>
              <TextInput label="联系日期" withAsterisk maxLength={10} placeholder="YYYY-MM-DD" {...form.getInputProps('contactDate')} />
              <Select label="联系类型" withAsterisk data={CONTACT_KINDS.map(([value, label]) => ({ value, label }))} allowDeselect={false} {...form.getInputProps('kind')} />
              <Select label="联系方式" withAsterisk data={CONTACT_CHANNELS.map(([value, label]) => ({ value, label }))} allowDeselect={false} {...form.getInputProps('channel')} />
              {form.values.kind === 'job_referral' && <TextInput label="推荐岗位编号" maxLength={10} {...form.getInputProps('vacancyId')} />}
            </SimpleGrid>
            <Textarea label="联系内容" withAsterisk autosize minRows={2} maxLength={1000} {...form.getInputProps('content')} />
            <Group align="flex-end">
              <TextInput label="结果" style={{ flex: 1 }} maxLength={200} placeholder="如：已参加面试、暂无意向" {...form.getInputProps('outcome')} />
              <Button type="submit" loading={record.isPending}>保存联系记录</Button>
            </Group>
          </Stack>
        </form>
      )}
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {data && data.total === 0 && <Text c="dimmed">暂无联系记录。</Text>}
      {data && data.total > 0 && (
        <>
          <Table withTableBorder striped data-testid="contacts">
            <Table.Thead>
              <Table.Tr><Table.Th>日期</Table.Th><Table.Th>类型</Table.Th><Table.Th>方式</Table.Th><Table.Th>内容</Table.Th><Table.Th>结果</Table.Th><Table.Th>工作人员</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.contactDate}</Table.Td>
                  <Table.Td>{c.kindLabel}{c.vacancyTitle ? `：${c.vacancyTitle}` : ''}</Table.Td>
                  <Table.Td>{c.channelLabel}</Table.Td>
                  <Table.Td>{c.content}</Table.Td>
                  <Table.Td>{c.outcome ?? '—'}</Table.Td>
                  <Table.Td>{c.staffName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data.total > PAGE_SIZE && <Pagination mt="sm" total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
        </>
      )}
    </Paper>
  );
}
