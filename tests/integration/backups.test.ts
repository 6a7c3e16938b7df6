import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupCreated, BackupList, BackupVerdict, CaseView, JobView } from '../../shared/contract';
import { runCliAsync } from '../../electron/cli/run';
import { expectOk, keyedConnection, login, openDesk, readyDesk, type ReadyDesk } from './helpers';
import { createCase, registerPerson, UNEMPLOYMENT_FORM } from './cases-helpers';
import { LI_XIUYING, ZHANG_SAN, register } from './registry-helpers';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCliAsync(argv, {}, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

const scan = (n: number) => Buffer.from(`%PDF-1.4\n% scan ${n}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

/** Where the attachment store keeps a file, relative to the data folder. */
const stored = (content: Buffer) => {
  const sha = createHash('sha256').update(content).digest('hex');
  return `attachments/${sha.slice(0, 2)}/${sha}`;
};

/** A desk with one person and a case with `scans` scanned documents attached. */
function deskWithData(scans = 2): ReadyDesk & { dataDir: string } {
  const ready = readyDesk();
  let view = createCase(ready.call, registerPerson(ready, ZHANG_SAN), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
  for (let n = 1; n <= scans; n += 1) {
    view = expectOk<CaseView>(ready.call('cases.attach', { caseId: view.id, version: view.version, documentCode: 'other', fileName: `扫描件${n}.pdf`, contentBase64: scan(n).toString('base64') }));
  }
  return { ...ready, dataDir: dirname(ready.dbPath) };
}

async function finished(ready: ReadyDesk, job: JobView): Promise<JobView> {
  return ready.desk.jobs.settled(job.id);
}

async function backUp(ready: ReadyDesk, input: Record<string, unknown> = {}): Promise<BackupCreated> {
  const job = await finished(ready, expectOk<JobView>(ready.call('backups.start', input)));
  expect(job.state, job.error ?? '').toBe('done');
  return job.result as BackupCreated;
}

function reopen(ready: ReadyDesk): ReadyDesk {
  const desk = openDesk(ready, { clock: ready.clock });
  const session = login(desk);
  return { ...ready, desk, session, call: (method, input) => desk.call(session, method, input).result };
}

function flipLastByte(path: string): void {
  const bytes = readFileSync(path);
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
}

describe('backups of the encrypted database and its attachments', () => {
  it('writes one folder whose database opens with the same key, holds the same rows, and is encrypted on disk', async () => {
    const ready = deskWithData();
    const created = await backUp(ready);
    expect(created.name).toMatch(/^就业服务工作台备份-.+-\d{8}-\d{6}$/);
    expect(dirname(created.folder)).toBe(join(ready.dataDir, 'backups'));
    expect(readdirSync(created.folder).sort()).toEqual(['attachments', 'desk.db', 'manifest.json']);

    const copy = keyedConnection(join(created.folder, 'desk.db'), ready.keyFile);
    const live = keyedConnection(ready.dbPath, ready.keyFile);
    // The audit log of the copy ends before the entry that records the backup itself.
    expect(live.prepare("select count(*) as n from audit_log where action = 'backups.create'").get()).toEqual({ n: 1 });
    for (const table of ['persons', 'users', 'person_search_keys']) {
      const count = (c: typeof copy) => (c.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      expect(count(copy), table).toBe(count(live));
    }
    // The decrypted image holds the person; the file on disk does not, not even its header.
    expect(copy.serialize().includes(Buffer.from(ZHANG_SAN.idNumber))).toBe(true);
    const onDisk = readFileSync(join(created.folder, 'desk.db'));
    expect(onDisk.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(onDisk.includes(Buffer.from(ZHANG_SAN.idNumber))).toBe(false);
    expect(onDisk.includes(Buffer.from(ZHANG_SAN.name))).toBe(false);

    const manifestText = readFileSync(join(created.folder, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as { county: { code: string }; files: { path: string; size: number; sha256: string }[] };
    expect(manifest.county.code).toBe('320506');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['desk.db', stored(scan(1)), stored(scan(2))].sort());
    for (const file of manifest.files.filter((f) => f.path !== 'desk.db')) {
      // The attachment files are copied byte for byte (they are encrypted at rest by the attachment store).
      expect(readFileSync(join(created.folder, ...file.path.split('/'))).equals(readFileSync(join(ready.dataDir, ...file.path.split('/'))))).toBe(true);
      expect(file).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
    expect(manifestText).not.toContain(ZHANG_SAN.idNumber);
    expect(manifestText).not.toContain(ZHANG_SAN.name);

    const list = expectOk<BackupList>(ready.call('backups.list', {}));
    expect(list.entries.map((e) => e.name)).toEqual([created.name]);
    expect(list).toMatchObject({ lastBackupAt: created.createdAt, lastBackupFolder: created.folder, overdue: false });
    const verified = await finished(ready, expectOk<JobView>(ready.call('backups.verify', { folder: created.folder })));
    expect(verified.result).toMatchObject({ ok: true, problems: [], files: 3 });

    // Eight days on, the administrator is told the last backup is old.
    ready.clock.advanceMinutes(8 * 24 * 60);
    const session = login(ready.desk);
    expect(expectOk<BackupList>(ready.desk.call(session, 'backups.list', {}).result).overdue).toBe(true);
  });

  it('a changed file fails verification with a Chinese message naming that file', async () => {
    const ready = deskWithData();
    const created = await backUp(ready);
    flipLastByte(join(created.folder, ...stored(scan(2)).split('/')));
    const job = await finished(ready, expectOk<JobView>(ready.call('backups.verify', { folder: created.folder })));
    const verdict = job.result as BackupVerdict;
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([`文件已被改动或损坏：${stored(scan(2))}（大小或校验值与清单不符）`]);

    flipLastByte(join(created.folder, 'desk.db'));
    writeFileSync(join(created.folder, 'notes.txt'), 'x');
    const fromCli = await cli('backup', 'verify', '--from', created.folder, '--key-file', ready.keyFile);
    expect(fromCli.code).toBe(3);
    expect(fromCli.out).toContain('文件已被改动或损坏：desk.db');
    expect(fromCli.out).toContain(`文件已被改动或损坏：${stored(scan(2))}`);
    expect(fromCli.out).toContain('多出清单以外的文件：notes.txt');
  });

  it('a cancelled backup leaves no folder behind', async () => {
    const ready = deskWithData(30);
    const started = expectOk<JobView>(ready.call('backups.start', {}));
    const backups = join(ready.dataDir, 'backups');
    // Cancel while attachments are being copied into the hidden partial folder.
    while (expectOk<JobView>(ready.call('jobs.get', { id: started.id })).progress.phase !== '复制附件') await new Promise((r) => setImmediate(r));
    expect(readdirSync(backups).filter((n) => n.endsWith('.partial'))).toHaveLength(1);
    expectOk(ready.call('jobs.cancel', { id: started.id }));
    expect((await finished(ready, started)).state).toBe('cancelled');
    expect(readdirSync(backups)).toEqual([]);
    expect(expectOk<BackupList>(ready.call('backups.list', {}))).toMatchObject({ entries: [], lastBackupAt: null, overdue: true });
  });

  it('command line: create, then restore refuses an existing database without --force and keeps it aside with --force', async () => {
    const ready = deskWithData();
    const out = join(ready.dataDir, '..', 'usb');
    const db = ['--db', ready.dbPath, '--key-file', ready.keyFile];
    ready.desk.close();
    const made = await cli('backup', 'create', ...db, '--out', out, '--json');
    expect(made.code, made.out).toBe(0);
    const created = JSON.parse(made.out.split('\n').pop() ?? '') as BackupCreated;
    expect(existsSync(join(created.folder, 'desk.db'))).toBe(true);

    // After the backup someone registers another person: the live database now differs from the backup.
    const later = reopen(ready);
    register(later, LI_XIUYING);
    const refusedWhileOpen = await cli('backup', 'restore', '--from', created.folder, ...db, '--force');
    expect(refusedWhileOpen.out).toContain('正在被使用');
    later.desk.close();

    const before = readFileSync(ready.dbPath);
    const refused = await cli('backup', 'restore', '--from', created.folder, ...db);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('不会覆盖');
    expect(readFileSync(ready.dbPath).equals(before)).toBe(true);

    writeFileSync(join(ready.dataDir, 'attachments', 'new-after-backup.pdf'), 'later scan');
    const restored = await cli('backup', 'restore', '--from', created.folder, ...db, '--force');
    expect(restored.code, restored.out).toBe(0);
    const aside = readdirSync(ready.dataDir).find((n) => /^desk\.before-restore-\d{8}-\d{6}\.db$/.test(n));
    expect(aside, readdirSync(ready.dataDir).join(', ')).toBeDefined();
    const names = (path: string) => (keyedConnection(path, ready.keyFile).prepare('select name from persons order by id').all() as { name: string }[]).map((p) => p.name);
    expect(names(ready.dbPath)).toEqual([ZHANG_SAN.name]);
    expect(names(join(ready.dataDir, aside ?? ''))).toEqual([ZHANG_SAN.name, LI_XIUYING.name]);
    for (const n of [1, 2]) expect(existsSync(join(ready.dataDir, ...stored(scan(n)).split('/')))).toBe(true);
    expect(existsSync(join(ready.dataDir, 'attachments', 'new-after-backup.pdf'))).toBe(false);
    const asideAttachments = readdirSync(ready.dataDir).find((n) => n.startsWith('attachments.before-restore-'));
    expect(existsSync(join(ready.dataDir, asideAttachments ?? '-', 'new-after-backup.pdf'))).toBe(true);
  });
});
