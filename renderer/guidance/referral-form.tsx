import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { GuidanceSessionView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { REFERRAL_KINDS, type ReferralKind } from '../../shared/domain/guidance';
import { applicantMayApply } from '../../shared/domain/editable-code-tables';
import { call } from '../api/client';
import { useCodeTable } from '../api/queries';
import { applyFieldErrors } from '../api/form-errors';
import { onInvalidFields } from '../shell/focus-first-error';
import { invalidateGuidance } from './guidance-queries';

interface ReferralValues { kind: ReferralKind; vacancyId: string | null; subsidyCode: string | null; targetName: string; referredOn: string; sessionId: string | null; note: string }
const FIELDS = ['kind', 'vacancyId', 'subsidyCode', 'targetName', 'referredOn', 'sessionId', 'note'] as const;

/** Open vacancies matching what is typed (title, employer), twenty at a time. */
function VacancyPicker({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: ReactNode }) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const list = useQuery({
    queryKey: ['vacancies.search', 'guidance', query],
    queryFn: () => call('vacancies.search', { filters: { status: 'open', ...(query.trim() ? { query: query.trim() } : {}) }, page: 1, pageSize: 20 }),
  });
  const data = (list.data?.items ?? []).map((v) => ({ value: String(v.id), label: `${v.title}（${v.enterpriseName}）` }));
  return (
    <Select
      label="推荐岗位" withAsterisk searchable data={data} value={value} onChange={onChange} searchValue={search} onSearchChange={setSearch}
      filter={({ options }) => options} nothingFoundMessage="没有匹配的在招岗位" placeholder="输入岗位或单位名称" error={error} data-path="vacancyId"
    />
  );
}

/** 推荐: to a vacancy, a class, a subsidy or entrepreneurship services; the follow-up is scheduled by the desk. */
export function ReferralForm({ personId, sessions, onDone }: { personId: number; sessions: GuidanceSessionView[]; onDone: (followUpDue: string) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ReferralValues>({
    initialValues: { kind: 'vacancy', vacancyId: null, subsidyCode: null, targetName: '', referredOn: officeDate(new Date()), sessionId: sessions[0] ? String(sessions[0].id) : null, note: '' },
    validate: {
      vacancyId: (v, values) => (values.kind !== 'vacancy' || v ? null : '请选择推荐岗位'),
      targetName: (v, values) => (values.kind === 'vacancy' || v.trim() || (values.kind === 'subsidy' && values.subsidyCode) ? null : '请填写推荐去向'),
      referredOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? null : '日期格式应为 YYYY-MM-DD'),
    },
  });
  // The window opens the 补贴申请 prefilled with the item: only items a person may apply for.
  const catalogue = useCodeTable('subsidy_catalogue', form.values.kind === 'subsidy');
  const subsidies = (catalogue.data ?? []).filter((e) => e.active && applicantMayApply(e.applicant, 'person')).map((e) => ({ value: e.code, label: e.label }));
  const refer = useMutation({
    mutationFn: (v: ReferralValues) =>
      call('guidance.refer', {
        personId, kind: v.kind, referredOn: v.referredOn.trim(), note: v.note.trim() || null, sessionId: v.sessionId ? Number(v.sessionId) : null,
        ...(v.kind === 'vacancy' ? { vacancyId: Number(v.vacancyId) } : { targetName: v.targetName.trim() || null }),
        ...(v.kind === 'subsidy' && v.subsidyCode ? { subsidyCode: v.subsidyCode } : {}),
      }),
    onSuccess: (r) => {
      invalidateGuidance(queryClient, personId);
      onDone(r.followUp.dueOn);
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, FIELDS)),
  });
  return (
    <Paper withBorder p="md" data-testid="referral-form">
      <form noValidate aria-label="推荐" onSubmit={form.onSubmit((v) => { setError(null); refer.mutate(v); }, onInvalidFields)}>
        <Stack gap="xs">
          <Title order={5}>推荐</Title>
          {error && <Alert color="red">{error}</Alert>}
          <SimpleGrid cols={3}>
            <Select label="推荐类型" withAsterisk data={REFERRAL_KINDS.map(([value, label]) => ({ value, label }))} allowDeselect={false} {...form.getInputProps('kind')} />
            {form.values.kind === 'vacancy'
              ? <VacancyPicker value={form.values.vacancyId} onChange={(v) => form.setFieldValue('vacancyId', v)} error={form.errors.vacancyId} />
              : form.values.kind === 'subsidy'
                ? <Select label="补贴项目" searchable clearable placeholder="补贴目录中的项目" data={subsidies} {...form.getInputProps('subsidyCode')} />
                : <TextInput label="推荐去向" withAsterisk maxLength={100} placeholder="培训班、项目或创业服务的名称" {...form.getInputProps('targetName')} />}
            {form.values.kind === 'subsidy' && <TextInput label="推荐去向" maxLength={100} placeholder="不填则为补贴项目名称" {...form.getInputProps('targetName')} />}
            <TextInput label="推荐日期" withAsterisk maxLength={10} placeholder="YYYY-MM-DD" {...form.getInputProps('referredOn')} />
            <Select label="所属指导记录" clearable data={sessions.map((s) => ({ value: String(s.id), label: `${s.sessionDate} ${s.modeLabel}` }))} {...form.getInputProps('sessionId')} />
            <TextInput label="备注" maxLength={500} style={{ gridColumn: 'span 2' }} {...form.getInputProps('note')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={refer.isPending}>保存推荐</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
