import { Alert, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonView } from '../../shared/contract';
import { DISABILITY_GRADES } from '../../shared/domain/code-tables';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { queryKeys } from '../api/queries';
import { PERSON_FORM_FIELDS, PersonFormFields, toPersonInput, type PersonFormValues } from './person-form-fields';
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

/**
 * A correction with a stated reason. Phones are shown masked, so their inputs
 * start empty and only a typed number replaces the stored one.
 */
export function PersonEditDialog({ person, opened, onClose }: { person: PersonView; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const form = useForm<PersonFormValues>({ initialValues: valuesOf(person) });
  const save = useMutation({
    mutationFn: () => {
      const input = toPersonInput(form.values);
      const changes = Object.fromEntries(
        Object.entries(input).filter(([key]) => form.isDirty(key) || (key.startsWith('intendedSalary') && (form.isDirty('intendedSalaryMinYuan') || form.isDirty('intendedSalaryMaxYuan')))),
      );
      return call('persons.update', { id: person.id, version: person.version, changes, reason });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.person(person.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['persons.corrections', person.id] });
      void queryClient.invalidateQueries({ queryKey: ['persons.timeline', person.id] });
      notifications.show({ color: 'green', message: '已保存更正' });
      onClose();
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, PERSON_FORM_FIELDS)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`更正信息：${person.name}`} size="80rem">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <PersonFormFields form={form} sex={person.sex} />
        <Textarea label="更正原因" withAsterisk description="记入更正记录和审计日志" maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <FormActions cancel={onClose} submitLabel="保存更正" loading={save.isPending}
          disabled={!reason.trim() || !form.isDirty()} onSave={() => { setError(null); save.mutate(); }} />
      </Stack>
    </Modal>
  );
}
