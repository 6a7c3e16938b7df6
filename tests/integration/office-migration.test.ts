import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntryHash, GENESIS_HASH, verifyAuditChain, type AuditRow } from '../../db/audit';
import { openDatabase } from '../../db/open';
import { PATHS, tempDir } from './helpers';

const journal = JSON.parse(readFileSync(join(PATHS.migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };

describe('migration 0016 (办公室模式)', () => {
  it('an audit chain written before office mode still verifies after it, its entries naming no workstation', () => {
    const dir = tempDir();
    const before = join(dir, 'migrations-0015');
    cpSync(PATHS.migrationsDir, before, { recursive: true });
    writeFileSync(join(before, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag < '0016') }));
    const key = randomBytes(32);
    const path = join(dir, 'data', 'desk.db');

    // Entries as the previous version wrote them: its columns, its hashes.
    const old = openDatabase({ path, key, migrationsDir: before, create: true });
    let prevHash = GENESIS_HASH;
    for (let id = 1; id <= 3; id += 1) {
      const row: AuditRow = { id, at: `2026-11-0${id}T02:00:00.000Z`, actorUserId: null, actorName: '王芳', action: 'persons.register', entityType: 'person', entityId: String(id), beforeDigest: null, afterDigest: null, detail: null, prevHash };
      const hash = auditEntryHash(row);
      old.sqlite
        .prepare(`insert into audit_log (id, at, actor_user_id, actor_name, action, entity_type, entity_id, before_digest, after_digest, detail, prev_hash, hash)
          values (@id, @at, @actorUserId, @actorName, @action, @entityType, @entityId, @beforeDigest, @afterDigest, @detail, @prevHash, @hash)`)
        .run({ ...row, hash });
      prevHash = hash;
    }
    old.close();

    const upgraded = openDatabase({ path, key, migrationsDir: PATHS.migrationsDir });
    expect(verifyAuditChain(upgraded.sqlite)).toEqual({ ok: true, entries: 3 });
    expect(upgraded.sqlite.prepare('select count(*) as n from audit_log where workstation_id is not null').get()).toEqual({ n: 0 });
    expect(upgraded.sqlite.prepare('select count(*) as n from workstations').get()).toEqual({ n: 0 });
    upgraded.close();
  });
});
