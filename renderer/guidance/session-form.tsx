import { ActionIcon, Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GuidanceFollowUpView, GuidanceSessionView, InputOf } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { GUIDANCE_BARRIERS, GUIDANCE_MODES, PLAN_ITEM_OWNERS, type GuidanceBarrier, type GuidanceMode, type PlanItemOwner } from '../../shared/domain/guidance';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { useCodeTable } from '../api/queries';
import { onInvalidFields } from '../shell/focus-first-error';
import { invalidateGuidance } from './guidance-queries';
import { OccupationSelect } from '../shell/occupation-select';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const options = (table: readonly (readonly [string, string])[]) => table.map(([value, label]) => ({ value, label }));

interface PlanItemValues { description: string; owner: PlanItemOwner; dueOn: string }
/** The form's values, shaped like the contract's input (money typed in 元, sent in 分). */
interface SessionValues {
  sessionDate: string;
  durationMinutes: number | string;
  mode: GuidanceMode;
  topics: string[];
  notes: string;
  skills: string;
  intendedOccupationCode: string;
  expectedPayMinYuan: number | string;
  expectedPayMaxYuan: number | string;
  preferredPlace: string;
  barriers: GuidanceBarrier[];
  planItems: PlanItemValues[];
}

/** Contract field paths → the form's own, so the server's messages land under the right input. */
const SERVER_PATHS: Record<string, string> = {
  'assessment.skills': 'skills', 'assessment.intendedOccupationCode': 'intendedOccupationCode', 'assessment.expectedPayMinFen': 'expectedPayMinYuan',
  'assessment.expectedPayMaxFen': 'expectedPayMaxYuan', 'assessment.preferredPlace': 'preferredPlace', 'assessment.barriers': 'barriers',
};

const fen = (yuan: number | string): number | null => (yuan === '' ? null : Math.round(Number(yuan) * 100));

function toInput(personId: number, v: SessionValues): InputOf<'guidance.recordSession'> {
  return {
    personId, sessionDate: v.sessionDate.trim(), durationMinutes: Number(v.durationMinutes), mode: v.mode, topics: v.topics, notes: v.notes.trim() || null,
    assessment: {
      skills: v.skills.trim() || null, intendedOccupationCode: v.intendedOccupationCode.trim() || null, expectedPayMinFen: fen(v.expectedPayMinYuan),
      expectedPayMaxFen: fen(v.expectedPayMaxYuan), preferredPlace: v.preferredPlace.trim() || null, barriers: v.barriers,
    },
    planItems: v.planItems.map((i) => ({ description: i.description, owner: i.owner, dueOn: i.dueOn.trim() })),
  };
}

const yuanOf = (f: number | null): number | string => (f === null ? '' : f / 100);

/** A recorded session as the form's values, for 修改. */
function valuesOf(s: GuidanceSessionView): SessionValues {
  return {
    sessionDate: s.sessionDate, durationMinutes: s.durationMinutes, mode: s.mode, topics: s.topics.map((t) => t.code), notes: s.notes ?? '',
    skills: s.assessment.skills ?? '', intendedOccupationCode: s.assessment.intendedOccupationCode ?? '', expectedPayMinYuan: yuanOf(s.assessment.expectedPayMinFen),
    expectedPayMaxYuan: yuanOf(s.assessment.expectedPayMaxFen), preferredPlace: s.assessment.preferredPlace ?? '', barriers: s.assessment.barriers.map((b) => b.code), planItems: [],
  };
}

/**
 * 记录职业指导: the counselor types while the person sits at the window. Tab
 * goes through the fields in reading order; Enter in a text field saves, Enter
 * in a select or multi-select only picks (the theme's combobox defaults).
 */
