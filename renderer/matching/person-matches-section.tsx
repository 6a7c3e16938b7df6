import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatSalaryRange } from '../../shared/domain/money';
import { call, errorMessage } from '../api/client';
import { HeaderRow } from '../shell/header-row';
import { MatchBasis, Reasons, ScoreBadge } from './match-explanation';

/**
 * 人岗匹配 on the person's page: on demand (it ranks every open vacancy of the
 * intended occupation group), the best twenty with why each ranks where it does.
 */
export function PersonMatchesSection({ personId }: { personId: number }) {
  const [asked, setAsked] = useState(false);
  const matches = useQuery({ queryKey: ['matching.forPerson', personId], queryFn: () => call('matching.forPerson', { personId }), enabled: asked });
  const m = matches.data;
  return (
    <Paper withBorder p="lg" data-testid="person-matches">
      <Group justify="space-between" mb="sm">
        <Title order={4}>人岗匹配</Title>
        <Button size="xs" variant="light" loading={matches.isFetching} onClick={() => (asked ? void matches.refetch() : setAsked(true))}>{asked ? '重新匹配' : '匹配在招岗位'}</Button>
      </Group>
      {!asked && <Text size="sm" c="dimmed">按登记的求职意向、工作地点、期望月薪和学历，为本人排序在招岗位，并说明理由。</Text>}
      {matches.isError && <Alert color="red">{errorMessage(matches.error)}</Alert>}
      {m && (
        <Stack gap="sm">
          <MatchBasis basis={m.basis} scope={m.scope} considered={m.considered} filters={m.filters} unit="个岗位" />
          {m.items.length === 0 ? <Text c="dimmed">没有可匹配的在招岗位。</Text> : (
            <Table withTableBorder data-testid="vacancy-matches">
              <HeaderRow labels={['匹配度', '岗位', '企业', '月薪', '地点', '理由']} />
              <Table.Tbody>
                {m.items.map((v) => (
                  <Table.Tr key={v.vacancyId}>
                    <Table.Td><ScoreBadge score={v.score} /></Table.Td>
                    <Table.Td>{v.title}<Text size="xs" c="dimmed">{v.occupationCode} · 有效至 {v.validTo}</Text></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/enterprises/${v.enterpriseId}`}>{v.enterpriseName}</Anchor></Table.Td>
                    <Table.Td>{formatSalaryRange(v.salaryMinFen, v.salaryMaxFen)}</Table.Td>
                    <Table.Td>{v.townshipName ?? '—'}</Table.Td>
                    <Table.Td><Reasons reasons={v.reasons} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Paper>
  );
}
