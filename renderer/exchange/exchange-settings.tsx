import { Alert, Button, Code, FileButton, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExchangeSchedule, ExchangeStatus } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { downloadBase64 } from '../api/download';

export const EXCHANGE_STATUS_KEY = ['exchange.status'] as const;
const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The county's key, the province's key: fingerprints to read out on the phone, files to exchange. */
export function KeysPanel({ status }: { status: ExchangeStatus }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: EXCHANGE_STATUS_KEY });
  const [reason, setReason] = useState('');
  const county = status.keys.find((k) => k.owner === 'county' && !k.retiredAt);
  const province = status.keys.find((k) => k.owner === 'province' && !k.retiredAt);
  const generate = useMutation({
    mutationFn: () => call('exchange.generateCountyKey', { reason }),
    onSuccess: (key) => {
      notifications.show({ color: 'green', message: `已生成本县交换密钥，指纹 ${key.fingerprint}` });
      setReason('');
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const confirmGenerate = () =>
    modals.openConfirmModal({
      title: county ? '更换本县交换密钥' : '生成本县交换密钥',
      children: (
        <Text size="sm">
          {county ? '旧密钥将停用但保留（旧数据包仍可核验）。更换后须把新公钥交给省级并电话核对指纹，否则省级会拒收新数据包。' : '生成后请导出公钥交给省级，并电话核对指纹。'}
        </Text>
      ),
      labels: { confirm: county ? '确认更换' : '生成', cancel: '取消' },
      confirmProps: { color: county ? 'red' : 'blue' },
      onConfirm: () => generate.mutate(),
    });
  const exportKey = useMutation({
    mutationFn: () => call('exchange.exportPublicKey', {}),
    onSuccess: (file) => downloadBase64(file.fileName, utf8Base64(file.content), 'application/json'),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const importKey = useMutation({
    mutationFn: async (file: File) => call('exchange.importProvinceKey', { fileName: file.name, content: await file.text() }),
    onSuccess: (key) => {
      notifications.show({ color: 'green', message: `已导入省级公钥，指纹 ${key.fingerprint}` });
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={4}>交换密钥（国密 SM2）</Title>
        <Table withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>本县（{status.countyCode}）</Table.Th>
              <Table.Td data-testid="county-fingerprint">{county ? <Code>{county.fingerprint}</Code> : <Text c="dimmed">尚未生成</Text>}</Table.Td>
              <Table.Td>{county && `生成于 ${formatOfficeTimestamp(county.createdAt)}`}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>省级</Table.Th>
              <Table.Td data-testid="province-fingerprint">{province ? <Code>{province.fingerprint}</Code> : <Text c="dimmed">尚未导入</Text>}</Table.Td>
              <Table.Td>{province && `导入于 ${formatOfficeTimestamp(province.createdAt)}`}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">指纹是公钥的 SM3 摘要，请与省级电话逐组核对。停用的旧密钥 {status.keys.filter((k) => k.retiredAt).length} 个，保留用于核验历史数据包。</Text>
        <Group align="flex-end">
          <TextInput label={county ? '更换原因' : '生成原因'} placeholder="如：首次对接省级系统" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={260} />
          <Button onClick={confirmGenerate} disabled={reason.trim().length < 2} loading={generate.isPending} color={county ? 'red' : 'blue'} variant={county ? 'light' : 'filled'}>
            {county ? '更换本县密钥' : '生成本县密钥'}
          </Button>
          <Button variant="light" onClick={() => exportKey.mutate()} disabled={!county}>导出本县公钥</Button>
          <FileButton onChange={(file) => file && importKey.mutate(file)} accept=".pub,.json,application/json">
            {(props) => <Button variant="light" {...props} loading={importKey.isPending}>导入省级公钥…</Button>}
          </FileButton>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Where packages go and when they are made. */
export function SettingsPanel({ status }: { status: ExchangeStatus }) {
  const queryClient = useQueryClient();
  const [outboxDir, setOutboxDir] = useState(status.outboxDir ?? '');
  const [kind, setKind] = useState<ExchangeSchedule['kind']>(status.schedule.kind);
  const [time, setTime] = useState(status.schedule.kind === 'off' ? '18:00' : status.schedule.time);
  const [weekday, setWeekday] = useState(String(status.schedule.kind === 'weekly' ? status.schedule.weekday : 5));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const schedule: ExchangeSchedule = kind === 'off' ? { kind } : kind === 'daily' ? { kind, time } : { kind, time, weekday: Number(weekday) };
      return call('exchange.saveSettings', { outboxDir, schedule });
    },
    onSuccess: (next) => {
      setError(null);
      queryClient.setQueryData(EXCHANGE_STATUS_KEY, next);
      notifications.show({ color: 'green', message: '交换设置已保存' });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={4}>发送目录与定时导出</Title>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput label="发送目录" description="共享盘、前置交换服务器的收件目录或U盘上的完整路径" value={outboxDir} onChange={(e) => setOutboxDir(e.currentTarget.value)} required />
        <Group>
          <Select label="定时导出" data={[{ value: 'off', label: '不定时（手动导出）' }, { value: 'daily', label: '每天' }, { value: 'weekly', label: '每周' }]} value={kind} onChange={(v) => setKind((v ?? 'off') as ExchangeSchedule['kind'])} allowDeselect={false} />
          {kind === 'weekly' && <Select label="星期" data={WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }))} value={weekday} onChange={(v) => setWeekday(v ?? '5')} allowDeselect={false} w={120} />}
          {kind !== 'off' && <TextInput label="时间" placeholder="18:00" value={time} onChange={(e) => setTime(e.currentTarget.value)} w={100} />}
        </Group>
        {status.nextRunAt && <Text size="sm">下次定时导出：{formatOfficeTimestamp(status.nextRunAt)}</Text>}
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending}>保存设置</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function Blocker({ status }: { status: ExchangeStatus }) {
  if (!status.blocker) return null;
  return <Alert color="yellow" title="暂不能导出">{status.blocker}</Alert>;
}
