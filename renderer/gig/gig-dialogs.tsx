import { Alert, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { officeDate } from '../../shared/domain/dates';
import { DAY_PARTS, GIG_PAY_UNITS, WEEKDAYS, type DayPart, type GigDemandSource, type GigPayUnit } from '../../shared/domain/gig';
import type { GigDemandView } from '../../shared/contract';
import { call, errorMessage, RpcCallError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { useCan, useTownships } from '../api/queries';
import { onInvalidFields } from '../shell/focus-first-error';
import { FormActions } from '../shell/form-actions';

const tags = (text: string) => text.split(/[，,、\s]+/).map((t) => t.trim()).filter(Boolean);

function TownshipSelect(props: { label: string; value: string | null; onChange: (v: string | null) => void; error?: unknown }) {
  const townships = useTownships();
  return (
    <Select label={props.label} withAsterisk searchable data={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
      value={props.value} onChange={props.onChange} error={props.error as string | undefined} />
  );
}

/** 零工登记: the person by ID number from the registry; one gig profile each. */
export function WorkerDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { idNumber: '', skills: '', occupationCode: '', availableDays: ['1', '2', '3', '4', '5', '6', '7'], dayParts: ['morning', 'afternoon'] as string[], townshipCode: null as string | null, contactConsent: true },
  });
  const save = useMutation({
    mutationFn: async (v: typeof form.values) => {
      const found = await call('persons.search', { query: v.idNumber.trim(), page: 1, pageSize: 2 });
      if (found.items.length !== 1) throw new Error(found.items.length === 0 ? '登记/经办中没有这个人员，请先建立档案' : '找到多名人员，请输入完整的身份证号');
      return call('gig.registerWorker', {
        personId: found.items[0]!.id, skills: tags(v.skills), occupationCode: v.occupationCode.trim() || null, availableDays: v.availableDays.map(Number),
        dayParts: v.dayParts as DayPart[], townshipCode: v.townshipCode ?? '', contactConsent: v.contactConsent,
      });
    },
    onSuccess: (w) => { void queryClient.invalidateQueries({ queryKey: ['gig.workers'] }); notifications.show({ color: 'green', message: `已登记零工：${w.personName}` }); onClose(); },
    onError: (e) => setError(e instanceof RpcCallError ? applyFieldErrors(e, form.setFieldError, Object.keys(form.values)) : e instanceof Error ? e.message : '登记失败'),
  });
  return (
    <Modal opened onClose={onClose} title="零工登记" size="40rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="身份证号" withAsterisk data-autofocus maxLength={18} {...form.getInputProps('idNumber')} />
          <SimpleGrid cols={2}>
            <TextInput label="技能" description="多项用顿号或逗号隔开，如：保洁、做饭" withAsterisk {...form.getInputProps('skills')} />
            <TextInput label="职业（工种）代码" description="知道时填写，如 4-10-01" {...form.getInputProps('occupationCode')} />
          </SimpleGrid>
          <Checkbox.Group label="可工作日" withAsterisk {...form.getInputProps('availableDays')}>
            <Group gap="sm" mt={4}>{WEEKDAYS.map(([n, label]) => <Checkbox key={n} value={String(n)} label={label} />)}</Group>
          </Checkbox.Group>
          <Checkbox.Group label="可工作时段" withAsterisk {...form.getInputProps('dayParts')}>
            <Group gap="sm" mt={4}>{DAY_PARTS.map(([code, label]) => <Checkbox key={code} value={code} label={label} />)}</Group>
          </Checkbox.Group>
          <TownshipSelect label="所在乡镇（街道）" value={form.values.townshipCode} onChange={(v) => form.setFieldValue('townshipCode', v)} error={form.errors.townshipCode} />
          <Checkbox label="本人同意接受零工信息联系" {...form.getInputProps('contactConsent', { type: 'checkbox' })} />
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function EnterpriseSelect({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: unknown }) {
  const canRead = useCan('enterprises.read');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ queryKey: ['enterprises.search', 'gig', query], queryFn: () => call('enterprises.search', { query, page: 1, pageSize: 10 }), enabled: canRead && query.length >= 2 });
  return (
    <Select label="用工企业" withAsterisk searchable placeholder="输入企业名称或信用代码" searchValue={search} onSearchChange={setSearch} filter={({ options }) => options}
      nothingFoundMessage={query.length < 2 ? '请至少输入2个字' : '企业库中没有'} value={value} onChange={onChange} error={error as string | undefined}
      data={(found.data?.items ?? []).map((e) => ({ value: String(e.id), label: e.name }))} />
  );
}

