import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from './errors';
import { createPrivateFile, makePrivateDir } from './private-files';
import { applyMigrations, loadMigrations, pendingMigrations, schemaVersionOf } from './migrate';
import * as schema from './schema';

export type DrizzleDb = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: DrizzleDb;
  path: string;
  schemaVersion: number;
  /** Migrations this app has that the database has not (only when opened with migrate: false). */
  pending: string[];
  /** Copy taken before migrating, if migrations ran on an existing database. */
  backupPath: string | null;
  close(): void;
}

export interface OpenOptions {
  path: string;
  key: Buffer;
  migrationsDir: string;
  /** Create the file when missing (first run only; never on a wrong key). */
  create?: boolean;
  /** Electron loads its own build of the native module. */
  nativeBinding?: string;
  now?: Date;
  /** false: open without migrating (for `db check`); pending migrations are reported instead. */
  migrate?: boolean;
}

/** SQL functions the schema relies on (migrations and queries), registered on every connection. */
export function registerFunctions(sqlite: Database.Database): void {
  sqlite.function('reverse_text', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? [...value].reverse().join('') : null,
  );
}

/**
 * Decrypted pages kept per connection, in KiB (negative = KiB in SQLite's
 * terms). The cipher build's default 16 MB holds a few percent of a county's
 * 640 MB file, so every search re-decrypted the pages it had just read; 256 MB
 * keeps the indexes staff search hot (measured by `npm run bench`). Pages are
 * only allocated as they are read, so a small database costs no more.
 */
export const PAGE_CACHE_KIB = 256 * 1024;

/** Pragmas every connection needs; a test reads them back. */
export function applyConnectionPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // This cipher build defaults WAL connections to NORMAL, which can lose the
  // last commits on power loss; the office cannot lose a registration.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  // Sorts and DISTINCT of a search stay in memory: no temp file of citizens' data on disk, and faster.
  sqlite.pragma('temp_store = MEMORY');
}

function wrongKeyError(path: string): AppError {
  return new AppError(
    'DATABASE_UNAVAILABLE',
    `无法打开数据库 ${path}：密钥不正确或文件不是本系统的数据库。请核对密钥文件，或使用管理员保存的恢复密钥。`,
  );
}

/**
 * The one place a database is opened: key, pragmas, version check, backup,
 * migrations. A wrong key fails loudly; it never leads to a new empty file.
 */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const { path, key } = options;
  const now = options.now ?? new Date();
  const exists = existsSync(path);
  if (!exists && !options.create) {
    throw new AppError('DATABASE_UNAVAILABLE', `数据库文件不存在：${path}`);
  }
  if (!exists) {
    makePrivateDir(dirname(path));
    createPrivateFile(path);
  }
  const sqlite = new Database(path, {
    fileMustExist: exists,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    try {
      sqlite.prepare('select count(*) from sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw wrongKeyError(path);
      throw error;
    }
    applyConnectionPragmas(sqlite);
    registerFunctions(sqlite);
    const migrations = loadMigrations(options.migrationsDir);
    const pending = pendingMigrations(sqlite, migrations);
    let backupPath: string | null = null;
    const migrate = options.migrate ?? true;
    if (migrate && pending.length > 0 && schemaVersionOf(sqlite) > 0) {
      backupPath = join(dirname(path), `${pathStem(path)}.before-v${schemaVersionOf(sqlite) + pending.length}-${stamp(now)}.db`);
      copyEncryptedInto(sqlite, backupPath);
    }
    if (migrate) applyMigrations(sqlite, pending, now);
    return {
      sqlite,
      db: drizzle(sqlite, { schema }),
      path,
      schemaVersion: schemaVersionOf(sqlite),
      pending: migrate ? [] : pending.map((m) => m.tag),
      backupPath,
      close: () => {
        sqlite.pragma('optimize');
        sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * The one way this app copies a database: VACUUM INTO keeps the cipher and the
 * key (the copy opens with the same key). db.backup() fails on encrypted
 * databases and can damage its target; db.serialize() is an unencrypted image
 * and must never be written to disk. The copy is in rollback-journal mode.
 * Not inside a transaction; the target must not exist.
 */
export function copyEncryptedInto(sqlite: Database.Database, targetPath: string): void {
  // VACUUM INTO fills an empty file as it finds it: created first, the copy is 0600 like the original.
  createPrivateFile(targetPath);
  sqlite.prepare('vacuum into ?').run(targetPath);
}

function pathStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? 'desk';
  return base.replace(/\.[^.]+$/, '');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}
