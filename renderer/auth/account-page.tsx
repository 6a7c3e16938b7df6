import { Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSession } from '../api/queries';
import { ChangePasswordForm } from './change-password-form';

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
