import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BusinessStartDetail } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { BORROWER_KINDS, GUARANTEE_KINDS, LOAN_LIMITS, type BorrowerKind, type GuaranteeKind } from '../../shared/domain/startups';
import { call, errorMessage } from '../api/client';

const yuanToFen = (v: number | string) => Math.round(Number(v) * 100);
const refresh = (queryClient: ReturnType<typeof useQueryClient>, id: number) => {
  void queryClient.invalidateQueries({ queryKey: ['startups.get', id] });
  void queryClient.invalidateQueries({ queryKey: ['startups.list'] });
};

interface PeriodRow { periodFrom: string; periodTo: string; amountYuan: number | string }

/** 创业担保贷款申请: amount, bank, term, guarantee, and the 贴息期 with their amounts; the backend checks the limits. */
export function LoanDialog({ start, onClose }: { start: BusinessStartDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [borrower, setBorrower] = useState<string | null>('individual');
  const [amountYuan, setAmountYuan] = useState<number | string>('');
  const [bank, setBank] = useState('');
  const [termMonths, setTermMonths] = useState<number | string>(24);
  const [guaranteeKind, setGuaranteeKind] = useState<string | null>('guarantee_fund');
  const [appliedOn, setAppliedOn] = useState(officeDate(new Date()));
  const [grantedOn, setGrantedOn] = useState('');
  const [periods, setPeriods] = useState<PeriodRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const limit = LOAN_LIMITS[(borrower ?? 'individual') as BorrowerKind];
  const save = useMutation({
    mutationFn: () => call('startups.applyLoan', {
      businessStartId: start.id, borrower: (borrower ?? '') as BorrowerKind, amountFen: yuanToFen(amountYuan), bank: bank.trim(), termMonths: Number(termMonths),
      guaranteeKind: (guaranteeKind ?? '') as GuaranteeKind, appliedOn: appliedOn.trim(), grantedOn: grantedOn.trim() || null,
      interestPeriods: periods.map((p) => ({ periodFrom: p.periodFrom.trim(), periodTo: p.periodTo.trim(), amountFen: yuanToFen(p.amountYuan) })),
    }),
    onSuccess: () => { refresh(queryClient, start.id); onClose(); },
    onError: (e) => setError(errorMessage(e)),
  });
  const setPeriod = (i: number, change: Partial<PeriodRow>) => setPeriods(periods.map((p, j) => (j === i ? { ...p, ...change } : p)));
  return (
    <Modal opened onClose={onClose} title={`创业担保贷款申请 · ${start.enterpriseName}`} size="44rem">
      <form noValidate onSubmit={(e) => { e.preventDefault(); setError(null); save.mutate(); }}>
        <Stack>
          {error && <Alert color="red" data-testid="loan-error">{error}</Alert>}
          <SimpleGrid cols={2}>
            <Select label="借款人" withAsterisk allowDeselect={false} data={BORROWER_KINDS.map(([value, label]) => ({ value, label }))} value={borrower} onChange={setBorrower} />
            <Select label="担保方式" withAsterisk allowDeselect={false} data={GUARANTEE_KINDS.map(([value, label]) => ({ value, label }))} value={guaranteeKind} onChange={setGuaranteeKind} />
            <NumberInput label="贷款金额（元）" withAsterisk min={0} decimalScale={2} thousandSeparator="," description={`上限 ${limit.maxAmountFen / 1_000_000} 万元`} value={amountYuan} onChange={setAmountYuan} />
            <NumberInput label="贷款期限（月）" withAsterisk allowDecimal={false} description={`上限 ${limit.maxTermMonths} 个月`} value={termMonths} onChange={setTermMonths} />
            <TextInput label="贷款银行" withAsterisk maxLength={60} value={bank} onChange={(e) => setBank(e.currentTarget.value)} />
            <div />
            <TextInput label="申请日期" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} value={appliedOn} onChange={(e) => setAppliedOn(e.currentTarget.value)} />
            <TextInput label="放款日期" description="未放款可不填" placeholder="YYYY-MM-DD" maxLength={10} value={grantedOn} onChange={(e) => setGrantedOn(e.currentTarget.value)} />
          </SimpleGrid>
          <Text fw={500} size="sm">贴息期</Text>
          {periods.map((p, i) => (
            <Group key={i} align="flex-end" data-testid="interest-period">
              <TextInput label={`第${i + 1}期起`} w={130} placeholder="YYYY-MM-DD" maxLength={10} value={p.periodFrom} onChange={(e) => setPeriod(i, { periodFrom: e.currentTarget.value })} />
              <TextInput label="止" w={130} placeholder="YYYY-MM-DD" maxLength={10} value={p.periodTo} onChange={(e) => setPeriod(i, { periodTo: e.currentTarget.value })} />
              <NumberInput label="贴息金额（元）" w={150} min={0} decimalScale={2} value={p.amountYuan} onChange={(v) => setPeriod(i, { amountYuan: v })} />
              <ActionIcon variant="subtle" color="red" aria-label={`删除第${i + 1}个贴息期`} onClick={() => setPeriods(periods.filter((_, j) => j !== i))}>×</ActionIcon>
            </Group>
          ))}
          <Group><Button variant="light" size="xs" onClick={() => setPeriods([...periods, { periodFrom: '', periodTo: '', amountYuan: '' }])}>添加贴息期</Button></Group>
          <Group justify="flex-end"><Button variant="default" onClick={onClose}>取消</Button><Button type="submit" loading={save.isPending}>保存</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function IncubationDialog({ start, onClose }: { start: BusinessStartDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ incubator: '', place: '', fromOn: officeDate(new Date()), toOn: '' });
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('startups.addIncubation', { businessStartId: start.id, incubator: values.incubator.trim(), place: values.place.trim(), fromOn: values.fromOn.trim(), toOn: values.toOn.trim() || null }),
    onSuccess: () => { refresh(queryClient, start.id); onClose(); },
    onError: (e) => setError(errorMessage(e)),
  });
  const field = (key: keyof typeof values) => ({ value: values[key], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: e.currentTarget.value }) });
  return (
    <Modal opened onClose={onClose} title="登记创业孵化">
      <form noValidate onSubmit={(e) => { e.preventDefault(); setError(null); save.mutate(); }}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="孵化基地" withAsterisk maxLength={100} {...field('incubator')} />
          <TextInput label="场地（工位）" withAsterisk maxLength={60} {...field('place')} />
          <Group grow>
            <TextInput label="入孵起日" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...field('fromOn')} />
            <TextInput label="入孵止日" placeholder="YYYY-MM-DD" maxLength={10} {...field('toOn')} />
          </Group>
          <Group justify="flex-end"><Button variant="default" onClick={onClose}>取消</Button><Button type="submit" loading={save.isPending}>保存</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 一次性创业补贴 is a 补贴申请 handled as a case; here the founder's application is only linked. */
