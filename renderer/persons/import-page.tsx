import { Alert, Button, Checkbox, FileInput, Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ImportReport } from '../../shared/contract';
import { PERSON_IMPORT_FIELDS } from '../../shared/contract/imports';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { fileToBase64, useJob } from '../api/jobs';

/** Which field each column is read as; staff can correct it and the choice is remembered. */
function ColumnMapping({ report, onApply }: { report: ImportReport; onApply: (mapping: Record<string, string>) => void }) {
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const options = [{ value: '', label: '（忽略此列）' }, ...PERSON_IMPORT_FIELDS.map(([value, label]) => ({ value, label }))];
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

function ReportView({ report }: { report: ImportReport }) {
  return (
    <Stack data-testid="import-report">
      <Text>
        工作表「{report.sheetName}」，表头在第 {report.headerRowNumber} 行。共 {report.total} 行：有效 {report.valid} 行，有误 {report.invalid} 行。
      </Text>
      <Text fw={600} data-testid="import-summary">
        {report.dryRun ? '试导入结果（尚未写入）：将' : '已'}新增 {report.created} 人，更新 {report.updated} 人，无变化 {report.unchanged} 人
        {!report.dryRun && report.nothingWritten && report.invalid > 0 && report.allOrNothing ? '；因存在有误的行，未写入任何数据' : ''}
      </Text>
      {report.unknownHeaders.length > 0 && <Alert color="gray">未识别的列（已忽略）：{report.unknownHeaders.join('、')}</Alert>}
      {report.rows.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr><Table.Th>行号</Table.Th><Table.Th>列</Table.Th><Table.Th>内容</Table.Th><Table.Th>原因</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.row}</Table.Td><Table.Td>{r.column}</Table.Td><Table.Td ff="monospace">{r.value || '（空）'}</Table.Td><Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** 人员 Excel 导入: template, dry run with a row-by-row report, then commit valid rows or all-or-nothing. */
export function ImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId);
  const report = job?.state === 'done' ? (job.result as ImportReport) : null;
  const running = job?.state === 'running';

  const [mapping, setMapping] = useState<Record<string, string>>({});
  const start = useMutation({
    mutationFn: async ({ dryRun, columns }: { dryRun: boolean; columns?: Record<string, string> }) =>
      call('persons.importStart', { fileName: file!.name, base64: await fileToBase64(file!), dryRun, allOrNothing, ...(columns ? { mapping: columns } : {}) }),
    onSuccess: (view) => setJobId(view.id),
    onError: (e) => setError(errorMessage(e)),
  });
  const template = useMutation({
    mutationFn: () => call('persons.importTemplate', {}),
    onSuccess: (f) => downloadBase64(f.fileName, f.base64, XLSX_TYPE),
  });
  useEffect(() => {
    if (report && !report.dryRun) void queryClient.invalidateQueries({ queryKey: ['persons.search'] });
  }, [report, queryClient]);

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>人员 Excel 导入</Title>
        <Group>
          <Button variant="default" onClick={() => template.mutate()}>下载导入模板</Button>
          <Button variant="default" component={Link} to="/persons">返回查询</Button>
        </Group>
      </Group>
      <Paper withBorder p="lg">
        <Stack>
          <Text size="sm" c="dimmed">
            可直接使用各乡镇的花名册：常见表头（姓名、身份证号/公民身份号码、联系电话、性别、出生日期、文化程度、户口性质、现居住地……）会自动识别。先试导入查看逐行校验结果，再确认导入。已登记的人按身份证号匹配，只更新有变化的项目。
          </Text>
          <FileInput label="Excel 文件（.xlsx）" placeholder="选择文件" accept=".xlsx" value={file} onChange={(f) => { setFile(f); setJobId(null); setError(null); }} clearable />
          <Checkbox label="全部或不导入：有任何一行有误时，不写入任何数据" checked={allOrNothing} onChange={(e) => setAllOrNothing(e.currentTarget.checked)} />
          <Group>
            <Button variant="light" disabled={!file || running} loading={start.isPending} onClick={() => { setError(null); start.mutate({ dryRun: true }); }}>试导入（只校验）</Button>
            <Button disabled={!file || running || !report?.dryRun || report.missingRequired.length > 0} onClick={() => { setError(null); start.mutate({ dryRun: false, columns: mapping }); }}>确认导入</Button>
            {running && <Button color="red" variant="subtle" onClick={() => void call('jobs.cancel', { id: jobId! })}>取消</Button>}
          </Group>
        </Stack>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      {job && job.state === 'running' && (
        <Paper withBorder p="md">
          <Text size="sm" mb={4}>{job.progress.phase}{job.progress.total ? `：${job.progress.done} / ${job.progress.total}` : '…'}</Text>
          <Progress data-testid="import-progress" value={job.progress.total ? (job.progress.done / job.progress.total) * 100 : 5} animated />
        </Paper>
      )}
      {job?.state === 'failed' && <Alert color="red">{job.error}</Alert>}
      {job?.state === 'cancelled' && <Alert color="gray">已取消，未写入任何数据。</Alert>}
      {report && <ColumnMapping key={job!.id} report={report} onApply={(m) => { setMapping(m); setError(null); start.mutate({ dryRun: true, columns: m }); }} />}
      {report && report.missingRequired.length === 0 && <ReportView report={report} />}
    </Stack>
  );
}
