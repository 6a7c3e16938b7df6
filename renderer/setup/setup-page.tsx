import { Alert, Button, Center, Checkbox, Code, Group, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { queryKeys } from '../api/queries';
import { onInvalidFields } from '../shell/focus-first-error';

interface SetupValues {
  cityCode: string | null;
  countyCode: string | null;
  adminUsername: string;
  adminDisplayName: string;
  password: string;
  passwordAgain: string;
  alsoFrontDesk: boolean;
}

const FIELDS = ['countyCode', 'adminUsername', 'adminDisplayName', 'password'] as const;

/** First run: pick the bureau's county and create the first administrator. */
export function SetupPage({ onBack }: { onBack?: () => void } = {}) {
  const queryClient = useQueryClient();
  const counties = useQuery({ queryKey: ['setup.counties'], queryFn: () => call('setup.counties', {}) });
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SetupValues>({
    initialValues: { cityCode: null, countyCode: null, adminUsername: 'admin', adminDisplayName: '', password: '', passwordAgain: '', alsoFrontDesk: false },
    validate: {
      countyCode: (v) => (v ? null : '请选择本局所在的县（市、区）'),
      adminDisplayName: (v) => (v.trim() ? null : '请填写管理员姓名'),
      password: (v, values) => (v.length < 8 ? '密码至少8位' : v === values.adminUsername ? '密码不能与用户名相同' : null),
      passwordAgain: (v, values) => (v === values.password ? null : '两次输入的密码不一致'),
    },
  });

  const cities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of counties.data ?? []) seen.set(c.cityCode, c.cityName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [counties.data]);
  const countyOptions = (counties.data ?? [])
    .filter((c) => c.cityCode === form.values.cityCode)
    .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));

  const initialize = useMutation({
    mutationFn: (values: SetupValues) =>
      call('setup.initialize', {
        countyCode: values.countyCode ?? '',
        adminUsername: values.adminUsername,
        adminDisplayName: values.adminDisplayName,
        password: values.password,
        alsoFrontDesk: values.alsoFrontDesk,
      }),
    onSuccess: (result) => setRecoveryKey(result.recoveryKey),
    onError: (error) => setFormError(applyFieldErrors(error, form.setFieldError, FIELDS)),
  });

  if (recoveryKey) {
    return (
      <Center mih="100vh" p="md">
        <Paper withBorder p="xl" maw={640} className="printable">
          <Stack>
            <Title order={2}>数据库已建立</Title>
            <Text>下面是本库的恢复密钥。密钥文件丢失或电脑重装时，只能凭它打开数据。请立即打印，交系统管理员签字后存放在保险柜中。</Text>
            <Code block fz="lg" data-testid="recovery-key">
              {recoveryKey}
            </Code>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => window.print()}>
                打印恢复密钥
              </Button>
              <Button onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.status })}>我已妥善保存，去登录</Button>
            </Group>
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={560}>
        <form onSubmit={form.onSubmit((values) => { setFormError(null); initialize.mutate(values); }, onInvalidFields)} noValidate>
          <Stack>
            <Title order={2}>首次使用：建立本局数据库</Title>
            <Text c="dimmed" size="sm">
              选择本局所在的县（市、区），并设置系统管理员账号。数据保存在本机，全程加密。
            </Text>
            {formError && <Alert color="red">{formError}</Alert>}
            <Select label="设区市" placeholder="请选择" data={cities} searchable withAsterisk
              {...form.getInputProps('cityCode')}
              onChange={(value) => { form.setFieldValue('cityCode', value); form.setFieldValue('countyCode', null); }} />
            <Select label="县（市、区）" placeholder={form.values.cityCode ? '请选择' : '请先选择设区市'} data={countyOptions}
              searchable withAsterisk disabled={!form.values.cityCode} {...form.getInputProps('countyCode')} />
            <TextInput label="管理员用户名" withAsterisk autoComplete="username" {...form.getInputProps('adminUsername')} />
            <TextInput label="管理员姓名" withAsterisk {...form.getInputProps('adminDisplayName')} />
            <PasswordInput label="密码" description="至少8位，不能与用户名相同" withAsterisk autoComplete="new-password" {...form.getInputProps('password')} />
            <PasswordInput label="再次输入密码" withAsterisk autoComplete="new-password" {...form.getInputProps('passwordAgain')} />
            <Checkbox label="此账号同时担任前台经办（人员较少的经办机构）" {...form.getInputProps('alsoFrontDesk', { type: 'checkbox' })} />
            <Group justify="flex-end">
              {onBack && (
                <Button variant="default" onClick={onBack}>
                  返回
                </Button>
              )}
              <Button type="submit" loading={initialize.isPending}>
                建立数据库
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
