import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import type { ImportReport, JobView } from '../../shared/contract';
import { openDesk, str, type Options } from './commands';
import { CliError, readPassword, unwrap } from './io';

type Print = (line: string) => void;

/** What `import KIND` starts, and what its counts count. */
export const IMPORT_KINDS = {
  persons: { method: 'persons.importStart', unit: '人' },
  enterprises: { method: 'enterprises.importStart', unit: '家' },
  vacancies: { method: 'vacancies.importStart', unit: '个' },
} as const;

/**
 * `import persons|enterprises|vacancies FILE.xlsx --db PATH [--dry-run] [--all-or-nothing] [--json]`:
 * the same job as the UI's import, waited for, with the same report. Without
 * --user it acts as the command line (audited as such); with --user it logs in.
 * Resolves to the exit code: 1 when any row is bad, so scripts notice.
 */
export async function importSheet(kindName: keyof typeof IMPORT_KINDS, file: string | undefined, options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const kind = IMPORT_KINDS[kindName];
  if (!file) throw new CliError(`请给出要导入的 Excel 文件：import ${kindName} FILE.xlsx --db PATH`, 2);
  const path = resolve(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new CliError(`无法读取文件：${path}`, 2);
  }
  const desk = openDesk(options, env, 'import');
  try {
    const input = { fileName: basename(path), base64: bytes.toString('base64'), dryRun: options['dry-run'] === true, allOrNothing: options['all-or-nothing'] === true };
    const username = str(options, 'user');
    let started: JobView;
    if (username) {
      const login = desk.call(null, 'auth.login', { username, password: readPassword(str(options, 'password-file'), env) });
      unwrap(login.result);
      const session = login.session && 'set' in login.session ? login.session.set : null;
      started = unwrap(desk.call(session, kind.method, input).result) as JobView;
    } else {
      started = unwrap(desk.callAsCommandLine(userInfo().username, kind.method, input)) as JobView;
    }
    const job = await desk.jobs.settled(started.id);
    if (job.state !== 'done') throw new CliError(job.error ?? '导入未完成', 1);
    const report = job.result as ImportReport;
    if (report.missingRequired.length > 0) {
      throw new CliError(`第 ${report.headerRowNumber} 行表头缺少必需的列：${report.missingRequired.join('、')}（可在界面上指定列的对应关系）`, 1);
    }
    if (options.json) {
      const { total, valid, invalid, created, updated, unchanged, rows } = report;
      print(JSON.stringify({ total, valid, invalid, created, updated, unchanged, rows }));
    } else {
      printReport(report, kind.unit, print);
    }
    return report.invalid > 0 ? 1 : 0;
  } finally {
    desk.close();
  }
}

function printReport(r: ImportReport, unit: string, print: Print): void {
  print(`工作表「${r.sheetName}」，表头在第 ${r.headerRowNumber} 行；共 ${r.total} 行，有效 ${r.valid} 行，有误 ${r.invalid} 行`);
  print(`${r.dryRun ? '（试导入，未写入）将' : ''}新增 ${r.created} ${unit}，更新 ${r.updated} ${unit}，无变化 ${r.unchanged} ${unit}${r.nothingWritten && !r.dryRun ? '；因存在有误的行，按“全部或不导入”未写入任何数据' : ''}`);
  if (r.unknownHeaders.length) print(`未识别的列（已忽略）：${r.unknownHeaders.join('、')}`);
  for (const p of r.rows) print(`第 ${p.row} 行\t${p.column}\t${p.value || '（空）'}\t${p.reason}`);
}
