import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { onInvalidFields } from '../shell/focus-first-error';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordForm({ username, onDone }: { username: string; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', again: '' },
    validate: {
      currentPassword: (v) => (v ? null : '请输入当前密码'),
      newPassword: (v) => (v.length < 8 ? '密码至少8位' : v.toLowerCase() === username.toLowerCase() ? '密码不能与用户名相同' : null),
      again: (v, values) => (v === values.newPassword ? null : '两次输入的密码不一致'),
    },
  });
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => call('auth.changePassword', v),
    onSuccess: onDone,
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, FIELDS)),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => { setError(null); change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }); }, onInvalidFields)}>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <PasswordInput label="当前密码" autoComplete="current-password" {...form.getInputProps('currentPassword')} />
        <PasswordInput label="新密码" description="至少8位，不能与用户名相同" autoComplete="new-password" {...form.getInputProps('newPassword')} />
        <PasswordInput label="再次输入新密码" autoComplete="new-password" {...form.getInputProps('again')} />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            修改密码
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
