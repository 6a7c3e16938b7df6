import { Alert, Badge, Button, Group, NumberInput, Pagination, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { KEY_GROUP_LABELS, type KeyGroupCode } from '../../shared/domain/key-groups';
import { EMPLOYMENT_STATUS_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { queryKeys, useCan, useTownships } from '../api/queries';
import { EDUCATION_OPTIONS, EMPLOYMENT_OPTIONS, KEY_GROUP_OPTIONS } from './options';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['keyGroup', 'employmentStatus', 'residenceTownshipCode', 'educationCode', 'ageMin', 'ageMax'] as const;
const MATCHED_AS = { all: '全部人员', idNumber: '按身份证号', digits: '按手机尾号或证号片段', name: '按姓名', pinyin: '按拼音' } as const;

/** The front desk's starting point: find a person by ID, name, pinyin or phone, filter, export, or register. */
export function PersonsPage() {
  const navigate = useNavigate();
  const canWrite = useCan('persons.write');
  const canImport = useCan('persons.import');
  const canExport = useCan('persons.export');
  const townships = useTownships();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const filters = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => {
      const v = params.get(k);
      return v === null ? [] : [[k, k.startsWith('age') ? Number(v) : v]];
    }),
  );
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
  const result = useQuery({
    queryKey: [...queryKeys.personSearch(query, page), filters],
    queryFn: () => call('persons.search', { query, filters, page, pageSize: PAGE_SIZE }),
  });
  const exportXlsx = useMutation({
    mutationFn: () => call('persons.exportXlsx', { query, filters }),
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.base64, XLSX_TYPE);
      notifications.show({ color: 'green', message: `已导出 ${file.rows} 人` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const totalPages = Math.max(1, Math.ceil((result.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>人员查询与登记</Title>
        <Group>
          {canExport && <Button variant="default" loading={exportXlsx.isPending} onClick={() => exportXlsx.mutate()}>导出 Excel</Button>}
          {canImport && <Button variant="default" component={Link} to="/persons/import">Excel 导入</Button>}
          {canWrite && <Button component={Link} to="/persons/new">登记新人员</Button>}
        </Group>
      </Group>
      <form onSubmit={(e) => { e.preventDefault(); setParam({ q: draft.trim() }); }}>
        <Group align="flex-end" mb="xs">
          <TextInput label="查询" placeholder="身份证号、姓名、拼音首字母（如 zs）或手机尾号" w={420} autoFocus value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
          <Button type="submit" variant="light">查询</Button>
        </Group>
      </form>
      <Group mb="md" align="flex-end">
        <Select label="重点群体" clearable w={170} data={KEY_GROUP_OPTIONS} value={params.get('keyGroup')} onChange={(v) => setParam({ keyGroup: v })} />
        <Select label="就业状态" clearable w={190} data={EMPLOYMENT_OPTIONS} value={params.get('employmentStatus')} onChange={(v) => setParam({ employmentStatus: v })} />
        <Select label="居住乡镇（街道）" clearable searchable w={180} data={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
          value={params.get('residenceTownshipCode')} onChange={(v) => setParam({ residenceTownshipCode: v })} />
        <Select label="文化程度" clearable w={130} data={EDUCATION_OPTIONS} value={params.get('educationCode')} onChange={(v) => setParam({ educationCode: v })} />
        <NumberInput label="年龄自" w={90} min={0} max={120} value={params.get('ageMin') ?? ''} onChange={(v) => setParam({ ageMin: v === '' ? null : String(v) })} />
        <NumberInput label="至" w={90} min={0} max={120} value={params.get('ageMax') ?? ''} onChange={(v) => setParam({ ageMax: v === '' ? null : String(v) })} />
      </Group>
      {result.isError && <Alert color="red">{errorMessage(result.error)}</Alert>}
      {result.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            <span data-testid="search-total">{result.data.totalCapped ? `超过 ${result.data.total} 人，请增加查询条件` : `共 ${result.data.total} 人`}</span>（{MATCHED_AS[result.data.matchedAs]}）
          </Text>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>姓名</Table.Th><Table.Th>性别</Table.Th><Table.Th>年龄</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>手机号码</Table.Th>
                <Table.Th>居住乡镇（街道）</Table.Th><Table.Th>就业状态</Table.Th><Table.Th>重点群体</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.data.items.map((p) => (
                <Table.Tr key={p.id} style={{ cursor: 'pointer' }} tabIndex={0}
                  onClick={() => navigate(`/persons/${p.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/persons/${p.id}`)}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{SEX_LABELS[p.sex]}</Table.Td>
                  <Table.Td>{p.age}</Table.Td>
                  <Table.Td ff="monospace">{p.idNumberMasked}</Table.Td>
                  <Table.Td ff="monospace">{p.phoneMasked ?? '—'}</Table.Td>
                  <Table.Td>{p.residenceTownshipName ?? '—'}</Table.Td>
                  <Table.Td>{EMPLOYMENT_STATUS_LABELS[p.employmentStatus]}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.keyGroups.map((g: KeyGroupCode) => <Badge key={g} size="xs" variant="light" color="orange">{KEY_GROUP_LABELS[g]}</Badge>)}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.data.total === 0 && (
            <Text c="dimmed" ta="center" py="lg">{query || Object.keys(filters).length ? '没有找到符合条件的人员。' : '尚未登记任何人员。'}</Text>
          )}
          {totalPages > 1 && <Pagination mt="md" total={totalPages} value={page} onChange={(p) => { const next = new URLSearchParams(params); next.set('page', String(p)); setParams(next); }} />}
        </>
      )}
    </>
  );
}
