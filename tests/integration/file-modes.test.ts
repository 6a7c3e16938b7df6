import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupCreated, CaseView, JobView } from '../../shared/contract';
import { expectOk, readyDesk } from './helpers';
import { createCase, registerPerson, UNEMPLOYMENT_FORM } from './cases-helpers';
import { connect, exportNow } from './exchange-helpers';
import { ZHANG_SAN } from './registry-helpers';

/** Every file and folder under `root` with its permission bits, relative to `root`. */
function modesUnder(root: string): Array<{ path: string; mode: number; folder: boolean }> {
  const found: Array<{ path: string; mode: number; folder: boolean }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      found.push({ path: relative(root, path), mode: stat.mode & 0o777, folder: stat.isDirectory() });
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(root);
  return found;
}

describe.runIf(process.platform !== 'win32')('files of the desk are its own account’s only (Linux)', () => {
  it('database, -wal, -shm, attachments, backups and export packages are 0600 in 0700 folders, whatever the umask allows', async () => {
    const umask = process.umask(0o022);
    try {
      const ready = readyDesk();
      const view = createCase(ready.call, registerPerson(ready, ZHANG_SAN), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
      const scan = Buffer.from('%PDF-1.4\n% scan\n%%EOF\n');
      expectOk<CaseView>(ready.call('cases.attach', { caseId: view.id, version: view.version, documentCode: 'other', fileName: '扫描件.pdf', contentBase64: scan.toString('base64') }));
      const backup = await ready.desk.jobs.settled(expectOk<JobView>(ready.call('backups.start', {})).id);
      expect(backup.state, backup.error ?? '').toBe('done');
      const { outbox } = connect(ready);
      await exportNow(ready);

      const dataDir = dirname(ready.dbPath);
      const entries = [...modesUnder(dataDir), ...modesUnder(outbox).map((e) => ({ ...e, path: `outbox/${e.path}` }))];
      const names = entries.map((e) => e.path);
      expect(names).toEqual(expect.arrayContaining(['desk.db', 'desk.db-wal', 'desk.db-shm']));
      expect(names.some((n) => /^attachments\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(n))).toBe(true);
      expect(names).toContain(`backups/${(backup.result as BackupCreated).name}/manifest.json`);
      expect(names.some((n) => /^outbox\/320506-00000001\.jyx$/.test(n))).toBe(true);
      expect(names.some((n) => n.endsWith('.jyx') && !n.startsWith('outbox/'))).toBe(true);
      const open = entries.filter((e) => e.mode !== (e.folder ? 0o700 : 0o600)).map((e) => `${e.path} ${e.mode.toString(8)}`);
      expect(open).toEqual([]);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(ready.keyFile).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(umask);
    }
  });
});
