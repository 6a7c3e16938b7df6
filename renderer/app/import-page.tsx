import { Alert, Button, Checkbox, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ImportReport, InputOf, JobView } from '../../shared/contract';
import { ENTERPRISE_IMPORT_FIELDS, PERSON_IMPORT_FIELDS, VACANCY_IMPORT_FIELDS } from '../../shared/contract/import-fields';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { fileToBase64, useJobMutation } from '../api/jobs';
import { JobProgress } from '../shell/job-progress';
import { ColumnMapping, ReportView } from './import-report';

/** The file and the choices every spreadsheet import takes. */
export type ImportStartInput = InputOf<'persons.importStart'>;

/** What differs between the spreadsheet imports (persons, enterprises, vacancies, department data); the screen is the same. */
export interface ImportKindUi {
  title: string;
  start(input: ImportStartInput): Promise<JobView>;
  template(): Promise<{ fileName: string; base64: string }>;
  fields: ReadonlyArray<readonly [string, string]>;
  /** 人, 家, 个: what the counts count. */
  unit: string;
  help: string;
  back?: { to: string; label: string };
  /** Query keys to refresh after a real import. */
  refresh: string;
  /** The report's line of counts, when the kind counts otherwise (department data: matched and unmatched rows). */
  summary?: (report: ImportReport) => string;
}

function countsLine(report: ImportReport, unit: string): string {
  return `${report.dryRun ? '试导入结果（尚未写入）：将' : '已'}新增 ${report.created} ${unit}，更新 ${report.updated} ${unit}，无变化 ${report.unchanged} ${unit}`;
}

export const PERSON_IMPORT_UI: ImportKindUi = {
  title: '人员 Excel 导入', start: (input) => call('persons.importStart', input), template: () => call('persons.importTemplate', {}), fields: PERSON_IMPORT_FIELDS, unit: '人', refresh: 'persons.search',
  help: '可直接使用各乡镇的花名册：常见表头（姓名、身份证号/公民身份号码、联系电话、性别、出生日期、文化程度、户口性质、现居住地……）会自动识别。先试导入查看逐行校验结果，再确认导入。已登记的人按身份证号匹配，只更新有变化的项目。',
  back: { to: '/persons', label: '返回查询' },
};

export const ENTERPRISE_IMPORT_UI: ImportKindUi = {
  title: '企业 Excel 导入', start: (input) => call('enterprises.importStart', input), template: () => call('enterprises.importTemplate', {}), fields: ENTERPRISE_IMPORT_FIELDS, unit: '家', refresh: 'enterprises.search',
  help: '常见表头（统一社会信用代码/注册号、单位名称、所属行业、经济类型、企业规模、地址、参保人数、联系人、联系电话）会自动识别。已登记的企业按统一社会信用代码匹配，只更新有变化的项目并记入更正记录。',
  back: { to: '/enterprises', label: '返回企业查询' },
};

export const VACANCY_IMPORT_UI: ImportKindUi = {
  title: '岗位 Excel 导入', start: (input) => call('vacancies.importStart', input), template: () => call('vacancies.importTemplate', {}), fields: VACANCY_IMPORT_FIELDS, unit: '个', refresh: 'vacancies.search',
  help: '每行一个岗位，按统一社会信用代码找到已登记的企业（未登记的请先登记或导入企业）。同一企业同名的在招岗位视为同一岗位，有变化时更新。月薪以元填写。',
  back: { to: '/enterprises/vacancies', label: '返回岗位' },
};

/**
 * The import itself: the file, dry run with a row-by-row report, then commit valid rows or
 * all-or-nothing. `children` are the choices a kind needs besides the file (department data:
 * source and 数据截止日期); `ready` says they are filled, and a change of `choices` drops a
 * report made with other ones, so nothing is imported on a dry run of something else.
 */
export function ImportPanel({ kind, children, ready = true, choices = '', defaultAllOrNothing = false }: {
  kind: ImportKindUi; children?: ReactNode; ready?: boolean; choices?: string; defaultAllOrNothing?: boolean;
}) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(defaultAllOrNothing);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const { start, job, jobId, forget } = useJobMutation(
    async ({ dryRun, columns }: { dryRun: boolean; columns?: Record<string, string> }) =>
      kind.start({ fileName: file!.name, base64: await fileToBase64(file!), dryRun, allOrNothing, ...(columns ? { mapping: columns } : {}) }),
    (e) => setError(errorMessage(e)),
  );
  const report = job?.state === 'done' ? (job.result as ImportReport) : null;
  const running = job?.state === 'running';

  useEffect(() => {
    if (report && !report.dryRun) void queryClient.invalidateQueries({ queryKey: [kind.refresh] });
  }, [report, queryClient, kind.refresh]);
  const [shownChoices, setShownChoices] = useState(choices);
  if (shownChoices !== choices) {
    setShownChoices(choices);
    forget();
    setError(null);
  }

  return (
    <Stack>
      <Paper withBorder p="lg">
        <Stack>
          <Text size="sm" c="dimmed">{kind.help}</Text>
          {children}
          <FileInput label="Excel 文件（.xlsx）" placeholder="选择文件" accept=".xlsx" value={file} onChange={(f) => { setFile(f); forget(); setError(null); }} clearable />
          <Checkbox label="全部或不导入：有任何一行有误时，不写入任何数据" checked={allOrNothing} onChange={(e) => setAllOrNothing(e.currentTarget.checked)} />
          <Group>
            <Button variant="light" disabled={!file || !ready || running} loading={start.isPending} onClick={() => { setError(null); start.mutate({ dryRun: true }); }}>试导入（只校验）</Button>
            <Button disabled={!file || !ready || running || !report?.dryRun || report.missingRequired.length > 0} onClick={() => { setError(null); start.mutate({ dryRun: false, columns: mapping }); }}>确认导入</Button>
            {running && <Button color="red" variant="subtle" onClick={() => void call('jobs.cancel', { id: jobId! })}>取消</Button>}
          </Group>
        </Stack>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      {job && job.state === 'running' && (
        <Paper withBorder p="md">
          <JobProgress job={job} testId="import-progress" />
        </Paper>
      )}
      {job?.state === 'failed' && <Alert color="red">{job.error}</Alert>}
      {job?.state === 'cancelled' && <Alert color="gray">已取消，未写入任何数据。</Alert>}
      {report && <ColumnMapping key={job!.id} fields={kind.fields} report={report} onApply={(m) => { setMapping(m); setError(null); start.mutate({ dryRun: true, columns: m }); }} />}
      {report && report.missingRequired.length === 0 && <ReportView report={report} summary={kind.summary ? kind.summary(report) : countsLine(report, kind.unit)} />}
    </Stack>
  );
}

/** Excel 导入: template, dry run with a row-by-row report, then commit valid rows or all-or-nothing. */
export function ImportPage({ kind = PERSON_IMPORT_UI }: { kind?: ImportKindUi }) {
  const template = useMutation({
    mutationFn: () => kind.template(),
    onSuccess: (f) => downloadBase64(f.fileName, f.base64, XLSX_TYPE),
  });
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{kind.title}</Title>
        <Group>
          <Button variant="default" onClick={() => template.mutate()}>下载导入模板</Button>
          {kind.back && <Button variant="default" component={Link} to={kind.back.to}>{kind.back.label}</Button>}
        </Group>
      </Group>
      <ImportPanel kind={kind} />
    </Stack>
  );
}
