import { statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, officeDir } from '../../db/office-certificate';
import { readHostFingerprint } from '../../electron/workstation-pairing';
import { normalizeFingerprint } from '../../shared/domain/office';
import { readyDesk, type DeskFiles } from './helpers';
import { startHostProcess } from './host-process';
import { OFFICE_PATTERN, SERVING_PATTERN } from '../../shared/labels/console-lines';

/** `npm run host -- --office …` as a service would run it; resolves once both ports listen. */
async function startOfficeService(files: DeskFiles): Promise<{ port: number; fingerprint: string; out: string; stop(): Promise<void> }> {
  const host = startHostProcess(['--office', '--db', files.dbPath, '--key-file', files.keyFile, '--port', '0', '--ui-port', '0', '--name', '127.0.0.1']);
  const port = await host.until((out) => (SERVING_PATTERN.test(out) ? (OFFICE_PATTERN.exec(out)?.[1] ?? null) : null), 'office host did not start');
  const printed = /证书指纹[^\n]*\n((?:[0-9A-F]{4} ?){8}\n(?:[0-9A-F]{4} ?){8})/.exec(host.out())?.[1] ?? '';
  return { port: Number(port), fingerprint: printed, out: host.out(), stop: host.stop };
}

function plainHttp(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/rpc', method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end('{"method":"system.info"}');
  });
}

describe('npm run host -- --office', () => {
  it('serves TLS only on its port, shows the certificate fingerprint for reading aloud, and keeps the certificate across restarts', async () => {
    const ready = readyDesk({ login: false });
    ready.desk.close();

    const first = await startOfficeService(ready);
    expect(first.fingerprint, first.out).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}\n([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const refused = await plainHttp(first.port);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('只接受加密连接（HTTPS）');
    const seen = await readHostFingerprint('127.0.0.1', first.port);
    expect(seen.ok && seen.fingerprint).toBe(normalizeFingerprint(first.fingerprint));
    // The private key is readable by the desk's own account only.
    expect(statSync(join(officeDir(join(ready.dir, 'data')), KEY_FILE)).mode & 0o777).toBe(0o600);
    await first.stop();

    const second = await startOfficeService(ready);
    expect(second.fingerprint).toBe(first.fingerprint);
  }, 120_000);
});
