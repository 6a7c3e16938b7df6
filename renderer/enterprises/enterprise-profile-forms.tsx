import { Alert, Button, Group, NumberInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { officeDate } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';

/** Adds a contact; the phone is shown masked from then on. */
export function AddContactForm({ enterpriseId }: { enterpriseId: number }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', position: '', phone: '' });
  const add = useMutation({
    mutationFn: () => call('enterprises.addContact', { enterpriseId, name: values.name.trim(), position: values.position.trim() || null, phone: values.phone.trim() || null }),
    onSuccess: (view) => { queryClient.setQueryData(['enterprises.get', enterpriseId], view); setValues({ name: '', position: '', phone: '' }); },
  });
  return (
    <>
      <Group mt="sm" align="flex-end" gap="xs">
        <TextInput label="姓名" w={110} maxLength={50} value={values.name} onChange={(e) => setValues({ ...values, name: e.currentTarget.value })} />
        <TextInput label="职务" w={110} maxLength={50} value={values.position} onChange={(e) => setValues({ ...values, position: e.currentTarget.value })} />
        <TextInput label="电话" w={150} maxLength={20} value={values.phone} onChange={(e) => setValues({ ...values, phone: e.currentTarget.value })} />
        <Button variant="light" disabled={!values.name.trim()} loading={add.isPending} onClick={() => add.mutate()}>添加联系人</Button>
      </Group>
      {add.isError && <Alert color="red" mt="xs">{errorMessage(add.error)}</Alert>}
    </>
  );
}

/** Records an insured headcount as of a date (from the social-insurance list the enterprise shows). */
export function HeadcountForm({ enterpriseId }: { enterpriseId: number }) {
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(officeDate(new Date()));
  const [count, setCount] = useState<number | string>('');
  const record = useMutation({
    mutationFn: () => call('enterprises.recordHeadcount', { enterpriseId, asOf: asOf.trim(), insuredCount: Number(count) }),
    onSuccess: (view) => { queryClient.setQueryData(['enterprises.get', enterpriseId], view); setCount(''); },
  });
  return (
    <>
      <Group mt="sm" align="flex-end" gap="xs">
        <TextInput label="日期" w={130} maxLength={10} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} />
        <NumberInput label="参保人数" w={120} allowDecimal={false} value={count} onChange={setCount} />
        <Button variant="light" disabled={count === ''} loading={record.isPending} onClick={() => record.mutate()}>登记</Button>
      </Group>
      {record.isError && <Alert color="red" mt="xs">{errorMessage(record.error)}</Alert>}
    </>
  );
}
