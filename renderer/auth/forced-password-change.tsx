import { Alert, Button, Center, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../shared/contract';
import { queryKeys } from '../api/queries';
import { signOut } from '../api/session';
import { ChangePasswordForm } from './change-password-form';

/** After an administrator's reset (or a new account) the first act is choosing one's own password. */
export function ForcedPasswordChange({ session }: { session: SessionView }) {
  const queryClient = useQueryClient();
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={440}>
        <Stack>
          <Title order={3}>请修改密码</Title>
          <Alert color="yellow">{session.displayName}，您的密码由管理员设置，使用前须改为只有您知道的密码。</Alert>
          <ChangePasswordForm username={session.username} onDone={() => void queryClient.invalidateQueries({ queryKey: queryKeys.session })} />
          <Button variant="subtle" onClick={() => void signOut(queryClient)}>
            退出登录
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
