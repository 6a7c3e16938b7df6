import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { EmploymentRegistrationProposal, GuidanceFollowUpView, GuidanceReferralView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import type { ReferralState } from '../../shared/domain/guidance';
import { call, errorMessage } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { useCan } from '../api/queries';
import { onInvalidFields } from '../shell/focus-first-error';
import { invalidateGuidance } from './guidance-queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 记录回访: the day and what was said, in a small dialog opened from a list row. */
export function CompleteFollowUpDialog({ followUp, onClose }: { followUp: GuidanceFollowUpView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { doneOn: officeDate(new Date()), note: '' },
    validate: { doneOn: (v) => (DATE.test(v.trim()) ? null : '日期格式应为 YYYY-MM-DD'), note: (v) => (v.trim() ? null : '请填写回访情况') },
  });
  const complete = useMutation({
    mutationFn: (v: typeof form.values) => call('guidance.completeFollowUp', { id: followUp.id, version: followUp.version, doneOn: v.doneOn.trim(), note: v.note.trim() }),
    onSuccess: () => { invalidateGuidance(queryClient, followUp.personId); onClose(); },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, ['doneOn', 'note'])),
  });
  return (
    <Modal opened onClose={onClose} title={`记录回访：${followUp.personName}（应回访 ${followUp.dueOn}）`}>
      <form noValidate aria-label="记录回访" onSubmit={form.onSubmit((v) => { setError(null); complete.mutate(v); }, onInvalidFields)}>
        <Stack gap="xs">
          {error && <Alert color="red">{error}</Alert>}
          {followUp.about && <Alert color="gray">{followUp.about}</Alert>}
          <TextInput label="回访日期" withAsterisk maxLength={10} data-autofocus {...form.getInputProps('doneOn')} />
          <TextInput label="回访情况" withAsterisk maxLength={500} {...form.getInputProps('note')} />
          <Group justify="flex-end"><Button type="submit" loading={complete.isPending}>保存回访</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 手工安排回访: a call-back on a day the counselor picks (the rules already schedule the usual ones). */
export function ScheduleFollowUpDialog({ personId, personName, onClose }: { personId: number; personName: string; onClose: (dueOn: string | null) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { dueOn: '', note: '' },
    validate: { dueOn: (v) => (DATE.test(v.trim()) ? null : '日期格式应为 YYYY-MM-DD') },
  });
  const schedule = useMutation({
    mutationFn: (v: typeof form.values) => call('guidance.scheduleFollowUp', { personId, dueOn: v.dueOn.trim(), note: v.note.trim() || null }),
    onSuccess: (f) => { invalidateGuidance(queryClient, personId); onClose(f.dueOn); },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, ['dueOn', 'note'])),
  });
  return (
    <Modal opened onClose={() => onClose(null)} title={`安排回访：${personName}`}>
      <form noValidate aria-label="安排回访" onSubmit={form.onSubmit((v) => { setError(null); schedule.mutate(v); }, onInvalidFields)}>
        <Stack gap="xs">
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="回访日期" withAsterisk maxLength={10} placeholder="YYYY-MM-DD" data-autofocus {...form.getInputProps('dueOn')} />
          <TextInput label="备注" maxLength={500} placeholder="如：约定下周二电话了解面试结果" {...form.getInputProps('note')} />
          <Group justify="flex-end"><Button type="submit" loading={schedule.isPending}>安排回访</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What a 录用 proposes: the window files the 就业登记 draft; a counselor without that right is told so. */
export function ProposalNotice({ proposal }: { proposal: EmploymentRegistrationProposal }) {
  const canPrepare = useCan('cases.prepare');
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => call('cases.create', { personId: proposal.personId, caseType: proposal.caseType, form: proposal.form, documents: [] }),
    onSuccess: (draft) => void navigate(`/cases/${draft.id}`),
  });
  return (
    <Alert color="green" data-testid="employment-proposal" title="已录用：建议办理就业登记">
      单位“{proposal.form.employerName}”，就业日期 {proposal.form.startDate}。
      {canPrepare
        ? <Button ml="sm" size="compact-sm" loading={create.isPending} onClick={() => create.mutate()}>生成就业登记草稿</Button>
        : '请转前台办理就业登记（单位和就业日期已随推荐记录）。'}
      {create.isError && <div>{errorMessage(create.error)}</div>}
    </Alert>
  );
}

/** The next answer on a referral (面试、录用、未录用……), with its day and the employer's words; a 录用's proposal is handed up, since the form goes once the outcome is in. */
export function ReferralOutcomeForm({ referral, onProposal }: { referral: GuidanceReferralView; onProposal: (p: EmploymentRegistrationProposal) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ state: ReferralState | null; onDate: string; note: string }>({
    initialValues: { state: null, onDate: officeDate(new Date()), note: '' },
    validate: { state: (v) => (v ? null : '请选择结果'), onDate: (v) => (DATE.test(v.trim()) ? null : '日期格式应为 YYYY-MM-DD') },
  });
  const record = useMutation({
    mutationFn: (v: typeof form.values) => call('guidance.recordReferralOutcome', { id: referral.id, version: referral.version, state: v.state!, onDate: v.onDate.trim(), note: v.note.trim() || null }),
    onSuccess: (r) => {
      if (r.proposal) onProposal(r.proposal);
      form.reset();
      invalidateGuidance(queryClient, referral.personId);
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, ['state', 'onDate', 'note'])),
  });
  if (referral.nextStates.length === 0) return null;
  return (
    <form noValidate aria-label={`推荐结果：${referral.target}`} onSubmit={form.onSubmit((v) => { setError(null); record.mutate(v); }, onInvalidFields)}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Select size="xs" w={110} placeholder="结果" aria-label="推荐结果" data={referral.nextStates.map((s) => ({ value: s.code, label: s.label }))} {...form.getInputProps('state')} />
        <TextInput size="xs" w={110} aria-label="日期" maxLength={10} {...form.getInputProps('onDate')} />
        <TextInput size="xs" w={180} aria-label="单位答复" placeholder="单位答复" maxLength={500} {...form.getInputProps('note')} />
        <Button size="xs" type="submit" loading={record.isPending}>记录</Button>
      </Group>
      {error && <Alert color="red" mt={4} p="xs">{error}</Alert>}
    </form>
  );
}