/** 发布零工需求: a household (contact and phone) or an enterprise of the registry. */
export function DemandDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      source: 'household' as GigDemandSource, enterpriseId: null as string | null, contactName: '', contactPhone: '', task: '', skills: '', townshipCode: null as string | null, address: '',
      workDate: officeDate(new Date()), startTime: '08:00', endTime: '12:00', payYuan: '' as number | string, payUnit: 'hour' as GigPayUnit, peopleNeeded: 1 as number | string,
    },
  });
  const household = form.values.source === 'household';
  const save = useMutation({
    mutationFn: (v: typeof form.values) => call('gig.postDemand', {
      source: v.source, enterpriseId: household ? null : Number(v.enterpriseId) || null, contactName: v.contactName.trim() || null, contactPhone: v.contactPhone.trim() || null,
      task: v.task, skills: tags(v.skills), townshipCode: v.townshipCode ?? '', address: v.address, workDate: v.workDate.trim(), startTime: v.startTime.trim(), endTime: v.endTime.trim(),
      payFen: Math.round(Number(v.payYuan || 0) * 100), payUnit: v.payUnit, peopleNeeded: Number(v.peopleNeeded),
    }),
    onSuccess: (d) => { void queryClient.invalidateQueries({ queryKey: ['gig.demands'] }); notifications.show({ color: 'green', message: `已发布零工需求：${d.task}` }); onClose(); },
    onError: (e) => setError(applyFieldErrors(e, (path, text) => form.setFieldError(path === 'payFen' ? 'payYuan' : path, text), [...Object.keys(form.values), 'payFen'])),
  });
  return (
    <Modal opened onClose={onClose} title="发布零工需求" size="44rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red" data-testid="demand-error">{error}</Alert>}
          <Select label="需求来源" withAsterisk data={[{ value: 'household', label: '居民家庭' }, { value: 'enterprise', label: '企业' }]} allowDeselect={false} {...form.getInputProps('source')} />
          {household ? (
            <SimpleGrid cols={2}>
              <TextInput label="联系人" withAsterisk maxLength={30} {...form.getInputProps('contactName')} />
              <TextInput label="联系电话" withAsterisk maxLength={20} {...form.getInputProps('contactPhone')} />
            </SimpleGrid>
          ) : (
            <EnterpriseSelect value={form.values.enterpriseId} onChange={(v) => form.setFieldValue('enterpriseId', v)} error={form.errors.enterpriseId} />
          )}
          <SimpleGrid cols={2}>
            <TextInput label="工作内容" withAsterisk maxLength={100} {...form.getInputProps('task')} />
            <TextInput label="所需技能" description="多项用顿号或逗号隔开" {...form.getInputProps('skills')} />
            <TownshipSelect label="用工乡镇（街道）" value={form.values.townshipCode} onChange={(v) => form.setFieldValue('townshipCode', v)} error={form.errors.townshipCode} />
            <TextInput label="用工地址" withAsterisk maxLength={100} {...form.getInputProps('address')} />
            <TextInput label="用工日期" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('workDate')} />
            <Group grow>
              <TextInput label="开始时间" withAsterisk placeholder="HH:MM" maxLength={5} {...form.getInputProps('startTime')} />
              <TextInput label="结束时间" withAsterisk placeholder="HH:MM" maxLength={5} {...form.getInputProps('endTime')} />
            </Group>
            <Group grow>
              <NumberInput label="报酬（元）" withAsterisk min={0} decimalScale={2} {...form.getInputProps('payYuan')} />
              <Select label="计酬方式" withAsterisk allowDeselect={false} data={GIG_PAY_UNITS.map(([value, label]) => ({ value, label }))} {...form.getInputProps('payUnit')} />
            </Group>
            <NumberInput label="需要人数" withAsterisk min={1} allowDecimal={false} {...form.getInputProps('peopleNeeded')} />
          </SimpleGrid>
          <FormActions cancel={onClose} submitLabel="发布" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** 撤销需求: with a reason; the dispatches not yet completed are cancelled with it. */
export function CancelDemandDialog({ demand, onClose }: { demand: GigDemandView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => call('gig.cancelDemand', { demandId: demand.id, version: demand.version, reason }),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: ['gig.demands'] }); notifications.show({ color: 'green', message: `已撤销零工需求：${demand.task}` }); onClose(); },
  });
  return (
    <Modal opened onClose={onClose} title="撤销零工需求">
      <Stack>
        {cancel.isError && <Alert color="red">{errorMessage(cancel.error)}</Alert>}
        <TextInput label="撤销原因" withAsterisk data-autofocus maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} description={`${demand.workDate} ${demand.task}；已派出的人员一并取消`} />
        <FormActions cancel={onClose} submitLabel="撤销需求" color="red" loading={cancel.isPending} onSave={() => cancel.mutate()} />
      </Stack>
    </Modal>
  );
}
