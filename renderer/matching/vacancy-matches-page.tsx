import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatSalaryRange } from '../../shared/domain/money';
import { call, errorMessage } from '../api/client';
import { HeaderRow } from '../shell/header-row';
import { MatchBasis, Reasons, ScoreBadge } from './match-explanation';

/** 人岗匹配 for one vacancy: the vacancy, then the registered jobseekers who fit it best, each with why. */
export function VacancyMatchesPage() {
  const vacancyId = Number(useParams().id);
  const vacancy = useQuery({ queryKey: ['vacancies.get', vacancyId], queryFn: () => call('vacancies.get', { id: vacancyId }) });
  const matches = useQuery({ queryKey: ['matching.forVacancy', vacancyId], queryFn: () => call('matching.forVacancy', { vacancyId }) });
  const v = vacancy.data;
  const m = matches.data;
  return (
    <Stack data-testid="vacancy-matches-page">
      <Group justify="space-between">
        <Title order={3}>人岗匹配{v ? `：${v.title}（${v.enterpriseName}）` : ''}</Title>
        <Button variant="default" component={Link} to="/enterprises/vacancies">返回岗位列表</Button>
      </Group>
      {v && <Text size="sm">{v.occupationCode} {v.occupationGroupLabel} · 招 {v.openings} 人 · 月薪 {formatSalaryRange(v.salaryMinFen, v.salaryMaxFen)} · 有效期 {v.validFrom} 至 {v.validTo}</Text>}
      {(vacancy.isError || matches.isError) && <Alert color="red">{errorMessage(vacancy.error ?? matches.error)}</Alert>}
      {matches.isPending && <Text c="dimmed">正在匹配…</Text>}
      {m && (
        <>
          <MatchBasis basis={m.basis} scope={m.scope} considered={m.considered} filters={m.filters} unit="人" />
          {m.items.length === 0 ? <Text c="dimmed">没有符合的登记求职者。</Text> : (
            <Table striped withTableBorder data-testid="person-matches">
              <HeaderRow labels={['匹配度', '姓名', '联系电话', '居住乡镇', '学历', '求职意向', '理由']} />
              <Table.Tbody>
                {m.items.map((p) => (
                  <Table.Tr key={p.personId}>
                    <Table.Td><ScoreBadge score={p.score} /></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/persons/${p.personId}`}>{p.name}</Anchor></Table.Td>
                    <Table.Td>{p.phoneMasked ?? '—'}</Table.Td>
                    <Table.Td>{p.townshipName ?? '—'}</Table.Td>
                    <Table.Td>{p.educationLabel}</Table.Td>
                    <Table.Td>{p.occupationCode ?? '—'}</Table.Td>
                    <Table.Td><Reasons reasons={p.reasons} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
