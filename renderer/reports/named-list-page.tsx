import { Alert, Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ReportFigure } from '../../shared/contract/reports';
import type { BreakdownDimension } from '../../shared/domain/statistics';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { Pager } from '../shell/pager';
import { PrintToolbar } from '../shell/print-toolbar';

const PAGE_SIZE = 500;

/** 实名制台账: the persons (or vacancies) behind one figure of the monthly report, masked; printed or saved as xlsx, audited. */
export function NamedListPage() {
  const [params] = useSearchParams();
  const period = params.get('period') ?? '';
  const figure = (params.get('figure') ?? 'new_employment') as ReportFigure;
  const dimension = (params.get('dimension') ?? undefined) as BreakdownDimension | undefined;
  const value = params.get('value') ?? undefined;
  const filter = { period, figure, ...(dimension ? { dimension } : {}), ...(value !== undefined ? { value } : {}) };
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['reports.namedList', filter, page], queryFn: () => call('reports.namedList', { ...filter, page, pageSize: PAGE_SIZE }) });
  const exportFile = useMutation({ mutationFn: () => call('reports.exportNamedList', filter), onSuccess: (f) => downloadBase64(f.fileName, f.base64, XLSX_TYPE) });
  const l = list.data;
  return (
    <Stack>
      <PrintToolbar back={{ to: `/reports?period=${period}`, label: '返回月报' }} record={{ document: `实名制台账：${l?.title ?? figure}`, entityType: 'report', entityId: period }} disabled={!l}>
        <Button variant="default" loading={exportFile.isPending} onClick={() => exportFile.mutate()} disabled={!l}>导出Excel</Button>
      </PrintToolbar>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {exportFile.isError && <Alert color="red">{errorMessage(exportFile.error)}</Alert>}
      {l && (
        <div className="print-document compact-table landscape" data-testid="named-list">
          <Title order={3} ta="center" mb="xs">实名制台账</Title>
          <Text ta="center" mb="sm" data-testid="named-list-title">{l.title}</Text>
          <Text size="sm" mb="xs">共 {l.total} {figure === 'vacancies' ? '个岗位' : '人'}</Text>
          <Table withTableBorder withColumnBorders striped className="keep-lines">
            <Table.Thead><Table.Tr>{l.columns.map((c) => <Table.Th key={c}>{c}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {l.rows.map((r) => (
                <Table.Tr key={r.key}>
                  {r.cells.map((c, i) => (
                    <Table.Td key={i}>{i === 1 && r.link ? <Anchor component={Link} to={r.link}>{c}</Anchor> : (c ?? '—')}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager className="no-print" mt="sm" total={l.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </div>
      )}
    </Stack>
  );
}
