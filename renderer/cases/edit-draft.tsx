import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseView } from '../../shared/contract';
import { documentsFor, CASE_TYPES, type CaseType } from '../../shared/domain/case-types';
import { STATE_LABELS } from '../../shared/domain/workflow';
import { call, errorMessage } from '../api/client';
import { ConflictDialog } from '../shell/conflict-dialog';
import { isStaleSave, reapply, type ConflictField, type ShownValues } from '../shell/conflict-rows';
import { CaseFormFields, DocumentChecklist, useFormValueText } from './case-form';

type FormValues = Record<string, string | null>;
/** What the draft's editor changes: the form and the documents received. */
interface Edited {
  form: FormValues;
  documents: Record<string, boolean>;
}

const receivedOf = (view: CaseView) => view.documents.filter((d) => d.received).map((d) => d.code);
const editedOf = (view: CaseView): Edited => ({ form: view.form, documents: Object.fromEntries(view.documents.map((d) => [d.code, d.received])) });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function conflictFields(type: CaseType, view: CaseView): ConflictField[] {
  return [
    ...type.fields.map((f) => ({ key: `form.${f.code}`, label: f.label })),
    ...documentsFor(type, view.applicantKind).map((d) => ({ key: `doc.${d.code}`, label: `材料：${d.label}` })),
  ];
}

/**
 * 修改草稿: the form and the documents of a case still with the front desk
 * (a draft, or returned for 补正), saved against the version it was read at
 * (`read`). Untouched, the draft follows the live record; once typed in, a
 * colleague's save in between is shown in the conflict dialog, never
 * overwritten unseen.
 */
export function EditDraft({ view }: { view: CaseView }) {
  const queryClient = useQueryClient();
  const type = CASE_TYPES[view.caseType];
  const valueText = useFormValueText(type);
  const [read, setRead] = useState(view);
  const [form, setForm] = useState<FormValues>(view.form);
  const [documents, setDocuments] = useState(() => receivedOf(view));
  const [conflict, setConflict] = useState<{ current: CaseView; mine: Edited } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A newer version arrived (a live refresh, her own upload): an untouched form takes it whole; a form
  // being typed keeps its text and takes the checklist only when the form itself was not changed meanwhile.
  if (view.version !== read.version && !conflict) {
    const typed = !same(form, read.form);
    if (!typed || same(view.form, read.form)) {
      setRead(view);
      if (!typed) setForm(view.form);
      setDocuments(receivedOf(view));
    }
  }
  const attached = new Set(view.attachments.filter((a) => a.state === 'active').map((a) => a.documentCode));
  const edited = (): Edited => ({ form, documents: Object.fromEntries(read.documents.map((d) => [d.code, documents.includes(d.code)])) });

  const save = useMutation({
    mutationFn: ({ values, on }: { values: Edited; on: CaseView }) =>
      call('cases.update', { id: view.id, version: on.version, form: values.form, documents: Object.entries(values.documents).filter(([, has]) => has).map(([code]) => code) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['cases.get', view.id], updated);
      setRead(updated);
      setForm(updated.form);
      setDocuments(receivedOf(updated));
      setConflict(null);
      notifications.show({ color: 'green', message: '已保存表单和材料' });
      setError(null);
    },
    onError: async (e, { values }) => {
      if (!isStaleSave(e)) return setError(errorMessage(e));
      try {
        const current = await call('cases.get', { id: view.id });
        queryClient.setQueryData(['cases.get', view.id], current);
        setConflict({ current, mine: values });
      } catch {
        setError(errorMessage(e));
      }
    },
  });

  const rebase = ({ current, mine }: { current: CaseView; mine: Edited }): Edited => {
    const base = editedOf(read);
    const now = editedOf(current);
    const merged: Edited = { form: reapply(base.form, mine.form, now.form), documents: reapply(base.documents, mine.documents, now.documents) };
    setRead(current);
    setForm(merged.form);
    setDocuments(Object.entries(merged.documents).filter(([, has]) => has).map(([code]) => code));
    setConflict(null);
    return merged;
  };

  const shown = (values: Edited): ShownValues => ({
    ...Object.fromEntries(type.fields.map((f) => [`form.${f.code}`, valueText(f, values.form[f.code]) ?? ''])),
    ...Object.fromEntries(Object.entries(values.documents).map(([code, has]) => [`doc.${code}`, has ? '已收' : '未收'])),
  });

  return (
    <Paper withBorder p="lg" data-testid="edit-draft">
      <Stack>
        <Text fw={600}>修改{STATE_LABELS[view.state]}的表单和材料</Text>
        {error && <Alert color="red" data-testid="edit-draft-error">{error}</Alert>}
        <CaseFormFields type={type} applicant={view.applicantKind} form={form} onChange={(code, value) => setForm((f) => ({ ...f, [code]: value }))} />
        <DocumentChecklist type={type} applicant={view.applicantKind} received={documents} onChange={setDocuments} />
        {attached.size > 0 && <Text size="xs" c="dimmed">已上传附件的材料始终计为已收；要取消，请移除附件。</Text>}
        <Group justify="flex-end">
          <Button variant="light" loading={save.isPending} onClick={() => { setError(null); save.mutate({ values: edited(), on: read }); }}>保存修改</Button>
        </Group>
      </Stack>
      {conflict && (
        <ConflictDialog what="该业务的表单" fields={conflictFields(type, view)} saving={save.isPending}
          sides={{ base: shown(editedOf(read)), mine: shown(conflict.mine), current: shown(editedOf(conflict.current)) }}
          onReapply={() => { const current = conflict.current; save.mutate({ values: rebase(conflict), on: current }); }}
          onBack={() => rebase(conflict)}
          onDiscard={() => { const current = conflict.current; setRead(current); setForm(current.form); setDocuments(receivedOf(current)); setConflict(null); }} />
      )}
    </Paper>
  );
}
