import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { KEY_FILE, officeDir } from '../../db/office-certificate';
import { readHostFingerprint } from '../../electron/workstation-pairing';
import { normalizeFingerprint } from '../../shared/domain/office';
import { readyDesk, type DeskFiles } from './helpers';
import { OFFICE_PATTERN, SERVING_PATTERN } from '../../shared/labels/console-lines';

/** `npm run host -- --office …` as a service would run it; resolves once both ports listen. */
function startOfficeService(files: DeskFiles): Promise<{ port: number; fingerprint: string; out: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host.ts', '--office', '--db', files.dbPath, '--key-file', files.keyFile, '--port', '0', '--ui-port', '0', '--name', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  onTestFinished(stop);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`office host did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const port = OFFICE_PATTERN.exec(out)?.[1];
      if (port && SERVING_PATTERN.test(out)) {
        clearTimeout(timer);
        const printed = /证书指纹[^\n]*\n((?:[0-9A-F]{4} ?){8}\n(?:[0-9A-F]{4} ?){8})/.exec(out)?.[1] ?? '';
        resolve({ port: Number(port), fingerprint: printed, out, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`office host exited ${code}:\n${out}`)));
  });
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
