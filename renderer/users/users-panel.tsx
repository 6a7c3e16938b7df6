import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { ROLE_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { CreateUserDialog, DisableDialog, LiftLimitsDialog, ResetPasswordDialog, RolesDialog, StationDialog } from './user-dialogs';
import { HeaderRow } from '../shell/header-row';

/** 已停用, 登录受限 (some computer must wait), 近期输错密码, or 正常. */
function AccountStatus({ user }: { user: UserView }) {
  if (user.disabled) return <Badge color="gray">已停用</Badge>;
  const waiting = user.loginLimits.filter((l) => l.waitUntil !== null && l.waitUntil > new Date().toISOString());
  if (waiting.length > 0) return <Badge color="red">登录受限（{waiting.length} 处终端，至 {formatOfficeTimestamp(waiting.map((l) => l.waitUntil!).sort().at(-1)!)}）</Badge>;
  if (user.loginLimits.length > 0) return <Badge color="yellow">近期输错密码 {Math.max(...user.loginLimits.map((l) => l.failures))} 次</Badge>;
  return <Badge color="green">正常</Badge>;
}

/** 账号管理: every account, its roles and state, and what the administrator can do with it. */
export function UsersPanel() {
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => call('users.list', {}) });
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<UserView | null>(null);
  const [disableOf, setDisableOf] = useState<UserView | null>(null);
  const [resetOf, setResetOf] = useState<UserView | null>(null);
  const [liftOf, setLiftOf] = useState<UserView | null>(null);
  const [stationOf, setStationOf] = useState<UserView | null>(null);
  if (users.isError) return <Alert color="red">{errorMessage(users.error)}</Alert>;
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)}>新建账号</Button>
      </Group>
      <Table withTableBorder striped>
        <HeaderRow labels={['用户名', '姓名', '角色', '所属服务站', '状态', '操作']} />
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
              <Table.Td>{u.stationName ?? '—'}</Table.Td>
              <Table.Td>
                <AccountStatus user={u} />
                {u.mustChangePassword && !u.disabled && <Text size="xs" c="dimmed">待修改密码</Text>}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Button size="compact-xs" variant="light" onClick={() => setRolesOf(u)}>角色</Button>
                  <Button size="compact-xs" variant="light" onClick={() => setStationOf(u)}>服务站</Button>
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
      {stationOf && <StationDialog key={stationOf.id} user={stationOf} onClose={() => setStationOf(null)} />}
    </Stack>
  );
}
