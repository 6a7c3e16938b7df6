import { Alert, Badge, Button, Code, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PairingCodeView, WorkstationView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { DEFAULT_OFFICE_PORT, PAIRING_CODE_MINUTES } from '../../shared/domain/office';
import { call, errorMessage } from '../api/client';
import { HeaderRow } from '../shell/header-row';

const STATUS_KEY = ['office.status'] as const;
const WORKSTATIONS_KEY = ['office.workstations'] as const;

/**
 * 系统管理 → 办公室模式: switch this installation to 办公室主机, read its
 * certificate fingerprint aloud at pairing, show a one-time pairing code, and
 * list and revoke the workstations.
 */
export function OfficePanel() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => call('office.status', {}) });
  const [names, setNames] = useState('');
  const [code, setCode] = useState<PairingCodeView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    void queryClient.invalidateQueries({ queryKey: WORKSTATIONS_KEY });
  };
  const switchOn = useMutation({
    mutationFn: () => call('office.switchOn', { names: (names || (status.data?.names ?? []).join(' ')).split(/[\s,，、]+/).filter(Boolean) }),
    onSuccess: () => (setProblem(null), refresh()),
    onError: (e) => setProblem(errorMessage(e)),
  });
  const switchOff = useMutation({ mutationFn: () => call('office.switchOff', {}), onSuccess: refresh, onError: (e) => setProblem(errorMessage(e)) });
  const issue = useMutation({
    mutationFn: () => call('office.issuePairingCode', {}),
    onSuccess: (c) => (setProblem(null), setCode(c)),
    onError: (e) => setProblem(errorMessage(e)),
  });
  if (status.isError) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const data = status.data;
  if (!data) return null;
  return (
    <Stack data-testid="office-panel">
      {problem && <Alert color="red">{problem}</Alert>}
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={500}>办公室主机</Text>
              {data.enabled ? <Badge color="green">已开启</Badge> : <Badge color="gray">未开启</Badge>}
            </Group>
            {data.enabled && (
              <Button variant="default" color="red" onClick={() => switchOff.mutate()} loading={switchOff.isPending}>
                关闭办公室主机
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            开启后，本机保存全厅唯一的数据库，大厅其他电脑作为工作站通过局域网加密连接本机（端口 {DEFAULT_OFFICE_PORT}，请在本机防火墙放行）。工作站本身不保存任何数据。开启后工作站即可连接，无需重新启动；关闭后本机立即停止在局域网上监听。
          </Text>
          {!data.enabled && (
            <Group align="flex-end">
              <TextInput
                label="主机地址"
                description="工作站连接本机时填写的地址：本机局域网 IP 与计算机名，多个用空格分开"
                placeholder="例如 192.168.1.20 desk-host"
                defaultValue={data.names.join(' ')}
                onChange={(e) => setNames(e.currentTarget.value)}
                w={420}
              />
              <Button onClick={() => switchOn.mutate()} loading={switchOn.isPending}>
                开启办公室主机
              </Button>
            </Group>
          )}
          {data.enabled && <Text size="sm">主机地址：{data.names.join('、')}</Text>}
          {data.fingerprint && (
            <div>
              <Text size="sm" fw={500}>证书指纹（SHA-256）：配对时请与工作站上显示的逐组核对</Text>
              <Code block data-testid="office-fingerprint" fz="lg">
                {data.fingerprint}
              </Code>
            </div>
          )}
        </Stack>
      </Paper>
      {data.enabled && (
        <Paper withBorder p="lg">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text fw={500}>配对新工作站</Text>
              <Text size="sm" c="dimmed">配对码只显示一次，{PAIRING_CODE_MINUTES} 分钟内有效，只能使用一次。请当面告知工作站的操作人员，不要通过聊天工具发送。</Text>
              {code && (
                <Group gap="md" data-testid="pairing-code">
                  <Text fz={32} fw={700} ff="monospace">{code.code}</Text>
                  <Text size="sm" c="dimmed">有效至 {formatOfficeTimestamp(code.expiresAt)}</Text>
                </Group>
              )}
            </Stack>
            <Button onClick={() => issue.mutate()} loading={issue.isPending}>生成配对码</Button>
          </Group>
        </Paper>
      )}
      <WorkstationsTable onChanged={refresh} />
    </Stack>
  );
}

function WorkstationsTable({ onChanged }: { onChanged: () => void }) {
  const list = useQuery({ queryKey: WORKSTATIONS_KEY, queryFn: () => call('office.workstations', {}) });
  const [revoking, setRevoking] = useState<WorkstationView | null>(null);
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  const rows = list.data ?? [];
  return (
    <Stack gap="xs">
      <Title order={4}>工作站</Title>
      <Table withTableBorder striped data-testid="workstation-list">
        <HeaderRow labels={['名称', '配对时间', '配对地址', '最近连接', '在线人数', '状态', '']} />
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed" size="sm">还没有配对的工作站</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td>{w.name}</Table.Td>
              <Table.Td>{formatOfficeTimestamp(w.pairedAt)}</Table.Td>
              <Table.Td>{w.pairedFrom}</Table.Td>
              <Table.Td>{w.lastSeenAt ? formatOfficeTimestamp(w.lastSeenAt) : '—'}</Table.Td>
              <Table.Td>{w.sessions}</Table.Td>
              <Table.Td>
                {w.revokedAt ? (
                  <Text size="sm" c="red">已撤销（{w.revokedByName}，{formatOfficeTimestamp(w.revokedAt)}）</Text>
                ) : (
                  <Badge color="green" variant="light">可用</Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!w.revokedAt && (
                  <Button size="compact-xs" color="red" variant="light" onClick={() => setRevoking(w)}>
                    撤销
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {revoking && <RevokeDialog workstation={revoking} onClose={() => setRevoking(null)} onDone={onChanged} />}
    </Stack>
  );
}

function RevokeDialog({ workstation, onClose, onDone }: { workstation: WorkstationView; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => call('office.revoke', { id: workstation.id, reason }),
    onSuccess: () => (onDone(), onClose()),
  });
  return (
    <Modal opened onClose={onClose} title={`撤销工作站「${workstation.name}」`}>
      <Stack>
        <Text size="sm">撤销后该电脑立即不能再连接本机，正在使用的人员会被退出登录。如需恢复，须重新配对。</Text>
        {revoke.isError && <Alert color="red">{errorMessage(revoke.error)}</Alert>}
        <TextInput label="撤销原因" placeholder="例如：电脑报废、丢失、调往他处" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending} disabled={reason.trim() === ''}>
            撤销
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
