import { Alert, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonView } from '../../shared/contract';
import { DISABILITY_GRADES } from '../../shared/domain/code-tables';
import { personValueText } from '../../shared/labels/correction-values';
import { FIELD_LABELS } from '../../shared/labels/zh-CN';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { queryKeys, useTownships } from '../api/queries';
import { EMPTY_PERSON_FORM, PERSON_FORM_FIELDS, PersonFormFields, toPersonInput, type PersonFormValues } from './person-form-fields';
import { ConflictDialog } from '../shell/conflict-dialog';
import { isStaleSave, reapply, type ShownValues } from '../shell/conflict-rows';
import { FormActions } from '../shell/form-actions';

function valuesOf(p: PersonView): PersonFormValues {
  const fen = (v: number | null) => (v === null ? '' : v / 100);
  return {
    name: p.name, phone: '', phone2: '', ethnicityCode: p.ethnicityCode, politicalStatusCode: p.politicalStatusCode, householdType: p.householdType ?? '',
    householdDivisionCode: p.householdDivisionCode ?? '', householdAddress: p.householdAddress ?? '', residenceTownshipCode: p.residenceTownshipCode,
    residenceVillageCode: p.residenceVillageCode, address: p.address ?? '', educationCode: p.educationCode, school: p.school ?? '', major: p.major ?? '',
    graduationDate: p.graduationDate ?? '', disabilityGrade: DISABILITY_GRADES.find((g) => g === p.disabilityGrade) ?? null, healthStatus: p.healthStatus, isVeteran: p.isVeteran,
    lowIncomeStatus: p.lowIncomeStatus ?? '', femaleRetirementCategory: p.femaleRetirementCategory ?? '', employmentStatus: p.employmentStatus,
    intendedOccupationCode: p.intendedOccupationCode ?? '', intendedPlace: p.intendedPlace ?? '', intendedSalaryMinYuan: fen(p.intendedSalaryMinFen),
    intendedSalaryMaxYuan: fen(p.intendedSalaryMaxFen), trainingWishes: p.trainingWishes ?? '',
  };
}

type PersonInput = ReturnType<typeof toPersonInput>;
const CONFLICT_FIELDS = Object.keys(toPersonInput(EMPTY_PERSON_FORM)).map((key) => ({ key, label: FIELD_LABELS[key] ?? key }));
const SALARY_KEYS = ['intendedSalaryMinFen', 'intendedSalaryMaxFen'];

/** The fields whose value differs from the record as read; both salary bounds go together, as the server checks them as a pair. */
function changesOf(values: PersonFormValues, read: PersonFormValues): Partial<PersonInput> {
  const mine = toPersonInput(values);
  const before = toPersonInput(read);
  const differs = (key: keyof PersonInput) => JSON.stringify(mine[key]) !== JSON.stringify(before[key]);
  const salary = SALARY_KEYS.some((k) => differs(k as keyof PersonInput));
  return Object.fromEntries(Object.entries(mine).filter(([key]) => differs(key as keyof PersonInput) || (salary && SALARY_KEYS.includes(key))));
}

/** The record as staff read it in the conflict dialog: names for codes, masked phones (a typed one is hers to see). */
function shownValues(values: PersonFormValues, read: PersonView, divisions: ReadonlyMap<string, string>): ShownValues {
  const input = toPersonInput(values);
  const text = (key: string, v: unknown) => (v === null || v === undefined || v === '' ? '' : (personValueText(key, String(v), divisions) ?? ''));
  const shown: Record<string, string> = Object.fromEntries(Object.entries(input).map(([key, v]) => [key, text(key, v)]));
  shown.phone = values.phone.trim() || (read.phoneMasked ?? '');
  shown.phone2 = values.phone2.trim() || (read.phone2Masked ?? '');
  return shown;
}

interface Conflict {
  current: PersonView;
  mine: PersonFormValues;
}

/**
 * A correction with a stated reason. Phones are shown masked, so their inputs
 * start empty and only a typed number replaces the stored one. The save is
 * made against the version the dialog opened on (`read`), never a newer one
 * that a live refresh brought: a colleague's save in between is shown in the
 * conflict dialog, never overwritten unseen.
 */
export function PersonEditDialog({ person, opened, onClose }: { person: PersonView; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const townships = useTownships();
  const divisions = new Map((townships.data ?? []).map((t) => [t.code, t.name]));
  const [read, setRead] = useState(person);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const form = useForm<PersonFormValues>({ initialValues: valuesOf(person) });

  const save = useMutation({
    mutationFn: ({ values, on }: { values: PersonFormValues; on: PersonView }) =>
      call('persons.update', { id: person.id, version: on.version, changes: changesOf(values, valuesOf(on)), reason }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.person(person.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['persons.corrections', person.id] });
      void queryClient.invalidateQueries({ queryKey: ['persons.timeline', person.id] });
      notifications.show({ color: 'green', message: '已保存更正' });
      setConflict(null);
      onClose();
    },
    onError: async (e, { values }) => {
      if (!isStaleSave(e)) return setError(applyFieldErrors(e, form.setFieldError, PERSON_FORM_FIELDS));
      try {
        const current = await call('persons.get', { id: person.id });
        queryClient.setQueryData(queryKeys.person(person.id), current);
        setConflict({ current, mine: values });
      } catch {
        setError(applyFieldErrors(e, form.setFieldError, PERSON_FORM_FIELDS));
      }
    },
  });

  /** Her edits carried onto the current version; the form now starts from it. */
  const rebase = ({ current, mine }: Conflict): PersonFormValues => {
    const merged = reapply(valuesOf(read), mine, valuesOf(current));
    setRead(current);
    form.setInitialValues(valuesOf(current));
    form.setValues(merged);
    setConflict(null);
    return merged;
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`更正信息：${person.name}`} closeOnEscape={!conflict} trapFocus={!conflict} size="80rem">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <PersonFormFields form={form} sex={person.sex} />
        <Textarea label="更正原因" withAsterisk description="记入更正记录和审计日志" maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <FormActions cancel={onClose} submitLabel="保存更正" loading={save.isPending}
          disabled={!reason.trim() || !form.isDirty()} onSave={() => { setError(null); save.mutate({ values: form.getValues(), on: read }); }} />
      </Stack>
      {conflict && (
        <ConflictDialog what="该档案" fields={CONFLICT_FIELDS} savedAt={conflict.current.updatedAt} saving={save.isPending}
          sides={{ base: shownValues(valuesOf(read), read, divisions), mine: shownValues(conflict.mine, read, divisions), current: shownValues(valuesOf(conflict.current), conflict.current, divisions) }}
          onReapply={() => { const current = conflict.current; save.mutate({ values: rebase(conflict), on: current }); }}
          onBack={() => rebase(conflict)}
          onDiscard={() => { setConflict(null); onClose(); }} />
      )}
    </Modal>
  );
}
