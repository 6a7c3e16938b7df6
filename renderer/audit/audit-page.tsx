import { Alert, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contract } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { AUDIT_EXTRA_ACTION_TITLES } from '../../shared/labels/audit-detail';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { queryKeys, useCan } from '../api/queries';
import { HeaderRow } from '../shell/header-row';

interface Filter {
  personId?: number;
  actorUserId?: number;
  action?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

/** Every act the log can hold, by its Chinese title (the method name stays the value, never shown). */
const ACTION_OPTIONS = [
  ...Object.entries(contract).map(([method, spec]) => ({ value: method, label: spec.title })),
  ...Object.entries(AUDIT_EXTRA_ACTION_TITLES).map(([action, title]) => ({ value: action, label: title })),
].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 审计日志: who did what and when, for the head and the administrator. */
export function AuditPage() {
  const canListUsers = useCan('users.manage');
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => call('users.list', {}), enabled: canListUsers });
  const [draft, setDraft] = useState({ personId: '', actorUserId: null as string | null, action: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [draftError, setDraftError] = useState<string | null>(null);
  const entries = useQuery({ queryKey: ['audit.list', filter, page], queryFn: () => call('audit.list', { ...filter, page, pageSize: PAGE_SIZE }) });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  const exportXlsx = useMutation({
    mutationFn: () => call('audit.exportXlsx', filter),
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.base64, XLSX_TYPE);
      notifications.show({ color: 'green', message: `已导出 ${file.rows} 条记录` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  const apply = () => {
    if ((draft.from && !DATE.test(draft.from)) || (draft.to && !DATE.test(draft.to))) return setDraftError('日期格式应为 YYYY-MM-DD，例如 2026-11-27');
    if (draft.personId && !/^\d+$/.test(draft.personId)) return setDraftError('人员编号应为数字');
    setDraftError(null);
    setPage(1);
    setFilter({
      ...(draft.personId ? { personId: Number(draft.personId) } : {}),
      ...(draft.actorUserId ? { actorUserId: Number(draft.actorUserId) } : {}),
      ...(draft.action.trim() ? { action: draft.action.trim() } : {}),
      ...(draft.from ? { from: draft.from } : {}),
      ...(draft.to ? { to: draft.to } : {}),
    });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>审计日志</Title>
        <Group>
          <Button variant="default" loading={verify.isPending} onClick={() => verify.mutate()}>校验完整性</Button>
          <Button variant="light" loading={exportXlsx.isPending} onClick={() => exportXlsx.mutate()}>导出 Excel</Button>
        </Group>
      </Group>
      {verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} data-testid="audit-verdict">
          {verify.data.ok ? `审计日志完整：共 ${verify.data.entries} 条，哈希链无断裂。` : `审计日志在第 ${verify.data.brokenId} 条处断裂：${verify.data.reason}`}
        </Alert>
      )}
      <form onSubmit={(e) => { e.preventDefault(); apply(); }}>
        <Group align="flex-end">
          <TextInput label="人员编号" w={110} value={draft.personId} onChange={(e) => setDraft({ ...draft, personId: e.currentTarget.value })} />
          {canListUsers && (
            <Select label="操作人" w={160} clearable data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
              value={draft.actorUserId} onChange={(v) => setDraft({ ...draft, actorUserId: v })} />
          )}
          <Select label="操作" placeholder="全部操作" w={240} searchable clearable nothingFoundMessage="没有这样的操作" data={ACTION_OPTIONS}
            value={draft.action || null} onChange={(v) => setDraft({ ...draft, action: v ?? '' })} />
          <TextInput label="起始日期" placeholder="YYYY-MM-DD" w={130} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput label="截止日期" placeholder="YYYY-MM-DD" w={130} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <Button type="submit" variant="light">筛选</Button>
        </Group>
      </form>
      {draftError && <Alert color="red">{draftError}</Alert>}
      {entries.isError && <Alert color="red">{errorMessage(entries.error)}</Alert>}
      {entries.data && (
        <>
          <Text size="sm" c="dimmed">共 {entries.data.total} 条</Text>
          <Table withTableBorder striped>
            <HeaderRow labels={['序号', '时间', '操作人', '操作', '对象', '说明']} />
            <Table.Tbody>
              {entries.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.id}</Table.Td>
                  <Table.Td className="keep-whole">{formatOfficeTimestamp(e.at)}</Table.Td>
                  <Table.Td className="keep-whole">
                    {e.actorName ?? '系统'}
                    {e.workstation && <Text size="xs" c="dimmed">工作站：{e.workstation}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {/* Plain text, not a badge: a badge never wraps, and 办理业务（受理、审核、批准、退回……） would squeeze 说明. */}
                    <Text size="sm" c="blue.8" fw={500}>{e.actionTitle}</Text>
                  </Table.Td>
                  <Table.Td>{e.entityLabel ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.detailText}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {entries.data.total > PAGE_SIZE && <Pagination total={Math.ceil(entries.data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