export function SubsidyLinkDialog({ start, onClose }: { start: BusinessStartDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [caseId, setCaseId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cases = useQuery({ queryKey: ['cases.list', 'person', start.personId], queryFn: () => call('cases.list', { scope: 'person', personId: start.personId, page: 1, pageSize: 100 }) });
  const subsidies = (cases.data?.items ?? []).filter((c) => c.caseLabel.includes('补贴'));
  const save = useMutation({
    mutationFn: () => call('startups.linkSubsidyCase', { businessStartId: start.id, caseId: Number(caseId) }),
    onSuccess: () => { refresh(queryClient, start.id); onClose(); },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Modal opened onClose={onClose} title="关联一次性创业补贴申请">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {subsidies.length === 0 && !cases.isLoading && <Text c="dimmed">{start.personName}还没有补贴申请：请先在“业务办理”为其办理“补贴申请（一次性创业补贴）”。</Text>}
        <Select label="补贴申请" data={subsidies.map((c) => ({ value: String(c.id), label: `${c.caseLabel} ${c.receiptNo ?? '（草稿）'}` }))} value={caseId} onChange={setCaseId} />
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>取消</Button><Button disabled={!caseId} loading={save.isPending} onClick={() => save.mutate()}>关联</Button></Group>
      </Stack>
    </Modal>
  );
}
