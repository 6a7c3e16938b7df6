import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseView } from '../../shared/contract';
import { MATTER_TYPES } from '../../shared/domain/matter-types';
import { STATE_LABELS } from '../../shared/domain/workflow';
import { call, errorMessage } from '../api/client';
import { CaseFormFields, DocumentChecklist } from './case-form';

/**
 * 修改草稿: the form and the documents of a matter still with the front desk
 * (a draft, or returned for 补正), saved against the version shown so a
 * colleague's change in between is never overwritten.
 */
export function EditDraft({ view }: { view: CaseView }) {
  const queryClient = useQueryClient();
  const type = MATTER_TYPES[view.matterType];
  const [form, setForm] = useState<Record<string, string | null>>(view.form);
  const received = () => view.documents.filter((d) => d.received).map((d) => d.code);
  const [documents, setDocuments] = useState(received);
  // An upload or removal ticks or unticks on the server: take its checklist, keep the form being typed.
  const [seenVersion, setSeenVersion] = useState(view.version);
  if (seenVersion !== view.version) {
    setSeenVersion(view.version);
    setDocuments(received());
  }
  const [error, setError] = useState<string | null>(null);
  const attached = new Set(view.attachments.filter((a) => a.state === 'active').map((a) => a.documentCode));
  const save = useMutation({
    mutationFn: () => call('cases.update', { id: view.id, version: view.version, form, documents }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['cases.get', view.id], updated);
      notifications.show({ color: 'green', message: '已保存表单和材料' });
      setError(null);
    },
    onError: (e) => setError(errorMessage(e)),
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
          <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>保存修改</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
