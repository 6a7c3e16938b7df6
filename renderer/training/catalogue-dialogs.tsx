import { Alert, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TrainingClassView } from '../../shared/contract';
import { SKILL_LEVELS, TRAINING_ELIGIBILITY, TRAINING_KINDS, type SkillLevel, type TrainingEligibility, type TrainingKind } from '../../shared/domain/training';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { onInvalidFields } from '../shell/focus-first-error';
import { FormActions } from '../shell/form-actions';

const options = (table: readonly (readonly [string, string])[]) => table.map(([value, label]) => ({ value, label }));
const blank = (v: string) => (v.trim() === '' ? null : v.trim());

/** 登记培训机构: name and credit code (checked like an enterprise's), contact. */
export function ProviderDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', creditCode: '', address: '', contactName: '', contactPhone: '' } });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => call('training.createProvider', { name: v.name, creditCode: v.creditCode, address: blank(v.address), contactName: blank(v.contactName), contactPhone: blank(v.contactPhone) }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['training.listProviders'] });
      notifications.show({ color: 'green', message: `已登记培训机构：${saved.name}` });
      onClose();
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, Object.keys(form.values))),
  });
  return (
    <Modal opened onClose={onClose} title="登记培训机构" size="40rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="机构名称" withAsterisk data-autofocus maxLength={100} {...form.getInputProps('name')} />
          <TextInput label="统一社会信用代码" withAsterisk maxLength={30} {...form.getInputProps('creditCode')} />
          <TextInput label="地址" maxLength={200} {...form.getInputProps('address')} />
          <SimpleGrid cols={2}>
            <TextInput label="联系人" maxLength={50} {...form.getInputProps('contactName')} />
            <TextInput label="联系电话" maxLength={20} {...form.getInputProps('contactPhone')} />
          </SimpleGrid>
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

interface ProgrammeValues {
  providerId: string | null; name: string; occupationCode: string; skill: string; level: string | null; kind: string | null; eligibility: string | null;
  hours: number | string; subsidyYuan: number | string; validFrom: string; validTo: string;
}

/** 新增培训项目: the catalogue entry with its subsidy standard per person (typed in 元, sent in 分). */
export function ProgrammeDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const providers = useQuery({ queryKey: ['training.listProviders'], queryFn: () => call('training.listProviders', {}) });
  const form = useForm<ProgrammeValues>({
    initialValues: { providerId: null, name: '', occupationCode: '', skill: '', level: 'level5', kind: 'employment_skills', eligibility: 'working_age', hours: 80, subsidyYuan: '', validFrom: '', validTo: '' },
  });
  const save = useMutation({
    mutationFn: (v: ProgrammeValues) =>
      call('training.createProgramme', {
        providerId: Number(v.providerId ?? 0), name: v.name, occupationCode: v.occupationCode, skill: v.skill, level: (v.level ?? '') as SkillLevel,
        kind: (v.kind ?? '') as TrainingKind, eligibility: (v.eligibility ?? '') as TrainingEligibility, hours: Number(v.hours),
        subsidyPerPersonFen: Math.round(Number(v.subsidyYuan) * 100), validFrom: v.validFrom.trim(), validTo: v.validTo.trim(),
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['training.listProgrammes'] });
      void queryClient.invalidateQueries({ queryKey: ['training.listProviders'] });
      notifications.show({ color: 'green', message: `已新增培训项目：${saved.name}` });
      onClose();
    },
    onError: (e) => {
      const message = applyFieldErrors(e, (path, text) => form.setFieldError(path === 'subsidyPerPersonFen' ? 'subsidyYuan' : path, text), [...Object.keys(form.values), 'subsidyPerPersonFen']);
      setError(message);
    },
  });
  return (
    <Modal opened onClose={onClose} title="新增培训项目" size="50rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Select label="培训机构" withAsterisk searchable data={(providers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))} {...form.getInputProps('providerId')} />
          <TextInput label="项目名称" withAsterisk maxLength={100} {...form.getInputProps('name')} />
          <SimpleGrid cols={3}>
            <TextInput label="职业（工种）代码" withAsterisk placeholder="如 6-29-03-05" maxLength={20} {...form.getInputProps('occupationCode')} />
            <TextInput label="技能" withAsterisk maxLength={60} {...form.getInputProps('skill')} />
            <Select label="等级" withAsterisk allowDeselect={false} data={options(SKILL_LEVELS)} {...form.getInputProps('level')} />
            <Select label="培训类别" withAsterisk allowDeselect={false} data={options(TRAINING_KINDS)} {...form.getInputProps('kind')} />
            <Select label="培训对象" withAsterisk allowDeselect={false} data={options(TRAINING_ELIGIBILITY)} {...form.getInputProps('eligibility')} />
            <NumberInput label="课时" withAsterisk min={1} allowDecimal={false} {...form.getInputProps('hours')} />
            <NumberInput label="补贴标准（元/人）" withAsterisk min={0} decimalScale={2} {...form.getInputProps('subsidyYuan')} />
            <TextInput label="有效期起" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('validFrom')} />
            <TextInput label="有效期止" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('validTo')} />
          </SimpleGrid>
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** 开设期次: a class of a programme with its dates, place, teacher and planned size. */
export function ClassDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (c: TrainingClassView) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const programmes = useQuery({ queryKey: ['training.listProgrammes'], queryFn: () => call('training.listProgrammes', {}) });
  const form = useForm({ initialValues: { programmeId: null as string | null, classNumber: '', startDate: '', endDate: '', place: '', teacher: '', capacity: 30 as number | string } });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      call('training.createClass', { programmeId: Number(v.programmeId ?? 0), classNumber: v.classNumber, startDate: v.startDate.trim(), endDate: v.endDate.trim(), place: v.place, teacher: v.teacher, capacity: Number(v.capacity) }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['training.listClasses'] });
      notifications.show({ color: 'green', message: `已开设期次：${saved.classNumber}` });
      onSaved(saved);
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, Object.keys(form.values))),
  });
  return (
    <Modal opened onClose={onClose} title="开设培训期次" size="45rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Select
            label="培训项目" withAsterisk searchable
            data={(programmes.data ?? []).map((p) => ({ value: String(p.id), label: `${p.name}（${p.kindLabel}，${p.providerName}）` }))}
            {...form.getInputProps('programmeId')}
          />
          <SimpleGrid cols={2}>
            <TextInput label="期次编号" withAsterisk placeholder="如 2026-叉车-03" maxLength={40} {...form.getInputProps('classNumber')} />
            <NumberInput label="计划人数" withAsterisk min={1} allowDecimal={false} {...form.getInputProps('capacity')} />
            <TextInput label="开始日期" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('startDate')} />
            <TextInput label="结束日期" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('endDate')} />
            <TextInput label="培训地点" withAsterisk maxLength={100} {...form.getInputProps('place')} />
            <TextInput label="授课教师" withAsterisk maxLength={50} {...form.getInputProps('teacher')} />
          </SimpleGrid>
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
