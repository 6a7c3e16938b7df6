import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readHostFingerprint } from '../../electron/workstation-pairing';
import type { OfficeStatusView } from '../../shared/contract';
import { formatFingerprint } from '../../shared/domain/office';
import { OFFICE_PATTERN, SERVING_PATTERN } from '../../shared/labels/console-lines';
import type { RpcResult } from '../../shared/rpc';
import { ADMIN, PASSWORD, expectOk, readyDesk, type DeskFiles } from './helpers';
import { startHostProcess } from './host-process';

/**
 * `npm run host` started WITHOUT `--office` (the browser host) follows the
 * administrator's switch as the Electron shell does: 办公室模式 switched on in
 * 系统管理 opens the office port over TLS at once, switched off closes it —
 * no restart; a host started on a database whose office mode is on opens it
 * at start. Real host process, real desk thread, real TLS on loopback.
 */
interface PlainHost {
  /** Everything the host printed so far. */
  out(): string;
  rpc<T>(method: string, input: unknown): Promise<RpcResult<T>>;
  /** Resolves with the office port once the host printed it `times` times in all. */
  officePortPrinted(times: number): Promise<number>;
  /** Resolves once the host printed `text`. */
  printed(text: string): Promise<void>;
  stop(): Promise<void>;
}

async function startPlainHost(files: DeskFiles): Promise<PlainHost> {
  const host = startHostProcess(['--db', files.dbPath, '--key-file', files.keyFile, '--port', '0', '--office-port', '0', '--name', '127.0.0.1']);
  const { until, stop } = host;
  const url = new URL(await until((out) => SERVING_PATTERN.exec(out)?.[1] ?? null, 'the host did not start'));
  let cookie = '';
  const rpc = <T>(method: string, input: unknown) =>
    new Promise<RpcResult<T>>((resolve, reject) => {
      const headers = { 'Content-Type': 'application/json', Origin: url.origin, Cookie: cookie };
      const req = request({ host: '127.0.0.1', port: Number(url.port), method: 'POST', path: '/rpc', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          cookie = res.headers['set-cookie']?.[0]?.split(';')[0] ?? cookie;
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as RpcResult<T>);
        });
      });
      req.on('error', reject);
      req.end(JSON.stringify({ method, input }));
    });
  const officePortPrinted = (times: number) =>
    until((out) => {
      const all = [...out.matchAll(new RegExp(OFFICE_PATTERN.source, 'g'))];
      return all.length >= times ? Number(all[times - 1]![1]) : null;
    }, `the office port was not opened ${times} times`);
  const printed = (text: string) => until((out) => (out.includes(text) ? undefined : null), `the host did not print ${text}`);
  return { out: host.out, rpc, officePortPrinted, printed, stop };
}

describe('npm run host without --office', () => {
  it('opens the office port when the administrator switches office mode on, closes it when she switches it off, and opens it at start while it is on', async () => {
    const ready = readyDesk({ login: false });
    ready.desk.close();

    const host = await startPlainHost(ready);
    expect(host.out()).not.toMatch(OFFICE_PATTERN);
    expectOk(await host.rpc('auth.login', { username: ADMIN, password: PASSWORD }));

    const on = expectOk<OfficeStatusView>(await host.rpc('office.switchOn', { names: ['127.0.0.1'] }));
    const port = await host.officePortPrinted(1);
    const seen = await readHostFingerprint('127.0.0.1', port);
    expect(seen.ok && formatFingerprint(seen.fingerprint)).toBe(on.fingerprint);

    expectOk(await host.rpc('office.switchOff', {}));
    await host.printed(`加密端口 ${port} 已关闭`);
    const closed = await readHostFingerprint('127.0.0.1', port, 2_000);
    expect(!closed.ok && closed.error.code).toBe('HOST_UNREACHABLE');

    expectOk(await host.rpc('office.switchOn', { names: ['127.0.0.1'] }));
    // The same port again: the workstations were paired with it.
    expect(await host.officePortPrinted(2)).toBe(port);
    expect((await readHostFingerprint('127.0.0.1', port)).ok).toBe(true);
    await host.stop();

    // Started again on the same database, office mode still on: the port opens with the host.
    const again = await startPlainHost(ready);
    const reopened = await again.officePortPrinted(1);
    const shown = await readHostFingerprint('127.0.0.1', reopened);
    expect(shown.ok && formatFingerprint(shown.fingerprint)).toBe(on.fingerprint);
  }, 180_000);
});
