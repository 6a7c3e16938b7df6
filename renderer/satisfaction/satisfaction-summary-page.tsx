import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SatisfactionSummary } from '../../shared/contract';
import type { RatingTally } from '../../shared/domain/satisfaction';
import { call, errorMessage } from '../api/client';
import { HeaderRow } from '../shell/header-row';

const TALLY_LABELS = ['评价数', '平均分', '满意率', '5分', '4分', '3分', '2分', '1分'] as const;

function TallyCells({ t }: { t: RatingTally }) {
  return (
    <>
      <Table.Td>{t.count}</Table.Td>
      <Table.Td>{t.average ?? '—'}</Table.Td>
      <Table.Td>{t.satisfiedPercent === null ? '—' : `${t.satisfiedPercent}%`}</Table.Td>
      {[4, 3, 2, 1, 0].map((i) => <Table.Td key={i}>{t.distribution[i]}</Table.Td>)}
    </>
  );
}

function TallyTable<T extends RatingTally>({ title, first, rows, name, testId }: { title: string; first: string; rows: T[]; name: (row: T) => string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">{title}</Title>
      <Table striped withTableBorder data-testid={testId}>
        <HeaderRow labels={[first, ...TALLY_LABELS]} />
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={name(r)}>
              <Table.Td>{name(r)}</Table.Td>
              <TallyCells t={r} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** 满意度汇总 for the head: by staff, by service type and by month, with the comments and every low rating. */
export function SatisfactionSummaryPage() {
  const [range, setRange] = useState<{ fromMonth?: string; toMonth?: string }>({});
  const [draft, setDraft] = useState({ fromMonth: '', toMonth: '' });
  const summary = useQuery({ queryKey: ['satisfaction.summary', range], queryFn: () => call('satisfaction.summary', range) });
  const s: SatisfactionSummary | undefined = summary.data;
  return (
    <Stack data-testid="satisfaction-summary">
      <Title order={3}>满意度调查汇总</Title>
      <form onSubmit={(e) => { e.preventDefault(); setRange({ ...(draft.fromMonth ? { fromMonth: draft.fromMonth } : {}), ...(draft.toMonth ? { toMonth: draft.toMonth } : {}) }); }}>
        <Group align="flex-end">
          <TextInput label="起始月份" placeholder="2026-01" w={140} value={draft.fromMonth} onChange={(e) => setDraft({ ...draft, fromMonth: e.currentTarget.value })} />
          <TextInput label="截止月份" placeholder="2026-12" w={140} value={draft.toMonth} onChange={(e) => setDraft({ ...draft, toMonth: e.currentTarget.value })} />
          <Button type="submit" variant="light">查询</Button>
        </Group>
      </form>
      {summary.isError && <Alert color="red">{errorMessage(summary.error)}</Alert>}
      {s && (
        <>
          <Text>{s.from} 至 {s.to}：共 {s.total.count} 条评价，平均 {s.total.average ?? '—'} 分，满意率 {s.total.satisfiedPercent === null ? '—' : `${s.total.satisfiedPercent}%`}（4分、5分为满意）。</Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <TallyTable title="按工作人员" first="工作人员" rows={s.byStaff} name={(r) => r.staffName} testId="satisfaction-by-staff" />
            <TallyTable title="按服务类型" first="服务类型" rows={s.byServiceType} name={(r) => r.label} testId="satisfaction-by-type" />
          </SimpleGrid>
          <TallyTable title="按月份" first="月份" rows={s.byMonth} name={(r) => r.month} testId="satisfaction-by-month" />
          <Paper withBorder p="md">
            <Title order={5} mb="xs">意见建议与低分评价</Title>
            {s.comments.length === 0 ? <Text c="dimmed">暂无。</Text> : (
              <Table withTableBorder data-testid="satisfaction-comments">
                <HeaderRow labels={['日期', '评分', '服务', '工作人员', '方式', '意见建议']} />
                <Table.Tbody>
                  {s.comments.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.ratedOn}</Table.Td>
                      <Table.Td><Badge color={c.rating >= 4 ? 'green' : c.rating === 3 ? 'yellow' : 'red'} variant="light">{c.rating}分 {c.ratingWord}</Badge></Table.Td>
                      <Table.Td>{c.serviceTypeLabel}<Text size="xs" c="dimmed">{c.what}</Text></Table.Td>
                      <Table.Td>{c.staffName ?? '—'}</Table.Td>
                      <Table.Td>{c.channelLabel}</Table.Td>
                      <Table.Td>{c.comment ?? '（未填写）'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
