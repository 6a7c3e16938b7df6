/**
 * The disk-fault drill's child, run inside a user and mount namespace with
 * its folder on a tiny tmpfs (disk-faults.ts): a real filesystem that really
 * fills up (ENOSPC) and can really be made read-only (EROFS), without root.
 * It sets a desk up there, fills the disk with a ballast file, and records
 * what staff would see when an import, a backup and the provincial export run
 * out of space — and what the database holds afterwards. Then the filesystem
 * is opened read-only. Prints one JSON report.
 *
 *   unshare -rm sh -c 'mount -t tmpfs -o size=8m tmpfs DIR && exec node --import tsx tests/drills/disk-worker.ts DIR'
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { publicKeyDocument } from '../../db/exchange/key-files';
import { generateSm2KeyPair, keyIdOf } from '../../db/exchange/package-file';
import type { RpcResult } from '../../shared/rpc';
import { drillIdNumber } from './crash-drill';
import { initialize, openDrillDesk, unwrap } from './drill-desk';

const dir = process.argv[2] ?? '';
if (!dir) throw new Error('usage: disk-worker.ts <dir on a tiny filesystem>');
const drill = openDrillDesk(dir, { now: () => new Date() });
const { desk } = drill;
const session = initialize(drill);
const call = (method: string, input: unknown = {}): RpcResult<unknown> => desk.call(session, method, input).result;
const count = (table: string) => (desk.database().sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const integrity = () => desk.database().sqlite.pragma('integrity_check', { simple: true });
const ballast = join(dir, 'ballast');

/** Fills the filesystem, leaving `keepBytes` free. */
function fillDisk(keepBytes: number): void {
  rmSync(ballast, { force: true });
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  if (free > keepBytes) writeFileSync(ballast, Buffer.alloc(free - keepBytes));
}
function freeDisk(): void {
  rmSync(ballast, { force: true });
}
function listed(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true }).map(String);
  } catch {
    return [];
  }
}
const outcome = (result: RpcResult<unknown>) => (result.ok ? { ok: true } : { ok: false, code: result.error.code, message: result.error.message });

async function jobOutcome(result: RpcResult<unknown>): Promise<{ ok: boolean; state?: string; message?: string | null; code?: string }> {
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  const done = await desk.jobs.settled((result.value as { id: string }).id);
  return { ok: done.state === 'done', state: done.state, message: done.error };
}

async function rosterXlsx(rows: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['*姓名', '*公民身份号码', '联系电话', '现居住地']);
  for (let i = 1; i <= rows; i += 1) sheet.addRow(['郑' + '一二三四五六七八九'[i % 9]!, drillIdNumber(900, i), `1370000${String(i).padStart(4, '0')}`, '苏州市吴中区长桥街道'.repeat(4)]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const report: Record<string, unknown> = {};
for (let i = 1; i <= 20; i += 1) unwrap(call('persons.register', { idNumber: drillIdNumber(901, i), name: '周敏', phone: `1380000${String(i).padStart(4, '0')}` }), 'register');

// An import of 3,000 rows with 16 KB left.
{
  const base64 = await rosterXlsx(3000);
  const before = count('persons');
  fillDisk(16 * 1024);
  const job = await jobOutcome(call('persons.importStart', { fileName: '花名册.xlsx', base64, dryRun: false }));
  const after = count('persons');
  const readWhileFull = outcome(call('persons.search', { query: '周' }));
  freeDisk();
  report.import = { job, before, after, integrity: integrity(), readWhileFull, registerAfterFreeing: outcome(call('persons.register', { idNumber: drillIdNumber(901, 99), name: '周敏', phone: '13800009999' })) };
}

// A backup into the data folder with less room than the database.
{
  fillDisk(64 * 1024);
  const job = await jobOutcome(call('backups.start', {}));
  const left = listed(join(dir, 'data', 'backups'));
  freeDisk();
  report.backup = { job, left, integrity: integrity(), afterFreeing: await jobOutcome(call('backups.start', {})) };
}

// The provincial export into an outbox on the full disk.
{
  const pair = generateSm2KeyPair();
  unwrap(call('exchange.generateCountyKey', { reason: '首次对接省级系统' }), 'county key');
  unwrap(call('exchange.importProvinceKey', { fileName: 'province.pub', content: publicKeyDocument({ code: '320000', name: '江苏省', keyId: keyIdOf(pair.publicKey), publicKey: pair.publicKey, createdAt: '2026-11-27T00:00:00.000Z' }) }), 'province key');
  unwrap(call('exchange.saveSettings', { outboxDir: join(dir, 'outbox'), schedule: { kind: 'off' } }), 'settings');
  // Full to the last byte (the start itself cannot commit), then with a little room (the package or its record cannot be written).
  const attempts = [];
  for (const keep of [0, 8 * 1024, 24 * 1024, 48 * 1024]) {
    fillDisk(keep);
    const job = await jobOutcome(call('exchange.exportStart', {}));
    const history = unwrap<Array<{ sequence: number; status: string }>>(call('exchange.history', { limit: 10 }), 'history');
    freeDisk();
    attempts.push({ keep, job, sent: history.map((p) => p.sequence), outbox: listed(join(dir, 'outbox')), integrity: integrity() });
    call('persons.register', { idNumber: drillIdNumber(902, keep + 1), name: '周敏', phone: `1390000${String(keep % 10_000).padStart(4, '0')}` });
  }
  const again = await jobOutcome(call('exchange.exportStart', {}));
  const after = unwrap<Array<{ sequence: number; status: string }>>(call('exchange.history', { limit: 10 }), 'history');
  report.export = { attempts, afterFreeing: { job: again, sent: after.map((p) => p.sequence), integrity: integrity() } };
}

// The same folder, read-only (a write-protected share, a disk the system remounted read-only): the desk is opened there.
{
  desk.close();
  const readOnly = `${dir}-ro`;
  execFileSync('mkdir', ['-p', readOnly]);
  execFileSync('mount', ['--bind', dir, readOnly]);
  execFileSync('mount', ['-o', 'remount,bind,ro', readOnly]);
  try {
    const opened = openDrillDesk(readOnly, { now: () => new Date() });
    const state = opened.desk.state();
    const login = opened.desk.call(null, 'auth.login', { username: 'wangfang', password: 'Desk-2026-pass' }).result;
    opened.desk.close();
    report.readOnly = { state, login: outcome(login), logs: opened.logs };
  } catch (error) {
    report.readOnly = { threw: `${(error as Error).name}: ${(error as Error).message}` };
  }
}
report.logs = drill.logs;
process.stdout.write(`${JSON.stringify(report)}\n`);
