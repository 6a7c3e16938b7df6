import { Alert, Badge, Button, FileInput, Group, Loader, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AttachmentView, CaseView } from '../../shared/contract';
import { attachmentRefusal, formatFileSize, MAX_ATTACHMENT_BYTES, MEDIA_TYPE_LABELS, OTHER_DOCUMENT, OTHER_DOCUMENT_LABEL } from '../../shared/domain/attachment-files';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage, RpcCallError } from '../api/client';
import { FormActions } from '../shell/form-actions';

/**
 * The file's bytes as base64, after the checks the backend makes again: the
 * size before reading anything, then the file's real type by its first bytes.
 */
async function fileToBase64(file: File): Promise<string> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new RpcCallError({ code: 'BAD_INPUT', message: `文件“${file.name}”大小为 ${formatFileSize(file.size)}，超过上限 ${formatFileSize(MAX_ATTACHMENT_BYTES)}` });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const refusal = attachmentRefusal(file.name, bytes);
  if (refusal) throw new RpcCallError({ code: 'BAD_INPUT', message: refusal });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Shows one attachment from a blob: URL made of the verified bytes: images inline, PDFs in the browser's viewer. */
function AttachmentViewer({ attachment, onClose }: { attachment: AttachmentView; onClose: () => void }) {
  const content = useQuery({ queryKey: ['cases.readAttachment', attachment.id], queryFn: () => call('cases.readAttachment', { id: attachment.id }), retry: false, gcTime: 0 });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!content.data) return undefined;
    const bytes = Uint8Array.from(atob(content.data.contentBase64), (c) => c.charCodeAt(0));
    const objectUrl = URL.createObjectURL(new Blob([bytes], { type: content.data.mediaType }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [content.data]);
  return (
    <Modal opened onClose={onClose} size="xl" title={`${attachment.documentLabel}：${attachment.fileName}`}>
      {content.isError && <Alert color="red" data-testid="attachment-error">{errorMessage(content.error)}</Alert>}
      {content.isPending && <Loader />}
      {url && attachment.mediaType === 'application/pdf' && (
        <iframe src={url} title={attachment.fileName} data-testid="attachment-pdf" style={{ width: '100%', height: '70vh', border: 0 }} />
      )}
      {url && attachment.mediaType !== 'application/pdf' && (
        <img src={url} alt={attachment.fileName} data-testid="attachment-image" style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} />
      )}
      {content.data && <Text size="xs" c="dimmed" mt="xs">SHA-256 已核对：{content.data.sha256}</Text>}
    </Modal>
  );
}

/** Upload while the case is with the front desk: choose the document it proves, then the file. */
function UploadForm({ view }: { view: CaseView }) {
  const queryClient = useQueryClient();
  const [documentCode, setDocumentCode] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const base64 = await fileToBase64(file!);
      return call('cases.attach', { caseId: view.id, version: view.version, documentCode: documentCode!, fileName: file!.name, contentBase64: base64 });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(['cases.get', view.id], updated);
      notifications.show({ color: 'green', message: `已上传：${file!.name}` });
      setFile(null);
      setError(null);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const options = [...view.documents.map((d) => ({ value: d.code, label: d.label })), { value: OTHER_DOCUMENT, label: OTHER_DOCUMENT_LABEL }];
  return (
    <Stack gap="xs">
      {error && <Alert color="red" data-testid="attachment-upload-error">{error}</Alert>}
      <Group align="flex-end">
        <Select label="对应材料" data={options} value={documentCode} onChange={setDocumentCode} w={260} />
        <FileInput label="文件（PDF、JPG、PNG，不超过10 MB）" placeholder="选择文件" accept="application/pdf,image/jpeg,image/png" value={file} onChange={setFile} clearable w={320} />
        <Button disabled={!documentCode || !file} loading={upload.isPending} onClick={() => upload.mutate()}>上传附件</Button>
      </Group>
    </Stack>
  );
}

/** Before acceptance a wrong file is removed with a reason; the file and the row are kept. */
function RemoveAttachment({ view, attachment, onClose }: { view: CaseView; attachment: AttachmentView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () => call('cases.removeAttachment', { caseId: view.id, version: view.version, attachmentId: attachment.id, reason }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['cases.get', view.id], updated);
      notifications.show({ color: 'green', message: `已移除：${attachment.fileName}（记录保留）` });
      onClose();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return (
    <Modal opened onClose={onClose} title="移除附件">
      <Stack>
        <Text size="sm">移除“{attachment.fileName}”？文件和上传记录仍然保留，只标记为已移除。若此材料没有其他附件，清单中的“已收”也会取消。</Text>
        <TextInput label="移除原因（必填）" maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <FormActions cancel={onClose} submitLabel="确认移除" color="red" loading={remove.isPending} disabled={!reason.trim()} onSave={() => remove.mutate()} />
      </Stack>
    </Modal>
  );
}

/** 附件: the files handed in for the case, with upload, viewer and removal where the state allows. */
export function CaseAttachments({ view, canPrepare }: { view: CaseView; canPrepare: boolean }) {
  const [viewing, setViewing] = useState<AttachmentView | null>(null);
  const [removing, setRemoving] = useState<AttachmentView | null>(null);
  const canUpload = canPrepare && (view.state === 'draft' || view.state === 'returned');
  return (
    <Paper withBorder p="lg">
      <Text fw={600} mb="xs">附件</Text>
      <Stack>
        {view.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">尚未上传附件。</Text>
        ) : (
          <Table withTableBorder data-testid="attachments">
            <Table.Thead>
              <Table.Tr><Table.Th>材料</Table.Th><Table.Th>文件</Table.Th><Table.Th>类型</Table.Th><Table.Th>大小</Table.Th><Table.Th>上传</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.attachments.map((a) => (
                <Table.Tr key={a.id} c={a.state === 'removed' ? 'dimmed' : undefined}>
                  <Table.Td>{a.documentLabel}</Table.Td>
                  <Table.Td>{a.fileName}</Table.Td>
                  <Table.Td>{MEDIA_TYPE_LABELS[a.mediaType]}</Table.Td>
                  <Table.Td>{formatFileSize(a.sizeBytes)}</Table.Td>
                  <Table.Td>{a.uploadedByName ?? '—'} {formatOfficeTimestamp(a.uploadedAt)}</Table.Td>
                  <Table.Td>{a.state === 'removed' ? <Badge color="gray" variant="light">已移除：{a.removedReason}</Badge> : <Badge color="green" variant="light">有效</Badge>}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setViewing(a)} aria-label={`查看 ${a.fileName}`}>查看</Button>
                      {canPrepare && view.state === 'draft' && a.state === 'active' && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(a)} aria-label={`移除 ${a.fileName}`}>移除</Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canUpload && <UploadForm key={view.version} view={view} />}
      </Stack>
      {viewing && <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />}
      {removing && <RemoveAttachment view={view} attachment={removing} onClose={() => setRemoving(null)} />}
    </Paper>
  );
}
