import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportReport, JobView } from '../../shared/contract';
import { expectOk, readyDesk, type ReadyDesk } from './helpers';

/** A roster whose ID column has a header nobody taught the app: 证件号. */
async function rosterWithOddHeader(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['姓名', '证件号', '手机']);
  sheet.addRow(['王建国', '320102199003071239', '13912345678']);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function runImport(ready: ReadyDesk, base64: string, dryRun: boolean, mapping?: Record<string, string>): Promise<ImportReport> {
  const started = expectOk<JobView>(ready.call('persons.importStart', { fileName: '名单.xlsx', base64, dryRun, ...(mapping ? { mapping } : {}) }));
  const job = await ready.desk.jobs.settled(started.id);
  expect(job.state, job.error ?? '').toBe('done');
  return job.result as ImportReport;
}

describe('column mapping of a roster', () => {
  it('names the missing required column and shows how each header was read', async () => {
    const ready = readyDesk();
    const report = await runImport(ready, await rosterWithOddHeader(), true);
    expect(report.missingRequired).toEqual(['身份证号']);
    expect(report.columns).toEqual([
      { header: '姓名', field: 'name' },
      { header: '证件号', field: null },
      { header: '手机', field: 'phone' },
    ]);
    expect(report.nothingWritten).toBe(true);
  });

  it('reads the column as mapped, and remembers the mapping for the next import of that layout', async () => {
    const ready = readyDesk();
    const base64 = await rosterWithOddHeader();
    const mapped = await runImport(ready, base64, true, { 证件号: 'idNumber' });
    expect(mapped).toMatchObject({ missingRequired: [], valid: 1, created: 1 });
    const later = await runImport(ready, base64, false);
    expect(later).toMatchObject({ missingRequired: [], created: 1, nothingWritten: false });
    expect(ready.desk.database().sqlite.prepare("select count(*) as n from persons where id_number = '320102199003071239'").get()).toEqual({ n: 1 });
  });

  it('lets staff ignore a column on purpose', async () => {
    const ready = readyDesk();
    const report = await runImport(ready, await rosterWithOddHeader(), true, { 证件号: 'idNumber', 手机: '' });
    expect(report.columns.find((c) => c.header === '手机')).toEqual({ header: '手机', field: null });
  });
});
