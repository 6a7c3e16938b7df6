import { Alert, Badge, Button, Group, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { InputOf } from '../../shared/contract';
import { SIZE_CLASSES, labelOf } from '../../shared/domain/enterprise-codes';
import { call, errorMessage } from '../api/client';
import { useCan, useTownships } from '../api/queries';
import { useSearchState } from '../api/search-state';
import { HeaderRow } from '../shell/header-row';
import { Pager } from '../shell/pager';
import { SearchBox } from '../shell/search-box';
import { FLAG_OPTIONS, SECTION_OPTIONS, SIZE_OPTIONS } from './options';
import { PlaceSelect } from '../shell/place-select';

type EnterpriseFilters = NonNullable<InputOf<'enterprises.search'>['filters']>;

const PAGE_SIZE = 20;
const FILTER_KEYS = ['townshipCode', 'industrySection', 'sizeClass', 'flag'] as const;
const MATCHED_AS = { all: '全部企业', creditCode: '按统一社会信用代码', name: '按名称（含曾用名）' } as const;

/** 企业: find an employer by part of its name (also a former name) or its credit code; register, import, vacancies. */
export function EnterprisesPage() {
  const navigate = useNavigate();
  const canWrite = useCan('enterprises.write');
  const canImport = useCan('enterprises.import');
  const canReports = useCan('enterprises.reports');
  const townships = useTownships();
  const search = useSearchState<EnterpriseFilters>(FILTER_KEYS);
  const { query, page, filters, param, setParam } = search;
  const result = useQuery({ queryKey: ['enterprises.search', query, page, filters], queryFn: () => call('enterprises.search', { query, filters, page, pageSize: PAGE_SIZE }) });
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>企业</Title>
        <Group>
          <Button variant="default" component={Link} to="/enterprises/vacancies">岗位信息</Button>
          <Button variant="default" component={Link} to="/enterprises/tasks">跟进任务</Button>
          {canReports && <Button variant="default" component={Link} to="/enterprises/reports">走访统计</Button>}
          {canImport && <Button variant="default" component={Link} to="/enterprises/import">Excel 导入</Button>}
          {canWrite && <Button component={Link} to="/enterprises/new">登记企业</Button>}
        </Group>
      </Group>
      <SearchBox search={search} placeholder="企业名称的一部分（含曾用名）或统一社会信用代码" />
      <Group mb="md" align="flex-end">
        <PlaceSelect label="所在乡镇（街道）" clearable w={180} options={townships.data} value={param('townshipCode')} onChange={(v) => setParam({ townshipCode: v })} />
        <Select label="行业门类" clearable searchable w={220} data={SECTION_OPTIONS} value={param('industrySection')} onChange={(v) => setParam({ industrySection: v })} />
        <Select label="企业规模" clearable w={110} data={SIZE_OPTIONS} value={param('sizeClass')} onChange={(v) => setParam({ sizeClass: v })} />
        <Select label="企业标识" clearable w={140} data={[...FLAG_OPTIONS]} value={param('flag')} onChange={(v) => setParam({ flag: v })} />
      </Group>
      {result.isError && <Alert color="red">{errorMessage(result.error)}</Alert>}
      {result.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs"><span data-testid="search-total">共 {result.data.total} 家</span>（{MATCHED_AS[result.data.matchedAs]}）</Text>
          <Table striped highlightOnHover withTableBorder data-testid="enterprise-list">
            <HeaderRow labels={['企业名称', '统一社会信用代码', '类型', '行业', '规模', '乡镇（街道）', '参保人数', '最近走访', '在招岗位']} />
            <Table.Tbody>
              {result.data.items.map((e) => (
                <Table.Tr key={e.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/enterprises/${e.id}`)} onKeyDown={(k) => k.key === 'Enter' && navigate(`/enterprises/${e.id}`)}>
                  <Table.Td>
                    {e.name}
                    {e.matchedFormerName && <Text size="xs" c="dimmed">曾用名：{e.matchedFormerName}</Text>}
                    {e.status === 'closed' && <Badge ml="xs" size="xs" color="gray">已注销/迁出</Badge>}
                  </Table.Td>
                  <Table.Td ff="monospace">{e.creditCode ?? e.registrationNumber}</Table.Td>
                  <Table.Td className="keep-whole">{e.entityLabel}</Table.Td>
                  <Table.Td>{e.industryDivisionLabel ?? '—'}</Table.Td>
                  <Table.Td className="keep-whole">{labelOf(SIZE_CLASSES, e.sizeClass) || '—'}</Table.Td>
                  <Table.Td className="keep-whole">{e.townshipName ?? '—'}</Table.Td>
                  <Table.Td>{e.insuredCount ?? '—'}</Table.Td>
                  <Table.Td className="keep-whole">{e.lastVisitDate ?? '从未走访'}</Table.Td>
                  <Table.Td>{e.openVacancies}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.data.total === 0 && <Text c="dimmed" ta="center" py="lg">{search.narrowed ? '没有找到符合条件的企业。' : '尚未登记任何企业。'}</Text>}
          <Pager mt="md" total={result.data.total} pageSize={PAGE_SIZE} page={page} onChange={search.setPage} />
        </>
      )}
    </>
  );
}
