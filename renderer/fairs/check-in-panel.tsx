import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, RpcCallError } from '../api/client';

type Outcome = { color: 'green' | 'yellow' | 'red'; text: string } | null;

/** What the door sends: the number read from the card, and for an unknown person a name and phone. */
export interface DoorInput {
  idNumber: string;
  name?: string;
  phone?: string;
}

/** What the door shows once someone is in. */
export interface DoorResult {
  personName: string;
  idNumberMasked: string;
  checkedInAt: string;
  personRegistered: boolean;
  /** Said after the time, e.g. 补录. */
  remark?: string | null;
}

/**
 * The door's keyboard flow, shared by a fair's 入场登记 and a group event's 签到.
 * An ID-card reader types the number like a keyboard and presses Enter: a known
 * person is in at once and the field is ready for the next card. An unknown
 * number asks for name and phone, then registers the person and lets them in.
 */
export function IdCardDoor({ title, verb, canRegister, submit, onDone }: {
  title: string;
  /** 入场 or 签到. */
  verb: string;
  canRegister: boolean;
  submit: (input: DoorInput) => Promise<DoorResult>;
  onDone: () => void;
}) {
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
    mutationFn: () => submit({ idNumber, ...(unknown ? { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) } : {}) }),
    onSuccess: (done: DoorResult) => {
      const extra = [done.remark, done.personRegistered ? '已新建人员档案' : null].filter(Boolean).join('，');
      setOutcome({ color: 'green', text: `${done.personName}（${done.idNumberMasked}）${verb}成功 ${formatOfficeTimestamp(done.checkedInAt).slice(11)}${extra ? `，${extra}` : ''}` });
      onDone();
      reset();
    },
    onError: (e) => {
      const error = e instanceof RpcCallError ? e.error : null;
      if (error?.code === 'NOT_FOUND' && error.fields?.name) {
        setUnknown(true);
        setOutcome({ color: 'yellow', text: canRegister ? error.message : '该身份证号尚未登记，请到前台先登记人员档案' });
        return;
      }
      setOutcome({ color: error?.code === 'DUPLICATE' ? 'yellow' : 'red', text: error?.message ?? `${verb}登记失败，请重试` });
      if (error?.code === 'DUPLICATE') reset();
      else idRef.current?.select();
    },
  });
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    if (idNumber.trim() === '' || checkIn.isPending) return;
    setOutcome(null);
    checkIn.mutate();
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">{title}</Title>
      <form onSubmit={send} data-testid="check-in-form">
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
            <Button type="submit" loading={checkIn.isPending}>{unknown && canRegister ? `登记档案并${verb}` : verb}</Button>
            {unknown && <Button variant="default" onClick={() => { reset(); setOutcome(null); }}>取消</Button>}
          </Group>
          {outcome && <Alert color={outcome.color} data-testid="check-in-outcome" py={6}><Text size="sm">{outcome.text}</Text></Alert>}
        </Stack>
      </form>
    </Paper>
  );
}

/** 入场登记 at a fair's door. */
export function CheckInPanel({ fairId, canRegister }: { fairId: number; canRegister: boolean }) {
  const queryClient = useQueryClient();
  return (
    <IdCardDoor
      title="入场登记"
      verb="入场"
      canRegister={canRegister}
      submit={async (input) => {
        const { attendance, personRegistered } = await call('fairs.checkIn', { fairId, ...input });
        return { ...attendance, personRegistered };
      }}
      onDone={() => {
        void queryClient.invalidateQueries({ queryKey: ['fairs.attendances', fairId] });
        void queryClient.invalidateQueries({ queryKey: ['fairs.get', fairId] });
      }}
    />
  );
}
