import { Accordion, Alert, Badge, Button, Group, List, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProvincePolicyVersionView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { PolicyCaseTable } from '../policies/policy-case-table';

export const PROVINCE_POLICIES_KEY = ['provinceFeed.policyVersions'] as const;

function StatusBadge({ v }: { v: ProvincePolicyVersionView }) {
  if (v.status === 'activated') return <Badge color="green" variant="light">已启用（本县第{v.activatedVersion}版）</Badge>;
  if (v.status === 'superseded') return <Badge color="gray" variant="light">已被更新的版本取代</Badge>;
  return <Badge color="orange" variant="light">待审核启用</Badge>;
}

/** 启用: a reason, after a dialog that says what activation does; refused (and said why) while a case fails or the definition has problems. */
function ActivateIssued({ v }: { v: ProvincePolicyVersionView }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const activate = useMutation({
    mutationFn: () => call('provinceFeed.activatePolicy', { id: v.id, reason: reason.trim() }),
    onSuccess: (done) => {
      setOpened(false);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: PROVINCE_POLICIES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['policies.get', v.code] });
      void queryClient.invalidateQueries({ queryKey: ['policies.list'] });
      notifications.show({ color: 'green', message: `已启用${v.name}：本县第${done.activatedVersion}版` });
    },
  });
  const failing = v.cases.filter((c) => !c.passed).length;
  const blocked = v.problems.length > 0 ? '定义有校验问题，不能启用' : failing > 0 ? `有 ${failing} 个测试用例未通过，不能启用` : null;
  return (
    <>
      <Group>
        <Button color="teal" disabled={blocked !== null} onClick={() => setOpened(true)}>启用省级第{v.provinceVersion}版</Button>
        {blocked && <Text size="sm" c="red" data-testid="province-policy-blocked">{blocked}</Text>}
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`启用${v.name}（省级第${v.provinceVersion}版）`}>
        <form onSubmit={(e) => { e.preventDefault(); if (reason.trim()) activate.mutate(); }}>
          <Stack>
            <Text size="sm">
              启用后成为本县该政策的新版本{v.activeVersion === null ? '' : `，本县第${v.activeVersion}版停用`}；以后的判定和政策比对均按新版本进行。已作出的决定保留当时的版本，不受影响。
            </Text>
            {activate.isError && <Alert color="red">{errorMessage(activate.error)}</Alert>}
            <Textarea label="启用原因（必填）" data-autofocus maxLength={200} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>取消</Button>
              <Button type="submit" color="teal" disabled={!reason.trim()} loading={activate.isPending}>确认启用</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function IssuedVersion({ v, canManage }: { v: ProvincePolicyVersionView; canManage: boolean }) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {v.code}，省级于 {formatOfficeTimestamp(v.issuedAt)} 下发，随第 {v.feedSequence} 号省级下发数据送达；本县启用中的版本：{v.activeVersion === null ? '无' : `第${v.activeVersion}版`}
        {v.activatedAt && `；${formatOfficeTimestamp(v.activatedAt)} 启用`}
      </Text>
      {v.status === 'pending' && v.changes.length > 0 && (
        <div>
          <Text size="sm" fw={500}>与本县启用的版本相比</Text>
          <List size="sm" data-testid="province-policy-changes">{v.changes.map((c) => <List.Item key={c}>{c}</List.Item>)}</List>
        </div>
      )}
      {v.problems.length > 0 && (
        <Alert color="red" title="定义有校验问题">
          <List size="sm">{v.problems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List>
        </Alert>
      )}
      {v.cases.length > 0 && <PolicyCaseTable rows={v.cases} gotTitle="本县运行结果" testId="province-policy-cases" />}
      {canManage && v.status === 'pending' && <ActivateIssued v={v} />}
    </Stack>
  );
}

/** 省级下发的政策版本: each version the province issued, what it changes, its test cases run here, and activation. */
export function ProvincePoliciesPanel() {
  const canRead = useCan('policies.read');
  const canManage = useCan('policies.manage');
  const issued = useQuery({ queryKey: PROVINCE_POLICIES_KEY, queryFn: () => call('provinceFeed.policyVersions', {}), enabled: canRead });
  if (!canRead) return null;
  if (issued.isError) return <Alert color="red">{errorMessage(issued.error)}</Alert>;
  const list = issued.data ?? [];
  return (
    <Paper withBorder p="lg" data-testid="province-policies">
      <Title order={4}>省级下发的政策版本</Title>
      <Text size="sm" c="dimmed" mb="sm">随省级下发数据送达。审核变更内容和测试用例结果后启用；有测试用例未通过的版本不能启用。</Text>
      {list.length === 0 ? (
        <Text size="sm">尚未收到省级下发的政策版本。</Text>
      ) : (
        <Accordion variant="separated" defaultValue={list.find((v) => v.status === 'pending') ? String(list.find((v) => v.status === 'pending')!.id) : null}>
          {list.map((v) => (
            <Accordion.Item key={v.id} value={String(v.id)}>
              <Accordion.Control>
                <Group gap="sm">
                  <Text fw={500}>{v.name} 省级第{v.provinceVersion}版</Text>
                  <StatusBadge v={v} />
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <IssuedVersion v={v} canManage={canManage} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Paper>
  );
}
