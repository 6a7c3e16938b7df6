import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { APP_TITLE } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { DemoLoginNotice } from '../setup/demo-mark';
import { onInvalidFields } from '../shell/focus-first-error';

export function LoginPage({ countyName }: { countyName: string }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: { username: (v) => (v.trim() ? null : '请输入用户名'), password: (v) => (v ? null : '请输入密码') },
  });
  const login = useMutation({
    mutationFn: (values: { username: string; password: string }) => call('auth.login', values),
    onSuccess: (session) => queryClient.setQueryData(queryKeys.session, session),
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Center mih="100vh" p="md">
      <Stack w={440}>
        <DemoLoginNotice />
        <Paper withBorder p="xl">
          <form onSubmit={form.onSubmit((values) => { setError(null); login.mutate(values); }, onInvalidFields)} noValidate>
            <Stack>
              <Title order={2}>{APP_TITLE}</Title>
              <Text c="dimmed">{countyName} 人力资源和社会保障局</Text>
              {error && <Alert color="red">{error}</Alert>}
              <TextInput label="用户名" autoFocus autoComplete="username" {...form.getInputProps('username')} />
              <PasswordInput label="密码" autoComplete="current-password" {...form.getInputProps('password')} />
              <Button type="submit" loading={login.isPending}>
                登录
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
