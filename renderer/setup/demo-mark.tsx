import { Alert, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DEMO_ACCOUNTS, DEMO_MARK, DEMO_NOTICE, DEMO_PASSWORD } from '../../shared/demo';
import { ROLE_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { queryKeys, useDeskStatus, useSession } from '../api/queries';

/**
 * 退出演示: deletes the demo county and returns to the first-start screen, after a confirmation;
 * the bureau's own data is elsewhere. Signed in, only an administrator is offered it.
 */
function LeaveDemoButton({ variant }: { variant: 'white' | 'outline' }) {
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: () => call('setup.leaveDemo', {}),
    onSuccess: () => {
      // As at sign-out: nothing of the demo stays in memory, and the gate asks the backend afresh.
      window.location.hash = '#/';
      queryClient.setQueryData(queryKeys.session, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] && q.queryKey[0] !== queryKeys.status[0] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.status });
    },
  });
  return (
    <Button size="compact-sm" variant={variant} color="orange" loading={leave.isPending} onClick={() => modals.openConfirmModal({
      title: '退出演示',
      children: <Text size="sm">退出后演示县的全部数据将被删除，正在使用演示县练习的同事也将退出。本局数据库不受影响。</Text>,
      labels: { confirm: '删除演示数据并退出', cancel: '返回' },
      confirmProps: { color: 'orange' },
      onConfirm: () => leave.mutate(),
    })} title={leave.error ? errorMessage(leave.error) : undefined}>
      退出演示
    </Button>
  );
}

/** Under the header of every screen while a demo database is open. */
export function DemoBanner() {
  const status = useDeskStatus();
  const isAdmin = useSession().data?.roles.includes('admin') ?? false;
  if (!status.data?.demo) return null;
  return (
    <Group className="no-print" justify="space-between" px="md" py={6} bg="orange.6" c="white" data-testid="demo-banner" mb="md" style={{ borderRadius: 4 }}>
      <Text fw={700} size="sm">
        {DEMO_MARK} · {DEMO_NOTICE}
      </Text>
      {status.data.demoLeavable && isAdmin && <LeaveDemoButton variant="white" />}
    </Group>
  );
}

/** Beside the county's name in the header. */
export function DemoBadge() {
  const status = useDeskStatus();
  return status.data?.demo ? <Badge color="orange" variant="filled">{DEMO_MARK}</Badge> : null;
}

/**
 * On every printed page of a demo: the page's top margin box says 演示数据,
 * whatever the document, so a demo printout can never pass for a real one.
 */
export function DemoPrintMark() {
  const status = useDeskStatus();
  if (!status.data?.demo) return null;
  return <style>{`@page { @top-right { content: "${DEMO_MARK}（虚构，非真实个人信息）"; font-size: 10pt; font-weight: bold; } }`}</style>;
}

/** On the login screen of the demo: what it is, its accounts and their published password. */
export function DemoLoginNotice() {
  const status = useDeskStatus();
  if (!status.data?.demo) return null;
  return (
    <Alert color="orange" title={`${DEMO_MARK} · 演示县`} data-testid="demo-login-notice">
      <Stack gap="xs">
        <Text size="sm">{DEMO_NOTICE}</Text>
        <Text size="sm">
          各演示账号的密码均为 <Code>{DEMO_PASSWORD}</Code>
        </Text>
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {DEMO_ACCOUNTS.map((a) => (
              <Table.Tr key={a.username}>
                <Table.Td>
                  <Code>{a.username}</Code>
                </Table.Td>
                <Table.Td>{a.displayName}</Table.Td>
                <Table.Td>{a.roles.map((r) => ROLE_LABELS[r]).join('、')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {status.data.demoLeavable && (
          <Group justify="flex-end">
            <LeaveDemoButton variant="outline" />
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
