import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { EDUCATION_LEVELS } from '../../shared/domain/code-tables';
import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { labelOf } from '../../shared/domain/enterprise-codes';
import { formatSalaryRange } from '../../shared/domain/money';
import { call, errorMessage } from '../api/client';
import { useDeskStatus } from '../api/queries';
import { PrintToolbar } from '../shell/print-toolbar';

/** Column widths that keep short cells (岗位, 人数, dates) on one line of an A4 page. */
const COLUMNS = [['序号', '7%'], ['招聘单位', '17%'], ['岗位', '12%'], ['人数', '7%'], ['月薪', '14%'], ['学历', '8%'], ['要求', '14%'], ['工作地点', '8%'], ['有效期至', '13%']] as const;

/**
 * 岗位信息表 for the notice board: open vacancies with pay, requirements and
 * validity. No contact phones: applicants ask at the service window, so the
 * sheet carries no personal data.
 */
export function VacancySheetPage() {
  const [params] = useSearchParams();
  const filters = {
    status: (params.get('status') ?? 'open') as 'open',
    ...(params.get('query') ? { query: params.get('query')! } : {}),
    ...(params.get('occupationGroup') ? { occupationGroup: params.get('occupationGroup')! } : {}),
  };
  const list = useQuery({ queryKey: ['vacancies.search', 'sheet', filters], queryFn: () => call('vacancies.search', { filters, page: 1, pageSize: 200 }) });
  const status = useDeskStatus();
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  if (!list.data || !status.data) return null;
  const county = status.data.county?.name ?? '';
  return (
    <Stack maw={1000}>
      <PrintToolbar back={{ to: '/enterprises/vacancies', label: '返回岗位' }} record={{ document: '岗位信息表', entityType: 'vacancies', entityId: String(list.data.items.length) }} />
      <div className="print-document compact-table" data-testid="vacancy-sheet">
        <Text ta="center">{county}公共就业服务机构</Text>
        <Title order={2} ta="center" mb="xs">岗位信息表</Title>
        <Text ta="center" size="sm" mb="md">发布日期：{formatChineseDate(officeDate(new Date()))}，共 {list.data.total} 个岗位，{list.data.items.reduce((n, v) => n + v.openings, 0)} 人</Text>
        <Table withTableBorder style={{ tableLayout: 'fixed', width: '100%' }}>
          <colgroup>{COLUMNS.map(([label, width]) => <col key={label} style={{ width }} />)}</colgroup>
          <Table.Thead>
            <Table.Tr>{COLUMNS.map(([label]) => <Table.Th key={label} style={{ whiteSpace: 'nowrap' }}>{label}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((v, i) => (
              <Table.Tr key={v.id}>
                <Table.Td>{i + 1}</Table.Td><Table.Td>{v.enterpriseName}</Table.Td><Table.Td>{v.title}</Table.Td><Table.Td>{v.openings}</Table.Td>
                <Table.Td>{formatSalaryRange(v.salaryMinFen, v.salaryMaxFen)}</Table.Td><Table.Td>{labelOf(EDUCATION_LEVELS, v.educationCode) || '不限'}</Table.Td>
                <Table.Td>{[v.experienceYears ? `${v.experienceYears}年以上经验` : '', v.requirements ?? ''].filter(Boolean).join('；') || '—'}</Table.Td>
                <Table.Td>{v.workPlace ?? '—'}</Table.Td><Table.Td>{v.validTo}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data.total > list.data.items.length && <Text size="sm" mt="xs">（仅列出前 {list.data.items.length} 个岗位，请按职业大类分别打印）</Text>}
        <Text mt="md">应聘请携带身份证到{county}人力资源和社会保障局就业服务窗口咨询登记，服务免费。</Text>
      </div>
    </Stack>
  );
}
