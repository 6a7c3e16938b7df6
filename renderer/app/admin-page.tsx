import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { ROLE_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { notifications } from '@mantine/notifications';
import { queryKeys, useSession } from '../api/queries';
import { ChangePasswordForm } from '../auth/change-password-form';
import { ExternalFiguresPage } from '../reports/external-figures-page';
import { BackupOverdueAlert, BackupsPanel } from '../backups/backups-panel';
import { CalendarPanel } from '../calendar/calendar-panel';
import { CodeTablesPanel } from '../codes/codes-panel';
import { DifficultyTypesPanel } from '../enterprises/difficulty-types-panel';
import { CreateUserDialog, DisableDialog, LiftLimitsDialog, ResetPasswordDialog, RolesDialog } from '../users/user-dialogs';

/** 已停用, 登录受限 (some computer must wait), 近期输错密码, or 正常. */
function AccountStatus({ user }: { user: UserView }) {
  if (user.disabled) return <Badge color="gray">已停用</Badge>;
  const waiting = user.loginLimits.filter((l) => l.waitUntil !== null && l.waitUntil > new Date().toISOString());
  if (waiting.length > 0) return <Badge color="red">登录受限（{waiting.length} 处终端，至 {formatOfficeTimestamp(waiting.map((l) => l.waitUntil!).sort().at(-1)!)}）</Badge>;
  if (user.loginLimits.length > 0) return <Badge color="yellow">近期输错密码 {Math.max(...user.loginLimits.map((l) => l.failures))} 次</Badge>;
  return <Badge color="green">正常</Badge>;
}

function UsersPanel() {
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => call('users.list', {}) });
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<UserView | null>(null);
  const [disableOf, setDisableOf] = useState<UserView | null>(null);
  const [resetOf, setResetOf] = useState<UserView | null>(null);
  const [liftOf, setLiftOf] = useState<UserView | null>(null);
  if (users.isError) return <Alert color="red">{errorMessage(users.error)}</Alert>;
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)}>新建账号</Button>
      </Group>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>用户名</Table.Th>
            <Table.Th>姓名</Table.Th>
            <Table.Th>角色</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users.data ?? []).map((u) => (
            <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r} variant="light">
                      {ROLE_LABELS[r]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <AccountStatus user={u} />
                {u.mustChangePassword && !u.disabled && <Text size="xs" c="dimmed">待修改密码</Text>}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Button size="compact-xs" variant="light" onClick={() => setRolesOf(u)}>角色</Button>
                  <Button size="compact-xs" variant="light" onClick={() => setResetOf(u)}>重置密码</Button>
                  {u.loginLimits.length > 0 && (
                    <Button size="compact-xs" variant="light" color="orange" onClick={() => setLiftOf(u)}>解除登录限制</Button>
                  )}
                  <Button size="compact-xs" variant="light" color={u.disabled ? 'blue' : 'red'} onClick={() => setDisableOf(u)}>{u.disabled ? '启用' : '停用'}</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} />
      {rolesOf && <RolesDialog key={rolesOf.id} user={rolesOf} onClose={() => setRolesOf(null)} />}
      <DisableDialog user={disableOf} onClose={() => setDisableOf(null)} />
      <ResetPasswordDialog user={resetOf} onClose={() => setResetOf(null)} />
      <LiftLimitsDialog user={liftOf} onClose={() => setLiftOf(null)} />
    </Stack>
  );
}

function SettingsPanel() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings.get', {}) });
  const [minutes, setMinutes] = useState<number | string | null>(null);
  const [bureau, setBureau] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call('settings.update', {
        idleLockMinutes: Number(minutes ?? settings.data!.idleLockMinutes),
        bureauName: (bureau ?? settings.data!.bureauName ?? '').trim() || null,
      }),
    onSuccess: (s) => {
      queryClient.setQueryData(queryKeys.settings, s);
      // Letterheads read the name from the desk's status.
      void queryClient.invalidateQueries({ queryKey: queryKeys.status });
      setMessage({ ok: true, text: '已保存' });
    },
    onError: (e) => setMessage({ ok: false, text: errorMessage(e) }),
  });
  if (!settings.data) return null;
  return (
    <Paper withBorder p="lg" maw={560}>
      <Stack>
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <NumberInput label="无操作自动锁屏（分钟）" min={1} max={120} defaultValue={settings.data.idleLockMinutes} onChange={setMinutes} />
        <TextInput label="机构名称（打印信头与盖章处）" description={`留空则打印“${settings.data.defaultBureauName}”`} placeholder={settings.data.defaultBureauName}
          maxLength={40} defaultValue={settings.data.bureauName ?? ''} onChange={(e) => setBureau(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} disabled={minutes === ''} loading={save.isPending}>保存设置</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function AdminPage() {
  return (
    <Stack maw={1100}>
      <Title order={2}>系统管理</Title>
      <BackupOverdueAlert />
      <Tabs defaultValue="users">
        <Tabs.List>
          <Tabs.Tab value="users">账号管理</Tabs.Tab>
          <Tabs.Tab value="settings">系统设置</Tabs.Tab>
          <Tabs.Tab value="calendar">工作日历</Tabs.Tab>
          <Tabs.Tab value="code-tables">业务代码表</Tabs.Tab>
          <Tabs.Tab value="difficulties">企业困难类型</Tabs.Tab>
          <Tabs.Tab value="backups">数据备份</Tabs.Tab>
          <Tabs.Tab value="report-figures">月报外部数据</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <SettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarPanel />
        </Tabs.Panel>
        <Tabs.Panel value="code-tables" pt="md">
          <CodeTablesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="difficulties" pt="md">
          <DifficultyTypesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="md">
          <BackupsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="report-figures" pt="md">
          <ExternalFiguresPage />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Every member of staff can change their own password. */
export function AccountPage() {
  const session = useSession();
  return (
    <Stack maw={480}>
      <Title order={2}>修改本人密码</Title>
      <Paper withBorder p="lg">
        <ChangePasswordForm username={session.data?.username ?? ''} onDone={() => notifications.show({ color: 'green', message: '密码已修改' })} />
      </Paper>
    </Stack>
  );
}
