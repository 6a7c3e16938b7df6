import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FactImportView, ImportReport } from '../../shared/contract';
import { officeDate, formatOfficeTimestamp } from '../../shared/domain/dates';
import { isIsoDate } from '../../shared/domain/calendar';
import { FACT_COLUMNS, FACT_SOURCE_INFO, FACT_SOURCES, type FactSource } from '../../shared/domain/department-facts';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { ImportPanel, type ImportKindUi } from '../app/import-page';
import { PagedList } from '../shell/paged-list';

/** The counts of department data: rows matched to the registry and written, rows naming nobody here. */
function factSummary(report: ImportReport): string {
  const matched = report.matched ?? 0;
  const unmatched = report.unmatched ?? 0;
  if (report.dryRun) return `试导入结果（尚未写入）：与本县登记匹配 ${matched} 行，将写入；未在本县登记 ${unmatched} 行，不写入`;
  if (report.nothingWritten) return report.valid === 0 ? '没有有效的行，未写入任何数据' : '未写入任何数据';
  return `已写入 ${matched} 行；未在本县登记 ${unmatched} 行，未写入`;
}

function factKind(source: FactSource, asOf: string): ImportKindUi {
  const info = FACT_SOURCE_INFO[source];
  const columns = FACT_COLUMNS[source];
  return {
    title: '部门数据比对',
    start: (input) => call('facts.importStart', { ...input, source, asOf }),
    template: () => call('facts.importTemplate', { source }),
    fields: columns.map((c) => [c.field, c.label] as const),
    unit: '行',
    refresh: 'facts.imports',
    summary: factSummary,
    help: `${info.department}：${info.content}。按${info.target === 'person' ? '身份证号与本县登记的人员' : '统一社会信用代码与本县登记的企业'}比对，未在本县登记的行只列出、不写入；每次导入单独保存，不覆盖以前的数据。表头：${columns.map((c) => (c.required ? `${c.label}（必填）` : c.label)).join('、')}。`,
  };
}

/** Why the 数据截止日期 typed cannot be used yet; null when it can. */
function asOfProblem(asOf: string): string | null {
  if (asOf === '') return null;
  if (!isIsoDate(asOf)) return '日期格式应为 YYYY-MM-DD，例如 2026-10-31';
  if (asOf > officeDate(new Date())) return '数据截止日期不能晚于今天';
  return null;
}

function ImportsHistory() {
  const [source, setSource] = useState<FactSource | null>(null);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>导入记录</Title>
        <Select label="数据来源" w={180} clearable placeholder="全部" value={source} onChange={(v) => setSource(v as FactSource | null)}
          data={FACT_SOURCES.map(([value, label]) => ({ value, label }))} />
      </Group>
      <PagedList<{ items: FactImportView[]; total: number }>
        key={source ?? 'all'}
        method="facts.imports"
        fetchPage={(page, pageSize) => call('facts.imports', { page, pageSize, ...(source ? { source } : {}) })}
        pageSize={20}
        testId="fact-imports"
        summary={(data) => <Text size="sm" c="dimmed">共 {data.total} 次导入</Text>}
        columns={['导入时间', '数据来源', '数据截止日期', '文件', '行数', '匹配', '未在本县登记', '有误', '导入人']}
        row={(i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{formatOfficeTimestamp(i.importedAt)}</Table.Td><Table.Td>{i.sourceLabel}</Table.Td><Table.Td>{i.asOf}</Table.Td>
            <Table.Td>{i.fileName}</Table.Td><Table.Td>{i.rows}</Table.Td><Table.Td>{i.matched}</Table.Td><Table.Td>{i.unmatched}</Table.Td>
            <Table.Td c={i.invalid > 0 ? 'red' : undefined}>{i.invalid}</Table.Td><Table.Td>{i.importedByName ?? '命令行'}</Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

/** 部门数据比对: pick the source and its 数据截止日期, dry-run the file, import it; the imports so far below. */
export function FactsPage() {
  const [source, setSource] = useState<FactSource>('person_insurance');
  const [asOf, setAsOf] = useState('');
  const problem = asOfProblem(asOf.trim());
  const kind = factKind(source, asOf.trim());
  const template = useMutation({ mutationFn: () => kind.template(), onSuccess: (f) => downloadBase64(f.fileName, f.base64, XLSX_TYPE) });
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>部门数据比对</Title>
        <Button variant="default" onClick={() => template.mutate()}>下载{FACT_SOURCE_INFO[source].label}导入模板</Button>
      </Group>
      {template.isError && <Text c="red">{errorMessage(template.error)}</Text>}
      {/* Department lists are meaningful whole: a partly written list would leave the people on its bad rows "not on the list". */}
      <ImportPanel kind={kind} ready={asOf.trim() !== '' && problem === null} choices={`${source}|${asOf.trim()}`} defaultAllOrNothing>
        <Group align="flex-start">
          <Select label="数据来源" withAsterisk w={220} allowDeselect={false} description="文件来自哪个部门" value={source} onChange={(v) => v && setSource(v as FactSource)}
            data={FACT_SOURCES.map(([value, label]) => ({ value, label: `${label}（${FACT_SOURCE_INFO[value].department}）` }))} />
          <TextInput label="数据截止日期" withAsterisk w={180} maxLength={10} placeholder="YYYY-MM-DD" value={asOf} error={problem}
            description="文件所反映情况的日期" onChange={(e) => setAsOf(e.currentTarget.value)} />
        </Group>
      </ImportPanel>
      <ImportsHistory />
    </Stack>
  );
}
