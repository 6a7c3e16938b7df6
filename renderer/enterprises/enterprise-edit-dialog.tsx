import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EnterpriseView } from '../../shared/contract';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { ENTERPRISE_FORM_FIELDS, EnterpriseFormFields, toEnterpriseInput, type EnterpriseFormValues } from './enterprise-form-fields';
import { FormActions } from '../shell/form-actions';

/** A correction with a stated reason; a new name keeps the old one as 曾用名. */
export function EnterpriseEditDialog({ enterprise: e, onClose }: { enterprise: EnterpriseView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<'active' | 'closed'>(e.status);
  const form = useForm<EnterpriseFormValues>({
    initialValues: {
      name: e.name, industryDivision: e.industryDivision, ownershipCode: e.ownershipCode, sizeClass: e.sizeClass, address: e.address ?? '', townshipCode: e.townshipCode,
      isDigitalTransformation: e.isDigitalTransformation, isSpecialized: e.isSpecialized, isKeyEnterprise: e.isKeyEnterprise, isLabourIntensive: e.isLabourIntensive,
    },
  });
  const save = useMutation({
    mutationFn: () => {
      const input = toEnterpriseInput(form.values);
      const changes = Object.fromEntries(Object.entries(input).filter(([k]) => form.isDirty(k)));
      return call('enterprises.update', { id: e.id, version: e.version, changes: { ...changes, ...(status !== e.status ? { status } : {}) }, reason });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(['enterprises.get', e.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['enterprises.corrections', e.id] });
      notifications.show({ color: 'green', message: '已保存更正' });
      onClose();
    },
    onError: (err) => setError(applyFieldErrors(err, form.setFieldError, ENTERPRISE_FORM_FIELDS)),
  });
  return (
    <Modal opened onClose={onClose} title={`更正企业信息：${e.name}`} size="70rem">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <EnterpriseFormFields form={form} />
        <Select label="经营状态" w={200} data={[{ value: 'active', label: '正常' }, { value: 'closed', label: '已注销/迁出' }]} value={status} onChange={(v) => setStatus((v ?? 'active') as 'active' | 'closed')} />
        <Textarea label="更正原因" withAsterisk description="记入更正记录和审计日志" maxLength={200} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} />
        <FormActions cancel={onClose} submitLabel="保存更正" loading={save.isPending}
          disabled={!reason.trim() || (!form.isDirty() && status === e.status)} onSave={() => { setError(null); save.mutate(); }} />
      </Stack>
    </Modal>
  );
}
