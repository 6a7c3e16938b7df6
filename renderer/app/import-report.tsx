import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportReport } from '../../shared/contract';

/** Which field each column is read as; staff can correct it and the choice is remembered. */
export function ColumnMapping({ fields, report, onApply }: { fields: ReadonlyArray<readonly [string, string]>; report: ImportReport; onApply: (mapping: Record<string, string>) => void }) {
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const options = [{ value: '', label: '（忽略此列）' }, ...fields.map(([value, label]) => ({ value, label }))];
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">列的对应关系</Text>
      {report.missingRequired.length > 0 && <Alert color="red" mb="xs">缺少必需的列：{report.missingRequired.join('、')}。请指定表中哪一列是它。</Alert>}
      <Group gap="xs" align="flex-end">
        {report.columns.map((c) => (
          <Select key={c.header} w={150} label={c.header} data={options} allowDeselect={false}
            value={mapping[c.header] ?? c.field ?? ''} onChange={(v) => setMapping((m) => ({ ...m, [c.header]: v ?? '' }))} />
        ))}
        <Button variant="light" disabled={Object.keys(mapping).length === 0} onClick={() => onApply(mapping)}>按此对应重新试导入</Button>
      </Group>
    </Paper>
  );
}

type ReportRow = ImportReport['rows'][number];
type RowFilter = 'all' | 'problem' | 'unmatched' | 'warning';

const KIND_BADGES: Record<Exclude<RowFilter, 'all'>, [string, string]> = { problem: ['有误', 'red'], unmatched: ['未在本县登记', 'gray'], warning: ['提示', 'orange'] };
const kindOf = (r: ReportRow): Exclude<RowFilter, 'all'> => r.kind ?? 'problem';
/** A department's list may name tens of thousands of people from elsewhere: the table shows a page of them. */
const SHOWN = 500;

/** The rows the import said something about: problems, and (department data) 未在本县登记 and 提示, filterable. */
function ReportRows({ rows }: { rows: ReportRow[] }) {
  const [filter, setFilter] = useState<RowFilter>('all');
  const kinds = new Set(rows.map(kindOf));
  const shown = filter === 'all' ? rows : rows.filter((r) => kindOf(r) === filter);
  const count = (k: Exclude<RowFilter, 'all'>) => rows.filter((r) => kindOf(r) === k).length;
  return (
    <Stack gap="xs">
      {kinds.size > 1 && (
        <SegmentedControl value={filter} onChange={(v) => setFilter(v as RowFilter)} w="fit-content" aria-label="筛选"
          data={[{ value: 'all', label: `全部 ${rows.length}` }, ...(['problem', 'unmatched', 'warning'] as const).filter((k) => kinds.has(k)).map((k) => ({ value: k, label: `${KIND_BADGES[k][0]} ${count(k)}` }))]} />
      )}
      <Table withTableBorder striped data-testid="import-rows">
        <Table.Thead>
          <Table.Tr><Table.Th>行号</Table.Th>{kinds.size > 1 || !kinds.has('problem') ? <Table.Th>类型</Table.Th> : null}<Table.Th>列</Table.Th><Table.Th>内容</Table.Th><Table.Th>原因</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.slice(0, SHOWN).map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{r.row}</Table.Td>
              {kinds.size > 1 || !kinds.has('problem') ? <Table.Td><Badge variant="light" color={KIND_BADGES[kindOf(r)][1]}>{KIND_BADGES[kindOf(r)][0]}</Badge></Table.Td> : null}
              <Table.Td>{r.column}</Table.Td><Table.Td ff="monospace">{r.value || '（空）'}</Table.Td><Table.Td>{r.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown.length > SHOWN && <Text size="sm" c="dimmed">仅显示前 {SHOWN} 条，共 {shown.length} 条。</Text>}
    </Stack>
  );
}

/** The report of a dry run or an import: the sheet read, the counts, then the rows it said something about. */
export function ReportView({ report, summary }: { report: ImportReport; summary: string }) {
  return (
    <Stack data-testid="import-report">
      <Text>
        工作表「{report.sheetName}」，表头在第 {report.headerRowNumber} 行。共 {report.total} 行：有效 {report.valid} 行，有误 {report.invalid} 行。
      </Text>
      <Text fw={600} data-testid="import-summary">
        {summary}
        {!report.dryRun && report.nothingWritten && report.invalid > 0 && report.allOrNothing ? '；因存在有误的行，未写入任何数据' : ''}
      </Text>
      {report.unknownHeaders.length > 0 && <Alert color="gray">未识别的列（已忽略）：{report.unknownHeaders.join('、')}</Alert>}
      {report.rows.length > 0 && <ReportRows rows={report.rows} />}
    </Stack>
  );
}
