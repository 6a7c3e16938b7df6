import { Alert, Button, Group, Pagination, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';

const PAGE_SIZE = 20;

/** The front desk's starting point: find a person by ID, name or phone, or register a new one. */
export function PersonsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState(query);
  const result = useQuery({
    queryKey: queryKeys.personSearch(query, page),
    queryFn: () => call('persons.search', { query, page, pageSize: PAGE_SIZE }),
  });
  const totalPages = Math.max(1, Math.ceil((result.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>人员查询与登记</Title>
        <Button component={Link} to="/persons/new">
          登记新人员
        </Button>
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <Group align="flex-end" mb="md">
          <TextInput
            label="查询"
            placeholder="身份证号、姓名或手机号（可输入后4位）"
            w={420}
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Button type="submit" variant="light">
            查询
          </Button>
        </Group>
      </form>
      {result.isError && <Alert color="red">{errorMessage(result.error)}</Alert>}
      {result.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="search-total">
            共 {result.data.total} 人
          </Text>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>姓名</Table.Th>
                <Table.Th>性别</Table.Th>
                <Table.Th>出生日期</Table.Th>
                <Table.Th>身份证号</Table.Th>
                <Table.Th>手机号码</Table.Th>
                <Table.Th>居住乡镇（街道）</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.data.items.map((p) => (
                <Table.Tr
                  key={p.id}
                  style={{ cursor: 'pointer' }}
                  tabIndex={0}
                  onClick={() => navigate(`/persons/${p.id}`)}
                  onKeyDown={(e) => e.key === 'Enter' && navigate(`/persons/${p.id}`)}
                >
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{SEX_LABELS[p.sex]}</Table.Td>
                  <Table.Td>{p.birthDate}</Table.Td>
                  <Table.Td ff="monospace">{p.idNumberMasked}</Table.Td>
                  <Table.Td ff="monospace">{p.phoneMasked ?? '—'}</Table.Td>
                  <Table.Td>{p.residenceTownshipName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.data.total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {query ? '没有找到符合条件的人员。' : '尚未登记任何人员。'}
            </Text>
          )}
          {totalPages > 1 && (
            <Pagination mt="md" total={totalPages} value={page} onChange={(p) => setParams({ ...(query ? { q: query } : {}), page: String(p) })} />
          )}
        </>
      )}
    </>
  );
}
