import { Alert, Badge, Button, Group, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays } from '../../shared/domain/calendar';
import { officeDate } from '../../shared/domain/dates';
import { DAY_PARTS, WEEKDAYS, gigLabel } from '../../shared/domain/gig';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { HeaderRow } from '../shell/header-row';
import type { GigDemandView } from '../../shared/contract';
import { CancelDemandDialog, DemandDialog, WorkerDialog } from './gig-dialogs';

/** Dates, hours and pay stay on one line; the words may wrap. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

function DemandsTab({ canManage }: { canManage: boolean }) {
  const today = officeDate(new Date());
  const [from, setFrom] = useState(addDays(today, -7));
  const [to, setTo] = useState(addDays(today, 14));
  const [posting, setPosting] = useState(false);
  const [cancelling, setCancelling] = useState<GigDemandView | null>(null);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const demands = useQuery({ queryKey: ['gig.demands', from, to], queryFn: () => call('gig.demands', { from, to }), enabled: valid });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group>
          <TextInput label="用工日期从" value={from} onChange={(e) => setFrom(e.currentTarget.value)} maxLength={10} w={140} />
          <TextInput label="至" value={to} onChange={(e) => setTo(e.currentTarget.value)} maxLength={10} w={140} />
        </Group>
        {canManage && <Button onClick={() => setPosting(true)}>发布需求</Button>}
      </Group>
      {demands.isError && <Alert color="red">{errorMessage(demands.error)}</Alert>}
      <Table striped withTableBorder data-testid="gig-demands">
        <HeaderRow labels={['用工日期', '时间', '工作内容', '需求方', '地点', '报酬', '人数', '派出 / 完工', '零工得分', '']} />
        <Table.Tbody>
          {(demands.data ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={NOWRAP}>{d.workDate}</Table.Td>
              <Table.Td style={NOWRAP}>{d.startTime}–{d.endTime}</Table.Td>
              <Table.Td>{d.task}{d.status === 'cancelled' && <Badge ml={4} size="xs" color="gray" title={d.cancelReason ?? ''}>已撤销</Badge>}{d.skills.length > 0 && <Text size="xs" c="dimmed">{d.skills.join('、')}</Text>}</Table.Td>
              <Table.Td>{d.demanderName} <Badge size="xs" variant="light">{d.sourceLabel}</Badge>{d.contactPhoneMasked && <Text size="xs" c="dimmed">{d.contactPhoneMasked}</Text>}</Table.Td>
              <Table.Td>{d.townshipName} {d.address}</Table.Td>
              <Table.Td style={NOWRAP}>{d.payText}</Table.Td>
              <Table.Td>{d.peopleNeeded}</Table.Td>
              <Table.Td>{d.dispatched} / {d.completed}{d.dispatched > 0 && <Text size="xs" c="dimmed">{d.dispatches.filter((x) => x.status !== 'cancelled').map((x) => x.personName).join('、')}</Text>}</Table.Td>
              <Table.Td>{d.dispatches.filter((x) => x.workerRating !== null).map((x) => `${x.personName} ${x.workerRating}分`).join('、') || '—'}</Table.Td>
              <Table.Td>{canManage && d.status === 'open' && d.completed === 0 && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(d)}>撤销</Button>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {demands.isSuccess && demands.data.length === 0 && <Text c="dimmed">这段日期没有零工需求</Text>}
      {posting && <DemandDialog onClose={() => setPosting(false)} />}
      {cancelling && <CancelDemandDialog demand={cancelling} onClose={() => setCancelling(null)} />}
    </Stack>
  );
}

function WorkersTab({ canManage }: { canManage: boolean }) {
  const [registering, setRegistering] = useState(false);
  const workers = useQuery({ queryKey: ['gig.workers'], queryFn: () => call('gig.workers', {}) });
  return (
    <Stack>
      {canManage && <Group justify="flex-end"><Button onClick={() => setRegistering(true)}>零工登记</Button></Group>}
      {workers.isError && <Alert color="red">{errorMessage(workers.error)}</Alert>}
      <Table striped withTableBorder data-testid="gig-workers">
        <HeaderRow labels={['姓名', '身份证号', '电话', '技能', '可工作时间', '乡镇（街道）', '同意联系', '完工', '平均得分']} />
        <Table.Tbody>
          {(workers.data ?? []).map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td style={NOWRAP}><Link to={`/persons/${w.personId}`}>{w.personName}</Link>{w.status === 'paused' && <Badge ml={4} size="xs" color="gray">暂停接单</Badge>}</Table.Td>
              <Table.Td style={NOWRAP}>{w.idNumberMasked}</Table.Td>
              <Table.Td>{w.phoneMasked ?? '—'}</Table.Td>
              <Table.Td>{w.skills.join('、')}{w.occupationCode && <Text size="xs" c="dimmed">{w.occupationCode}</Text>}</Table.Td>
              <Table.Td>{w.availableDays.length === 7 ? '每天' : `周${w.availableDays.map((d) => gigLabel(WEEKDAYS, d).slice(1)).join('')}`} {w.dayParts.map((p) => gigLabel(DAY_PARTS, p)).join('、')}</Table.Td>
              <Table.Td>{w.townshipName}</Table.Td>
              <Table.Td style={NOWRAP}>{w.contactConsent ? <>是<Text size="xs" c="dimmed">{w.consentOn}</Text></> : '否'}</Table.Td>
              <Table.Td>{w.completed}</Table.Td>
              <Table.Td>{w.averageRating ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {registering && <WorkerDialog onClose={() => setRegistering(false)} />}
    </Stack>
  );
}

function StatisticsTab() {
  const today = officeDate(new Date());
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const stats = useQuery({ queryKey: ['gig.statistics', from, to], queryFn: () => call('gig.statistics', { from, to }), enabled: valid });
  const t = stats.data?.total;
  return (
    <Stack>
      <Group>
        <TextInput label="统计日期从" value={from} onChange={(e) => setFrom(e.currentTarget.value)} maxLength={10} w={140} />
        <TextInput label="至" value={to} onChange={(e) => setTo(e.currentTarget.value)} maxLength={10} w={140} />
      </Group>
      {stats.isError && <Alert color="red">{errorMessage(stats.error)}</Alert>}
      {t && (
        <Paper withBorder p="md">
          <Text>合计：发布需求 {t.demandsPosted} 个，派出 {t.peopleDispatched} 人次，完工 {t.completed} 人次，需求方对零工平均评分 {t.averageWorkerRating ?? '—'}，零工对需求方平均评分 {t.averageDemandRating ?? '—'}</Text>
        </Paper>
      )}
      <Table striped withTableBorder data-testid="gig-statistics">
        <HeaderRow labels={['日期', '乡镇（街道）', '发布需求', '派出人次', '完工人次', '零工平均得分', '需求方平均得分']} />
        <Table.Tbody>
          {(stats.data?.rows ?? []).map((r) => (
            <Table.Tr key={`${r.day}-${r.townshipCode}`}>
              <Table.Td>{r.day}</Table.Td>
              <Table.Td>{r.townshipName ?? r.townshipCode}</Table.Td>
              <Table.Td>{r.demandsPosted}</Table.Td>
              <Table.Td>{r.peopleDispatched}</Table.Td>
              <Table.Td>{r.completed}</Table.Td>
              <Table.Td>{r.averageWorkerRating ?? '—'}</Table.Td>
              <Table.Td>{r.averageDemandRating ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** 零工市场: demands, gig workers and (for the head) the daily statistics; the station screen opens from here. */
export function GigPage() {
  const canManage = useCan('gig.manage');
  const canStats = useCan('gig.statistics');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'demands';
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>零工市场</Title>
        {canManage && <Button variant="light" component={Link} to="/gig/station">零工驿站大屏</Button>}
      </Group>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'demands' ? { tab: v } : {})}>
        <Tabs.List mb="md">
          <Tabs.Tab value="demands">零工需求</Tabs.Tab>
          <Tabs.Tab value="workers">零工人员</Tabs.Tab>
          {canStats && <Tabs.Tab value="statistics">每日统计</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="demands">{tab === 'demands' && <DemandsTab canManage={canManage} />}</Tabs.Panel>
        <Tabs.Panel value="workers">{tab === 'workers' && <WorkersTab canManage={canManage} />}</Tabs.Panel>
        {canStats && <Tabs.Panel value="statistics">{tab === 'statistics' && <StatisticsTab />}</Tabs.Panel>}
      </Tabs>
    </>
  );
}
