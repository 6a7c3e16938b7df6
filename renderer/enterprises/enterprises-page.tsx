import { Alert, Badge, Button, Group, Pagination, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SIZE_CLASSES, labelOf } from '../../shared/domain/enterprise-codes';
import { call, errorMessage } from '../api/client';
import { useCan, useTownships } from '../api/queries';
import { FLAG_OPTIONS, SECTION_OPTIONS, SIZE_OPTIONS } from './options';

const PAGE_SIZE = 20;
const MATCHED_AS = { all: '全部企业', creditCode: '按统一社会信用代码', name: '按名称（含曾用名）' } as const;

/** 企业: find an employer by part of its name (also a former name) or its credit code; register, import, vacancies. */
export function EnterprisesPage() {
  const navigate = useNavigate();
  const canWrite = useCan('enterprises.write');
  const canImport = useCan('enterprises.import');
  const canReports = useCan('enterprises.reports');
  const townships = useTownships();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const filters = Object.fromEntries((['townshipCode', 'industrySection', 'sizeClass', 'flag'] as const).flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const [draft, setDraft] = useState(query);
  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    next.delete('page');
    setParams(next);
  };
  const result = useQuery({ queryKey: ['enterprises.search', query, page, filters], queryFn: () => call('enterprises.search', { query, filters, page, pageSize: PAGE_SIZE }) });
  const totalPages = Math.max(1, Math.ceil((result.data?.total ?? 0) / PAGE_SIZE));
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
      <form onSubmit={(e) => { e.preventDefault(); setParam({ q: draft.trim() }); }}>
        <Group align="flex-end" mb="xs">
          <TextInput label="查询" placeholder="企业名称的一部分（含曾用名）或统一社会信用代码" w={420} autoFocus value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
          <Button type="submit" variant="light">查询</Button>
        </Group>
      </form>
      <Group mb="md" align="flex-end">
        <Select label="所在乡镇（街道）" clearable searchable w={180} data={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))} value={params.get('townshipCode')} onChange={(v) => setParam({ townshipCode: v })} />
        <Select label="行业门类" clearable searchable w={220} data={SECTION_OPTIONS} value={params.get('industrySection')} onChange={(v) => setParam({ industrySection: v })} />
        <Select label="企业规模" clearable w={110} data={SIZE_OPTIONS} value={params.get('sizeClass')} onChange={(v) => setParam({ sizeClass: v })} />
        <Select label="企业标识" clearable w={140} data={[...FLAG_OPTIONS]} value={params.get('flag')} onChange={(v) => setParam({ flag: v })} />
      </Group>
      {result.isError && <Alert color="red">{errorMessage(result.error)}</Alert>}
      {result.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs"><span data-testid="search-total">共 {result.data.total} 家</span>（{MATCHED_AS[result.data.matchedAs]}）</Text>
          <Table striped highlightOnHover withTableBorder data-testid="enterprise-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>企业名称</Table.Th><Table.Th>统一社会信用代码</Table.Th><Table.Th>类型</Table.Th><Table.Th>行业</Table.Th><Table.Th>规模</Table.Th>
                <Table.Th>乡镇（街道）</Table.Th><Table.Th>参保人数</Table.Th><Table.Th>最近走访</Table.Th><Table.Th>在招岗位</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.data.items.map((e) => (
                <Table.Tr key={e.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/enterprises/${e.id}`)} onKeyDown={(k) => k.key === 'Enter' && navigate(`/enterprises/${e.id}`)}>
                  <Table.Td>
                    {e.name}
                    {e.matchedFormerName && <Text size="xs" c="dimmed">曾用名：{e.matchedFormerName}</Text>}
                    {e.status === 'closed' && <Badge ml="xs" size="xs" color="gray">已注销/迁出</Badge>}
                  </Table.Td>
                  <Table.Td ff="monospace">{e.creditCode ?? e.registrationNumber}</Table.Td>
                  <Table.Td>{e.entityLabel}</Table.Td>
                  <Table.Td>{e.industryDivisionLabel ?? '—'}</Table.Td>
                  <Table.Td>{labelOf(SIZE_CLASSES, e.sizeClass) || '—'}</Table.Td>
                  <Table.Td>{e.townshipName ?? '—'}</Table.Td>
                  <Table.Td>{e.insuredCount ?? '—'}</Table.Td>
                  <Table.Td>{e.lastVisitDate ?? '从未走访'}</Table.Td>
                  <Table.Td>{e.openVacancies}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.data.total === 0 && <Text c="dimmed" ta="center" py="lg">{query || Object.keys(filters).length ? '没有找到符合条件的企业。' : '尚未登记任何企业。'}</Text>}
          {totalPages > 1 && <Pagination mt="md" total={totalPages} value={page} onChange={(p) => { const next = new URLSearchParams(params); next.set('page', String(p)); setParams(next); }} />}
        </>
      )}
    </>
  );
}
