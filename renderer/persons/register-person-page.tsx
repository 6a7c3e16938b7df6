import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { parseIdNumber } from '../../shared/domain/id-number';
import { normalizeMobile } from '../../shared/domain/phone';
import { ID_NUMBER_MESSAGES, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, RpcCallError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { EMPTY_PERSON_FORM, PERSON_FORM_FIELDS, PersonFormFields, toPersonInput, type PersonFormValues } from './person-form-fields';
import { FormActions } from '../shell/form-actions';
import { onInvalidFields } from '../shell/focus-first-error';
import { withNotice } from '../shell/page-notice';

type RegisterValues = PersonFormValues & { idNumber: string };

const checkPhone = (v: string) => (v.trim() === '' || normalizeMobile(v) ? null : '手机号码应为11位，以1开头');

/** Keyboard-first: an ID-card reader types the number into the first field, Tab moves on. */
export function RegisterPersonPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ id: number; kind: string } | null>(null);
  const form = useForm<RegisterValues>({
    initialValues: { idNumber: '', ...EMPTY_PERSON_FORM },
    validateInputOnBlur: ['idNumber', 'phone', 'phone2'],
    validate: {
      idNumber: (v) => {
        const parsed = parseIdNumber(v, officeDate(new Date()));
        return parsed.ok ? null : ID_NUMBER_MESSAGES[parsed.problem];
      },
      name: (v) => (v.trim() ? null : '必填'),
      phone: checkPhone,
      phone2: checkPhone,
    },
  });
  const derived = parseIdNumber(form.values.idNumber, officeDate(new Date()));

  const register = useMutation({
    mutationFn: ({ values, confirmNotDuplicate }: { values: RegisterValues; confirmNotDuplicate: boolean }) =>
      call('persons.register', { idNumber: values.idNumber, ...toPersonInput(values), confirmNotDuplicate }),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ['persons.search'] });
      navigate(`/persons/${person.id}`, withNotice(`已登记：${person.name}`));
    },
    onError: (error) => {
      if (error instanceof RpcCallError && error.error.code === 'DUPLICATE') {
        setDuplicate({ id: Number(error.error.details?.personId), kind: String(error.error.details?.kind) });
      }
      setFormError(applyFieldErrors(error, form.setFieldError, ['idNumber', ...PERSON_FORM_FIELDS]));
    },
  });
  const submit = (values: RegisterValues, confirmNotDuplicate = false) => {
    setFormError(null);
    setDuplicate(null);
    register.mutate({ values, confirmNotDuplicate });
  };

  return (
    <>
      <Title order={2} mb="md">登记新人员</Title>
      <Paper withBorder p="lg" maw={1000}>
        <form noValidate onSubmit={form.onSubmit((values) => submit(values), onInvalidFields)}>
          <Stack>
            {formError && <Alert color="red">{formError}</Alert>}
            {duplicate && (
              <Alert color="yellow" title={duplicate.kind === 'similar' ? '可能是同一人' : '此人已经登记'}>
                <Group>
                  <Anchor component={Link} to={`/persons/${duplicate.id}`}>打开已有档案</Anchor>
                  {duplicate.kind === 'similar' && (
                    <Button size="xs" variant="light" onClick={() => submit(form.values, true)}>确认不是同一人，继续登记</Button>
                  )}
                </Group>
              </Alert>
            )}
            <Group align="flex-end">
              <TextInput label="身份证号" withAsterisk autoFocus maxLength={32} ff="monospace" w={280} {...form.getInputProps('idNumber')} />
              <Text py={6} data-testid="derived" c="dimmed">
                {derived.ok ? `${derived.birthDate} / ${SEX_LABELS[derived.sex]}${derived.convertedFrom15 ? `（已升位为 ${derived.idNumber}）` : ''}` : '出生日期和性别由身份证号得出'}
              </Text>
            </Group>
            <PersonFormFields form={form as never} sex={derived.ok ? derived.sex : null} />
            <FormActions cancel="/persons" submitLabel="保存登记" loading={register.isPending} />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