export function SessionForm({ personId, session, onDone }: {
  personId: number;
  /** Given: 修改指导记录 (the plan items are updated one by one on the list, not here). */
  session?: GuidanceSessionView;
  onDone: (followUps: GuidanceFollowUpView[]) => void;
}) {
  const queryClient = useQueryClient();
  const topics = useCodeTable('guidance_topics');
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SessionValues>({
    initialValues: session ? valuesOf(session) : {
      sessionDate: officeDate(new Date()), durationMinutes: 30, mode: 'window', topics: [], notes: '', skills: '', intendedOccupationCode: '',
      expectedPayMinYuan: '', expectedPayMaxYuan: '', preferredPlace: '', barriers: [], planItems: [],
    },
    validate: {
      sessionDate: (v) => (DATE.test(v.trim()) ? null : '日期格式应为 YYYY-MM-DD'),
      durationMinutes: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 ? null : '请填写时长（分钟）'),
      topics: (v) => (v.length > 0 ? null : '请至少选择一个指导内容'),
      planItems: { description: (v) => (v.trim() ? null : '请填写计划事项'), dueOn: (v) => (DATE.test(v.trim()) ? null : '日期格式应为 YYYY-MM-DD') },
    },
  });
  const record = useMutation({
    mutationFn: async (v: SessionValues) => {
      if (!session) return call('guidance.recordSession', toInput(personId, v));
      const { personId: _person, planItems: _plan, ...fields } = toInput(personId, v);
      await call('guidance.updateSession', { id: session.id, version: session.version, ...fields });
      return { followUps: [] };
    },
    onSuccess: (result) => {
      invalidateGuidance(queryClient, personId);
      onDone(result.followUps);
    },
    onError: (e) => {
      const paths = [...Object.keys(form.values), ...form.values.planItems.flatMap((_, i) => [`planItems.${i}.description`, `planItems.${i}.dueOn`])];
      setError(applyFieldErrors(e, (path, message) => form.setFieldError(SERVER_PATHS[path] ?? path, message), [...paths, ...Object.keys(SERVER_PATHS)]));
    },
  });
  const kept = new Set(session?.topics.map((t) => t.code) ?? []);
  const topicOptions = (topics.data ?? []).filter((t) => t.active || kept.has(t.code)).map((t) => ({ value: t.code, label: t.label }));
  return (
    <Paper withBorder p="md" data-testid="session-form">
      <form noValidate aria-label={session ? '修改指导记录' : '记录职业指导'} onSubmit={form.onSubmit((v) => { setError(null); record.mutate(v); }, onInvalidFields)}>
        <Stack gap="xs">
          <Title order={5}>{session ? `修改指导记录（${session.sessionDate}）` : '记录职业指导'}</Title>
          {error && <Alert color="red">{error}</Alert>}
          <SimpleGrid cols={4}>
            <TextInput label="指导日期" withAsterisk maxLength={10} placeholder="YYYY-MM-DD" {...form.getInputProps('sessionDate')} />
            <NumberInput label="时长（分钟）" withAsterisk min={1} max={480} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
            <Select label="指导方式" withAsterisk data={options(GUIDANCE_MODES)} allowDeselect={false} {...form.getInputProps('mode')} />
            <MultiSelect label="指导内容" withAsterisk data={topicOptions} searchable placeholder="可多选" {...form.getInputProps('topics')} />
          </SimpleGrid>
          <Textarea label="指导情况" autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
          <Text size="sm" fw={600} mt="xs">评估</Text>
          <SimpleGrid cols={3}>
            <TextInput label="技能特长" maxLength={200} {...form.getInputProps('skills')} />
            <OccupationSelect label="求职意向（职业代码）" value={form.values.intendedOccupationCode} error={form.errors.intendedOccupationCode}
              onChange={(code) => form.setFieldValue('intendedOccupationCode', code)} />
            <TextInput label="期望工作地点" maxLength={100} {...form.getInputProps('preferredPlace')} />
            <NumberInput label="期望月薪下限（元）" min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('expectedPayMinYuan')} />
            <NumberInput label="期望月薪上限（元）" min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('expectedPayMaxYuan')} />
            <MultiSelect label="就业障碍" data={options(GUIDANCE_BARRIERS)} searchable placeholder="可多选" {...form.getInputProps('barriers')} />
          </SimpleGrid>
          {!session && <Group justify="space-between" mt="xs">
            <Text size="sm" fw={600}>行动计划</Text>
            <Button size="compact-sm" variant="light" onClick={() => form.insertListItem('planItems', { description: '', owner: 'person', dueOn: '' })}>添加计划事项</Button>
          </Group>}
          {!session && form.values.planItems.length === 0 && <Text size="sm" c="dimmed">暂无计划事项。</Text>}
          {form.values.planItems.map((_, i) => (
            <Group key={i} align="flex-start" gap="xs" data-testid="plan-item-row">
              <TextInput label={`事项 ${i + 1}`} withAsterisk style={{ flex: 1 }} maxLength={200} {...form.getInputProps(`planItems.${i}.description`)} />
              <Select label="负责人" w={110} data={options(PLAN_ITEM_OWNERS)} allowDeselect={false} {...form.getInputProps(`planItems.${i}.owner`)} />
              <TextInput label="完成期限" withAsterisk w={140} maxLength={10} placeholder="YYYY-MM-DD" {...form.getInputProps(`planItems.${i}.dueOn`)} />
              <ActionIcon mt={26} variant="subtle" color="red" aria-label={`删除事项 ${i + 1}`} onClick={() => form.removeListItem('planItems', i)}>✕</ActionIcon>
            </Group>
          ))}
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending}>{session ? '保存修改' : '保存指导记录'}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
