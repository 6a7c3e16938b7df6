import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput, type MantineColor } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { UserView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { ROLE_LABELS } from '../../shared/labels/zh-CN';
import { ROLES, type Role } from '../../shared/roles';
import { call, errorMessage } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { queryKeys } from '../api/queries';
import { HeaderRow } from '../shell/header-row';
import { onInvalidFields } from '../shell/focus-first-error';
import { STATIONS_KEY, useStations } from '../stations/stations-panel';

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.users });
}

/** A change to one account: when it is done the list is read again and `done` runs; a refusal stays in the dialog. */
function useAccountChange(change: () => Promise<unknown>, done: () => void) {
  const refresh = useRefreshUsers();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: change,
    onSuccess: () => {
      refresh();
      setError(null);
      done();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return { save, error };
}

/** A change that takes one typed line (a reason, a password), cleared once the change is done. */
function useAccountText(change: (text: string) => Promise<unknown>, onClose: () => void) {
  const [text, setText] = useState('');
  const { save, error } = useAccountChange(() => change(text), () => { setText(''); onClose(); });
  return { text, setText, save, error };
}

/** The frame of the dialogs on one account: the title names the account, the refusal sits above the inputs, the one button confirms. */
function AccountDialog({ user, title, size, onClose, intro, error, confirm, children }: {
  user: UserView | null; title: string; size?: string; onClose: () => void; intro?: ReactNode; error: string | null;
  confirm: { label: string; color?: MantineColor; disabled: boolean; loading: boolean; onClick: () => void };
  children: ReactNode;
}) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={`${title}：${user?.displayName ?? ''}`} size={size}>
      <Stack>
        {intro}
        {error && <Alert color="red">{error}</Alert>}
        {children}
        <Group justify="flex-end">
          <Button color={confirm.color} disabled={confirm.disabled} loading={confirm.loading} onClick={confirm.onClick}>{confirm.label}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CreateUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const refresh = useRefreshUsers();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', displayName: '', roles: [] as Role[], password: '', stationId: null as number | null },
    validate: {
      username: (v) => (/^[A-Za-z0-9_.-]{2,32}$/.test(v.trim()) ? null : '用户名为2–32位字母、数字、下划线、点或连字符'),
      displayName: (v) => (v.trim() ? null : '请填写姓名'),
      roles: (v) => (v.length ? null : '至少选择一个角色'),
      password: (v, values) => (v.length < 8 ? '密码至少8位' : v === values.username ? '密码不能与用户名相同' : null),
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) => call('users.create', v),
    onSuccess: () => {
      refresh();
      form.reset();
      onClose();
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, ['username', 'displayName', 'roles', 'password', 'stationId'])),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="新建账号">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); create.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="用户名" withAsterisk {...form.getInputProps('username')} />
          <TextInput label="姓名" withAsterisk {...form.getInputProps('displayName')} />
          <Checkbox.Group label="角色" withAsterisk {...form.getInputProps('roles')}>
            <Stack gap={4} mt={4}>
              {ROLES.map((role) => (
                <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <StationSelect value={form.values.stationId} onChange={(v) => form.setFieldValue('stationId', v)} error={form.errors.stationId} />
          <PasswordInput label="初始密码" description="用户首次登录时必须修改" withAsterisk {...form.getInputProps('password')} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 所属服务站: a station in use, or none (the bureau's own hall). */
function StationSelect({ value, onChange, error }: { value: number | null; onChange: (id: number | null) => void; error?: ReactNode }) {
  const stations = useStations();
  return (
    <Select label="所属服务站" description="不选：局办事大厅" clearable placeholder="局办事大厅" error={error}
      data={(stations.data ?? []).filter((s) => s.status === 'active' || s.id === value).map((s) => ({ value: String(s.id), label: `${s.name}（${s.villageName ?? s.townshipName}）` }))}
      value={value === null ? null : String(value)} onChange={(v) => onChange(v ? Number(v) : null)} />
  );
}

export function StationDialog({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const [stationId, setStationId] = useState<number | null>(user?.stationId ?? null);
  const queryClient = useQueryClient();
  const { save, error } = useAccountChange(() => call('users.setStation', { id: user!.id, version: user!.version, stationId }), () => { void queryClient.invalidateQueries({ queryKey: STATIONS_KEY }); onClose(); });
  return (
    <AccountDialog user={user} title="所属服务站" onClose={onClose} error={error}
      intro={<Text size="sm">此后该账号受理的业务记入所选服务站；已受理的业务不变。</Text>}
      confirm={{ label: '保存', disabled: false, loading: save.isPending, onClick: () => save.mutate() }}>
      <StationSelect value={stationId} onChange={setStationId} />
    </AccountDialog>
  );
}

export function RolesDialog({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const { save, error } = useAccountChange(() => call('users.setRoles', { id: user!.id, version: user!.version, roles }), onClose);
  return (
    <AccountDialog user={user} title="调整角色" onClose={onClose} error={error}
      confirm={{ label: '保存', disabled: roles.length === 0, loading: save.isPending, onClick: () => save.mutate() }}>
      <Checkbox.Group value={roles} onChange={setRoles}>
        <Stack gap={4}>
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
          ))}
        </Stack>
      </Checkbox.Group>
    </AccountDialog>
  );
}

export function DisableDialog({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const disabling = !user?.disabled;
  const { text: reason, setText: setReason, save, error } = useAccountText(
    (reason) => call('users.setDisabled', { id: user!.id, version: user!.version, disabled: disabling, reason }),
    onClose,
  );
  return (
    <AccountDialog user={user} title={`${disabling ? '停用' : '启用'}账号`} onClose={onClose} error={error}
      intro={disabling && <Text size="sm">停用后该账号不能登录；历史记录中仍保留其姓名。</Text>}
      confirm={{ label: `确认${disabling ? '停用' : '启用'}`, color: disabling ? 'red' : 'blue', disabled: !reason.trim(), loading: save.isPending, onClick: () => save.mutate() }}>
      <TextInput label="原因" withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
    </AccountDialog>
  );
}

export function ResetPasswordDialog({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { text: password, setText: setPassword, save, error } = useAccountText((password) => call('users.resetPassword', { id: user!.id, password }), onClose);
  return (
    <AccountDialog user={user} title="重置密码" onClose={onClose} error={error}
      intro={<Text size="sm">重置后该账号的登录限制将解除，用户下次登录必须修改密码。</Text>}
      confirm={{ label: '确认重置', disabled: password.length < 8, loading: save.isPending, onClick: () => save.mutate() }}>
      <PasswordInput label="临时密码" withAsterisk value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
    </AccountDialog>
  );
}

/** 解除登录限制: the computers that tried wrong passwords for this account, and a reason for lifting their wait. */
export function LiftLimitsDialog({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { text: reason, setText: setReason, save, error } = useAccountText((reason) => call('users.liftLoginLimits', { id: user!.id, reason }), onClose);
  return (
    <AccountDialog user={user} title="解除登录限制" size="lg" onClose={onClose} error={error}
      intro={(
        <>
          <Text size="sm">以下终端近期为该账号输错过密码。解除后错误次数清零，这些终端可立即再次登录；每次尝试仍记在审计日志中。</Text>
          <Table withTableBorder>
            <HeaderRow labels={['终端', '连续错误次数', '须等待至']} />
            <Table.Tbody>
              {(user?.loginLimits ?? []).map((limit) => (
                <Table.Tr key={limit.client}>
                  <Table.Td>{limit.client}</Table.Td>
                  <Table.Td>{limit.failures}</Table.Td>
                  <Table.Td>{limit.waitUntil ? formatOfficeTimestamp(limit.waitUntil) : '无需等待'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      confirm={{ label: '确认解除', disabled: !reason.trim(), loading: save.isPending, onClick: () => save.mutate() }}>
      <TextInput label="原因" withAsterisk placeholder="如：本人来电确认系输错密码" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
    </AccountDialog>
  );
}
