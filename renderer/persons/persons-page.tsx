import { Alert, Badge, Button, Group, NumberInput, Select, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InputOf, PersonSearchResult } from '../../shared/contract';
import { KEY_GROUP_LABELS, type KeyGroupCode } from '../../shared/domain/key-groups';
import { EMPLOYMENT_STATUS_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { queryKeys, useCan, useTownships } from '../api/queries';
import { useSearchState } from '../api/search-state';
import { HeaderRow } from '../shell/header-row';
import { Pager } from '../shell/pager';
import { SearchBox } from '../shell/search-box';
import { EDUCATION_OPTIONS, EMPLOYMENT_OPTIONS, KEY_GROUP_OPTIONS } from './options';
import { PlaceSelect } from '../shell/place-select';

type PersonFilters = NonNullable<InputOf<'persons.search'>['filters']>;
type PersonSearch = ReturnType<typeof useSearchState<PersonFilters>>;

const PAGE_SIZE = 20;
const FILTER_KEYS = ['keyGroup', 'employmentStatus', 'residenceTownshipCode', 'educationCode', 'ageMin', 'ageMax'] as const;
const MATCHED_AS = { all: '全部人员', idNumber: '按身份证号', digits: '按手机尾号或证号片段', name: '按姓名', pinyin: '按拼音' } as const;

/** The front desk's starting point: find a person by ID, name, pinyin or phone, filter, export, or register. */
export function PersonsPage() {
  const canWrite = useCan('persons.write');
  const canImport = useCan('persons.import');
  const canExport = useCan('persons.export');
  const search = useSearchState<PersonFilters>(FILTER_KEYS, ['ageMin', 'ageMax']);
  const { query, page, filters } = search;
  const result = useQuery({
    queryKey: [...queryKeys.personSearch(query, page), filters],
    queryFn: () => call('persons.search', { query, filters, page, pageSize: PAGE_SIZE }),
  });
  // An ID-card read (the reader types the number and Enter) that finds nobody goes straight on to registering her.
  const navigate = useNavigate();
  const unknownId = canWrite && result.data?.matchedAs === 'idNumber' && result.data.total === 0 && Object.keys(filters).length === 0;
  useEffect(() => {
    if (unknownId) navigate(`/persons/new?${new URLSearchParams({ idNumber: query }).toString()}`);
  }, [unknownId, query, navigate]);
  const exportXlsx = useMutation({
    mutationFn: () => call('persons.exportXlsx', { query, filters }),
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.base64, XLSX_TYPE);
      notifications.show({ color: 'green', message: `已导出 ${file.rows} 人` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

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
      <SearchBox search={search} placeholder="身份证号、姓名、拼音首字母（如 zs）或手机尾号" />
      <PersonFilterBar search={search} />
      {result.isError && <Alert color="red">{errorMessage(result.error)}</Alert>}
      {result.data && <PersonResults result={result.data} search={search} />}
    </>
  );
}

/** 重点群体, 就业状态, 乡镇, 文化程度 and an age range; each change searches at once. */
function PersonFilterBar({ search }: { search: PersonSearch }) {
  const townships = useTownships();
  const { param, setParam } = search;
  return (
    <Group mb="md" align="flex-end">
      <Select label="重点群体" clearable w={170} data={KEY_GROUP_OPTIONS} value={param('keyGroup')} onChange={(v) => setParam({ keyGroup: v })} />
      <Select label="就业状态" clearable w={190} data={EMPLOYMENT_OPTIONS} value={param('employmentStatus')} onChange={(v) => setParam({ employmentStatus: v })} />
      <PlaceSelect label="居住乡镇（街道）" clearable w={180} options={townships.data}
        value={param('residenceTownshipCode')} onChange={(v) => setParam({ residenceTownshipCode: v })} />
      <Select label="文化程度" clearable w={130} data={EDUCATION_OPTIONS} value={param('educationCode')} onChange={(v) => setParam({ educationCode: v })} />
      <NumberInput label="年龄自" w={90} min={0} max={120} value={param('ageMin') ?? ''} onChange={(v) => setParam({ ageMin: v === '' ? null : String(v) })} />
      <NumberInput label="至" w={90} min={0} max={120} value={param('ageMax') ?? ''} onChange={(v) => setParam({ ageMax: v === '' ? null : String(v) })} />
    </Group>
  );
}

/** The page of people found, how they were matched, and the way to the next pages; a row opens the profile. */
function PersonResults({ result, search }: { result: PersonSearchResult; search: PersonSearch }) {
  const navigate = useNavigate();
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        <span data-testid="search-total">{result.totalCapped ? `超过 ${result.total} 人，请增加查询条件` : `共 ${result.total} 人`}</span>（{MATCHED_AS[result.matchedAs]}）
      </Text>
      <Table striped highlightOnHover withTableBorder>
        <HeaderRow labels={['姓名', '性别', '年龄', '身份证号', '手机号码', '居住乡镇（街道）', '就业状态', '重点群体']} />
        <Table.Tbody>
          {result.items.map((p) => (
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
      {result.total === 0 && (
        <Text c="dimmed" ta="center" py="lg">{search.narrowed ? '没有找到符合条件的人员。' : '尚未登记任何人员。'}</Text>
      )}
      <Pager mt="md" total={result.total} pageSize={PAGE_SIZE} page={search.page} onChange={search.setPage} />
    </>
  );
}
