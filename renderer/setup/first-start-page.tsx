import { Alert, Button, Center, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { APP_TITLE } from '../../shared/labels/zh-CN';
import { DEMO_MARK } from '../../shared/demo';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { SetupPage } from './setup-page';
import { WorkstationPairingPage } from './workstation-pairing-page';

/**
 * First start without a database: try the demo county (synthetic data, kept
 * apart from the bureau's own) or set up the bureau's database.
 */
export function FirstStartPage() {
  const [choice, setChoice] = useState<'choose' | 'setup' | 'workstation'>('choose');
  // Only the Electron shell can make this installation a workstation (the browser host is the desk itself).
  const door = window.bureau?.workstation;
  if (choice === 'setup') return <SetupPage onBack={() => setChoice('choose')} />;
  if (choice === 'workstation' && door) return <WorkstationPairingPage door={door} onBack={() => setChoice('choose')} />;
  return <ChooseStart onSetup={() => setChoice('setup')} onWorkstation={door ? () => setChoice('workstation') : null} />;
}

function ChooseStart({ onSetup, onWorkstation }: { onSetup: () => void; onWorkstation: (() => void) | null }) {
  const queryClient = useQueryClient();
  // The latest demo job survives a reload of the page: its progress shows again.
  const job = useQuery({
    queryKey: ['setup.demoJob'],
    queryFn: () => call('setup.demoJob', {}),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 300 : false),
  });
  const open = useMutation({
    mutationFn: () => call('setup.openDemo', {}),
    onSuccess: (view) => queryClient.setQueryData(['setup.demoJob'], view),
  });
  const view = job.data;
  const running = open.isPending || view?.state === 'running';
  useEffect(() => {
    if (view?.state === 'done') void queryClient.invalidateQueries({ queryKey: queryKeys.status });
  }, [view?.state, queryClient]);
  const percent = view && view.progress.total > 0 ? Math.round((100 * view.progress.done) / view.progress.total) : 0;

  return (
    <Center mih="100vh" p="md">
      <Stack w={760}>
        <Title order={2}>欢迎使用{APP_TITLE}</Title>
        <Text c="dimmed">本机还没有数据库。可以先打开演示县看看系统如何工作，也可以直接建立本局的数据库。</Text>
        <SimpleGrid cols={2}>
          <Paper withBorder p="lg">
            <Stack h="100%" justify="space-between">
              <Stack gap="xs">
                <Title order={3}>打开演示县</Title>
                <Text size="sm">
                  用系统生成的虚构数据（吴中区，约5000人、80家企业和两年的业务）体验登记、经办、企业走访等功能。每个页面和打印件都标有“{DEMO_MARK}”。
                </Text>
                <Text size="sm" c="dimmed">
                  演示数据单独存放，不会写入本局数据库；退出演示即删除。
                </Text>
              </Stack>
              {running && view ? (
                <Stack gap={4} data-testid="demo-progress">
                  <Text size="sm">
                    正在生成演示数据：{view.progress.phase}
                    {view.progress.total > 0 ? `（${view.progress.done}/${view.progress.total}）` : ''}
                  </Text>
                  <Progress value={percent} animated />
                </Stack>
              ) : (
                <Group>
                  <Button color="orange" onClick={() => open.mutate()} loading={open.isPending}>
                    打开演示县
                  </Button>
                </Group>
              )}
              {(open.error || view?.state === 'failed') && <Alert color="red">{open.error ? errorMessage(open.error) : view?.error}</Alert>}
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack h="100%" justify="space-between">
              <Stack gap="xs">
                <Title order={3}>建立本局数据库</Title>
                <Text size="sm">选择本局所在的县（市、区），设置系统管理员账号。数据保存在本机，全程加密。</Text>
              </Stack>
              <Group>
                <Button onClick={onSetup} disabled={running}>
                  建立本局数据库
                </Button>
              </Group>
            </Stack>
          </Paper>
        </SimpleGrid>
        {onWorkstation && (
          <Paper withBorder p="lg">
            <Group justify="space-between">
              <Stack gap={2}>
                <Title order={4}>作为工作站连接办公室主机</Title>
                <Text size="sm">大厅已有办公室主机时选这一项：本机不建数据库，用配对码与主机配对后，与其他窗口共用主机上的同一份台账。</Text>
              </Stack>
              <Button variant="default" onClick={onWorkstation} disabled={running}>
                连接办公室主机
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </Center>
  );
}
