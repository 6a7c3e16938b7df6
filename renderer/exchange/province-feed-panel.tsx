import { Alert, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { fileToBase64 } from '../api/jobs';

export const PROVINCE_FEED_KEY = ['provinceFeed.status'] as const;

/** The province's feed: the newest package imported, and importing the next one (refusals shown in full). */
export function ProvinceFeedPanel() {
  const queryClient = useQueryClient();
  // Cleared after each import, so choosing the same file again (a replay) is tried, and refused with its reason.
  const resetRef = useRef<() => void>(null);
  const status = useQuery({ queryKey: PROVINCE_FEED_KEY, queryFn: () => call('provinceFeed.status', {}) });
  const feed = useMutation({
    mutationFn: async (file: File) => call('provinceFeed.import', { fileName: file.name, base64: await fileToBase64(file) }),
    onSuccess: (r) => {
      const policies = r.policies ? `，新下发政策版本 ${r.policies} 个（待审核启用）` : '';
      const receipts = r.receipts ? `，带回回执 ${r.receipts} 份` : '';
      notifications.show({ color: 'green', message: `第 ${r.sequence} 号省级下发数据已导入：外县状态 ${r.statuses} 条，外县补贴 ${r.subsidies} 条${policies}${receipts}` });
      void queryClient.invalidateQueries({ queryKey: PROVINCE_FEED_KEY });
      void queryClient.invalidateQueries({ queryKey: ['provinceFeed.policyVersions'] });
      void queryClient.invalidateQueries({ queryKey: ['exchange.history'] });
      void queryClient.invalidateQueries({ queryKey: ['provinceFeed.personStanding'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e), autoClose: false }),
    onSettled: () => resetRef.current?.(),
  });
  if (status.isError) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const s = status.data;
  return (
    <Paper withBorder p="lg" data-testid="province-feed">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={4}>省级下发数据</Title>
          <Text size="sm" c="dimmed">省级系统发给本县的数据包（.jyf）：本县人员在外县的失业登记、就业困难人员认定与补贴享受情况，以及省级下发的政策版本和本县数据包的回执。须按序号依次导入。</Text>
          {s && s.lastSequence === null && <Text size="sm">尚未导入省级下发数据。</Text>}
          {s && s.lastSequence !== null && (
            <Text size="sm" data-testid="province-feed-status">
              已导入到第 {s.lastSequence} 号（省级数据截至 {formatOfficeTimestamp(s.asOf!)}，导入于 {formatOfficeTimestamp(s.importedAt!)}）：外县状态 {s.statuses} 条，外县补贴 {s.subsidies} 条
            </Text>
          )}
        </Stack>
        <FileButton resetRef={resetRef} onChange={(file) => file && feed.mutate(file)} accept=".jyf">
          {(props) => <Button variant="light" {...props} loading={feed.isPending}>导入省级下发数据…</Button>}
        </FileButton>
      </Group>
    </Paper>
  );
}
