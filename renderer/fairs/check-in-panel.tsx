import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { FairAttendanceView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, RpcCallError } from '../api/client';

type Outcome = { color: 'green' | 'yellow' | 'red'; text: string } | null;

/**
 * 入场登记 at the door. An ID-card reader types the number like a keyboard and
 * presses Enter: a known person is checked in at once and the field is ready
 * for the next card. An unknown number asks for name and phone, then registers
 * the person in the registry and checks them in.
 */
export function CheckInPanel({ fairId, canRegister }: { fairId: number; canRegister: boolean }) {
  const queryClient = useQueryClient();
  const idRef = useRef<HTMLInputElement>(null);
  const [idNumber, setIdNumber] = useState('');
  const [unknown, setUnknown] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const reset = () => {
    setIdNumber('');
    setUnknown(false);
    setName('');
    setPhone('');
    idRef.current?.focus();
  };
  const checkIn = useMutation({
    mutationFn: () => call('fairs.checkIn', { fairId, idNumber, ...(unknown ? { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) } : {}) }),
    onSuccess: ({ attendance, personRegistered }: { attendance: FairAttendanceView; personRegistered: boolean }) => {
      setOutcome({ color: 'green', text: `${attendance.personName}（${attendance.idNumberMasked}）入场成功 ${formatOfficeTimestamp(attendance.checkedInAt).slice(11)}${personRegistered ? '，已新建人员档案' : ''}` });
      void queryClient.invalidateQueries({ queryKey: ['fairs.attendances', fairId] });
      void queryClient.invalidateQueries({ queryKey: ['fairs.get', fairId] });
      reset();
    },
    onError: (e) => {
      const error = e instanceof RpcCallError ? e.error : null;
      if (error?.code === 'NOT_FOUND' && error.fields?.name) {
        setUnknown(true);
        setOutcome({ color: 'yellow', text: canRegister ? error.message : '该身份证号尚未登记，请到前台先登记人员档案' });
        return;
      }
      setOutcome({ color: error?.code === 'DUPLICATE' ? 'yellow' : 'red', text: error?.message ?? '入场登记失败，请重试' });
      if (error?.code === 'DUPLICATE') reset();
      else idRef.current?.select();
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (idNumber.trim() === '' || checkIn.isPending) return;
    setOutcome(null);
    checkIn.mutate();
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">入场登记</Title>
      <form onSubmit={submit} data-testid="check-in-form">
        <Stack gap="xs">
          <Group align="flex-end">
            <TextInput
              ref={idRef}
              label="身份证号"
              description="读卡器刷卡或键入后按回车"
              w={260}
              autoFocus
              autoComplete="off"
              maxLength={20}
              value={idNumber}
              onChange={(e) => { setIdNumber(e.currentTarget.value); if (unknown) setUnknown(false); }}
            />
            {unknown && canRegister && (
              <>
                <TextInput autoFocus label="姓名" w={140} maxLength={50} value={name} onChange={(e) => setName(e.currentTarget.value)} />
                <TextInput label="手机号码" w={160} maxLength={20} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
              </>
            )}
            <Button type="submit" loading={checkIn.isPending}>{unknown && canRegister ? '登记档案并入场' : '入场'}</Button>
            {unknown && <Button variant="default" onClick={() => { reset(); setOutcome(null); }}>取消</Button>}
          </Group>
          {outcome && <Alert color={outcome.color} data-testid="check-in-outcome" py={6}><Text size="sm">{outcome.text}</Text></Alert>}
        </Stack>
      </form>
    </Paper>
  );
}
