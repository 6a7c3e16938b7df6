import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EnterpriseView } from '../../shared/contract';
import { enterpriseValueText } from '../../shared/labels/correction-values';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { useTownships } from '../api/queries';
import { ENTERPRISE_FORM_FIELDS, EnterpriseFormFields, toEnterpriseInput, type EnterpriseFormValues } from './enterprise-form-fields';
import { ConflictDialog } from '../shell/conflict-dialog';
import { isStaleSave, reapply, type ShownValues } from '../shell/conflict-rows';
import { FormActions } from '../shell/form-actions';

type Status = EnterpriseView['status'];
/** The form's values and the 经营状态 beside it: what a save sends and a conflict compares. */
type Edited = EnterpriseFormValues & { status: Status };

/** The fields as the form labels them, in form order, for the conflict dialog. */
const CONFLICT_FIELDS = [
  ['name', '企业名称'], ['industryDivision', '所属行业'], ['ownershipCode', '经济类型'], ['sizeClass', '企业规模'], ['townshipCode', '所在乡镇（街道）'],
  ['address', '地址'], ['isDigitalTransformation', '智改数转'], ['isSpecialized', '专精特新'], ['isKeyEnterprise', '重点企业'], ['isLabourIntensive', '劳动密集型'],
  ['status', '经营状态'],
].map(([key, label]) => ({ key: key!, label: label! }));

function valuesOf(e: EnterpriseView): Edited {
  return {
    name: e.name, industryDivision: e.industryDivision, ownershipCode: e.ownershipCode, sizeClass: e.sizeClass, address: e.address ?? '', townshipCode: e.townshipCode,
    isDigitalTransformation: e.isDigitalTransformation, isSpecialized: e.isSpecialized, isKeyEnterprise: e.isKeyEnterprise, isLabourIntensive: e.isLabourIntensive,
    status: e.status,
  };
}

function changesOf(values: Edited, read: Edited) {
  const mine = { ...toEnterpriseInput(values), status: values.status };
  const before = { ...toEnterpriseInput(read), status: read.status };
  return Object.fromEntries(Object.entries(mine).filter(([key]) => JSON.stringify(mine[key as keyof typeof mine]) !== JSON.stringify(before[key as keyof typeof before])));
}

function shownValues(values: Edited, divisions: ReadonlyMap<string, string>): ShownValues {
  const input: Record<string, unknown> = { ...toEnterpriseInput(values), status: values.status };
  return Object.fromEntries(Object.entries(input).map(([key, v]) => [key, v === null || v === '' ? '' : (enterpriseValueText(key, String(v), divisions) ?? '')]));
}

/**
 * A correction with a stated reason; a new name keeps the old one as 曾用名.
 * Saved against the version the dialog opened on; a colleague's save in
 * between opens the conflict dialog.
 */
export function EnterpriseEditDialog({ enterprise: e, onClose }: { enterprise: EnterpriseView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const townships = useTownships();
  const divisions = new Map((townships.data ?? []).map((t) => [t.code, t.name]));
  const [read, setRead] = useState(e);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<Status>(e.status);
  const [conflict, setConflict] = useState<{ current: EnterpriseView; mine: Edited } | null>(null);
  const { status: _s, ...initial } = valuesOf(e);
  const form = useForm<EnterpriseFormValues>({ initialValues: initial });
  const edited = (): Edited => ({ ...form.getValues(), status });

  const save = useMutation({
    mutationFn: ({ values, on }: { values: Edited; on: EnterpriseView }) => call('enterprises.update', { id: e.id, version: on.version, changes: changesOf(values, valuesOf(on)), reason }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['enterprises.get', e.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['enterprises.corrections', e.id] });
      notifications.show({ color: 'green', message: '已保存更正' });
      setConflict(null);
      onClose();
    },
    onError: async (err, { values }) => {
      if (!isStaleSave(err)) return setError(applyFieldErrors(err, form.setFieldError, ENTERPRISE_FORM_FIELDS));
      try {
        const current = await call('enterprises.get', { id: e.id });
        queryClient.setQueryData(['enterprises.get', e.id], current);
        setConflict({ current, mine: values });
      } catch {
        setError(applyFieldErrors(err, form.setFieldError, ENTERPRISE_FORM_FIELDS));
      }
    },
  });

  const rebase = ({ current, mine }: { current: EnterpriseView; mine: Edited }): Edited => {
    const merged = reapply(valuesOf(read), mine, valuesOf(current));
    const { status: _c, ...currentForm } = valuesOf(current);
    const { status: mergedStatus, ...mergedForm } = merged;
    setRead(current);
    form.setInitialValues(currentForm);
    form.setValues(mergedForm);
    setStatus(mergedStatus);
    setConflict(null);
    return merged;
  };

  return (
    <Modal opened onClose={onClose} title={`更正企业信息：${e.name}`} closeOnEscape={!conflict} trapFocus={!conflict} size="70rem">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <EnterpriseFormFields form={form} />
        <Select label="经营状态" w={200} data={[{ value: 'active', label: '正常' }, { value: 'closed', label: '已注销/迁出' }]} value={status} onChange={(v) => setStatus((v ?? 'active') as Status)} />
        <Textarea label="更正原因" withAsterisk description="记入更正记录和审计日志" maxLength={200} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} />
        <FormActions cancel={onClose} submitLabel="保存更正" loading={save.isPending}
          disabled={!reason.trim() || (!form.isDirty() && status === read.status)} onSave={() => { setError(null); save.mutate({ values: edited(), on: read }); }} />
      </Stack>
      {conflict && (
        <ConflictDialog what="该企业信息" fields={CONFLICT_FIELDS} savedAt={conflict.current.updatedAt} saving={save.isPending}
          sides={{ base: shownValues(valuesOf(read), divisions), mine: shownValues(conflict.mine, divisions), current: shownValues(valuesOf(conflict.current), divisions) }}
          onReapply={() => { const current = conflict.current; save.mutate({ values: rebase(conflict), on: current }); }}
          onBack={() => rebase(conflict)}
          onDiscard={() => { setConflict(null); onClose(); }} />
      )}
    </Modal>
  );
}
