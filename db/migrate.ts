import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from './errors';

/**
 * Applies drizzle-kit's committed migrations in journal order (not folder
 * timestamp order, which silently skips a late-added older migration), with
 * foreign keys OFF outside the transaction (inside it the pragma is ignored and
 * a table rebuild would cascade-delete child rows), a drift check of what was
 * applied before, and a refusal of databases written by a newer app.
 */
export interface Migration {
  index: number;
  tag: string;
  sha256: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry, position) => {
      if (entry.idx !== position) throw new Error(`migration journal has a gap at ${position}`);
      const sql = readFileSync(join(dir, `${entry.tag}.sql`), 'utf8');
      return {
        index: entry.idx,
        tag: entry.tag,
        sha256: createHash('sha256').update(sql).digest('hex'),
        statements: sql
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function appliedMigrations(db: Database.Database): { idx: number; tag: string; sha256: string }[] {
  const exists = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'schema_migrations'")
    .get();
  if (!exists) return [];
  return db.prepare('select idx, tag, sha256 from schema_migrations order by idx').all() as {
    idx: number;
    tag: string;
    sha256: string;
  }[];
}

export function futureVersionError(found: number, supported: number): AppError {
  return new AppError(
    'DATABASE_UNAVAILABLE',
    `此数据库由更新版本的就业服务工作台创建（数据结构版本 ${found}，本程序最高支持 ${supported}），请先升级软件再打开。`,
    { details: { found, supported } },
  );
}

/** Pending migrations, after checking the database is not from the future and has not drifted. */
export function pendingMigrations(db: Database.Database, migrations: Migration[]): Migration[] {
  const version = schemaVersionOf(db);
  if (version > migrations.length) throw futureVersionError(version, migrations.length);
  const applied = appliedMigrations(db);
  if (applied.length !== version) {
    throw new AppError('DATABASE_UNAVAILABLE', `数据库迁移记录不一致（版本 ${version}，记录 ${applied.length} 条），请联系技术支持。`);
  }
  for (const row of applied) {
    const known = migrations[row.idx];
    if (!known || known.tag !== row.tag || known.sha256 !== row.sha256) {
      throw new AppError('DATABASE_UNAVAILABLE', `数据库迁移 ${row.tag} 与本程序自带的版本不一致，已拒绝打开。`);
    }
  }
  return migrations.slice(version);
}

export function applyMigrations(db: Database.Database, pending: Migration[], now: Date): void {
  if (pending.length === 0) return;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(`create table if not exists schema_migrations (
        idx integer primary key, tag text not null, sha256 text not null, applied_at text not null)`);
      const record = db.prepare('insert into schema_migrations (idx, tag, sha256, applied_at) values (?, ?, ?, ?)');
      for (const migration of pending) {
        for (const statement of migration.statements) db.exec(statement);
        record.run(migration.index, migration.tag, migration.sha256, now.toISOString());
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`迁移后外键检查发现 ${broken.length} 处不一致，已回滚。`);
      db.pragma(`user_version = ${pending[pending.length - 1]!.index + 1}`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
