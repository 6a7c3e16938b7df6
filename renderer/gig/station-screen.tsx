import { Alert, Badge, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { GigDemandView, GigDispatchView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';

const STARS = [1, 2, 3, 4, 5] as const;

/** Five big buttons for one side's rating; once given it shows what was given. */
function RatingRow({ label, given, busy, onRate }: { label: string; given: number | null; busy: boolean; onRate: (rating: number) => void }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Text fz={22} fw={600} w={200}>{label}</Text>
      {given !== null ? (
        <Text fz={26} c="orange.7" fw={700} aria-label={`${label} 已评 ${given}分`}>{'★'.repeat(given)}{'☆'.repeat(5 - given)} {given}分</Text>
      ) : (
        <Group gap="xs" role="group" aria-label={label}>
          {STARS.map((n) => (
            <Button key={n} size="xl" variant="light" color="orange" disabled={busy} aria-label={`${label} ${n}分`} onClick={() => onRate(n)} fz={24}>
              {n}★
            </Button>
          ))}
        </Group>
      )}
    </Group>
  );
}

function DispatchCard({ dispatch, onChanged }: { dispatch: GigDispatchView; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (what: { kind: 'complete' } | { kind: 'rate'; side: 'worker' | 'demand'; rating: number }) =>
      what.kind === 'complete'
        ? call('gig.complete', { dispatchId: dispatch.id, version: dispatch.version })
        : call('gig.rate', { dispatchId: dispatch.id, version: dispatch.version, side: what.side, rating: what.rating }),
    onSuccess: () => { setError(null); onChanged(); },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Paper withBorder p="md" data-testid="gig-dispatch">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fz={28} fw={700}>{dispatch.personName} <Text span fz={20} c="dimmed">{dispatch.phoneMasked ?? ''}</Text></Text>
          <Badge size="xl" color={dispatch.status === 'completed' ? 'green' : 'blue'}>{dispatch.statusLabel}</Badge>
        </Group>
        {dispatch.status === 'dispatched' && <Button size="xl" color="green" loading={act.isPending} onClick={() => act.mutate({ kind: 'complete' })}>完工</Button>}
        {dispatch.status === 'completed' && (
          <>
            <RatingRow label="需求方评价零工" given={dispatch.workerRating} busy={act.isPending} onRate={(rating) => act.mutate({ kind: 'rate', side: 'worker', rating })} />
            <RatingRow label="零工评价需求方" given={dispatch.demandRating} busy={act.isPending} onRate={(rating) => act.mutate({ kind: 'rate', side: 'demand', rating })} />
          </>
        )}
        {error && <Alert color="red" fz={20}>{error}</Alert>}
      </Stack>
    </Paper>
  );
}

function DemandDetail({ demand, onChanged }: { demand: GigDemandView; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const full = demand.dispatched >= demand.peopleNeeded;
  const matches = useQuery({ queryKey: ['gig.matches', demand.id, demand.dispatched], queryFn: () => call('gig.matches', { demandId: demand.id }), enabled: !full });
  const send = useMutation({
    mutationFn: (workerId: number) => call('gig.dispatch', { demandId: demand.id, workerId }),
    onSuccess: () => { setError(null); onChanged(); },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Stack gap="md">
      <Title order={2} fz={32}>{demand.task}</Title>
      <Text fz={22}>{demand.demanderName}（{demand.sourceLabel}）{demand.contactPhoneMasked ? ` ${demand.contactPhoneMasked}` : ''}</Text>
      <Text fz={22}>{demand.townshipName} {demand.address} · {demand.startTime}–{demand.endTime} · {demand.payText}</Text>
      {error && <Alert color="red" fz={20} data-testid="station-error">{error}</Alert>}
      {demand.dispatches.length > 0 && <Title order={3} fz={26}>已派出（{demand.dispatched} / {demand.peopleNeeded} 人）</Title>}
      {demand.dispatches.map((d) => <DispatchCard key={d.id} dispatch={d} onChanged={onChanged} />)}
      {full ? (
        <Text fz={22} c="green.8" fw={600}>人数已派满</Text>
      ) : (
        <>
          <Title order={3} fz={26}>推荐零工（还需 {demand.peopleNeeded - demand.dispatched} 人）</Title>
          {matches.isError && <Alert color="red">{errorMessage(matches.error)}</Alert>}
          {matches.data?.ranked.length === 0 && <Text fz={22} c="dimmed">没有合适的零工</Text>}
          {matches.data?.ranked.slice(0, 8).map((m) => (
            <Paper key={m.workerId} withBorder p="md" data-testid="gig-match">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4}>
                  <Text fz={28} fw={700}>{m.personName} <Text span fz={20} c="dimmed">{m.phoneMasked ?? ''} · 匹配度 {m.score}</Text></Text>
                  {m.reasons.map((r) => <Text key={r} fz={20}>· {r}</Text>)}
                </Stack>
                <Button size="xl" loading={send.isPending && send.variables === m.workerId} onClick={() => send.mutate(m.workerId)} aria-label={`派单给${m.personName}`}>派单</Button>
              </Group>
            </Paper>
          ))}
        </>
      )}
    </Stack>
  );
}

/**
 * 零工驿站: the screen of a community station's shared PC. Large type, big
 * buttons, no menus: today's demands, the workers who fit one with why, 派单,
 * 完工 and the two ratings. Staff come back to 零工市场 with the link at the top.
 */
export function GigStationScreen() {
  const today = officeDate(new Date());
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number | null>(null);
  const demands = useQuery({ queryKey: ['gig.demands', 'station', today], queryFn: () => call('gig.demands', { from: today, to: today }) });
  const refresh = () => { void queryClient.invalidateQueries({ queryKey: ['gig.demands'] }); void queryClient.invalidateQueries({ queryKey: ['gig.matches'] }); };
  const list = (demands.data ?? []).filter((d) => d.status === 'open');
  const current = list.find((d) => d.id === selected) ?? null;
  return (
    <Stack p="xl" gap="lg" bg="gray.0" mih="100vh" data-testid="gig-station">
      <Group justify="space-between">
        <Title order={1} fz={40}>零工驿站 · 今日用工 {today}</Title>
        <Button variant="default" size="lg" component={Link} to="/gig">返回零工市场</Button>
      </Group>
      {demands.isError && <Alert color="red">{errorMessage(demands.error)}</Alert>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <ScrollArea.Autosize mah="80vh">
          <Stack gap="md">
            {demands.isSuccess && list.length === 0 && <Text fz={26} c="dimmed">今天还没有零工需求</Text>}
            {list.map((d) => (
              <UnstyledButton
                key={d.id}
                onClick={() => setSelected(d.id)}
                aria-pressed={d.id === selected}
                style={{ border: `4px solid ${d.id === selected ? '#228be6' : '#dee2e6'}`, borderRadius: 16, background: 'white', padding: 20 }}
              >
                <Text fz={30} fw={700}>{d.task}</Text>
                <Text fz={22}>{d.startTime}–{d.endTime} · {d.townshipName} · {d.payText}</Text>
                <Text fz={22} c={d.dispatched >= d.peopleNeeded ? 'green.8' : 'orange.8'} fw={600}>已派 {d.dispatched} / {d.peopleNeeded} 人{d.completed ? `，完工 ${d.completed} 人` : ''}</Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Paper withBorder p="xl" radius="lg">
          {current ? <DemandDetail demand={current} onChanged={refresh} /> : <Text fz={26} c="dimmed">请在左边点选一个需求</Text>}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
