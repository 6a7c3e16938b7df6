import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CodeTableEntry, InputOf } from '../../shared/contract';
import {
  CODE_ENTRY_APPLICANTS, codeEntryProblems, EDITABLE_CODE_TABLES, type CodeEntryApplicant, type EditableCodeTable,
} from '../../shared/domain/editable-code-tables';
import { call, errorMessage, RpcCallError } from '../api/client';
import { queryKeys, useCodeTable } from '../api/queries';
import { FormActions } from '../shell/form-actions';

const TABLES = Object.entries(EDITABLE_CODE_TABLES).map(([value, t]) => ({ value: value as EditableCodeTable, label: t.label }));
const APPLICANT_OPTIONS = CODE_ENTRY_APPLICANTS.map(([value, label]) => ({ value, label }));
const APPLICANT_LABELS: Record<CodeEntryApplicant, string> = Object.fromEntries(CODE_ENTRY_APPLICANTS) as Record<CodeEntryApplicant, string>;

const DESCRIPTIONS: Record<EditableCodeTable, string> = {
  difficulty_categories: '办理就业困难人员认定时可选的认定类别，按本省（市、县）规定维护。',
  subsidy_catalogue: '办理补贴申请时可选的补贴项目；“申请对象”决定个人、单位或两者可以申请。',
  guidance_topics: '记录职业指导时可选的指导内容（职业测评、求职技巧……）。',
};

/** Saves one entry and puts the table the server answers with into the cache every screen reads. */
function useSaveEntry(table: EditableCodeTable) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<InputOf<'codes.save'>, 'table'>) => call('codes.save', { table, ...input }),
    onSuccess: (entries) => queryClient.setQueryData(queryKeys.codeTable(table), entries),
  });
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof RpcCallError ? (error.error.fields ?? {}) : {};
}

/** 业务代码表: the administrator's lists behind the case forms — 认定类别 and 补贴目录. */
export function CodesPanel() {
  const [table, setTable] = useState<EditableCodeTable>('difficulty_categories');
  return (
    <Paper withBorder p="lg" maw={980}>
      <Stack>
        <SegmentedControl aria-label="选择代码表" data={TABLES} value={table} onChange={(v) => setTable(v as EditableCodeTable)} w="fit-content" />
        <Text size="sm" c="dimmed">{DESCRIPTIONS[table]}项目只能停用，不能删除：停用后不再出现在新办业务中，已办理的业务保留原名称。代码一经保存不能修改。</Text>
        <CodeTableEditor key={table} table={table} />
      </Stack>
    </Paper>
  );
}

