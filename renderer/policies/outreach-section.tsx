import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FindingView, OutreachView } from '../../shared/contract';
import { OUTREACH_CHANNELS, OUTREACH_OUTCOMES } from '../../shared/contract/policy-findings';
import { isIsoDate } from '../../shared/domain/calendar';
import { officeDate } from '../../shared/domain/dates';
import { OUTREACH_CHANNEL_LABELS, OUTREACH_OUTCOME_LABELS } from '../../shared/labels/policies';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { HeaderRow } from '../shell/header-row';
import { FINDINGS_KEY } from './sweep-panel';
import { NOWRAP } from './policy-text';
import { onInvalidFields } from '../shell/focus-first-error';

export const findingKey = (id: number) => ['policies.finding', id] as const;

const FIELDS = ['channel', 'contactedOn', 'outcome', 'message', 'note'] as const;
/** Channels that carry a text the person receives (the SMS, the letter, the WeChat message). */
const WRITTEN: ReadonlyArray<OutreachView['channel']> = ['sms', 'letter', 'wechat'];

interface OutreachValues { channel: OutreachView['channel']; contactedOn: string; outcome: OutreachView['outcome']; message: string; note: string }

/** 记录联系: how and when the person or enterprise was told of the policy, and what came of it; Enter in a field saves. */
function OutreachForm({ finding }: { finding: FindingView }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<OutreachValues>({
    initialValues: { channel: 'phone', contactedOn: officeDate(new Date()), outcome: 'reached', message: finding.suggestedMessage, note: '' },
    validate: {
      contactedOn: (v) => (isIsoDate(v.trim()) ? null : '日期格式应为 YYYY-MM-DD'),
      message: (v, values) => (values.channel === 'sms' && !v.trim() ? '短信须记录发送内容' : null),
    },
  });
  const record = useMutation({
    mutationFn: (v: OutreachValues) =>
      call('policies.recordOutreach', {
        findingId: finding.id,
        channel: v.channel,
        contactedOn: v.contactedOn.trim(),
        outcome: v.outcome,
        ...(WRITTEN.includes(v.channel) && v.message.trim() ? { message: v.message.trim() } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(findingKey(finding.id), view);
      void queryClient.invalidateQueries({ queryKey: FINDINGS_KEY });
      form.setValues({ note: '' });
      setError(null);
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, FIELDS)),
  });
  const written = WRITTEN.includes(form.values.channel);
  return (
    <form noValidate aria-label="记录联系" onSubmit={form.onSubmit((v) => record.mutate(v), onInvalidFields)}>
      <Stack gap="xs">
        {error && <Alert color="red">{error}</Alert>}
        <SimpleGrid cols={3}>
          <Select label="联系方式" withAsterisk allowDeselect={false} data={OUTREACH_CHANNELS.map((c) => ({ value: c, label: OUTREACH_CHANNEL_LABELS[c] }))} {...form.getInputProps('channel')} />
          <TextInput label="联系日期" withAsterisk maxLength={10} placeholder="YYYY-MM-DD" {...form.getInputProps('contactedOn')} />
          <Select label="联系结果" withAsterisk allowDeselect={false} data={OUTREACH_OUTCOMES.map((o) => ({ value: o, label: OUTREACH_OUTCOME_LABELS[o] }))} {...form.getInputProps('outcome')} />
        </SimpleGrid>
        {written && (
          <Textarea label="发送内容" withAsterisk={form.values.channel === 'sms'} description="已按政策预填告知短信，可修改后发送并记录" autosize minRows={2} maxLength={500} {...form.getInputProps('message')} />
        )}
        <Group align="flex-end">
          <TextInput label="备注" style={{ flex: 1 }} maxLength={500} placeholder="如：本人表示下周来窗口办理" {...form.getInputProps('note')} />
          <Button type="submit" loading={record.isPending}>保存联系记录</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 联系记录 of a finding, oldest first, and the form while the finding is still open. */
export function OutreachSection({ finding }: { finding: FindingView }) {
  const open = finding.status === 'open' || finding.status === 'contacted';
  return (
    <Paper withBorder p="lg" data-testid="outreach">
      <Title order={4} mb="sm">联系记录</Title>
      {finding.outreach.length === 0 ? (
        <Text c="dimmed" mb="sm">尚未联系。</Text>
      ) : (
        <Table withTableBorder mb="md" data-testid="outreach-list">
          <HeaderRow labels={['联系日期', '方式', '结果', '发送内容', '备注', '经办人']} />
          <Table.Tbody>
            {finding.outreach.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td style={NOWRAP}>{o.contactedOn}</Table.Td><Table.Td style={NOWRAP}>{OUTREACH_CHANNEL_LABELS[o.channel]}</Table.Td>
                <Table.Td style={NOWRAP}>{OUTREACH_OUTCOME_LABELS[o.outcome]}</Table.Td><Table.Td>{o.message ?? '—'}</Table.Td>
                <Table.Td>{o.note ?? '—'}</Table.Td><Table.Td style={NOWRAP}>{o.staff ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <OutreachForm finding={finding} />}
    </Paper>
  );
}
