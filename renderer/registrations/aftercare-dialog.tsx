import { Alert, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InForceCase } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { CANCELLATION_REASONS, DIFFICULTY_EXIT_REASONS, DIFFICULTY_SUSPENSION_REASONS } from '../../shared/domain/case-types';
import { call, errorMessage } from '../api/client';
import { useSession } from '../api/queries';
import { FormActions } from '../shell/form-actions';
import { caseNumber } from '../shell/format';

export type Step = 'registrations.cancel' | 'certifications.review' | 'certifications.suspend' | 'certifications.resume' | 'certifications.exit';

/** Each step's call as the contract types it. */
type Send = (input: StepInput, reason: string) => Promise<unknown>;
interface StepInput { caseId: number; version: number; onDate: string; note: string | null }

/** The code of a reason picked from `table`; the Select offers only these, so anything else is a bug. */
function reasonCode<C extends string>(table: ReadonlyArray<readonly [C, string]>, reason: string): C {
  const found = table.find(([code]) => code === reason);
  if (!found) throw new Error(`unknown reason ${reason}`);
  return found[0];
}

export const STEPS: Record<Step, { title: string; verb: string; reasons: { value: string; label: string }[] | null; destructive: boolean; send: Send }> = {
  'registrations.cancel': {
    title: '注销失业登记', verb: '确认注销', reasons: CANCELLATION_REASONS.map((r) => ({ value: r.code, label: r.label })), destructive: true,
    send: (input, reason) => call('registrations.cancel', { ...input, reason }),
  },
  'certifications.review': { title: '年度复核', verb: '记录复核', reasons: null, destructive: false, send: (input) => call('certifications.review', input) },
  'certifications.suspend': {
    title: '暂停认定', verb: '确认暂停', reasons: DIFFICULTY_SUSPENSION_REASONS.map(([value, label]) => ({ value, label })), destructive: true,
    send: (input, reason) => call('certifications.suspend', { ...input, reason: reasonCode(DIFFICULTY_SUSPENSION_REASONS, reason) }),
  },
  'certifications.resume': { title: '恢复认定', verb: '确认恢复', reasons: null, destructive: false, send: (input) => call('certifications.resume', input) },
  'certifications.exit': {
    title: '退出认定', verb: '确认退出', reasons: DIFFICULTY_EXIT_REASONS.map(([value, label]) => ({ value, label })), destructive: true,
    send: (input, reason) => call('certifications.exit', { ...input, reason: reasonCode(DIFFICULTY_EXIT_REASONS, reason) }),
  },
};

/** What the dialog needs of a case: a work list knows this much without loading the whole case. */
export type AftercareCase = Pick<InForceCase, 'caseId' | 'version' | 'receiptNo' | 'personName' | 'caseType'>;

/**
 * One step after a decision, with its day, reason and note, behind a dialog
 * that says what will happen: 注销 and exit cannot be undone at the desk.
 */
export function AftercareDialog({ theCase, step, fixedReason, onClose }: { theCase: AftercareCase; step: Step; fixedReason?: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const roles = useSession().data?.roles ?? [];
  const spec = STEPS[step];
  // Only the reasons this user may use (no_contact_6_months is a reviewer's); the backend checks again.
  const reasons = step === 'registrations.cancel' && fixedReason === undefined
    ? CANCELLATION_REASONS.filter((r) => r.roles.some((role) => roles.includes(role))).map((r) => ({ value: r.code, label: r.label }))
    : spec.reasons;
  const [onDate, setOnDate] = useState(officeDate(new Date()));
  const [reason, setReason] = useState<string | null>(fixedReason ?? null);
  const [note, setNote] = useState('');
  const run = useMutation({
    mutationFn: () => spec.send({ caseId: theCase.caseId, version: theCase.version, onDate: onDate.trim(), note: note.trim() || null }, reason ?? ''),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      onClose();
    },
  });
  const label = spec.reasons?.find((r) => r.value === reason)?.label;
  return (
    <Modal opened onClose={onClose} title={`${spec.title}：${theCase.personName}`}>
      <Stack>
        {run.isError && <Alert color="red" data-testid="aftercare-error">{errorMessage(run.error)}</Alert>}
        <Text size="sm">{caseNumber(theCase.receiptNo)}（{theCase.caseType === 'difficulty_certification' ? '就业困难人员认定' : '失业登记'}）</Text>
        <TextInput label="日期" withAsterisk maxLength={10} value={onDate} onChange={(e) => setOnDate(e.currentTarget.value)} data-autofocus />
        {reasons && <Select label="原因" withAsterisk data={reasons} value={reason} onChange={setReason} disabled={fixedReason !== undefined} searchable />}
        <Textarea label="说明" autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {spec.destructive && (
          <Alert color="orange">
            {spec.title}{label ? `（${label}）` : ''}后，{step === 'registrations.cancel' ? '此人不再是登记失业人员，就业状态随原因改变' : '就业困难人员标签随即取消'}。记录保留，不会删除。
          </Alert>
        )}
        <FormActions cancel={onClose} submitLabel={spec.verb} color={spec.destructive ? 'red' : undefined} loading={run.isPending}
          disabled={spec.reasons !== null && !reason} onSave={() => run.mutate()} />
      </Stack>
    </Modal>
  );
}
