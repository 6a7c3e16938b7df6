import { Alert, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EnterpriseView } from '../../shared/contract';
import type { ContractType } from '../../shared/domain/case-types';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { EDUCATION_OPTIONS, toFen } from '../enterprises/options';
import { CONTRACT_OPTIONS } from './options';
import { FormActions } from '../shell/form-actions';
import { onInvalidFields } from '../shell/focus-first-error';

interface VacancyValues {
  occupationCode: string; title: string; openings: number | string; salaryMinYuan: number | string; salaryMaxYuan: number | string;
  educationCode: string | null; experienceYears: number | string; requirements: string; workPlace: string; contractType: ContractType | null;
  validFrom: string; validTo: string; source: 'walk_in' | 'fair';
}

const FIELDS = ['occupationCode', 'title', 'openings', 'salaryMinFen', 'salaryMaxFen', 'educationCode', 'experienceYears', 'requirements', 'workPlace', 'contractType', 'validFrom', 'validTo'];
/** The contract's pay fields are in fen; the form's inputs for them take yuan. */
const YUAN_FIELDS: Partial<Record<string, keyof VacancyValues>> = { salaryMinFen: 'salaryMinYuan', salaryMaxFen: 'salaryMaxYuan' };
const blank = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** 登记岗位 at the window or from a fair; the salary is typed in yuan and stored in fen. */
export function VacancyDialog({ enterprise, onClose }: { enterprise: EnterpriseView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<VacancyValues>({
    initialValues: { occupationCode: '', title: '', openings: 1, salaryMinYuan: '', salaryMaxYuan: '', educationCode: null, experienceYears: '', requirements: '', workPlace: enterprise.address ?? '', contractType: 'fixed_term', validFrom: '', validTo: '', source: 'walk_in' },
  });
  const save = useMutation({
    mutationFn: (v: VacancyValues) =>
      call('vacancies.create', {
        enterpriseId: enterprise.id, source: v.source, occupationCode: v.occupationCode.trim(), title: v.title.trim(), openings: Number(v.openings),
        salaryMinFen: toFen(v.salaryMinYuan), salaryMaxFen: toFen(v.salaryMaxYuan), educationCode: v.educationCode,
        experienceYears: v.experienceYears === '' ? null : Number(v.experienceYears), requirements: blank(v.requirements) ?? null, workPlace: blank(v.workPlace) ?? null,
        contractType: v.contractType, validFrom: blank(v.validFrom), validTo: blank(v.validTo),
      }),
    onSuccess: (vacancy) => {
      void queryClient.invalidateQueries({ queryKey: ['enterprises.timeline', enterprise.id] });
      void queryClient.invalidateQueries({ queryKey: ['vacancies.search'] });
      notifications.show({ color: 'green', message: `已登记岗位：${vacancy.title}` });
      onClose();
    },
    onError: (e) => setError(applyFieldErrors(e, (path, message) => form.setFieldError(YUAN_FIELDS[path] ?? path, message), FIELDS)),
  });
  return (
    <Modal opened onClose={onClose} title={`登记岗位：${enterprise.name}`} size="60rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <SimpleGrid cols={3}>
            <TextInput label="岗位名称" withAsterisk maxLength={60} {...form.getInputProps('title')} />
            <TextInput label="职业代码" withAsterisk placeholder="如 6-18-02" maxLength={12} {...form.getInputProps('occupationCode')} />
            <NumberInput label="招聘人数" withAsterisk allowDecimal={false} {...form.getInputProps('openings')} />
            <NumberInput label="最低月薪（元）" {...form.getInputProps('salaryMinYuan')} />
            <NumberInput label="最高月薪（元）" {...form.getInputProps('salaryMaxYuan')} />
            <Select label="学历要求" clearable data={EDUCATION_OPTIONS} {...form.getInputProps('educationCode')} />
            <NumberInput label="工作经验（年）" allowDecimal={false} {...form.getInputProps('experienceYears')} />
            <Select label="合同类型" clearable data={CONTRACT_OPTIONS} {...form.getInputProps('contractType')} />
            <Select label="来源" data={[{ value: 'walk_in', label: '现场登记' }, { value: 'fair', label: '招聘会' }]} allowDeselect={false} {...form.getInputProps('source')} />
            <TextInput label="工作地点" maxLength={100} {...form.getInputProps('workPlace')} />
            <TextInput label="有效期起" placeholder="默认今天（YYYY-MM-DD）" maxLength={10} {...form.getInputProps('validFrom')} />
            <TextInput label="有效期止" placeholder="默认三个月" maxLength={10} {...form.getInputProps('validTo')} />
          </SimpleGrid>
          <Textarea label="岗位要求" maxLength={500} {...form.getInputProps('requirements')} />
          <FormActions cancel={onClose} submitLabel="保存岗位" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
