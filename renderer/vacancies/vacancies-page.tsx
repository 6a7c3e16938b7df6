import { Alert, Anchor, Badge, Button, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { InputOf, VacancyView } from '../../shared/contract';
import { VACANCY_STATUSES, labelOf } from '../../shared/domain/enterprise-codes';
import { officeDate } from '../../shared/domain/dates';
import { formatSalaryRange } from '../../shared/domain/money';
import { monthsBefore } from '../../shared/domain/vacancy';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { useCan } from '../api/queries';
import { useSearchState } from '../api/search-state';
import { HeaderRow } from '../shell/header-row';
import { Pager } from '../shell/pager';
import { OCCUPATION_GROUP_OPTIONS, VACANCY_SOURCE_LABEL, VACANCY_STATUS_OPTIONS } from './options';

type VacancyFilters = NonNullable<InputOf<'vacancies.search'>['filters']>;

const PAGE_SIZE = 30;
const STATUS_COLORS = { open: 'green', filled: 'blue', withdrawn: 'gray', expired: 'orange' } as const;

/** 岗位信息: open vacancies by default; export to Excel, print the notice-board sheet, mark filled or withdrawn. */
export function VacanciesPage() {
  const queryClient = useQueryClient();
  const canWrite = useCan('enterprises.write');
  const canImport = useCan('enterprises.import');
  const canMatch = useCan('persons.read');
  const search = useSearchState<{ status: VacancyFilters['status']; group: string }>(['status', 'group']);
  const { query, page, setParam } = search;
  const filters: VacancyFilters = {
    status: search.filters.status ?? 'open',
    ...(query ? { query } : {}),
    ...(search.filters.group ? { occupationGroup: search.filters.group } : {}),
  };
  const result = useQuery({ queryKey: ['vacancies.search', filters, page], queryFn: () => call('vacancies.search', { filters, page, pageSize: PAGE_SIZE }) });
  const exportXlsx = useMutation({
    mutationFn: () => call('vacancies.exportXlsx', { filters }),
    onSuccess: (f) => { downloadBase64(f.fileName, f.base64, XLSX_TYPE); notifications.show({ color: 'green', message: `已导出 ${f.rows} 个岗位` }); },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const setStatus = useMutation({
    mutationFn: ({ v, status, reason }: { v: VacancyView; status: 'filled' | 'withdrawn'; reason: string }) => call('vacancies.setStatus', { id: v.id, version: v.version, status, reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['vacancies.search'] }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  // An expired vacancy comes back by a later end date: one month from today.
  const extend = useMutation({
    mutationFn: (v: VacancyView) => call('vacancies.update', { id: v.id, version: v.version, changes: { validTo: monthsBefore(officeDate(new Date()), -1) } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['vacancies.search'] }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  // Reversible (a vacancy can be opened again), so no confirmation step; the reason is recorded.
  const confirm = (v: VacancyView, status: 'filled' | 'withdrawn') => setStatus.mutate({ v, status, reason: status === 'filled' ? '已招满' : '企业撤回' });
  const sheetQuery = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)])).toString();
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>岗位信息</Title>
        <Group>
          <Button variant="default" component={Link} to={`/enterprises/vacancies/sheet?${sheetQuery}`}>打印岗位信息表</Button>
          <Button variant="default" loading={exportXlsx.isPending} onClick={() => exportXlsx.mutate()}>导出 Excel</Button>
          {canImport && <Button variant="default" component={Link} to="/enterprises/vacancies/import">Excel 导入</Button>}
          <Button variant="default" component={Link} to="/enterprises">返回企业</Button>
        </Group>
      </Group>
      <Group mb="md" align="flex-end">
        <form onSubmit={(e) => { e.preventDefault(); search.submitDraft(); }}>
          <Group align="flex-end"><TextInput label="岗位或企业名称" w={260} value={search.draft} onChange={(e) => search.setDraft(e.currentTarget.value)} /><Button type="submit" variant="light">查询</Button></Group>
        </form>
        <Select label="状态" w={120} data={VACANCY_STATUS_OPTIONS} allowDeselect={false} value={filters.status} onChange={(v) => setParam({ status: v })} />
        <Select label="职业大类" clearable w={260} data={OCCUPATION_GROUP_OPTIONS} value={search.param('group')} onChange={(v) => setParam({ group: v })} />
      </Group>
      {result.isError && <Alert color="red">{errorMessage(result.error)}</Alert>}
      {result.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">共 {result.data.total} 个岗位</Text>
          <Table striped withTableBorder data-testid="vacancy-list">
            <HeaderRow labels={['岗位', '企业', '人数', '月薪', '有效期', '来源', '状态', '']} />
            <Table.Tbody>
              {result.data.items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{v.title}<Text size="xs" c="dimmed">{v.occupationCode} {v.occupationGroupLabel}</Text></Table.Td>
                  <Table.Td><Anchor component={Link} to={`/enterprises/${v.enterpriseId}`}>{v.enterpriseName}</Anchor></Table.Td>
                  <Table.Td>{v.openings}</Table.Td>
                  <Table.Td className="keep-whole">{formatSalaryRange(v.salaryMinFen, v.salaryMaxFen)}</Table.Td>
                  <Table.Td className="keep-whole">{v.validFrom} 至 {v.validTo}</Table.Td>
                  <Table.Td className="keep-whole">{VACANCY_SOURCE_LABEL(v.source)}</Table.Td>
                  <Table.Td><Badge color={STATUS_COLORS[v.status]} variant="light">{labelOf(VACANCY_STATUSES, v.status)}</Badge></Table.Td>
                  <Table.Td>
                    {canMatch && <Button size="compact-xs" variant="subtle" component={Link} to={`/enterprises/vacancies/${v.id}/matches`}>匹配求职者</Button>}
                    {canWrite && (v.status === 'open' || v.status === 'expired') && (
                      <Group gap={4}>
                        <Button size="compact-xs" variant="subtle" onClick={() => extend.mutate(v)}>延期一个月</Button>
                        <Button size="compact-xs" variant="light" onClick={() => confirm(v, 'filled')}>已招满</Button>
                        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => confirm(v, 'withdrawn')}>撤回</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager mt="md" total={result.data.total} pageSize={PAGE_SIZE} page={page} onChange={search.setPage} />
        </>
      )}
    </>
  );
}
