import { Alert, Button, Group, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { FAIR_CHECK_IN_GRACE_MAX_DAYS } from '../../shared/domain/fair-check-in';

/** 系统设置: the idle lock and the bureau's name on letterheads. */
export function SettingsPanel() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings.get', {}) });
  const [minutes, setMinutes] = useState<number | string | null>(null);
  const [bureau, setBureau] = useState<string | null>(null);
  const [graceDays, setGraceDays] = useState<number | string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call('settings.update', {
        idleLockMinutes: Number(minutes ?? settings.data!.idleLockMinutes),
        bureauName: (bureau ?? settings.data!.bureauName ?? '').trim() || null,
        fairCheckInGraceDays: Number(graceDays ?? settings.data!.fairCheckInGraceDays),
      }),
    onSuccess: (s) => {
      queryClient.setQueryData(queryKeys.settings, s);
      // Letterheads read the name from the desk's status.
      void queryClient.invalidateQueries({ queryKey: queryKeys.status });
      setMessage({ ok: true, text: '已保存' });
    },
    onError: (e) => setMessage({ ok: false, text: errorMessage(e) }),
  });
  if (!settings.data) return null;
  return (
    <Paper withBorder p="lg" maw={560}>
      <Stack>
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <NumberInput label="无操作自动锁屏（分钟）" min={1} max={120} defaultValue={settings.data.idleLockMinutes} onChange={setMinutes} />
        <TextInput label="机构名称（打印信头与盖章处）" description={`留空则打印“${settings.data.defaultBureauName}”`} placeholder={settings.data.defaultBureauName}
          maxLength={40} defaultValue={settings.data.bureauName ?? ''} onChange={(e) => setBureau(e.currentTarget.value)} />
        <NumberInput label="招聘会结束后可补登记入场的天数" description="0 表示招聘会最后一天之后不再接受入场登记" min={0} max={FAIR_CHECK_IN_GRACE_MAX_DAYS} allowDecimal={false}
          defaultValue={settings.data.fairCheckInGraceDays} onChange={setGraceDays} />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} disabled={minutes === '' || graceDays === ''} loading={save.isPending}>保存设置</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