function CodeTableEditor({ table }: { table: EditableCodeTable }) {
  const list = useCodeTable(table);
  const toggle = useSaveEntry(table);
  const [editing, setEditing] = useState<CodeTableEntry | null>(null);
  const hasApplicant = EDITABLE_CODE_TABLES[table].hasApplicant;
  const entries = list.data ?? [];
  const setActive = (entry: CodeTableEntry, active: boolean) =>
    toggle.mutate(
      { code: entry.code, label: entry.label, sortOrder: entry.sortOrder, applicant: entry.applicant, active, version: entry.version },
      {
        onSuccess: () => notifications.show({ color: 'green', message: `已${active ? '启用' : '停用'}“${entry.label}”` }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  const retire = (entry: CodeTableEntry) =>
    modals.openConfirmModal({
      title: `停用“${entry.label}”`,
      children: (
        <Text size="sm">
          停用后，该项目不再出现在新办业务的选项中。已经办理或正在办理的业务保留该项目及其名称，不受影响；需要时可以重新启用。
        </Text>
      ),
      labels: { confirm: '确认停用', cancel: '返回' },
      confirmProps: { color: 'red' },
      onConfirm: () => setActive(entry, false),
    });
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  return (
    <Stack>
      <AddEntryForm table={table} nextSortOrder={Math.max(0, ...entries.map((e) => e.sortOrder)) + 1} />
      <Table withTableBorder striped data-testid="code-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>名称</Table.Th><Table.Th>代码</Table.Th>{hasApplicant && <Table.Th>申请对象</Table.Th>}<Table.Th>排序</Table.Th><Table.Th>状态</Table.Th><Table.Th>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.code} data-testid={`code-entry-${e.code}`} c={e.active ? undefined : 'dimmed'}>
              <Table.Td>{e.label}</Table.Td>
              <Table.Td ff="monospace">{e.code}</Table.Td>
              {hasApplicant && <Table.Td>{e.applicant ? APPLICANT_LABELS[e.applicant] : '—'}</Table.Td>}
              <Table.Td>{e.sortOrder}</Table.Td>
              <Table.Td>{e.active ? <Badge variant="light">在用</Badge> : <Badge color="gray" variant="light">已停用</Badge>}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" onClick={() => setEditing(e)} aria-label={`修改“${e.label}”`}>修改</Button>
                  {e.active ? (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => retire(e)} aria-label={`停用“${e.label}”`}>停用</Button>
                  ) : (
                    <Button size="compact-xs" variant="subtle" loading={toggle.isPending && toggle.variables?.code === e.code} onClick={() => setActive(e, true)} aria-label={`启用“${e.label}”`}>启用</Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <EditEntryDialog key={editing.code} table={table} entry={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** 新增项目: name, order and, for the subsidy catalogue, who may apply; the desk makes the code from the name. Enter saves. */
function AddEntryForm({ table, nextSortOrder }: { table: EditableCodeTable; nextSortOrder: number }) {
  const hasApplicant = EDITABLE_CODE_TABLES[table].hasApplicant;
  const save = useSaveEntry(table);
  const [label, setLabel] = useState('');
  const [sortOrder, setSortOrder] = useState<number | string>('');
  const [applicant, setApplicant] = useState<CodeEntryApplicant | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entry = { code: null, label: label.trim(), applicant: hasApplicant ? applicant : null };
    // The rule the server applies, checked here first so the messages appear under the fields at once.
    const found = codeEntryProblems(table, entry);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { ...entry, sortOrder: sortOrder === '' ? nextSortOrder : Number(sortOrder), active: true, version: null },
      {
        onSuccess: (entries) => {
          const added = entries.find((e) => e.label === entry.label);
          notifications.show({ color: 'green', message: `已添加“${entry.label}”${added ? `，代码 ${added.code}` : ''}` });
          setLabel('');
          setSortOrder('');
          setApplicant(null);
        },
        onError: (e) => setProblems(fieldErrorsOf(e)),
      },
    );
  };
  const serverMessage = save.isError && Object.keys(fieldErrorsOf(save.error)).length === 0 ? errorMessage(save.error) : null;
  return (
    <form noValidate onSubmit={submit} aria-label="新增项目">
      <Stack gap="xs">
        {serverMessage && <Alert color="red">{serverMessage}</Alert>}
        <Group align="flex-start">
          <TextInput label="名称" description="业务表单和通知书上显示的名称；代码由系统生成" placeholder={table === 'subsidy_catalogue' ? '如 返乡创业补贴' : '如 受灾家庭成员'} w={240} maxLength={60}
            value={label} error={problems.label} onChange={(e) => setLabel(e.currentTarget.value)} />
          <NumberInput label="排序" description="小的在前" placeholder={String(nextSortOrder)} w={100} min={0} max={9999} allowDecimal={false}
            value={sortOrder} error={problems.sortOrder} onChange={setSortOrder} />
          {hasApplicant && (
            <Select label="申请对象" description="谁可以申请" placeholder="请选择" w={150} data={APPLICANT_OPTIONS}
              value={applicant} error={problems.applicant} onChange={(v) => setApplicant(v as CodeEntryApplicant | null)} />
          )}
          <Button type="submit" mt={46} loading={save.isPending}>添加</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 修改: the name, the order and who may apply; the code stays. */
function EditEntryDialog({ table, entry, onClose }: { table: EditableCodeTable; entry: CodeTableEntry; onClose: () => void }) {
  const hasApplicant = EDITABLE_CODE_TABLES[table].hasApplicant;
  const save = useSaveEntry(table);
  const [label, setLabel] = useState(entry.label);
  const [sortOrder, setSortOrder] = useState<number | string>(entry.sortOrder);
  const [applicant, setApplicant] = useState<CodeEntryApplicant | null>(entry.applicant);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = codeEntryProblems(table, { code: entry.code, label: label.trim(), applicant });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { code: entry.code, label: label.trim(), sortOrder: sortOrder === '' ? entry.sortOrder : Number(sortOrder), applicant, active: entry.active, version: entry.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `已保存“${label.trim()}”` });
          onClose();
        },
        onError: (e) => setProblems(fieldErrorsOf(e)),
      },
    );
  };
  const serverMessage = save.isError && Object.keys(fieldErrorsOf(save.error)).length === 0 ? errorMessage(save.error) : null;
  return (
    <Modal opened onClose={onClose} title={`修改“${entry.label}”`}>
      <form noValidate onSubmit={submit}>
        <Stack>
          {serverMessage && <Alert color="red">{serverMessage}</Alert>}
          <Text size="sm">代码：<Text span ff="monospace">{entry.code}</Text>（不能修改）</Text>
          <TextInput label="名称" data-autofocus maxLength={60} value={label} error={problems.label} onChange={(e) => setLabel(e.currentTarget.value)}
            description={label.trim() !== entry.label ? '改名后，已办理业务的表单和通知书也显示新名称' : undefined} />
          <NumberInput label="排序" min={0} max={9999} allowDecimal={false} value={sortOrder} error={problems.sortOrder} onChange={setSortOrder} />
          {hasApplicant && (
            <Select label="申请对象" data={APPLICANT_OPTIONS} value={applicant} error={problems.applicant} onChange={(v) => setApplicant(v as CodeEntryApplicant | null)} />
          )}
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
