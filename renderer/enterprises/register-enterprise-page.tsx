import { Alert, Anchor, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CREDIT_CODE_MESSAGES, parseEnterpriseKey } from '../../shared/domain/credit-code';
import { SIZE_CLASSES, labelOf, suggestSizeClass } from '../../shared/domain/enterprise-codes';
import { industrySectionOf } from '../../shared/domain/industry';
import { call, RpcCallError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { EMPTY_ENTERPRISE_FORM, ENTERPRISE_FORM_FIELDS, EnterpriseFormFields, toEnterpriseInput, type EnterpriseFormValues } from './enterprise-form-fields';
import { FormActions } from '../shell/form-actions';
import { onInvalidFields } from '../shell/focus-first-error';
import { withNotice } from '../shell/page-notice';

type RegisterValues = EnterpriseFormValues & { creditCode: string; insuredCount: number | string; contactName: string; contactPhone: string };

/** 登记企业: the credit code first (checked as typed, entity type read from it), then the facts. */
export function RegisterEnterprisePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<number | null>(null);
  const form = useForm<RegisterValues>({
    initialValues: { creditCode: '', insuredCount: '', contactName: '', contactPhone: '', ...EMPTY_ENTERPRISE_FORM },
    validateInputOnBlur: ['creditCode'],
    validate: {
      creditCode: (v) => {
        const key = parseEnterpriseKey(v);
        return key.ok ? null : CREDIT_CODE_MESSAGES[key.problem];
      },
      name: (v) => (v.trim() ? null : '必填'),
    },
  });
  const key = parseEnterpriseKey(form.values.creditCode);
  const section = form.values.industryDivision ? industrySectionOf(form.values.industryDivision) : null;
  const suggested = suggestSizeClass(section, form.values.insuredCount === '' ? null : Number(form.values.insuredCount));
  const register = useMutation({
    mutationFn: (v: RegisterValues) =>
      call('enterprises.register', {
        creditCode: v.creditCode, ...toEnterpriseInput(v),
        insuredCount: v.insuredCount === '' ? null : Number(v.insuredCount),
        contacts: v.contactName.trim() ? [{ name: v.contactName.trim(), phone: v.contactPhone.trim() || null }] : [],
      }),
    onSuccess: (e) => {
      void queryClient.invalidateQueries({ queryKey: ['enterprises.search'] });
      navigate(`/enterprises/${e.id}`, withNotice(`已登记：${e.name}`));
    },
    onError: (error) => {
      if (error instanceof RpcCallError && error.error.code === 'DUPLICATE') setDuplicateId(Number(error.error.details?.enterpriseId));
      setFormError(applyFieldErrors(error, form.setFieldError, ['creditCode', 'insuredCount', ...ENTERPRISE_FORM_FIELDS]));
    },
  });
  return (
    <>
      <Title order={2} mb="md">登记企业</Title>
      <Paper withBorder p="lg" maw={1000}>
        <form noValidate onSubmit={form.onSubmit((v) => { setFormError(null); setDuplicateId(null); register.mutate(v); }, onInvalidFields)}>
          <Stack>
            {formError && <Alert color="red">{formError}</Alert>}
            {duplicateId && <Alert color="yellow" title="该企业已经登记"><Anchor component={Link} to={`/enterprises/${duplicateId}`}>打开已有档案</Anchor></Alert>}
            <Group align="flex-end">
              <TextInput label="统一社会信用代码（或15位注册号）" withAsterisk autoFocus maxLength={40} ff="monospace" w={320} {...form.getInputProps('creditCode')} />
              <Text py={6} c="dimmed" data-testid="decoded">
                {key.ok ? (key.kind === 'creditCode' ? `${key.entityLabel}，登记机关 ${key.regionCode}，组织机构代码 ${key.organisationCode}` : '15位注册号（2015年前登记）') : '主体类型由代码得出'}
              </Text>
            </Group>
            <EnterpriseFormFields form={form as never} />
            <Group>
              <NumberInput label="参保人数" min={0} w={140} allowDecimal={false} {...form.getInputProps('insuredCount')} />
              <TextInput label="联系人" maxLength={50} w={160} {...form.getInputProps('contactName')} />
              <TextInput label="联系电话" maxLength={20} w={200} {...form.getInputProps('contactPhone')} />
              {suggested && suggested !== form.values.sizeClass && (
                <Text size="sm" c="dimmed" py={6}>按从业人数参考为{labelOf(SIZE_CLASSES, suggested)}企业（另需看营业收入）</Text>
              )}
            </Group>
            <FormActions cancel="/enterprises" submitLabel="保存登记" loading={register.isPending} />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
