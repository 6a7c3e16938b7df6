import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * Columns whose value is random by design and says nothing about the content:
 * password hashes carry a fresh scrypt salt on every run.
 */
const SALTED: Record<string, readonly string[]> = { users: ['password_hash'] };

/**
 * SHA-256 over every row of every table (FTS shadow tables included), tables by
 * name and rows in key order, salted password hashes left out. Two seeds with
 * the same arguments give the same digest; the cipher key, which differs per
 * file, is not part of the content.
 */
export function contentDigest(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string; sql: string }[];
  for (const { name, sql } of tables) {
    if (/^create\s+virtual/i.test(sql)) continue; // its content lives in its shadow tables
    const columns = (sqlite.prepare(`select name from pragma_table_info(?) order by cid`).all(name) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !(SALTED[name] ?? []).includes(c));
    const withoutRowid = /without\s+rowid/i.test(sql);
    const order = withoutRowid ? columns.map((_, i) => i + 1).join(', ') : 'rowid';
    hash.update(`\u0000table ${name}\u0000`);
    const rows = sqlite.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${name}" order by ${order}`).raw().iterate() as IterableIterator<unknown[]>;
    for (const row of rows) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : typeof value === 'bigint' ? value.toString() : value)));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}
