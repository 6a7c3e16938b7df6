import { createHash, randomBytes } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../db/errors';
import { readKeyFile } from '../../db/keys';
import { openDatabase } from '../../db/open';
import { PERSON_A } from './persons-data';
import { PATHS, deskFiles, expectOk, keyedConnection, login, openDesk, readyDesk, tempDir } from './helpers';

const journal = JSON.parse(readFileSync(join(PATHS.migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; tag: string }[];
};

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return expect.fail('expected an error');
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** A populated database, closed, ready to be reopened or tampered with. */
function closedDatabase() {
  const ready = readyDesk();
  expectOk(ready.call('persons.register', PERSON_A));
  ready.desk.close();
  return ready;
}

describe('creating a database from nothing', () => {
  it('applies every committed migration and records it', () => {
    const files = deskFiles();
    const opened = openDatabase({ path: files.dbPath, key: randomBytes(32), migrationsDir: PATHS.migrationsDir, create: true });
    try {
      const rows = opened.sqlite.prepare('select idx, tag, sha256 from schema_migrations order by idx').all() as {
        idx: number;
        tag: string;
        sha256: string;
      }[];
      expect(journal.entries.length).toBeGreaterThanOrEqual(2);
      expect(rows.map((r) => [r.idx, r.tag])).toEqual(journal.entries.map((e) => [e.idx, e.tag]));
      for (const row of rows) {
        const sql = readFileSync(join(PATHS.migrationsDir, `${row.tag}.sql`));
        expect(row.sha256).toBe(createHash('sha256').update(sql).digest('hex'));
      }
      expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
      expect(opened.schemaVersion).toBe(journal.entries.length);
      expect(opened.backupPath).toBeNull();
    } finally {
      opened.close();
    }
  });

  it('sets the safety and cache pragmas on the connection (WAL, synchronous FULL, foreign keys, secure delete, busy timeout, page cache, temp store)', () => {
    const files = deskFiles();
    const key = randomBytes(32);
    for (const create of [true, false]) {
      const opened = openDatabase({ path: files.dbPath, key, migrationsDir: PATHS.migrationsDir, create });
      try {
        const read = (name: string) => opened.sqlite.pragma(name, { simple: true });
        expect(read('journal_mode')).toBe('wal');
        expect(read('synchronous')).toBe(2);
        expect(read('foreign_keys')).toBe(1);
        expect(read('secure_delete')).toBe(1);
        expect(read('busy_timeout')).toBe(5000);
        expect(read('cache_size')).toBe(-256 * 1024);
        expect(read('temp_store')).toBe(2);
      } finally {
        opened.close();
      }
    }
  });

  it('reopens as ready with the data still there and without taking a backup', () => {
    const ready = closedDatabase();
    const again = openDesk(ready);
    expect(again.state()).toEqual({ state: 'ready' });
    const session = login(again);
    const found = expectOk<{ total: number }>(again.call(session, 'persons.search', { query: PERSON_A.name }).result);
    expect(found.total).toBe(1);
    expect(again.database().backupPath).toBeNull();
    expect(readdirSync(join(ready.dir, 'data')).filter((f) => f.includes('before'))).toEqual([]);
  });
});

describe('encryption at rest', () => {
  it('writes no plain SQLite header and no readable names to the file', () => {
    const ready = closedDatabase();
    const bytes = readFileSync(ready.dbPath);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from(PERSON_A.name, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE', 'utf8'))).toBe(false);
  });

  it('cannot be read by a plain connection without the key', () => {
    const ready = closedDatabase();
    const plain = new Database(ready.dbPath, { fileMustExist: true });
    try {
      expect(thrown(() => plain.prepare('select count(*) from sqlite_master').get())).toMatchObject({ code: 'SQLITE_NOTADB' });
    } finally {
      plain.close();
    }
  });
});

describe('refusing a database it must not open', () => {
  it('refuses a wrong key with a Chinese message and leaves the file untouched', () => {
    const ready = closedDatabase();
    const before = snapshot(ready.dir);
    const wrongKeyFile = join(tempDir(), 'wrong.key');
    writeFileSync(wrongKeyFile, `${randomBytes(32).toString('hex')}\n`);

    const desk = openDesk(ready, { keyFile: wrongKeyFile });
    expect(desk.state().state).toBe('unavailable');
    expect(desk.state().message).toContain('密钥');
    // Never a fresh empty database over the real one.
    const init = desk.call(null, 'setup.initialize', {
      countyCode: '320506', adminUsername: 'intruder', adminDisplayName: '张三', password: 'Another-pass-1', alsoFrontDesk: true,
    }).result;
    expect(init.ok).toBe(false);
    expect(desk.call(null, 'setup.status', {}).result).toMatchObject({ ok: true, value: { state: 'unavailable' } });
    desk.close();

    const error = thrown(() =>
      openDatabase({ path: ready.dbPath, key: readKeyFile(wrongKeyFile), migrationsDir: PATHS.migrationsDir }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('密钥') });
    expect(snapshot(ready.dir)).toEqual(before);
  });

  it('stays unavailable, not uninitialised, when the key file has gone missing', () => {
    const ready = closedDatabase();
    const desk = openDesk(ready, { keyFile: join(ready.dir, 'keys', 'missing.key') });
    expect(desk.state()).toMatchObject({ state: 'unavailable', message: expect.stringContaining('恢复密钥') });
    expect(desk.call(null, 'setup.initialize', {
      countyCode: '320506', adminUsername: 'intruder', adminDisplayName: '张三', password: 'Another-pass-1',
    }).result).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALIZED' } });
  });

  it('refuses a database written by a newer version of the app', () => {
    const ready = closedDatabase();
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    raw.pragma('user_version = 99');
    raw.close();
    const desk = openDesk(ready);
    expect(desk.state().state).toBe('unavailable');
    expect(desk.state().message).toContain('更新版本');
    const error = thrown(() => openDatabase({ path: ready.dbPath, key: readKeyFile(ready.keyFile), migrationsDir: PATHS.migrationsDir }));
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', details: { found: 99, supported: journal.entries.length } });
  });

  it('refuses a database whose applied migration differs from the one shipped', () => {
    const ready = closedDatabase();
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    raw.prepare("update schema_migrations set sha256 = ? where idx = 0").run('0'.repeat(64));
    raw.close();
    const desk = openDesk(ready);
    expect(desk.state()).toMatchObject({ state: 'unavailable', message: expect.stringMatching(/0000_initial.*不一致/) });
  });
});

describe('upgrading a database from the previous version', () => {
  it('keeps the data, migrates, and leaves an encrypted backup that opens with the same key', () => {
    const oldMigrations = join(tempDir(), 'migrations-v1');
    cpSync(PATHS.migrationsDir, oldMigrations, { recursive: true });
    const trimmed = { ...journal, entries: journal.entries.slice(0, 1) };
    writeFileSync(join(oldMigrations, 'meta', '_journal.json'), JSON.stringify(trimmed));

    const old = readyDesk({ migrationsDir: oldMigrations, login: false });
    expect(old.desk.database().schemaVersion).toBe(1);
    // Rows are seeded with the columns of version 1 (today's services write later columns).
    old.desk
      .database()
      .sqlite.prepare(
        `insert into persons (id_number, name, sex, birth_date, phone, created_at, updated_at)
         values (?, ?, 'female', '1992-01-15', '13912345678', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(PERSON_A.idNumber, PERSON_A.name);
    old.desk.close();

    const upgraded = openDesk(old);
    expect(upgraded.state()).toEqual({ state: 'ready' });
    const opened = upgraded.database();
    expect(opened.schemaVersion).toBe(journal.entries.length);
    const row = opened.sqlite.prepare('select name, id_number from persons').all();
    expect(row).toEqual([{ name: PERSON_A.name, id_number: PERSON_A.idNumber }]);
    // The migrations that came with the upgrade are in force, and back-filled the old rows.
    expect(() => opened.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(opened.sqlite.prepare('select phone_reversed from persons').get()).toEqual({ phone_reversed: '87654321931' });
    expect(opened.sqlite.prepare("select rowid from person_id_fts where person_id_fts match '0619920'").all()).toHaveLength(1);

    expect(opened.backupPath).not.toBeNull();
    const backups = readdirSync(join(old.dir, 'data')).filter((f) => /^desk\.before-v\d+-.*\.db$/.test(f));
    expect(backups).toHaveLength(1);
    const backupPath = join(old.dir, 'data', backups[0]!);
    expect(opened.backupPath).toBe(backupPath);
    expect(readFileSync(backupPath).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const backup = keyedConnection(backupPath, old.keyFile);
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('select name from persons').all()).toEqual([{ name: PERSON_A.name }]);
  });
});
