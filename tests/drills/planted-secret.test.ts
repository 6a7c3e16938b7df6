import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../db/keys';
import { drillDir } from './drill-desk';
import { plantSecret, rpcClient, startHost, uniqueSecret, type Secret } from './planted-secret';
import { scanForSecrets, secretsIn } from './secret-scan';

describe('planted secret: an ID number and a phone appear in no file the desk wrote, only in the encrypted database', () => {
  let dir: string;
  let secret: Secret;
  let handedOut: Array<{ name: string; bytes: Buffer }>;
  beforeAll(async () => {
    dir = drillDir('desk-secret-');
    secret = uniqueSecret();
    const host = await startHost(dir);
    try {
      handedOut = await plantSecret(dir, rpcClient(host.url), secret);
    } finally {
      await host.stop();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function openKeyed(): Database.Database {
    const sqlite = new Database(join(dir, 'data', 'desk.db'), { fileMustExist: true });
    sqlite.pragma(`key = "x'${readKeyFile(join(dir, 'keys', 'desk.key')).toString('hex')}'"`);
    return sqlite;
  }

  it('was really planted: the encrypted database holds the person, opened with its key', () => {
    const sqlite = openKeyed();
    try {
      expect(sqlite.prepare('select phone from persons where id_number = ?').get(secret.idNumber)).toEqual({ phone: secret.phone });
    } finally {
      sqlite.close();
    }
  });

  it('is nowhere in the data folder, backups, attachments, exchange outbox, the host log, its temp folder and home (bytes, UTF-8, UTF-16, inside zip and gzip)', () => {
    const { files, hits } = scanForSecrets(dir, [secret.idNumber, secret.phone]);
    expect(hits).toEqual([]);
    // The scan reached every kind of file the desk writes.
    for (const place of [/^data\/desk\.db$/, /^data\/backups\//, /^data\/attachments\//, /^outbox\/.+\.jyx$/, /^logs\/host\.log$/]) {
      expect(files.some((f) => place.test(f)), `${place} in ${files.join(', ')}`).toBe(true);
    }
  });

  it('is not in the files the desk hands out (the masked list export)', () => {
    expect(handedOut.length).toBeGreaterThan(0);
    for (const file of handedOut) expect(secretsIn(file.bytes, [secret.idNumber, secret.phone]), file.name).toEqual([]);
  });

  it('would be found: an unencrypted image of the database (db.serialize() written out), a log line in UTF-16, a gzipped log', () => {
    const sqlite = openKeyed();
    try {
      writeFileSync(join(dir, 'tmp', 'copy.db'), sqlite.serialize());
    } finally {
      sqlite.close();
    }
    writeFileSync(join(dir, 'logs', 'utf16.log'), Buffer.from(`登记 ${secret.idNumber}\n`, 'utf16le'));
    writeFileSync(join(dir, 'logs', 'old.log.gz'), gzipSync(`phone=${secret.phone}\n`));
    const found = scanForSecrets(dir, [secret.idNumber, secret.phone]).hits.map((h) => `${h.file} ${h.where} ${h.secret === secret.phone ? 'phone' : 'id'}`);
    expect(found).toEqual(expect.arrayContaining(['tmp/copy.db utf8 id', 'tmp/copy.db utf8 phone', 'logs/utf16.log utf16le id', 'logs/old.log.gz gzip: utf8 phone']));
  });
});
