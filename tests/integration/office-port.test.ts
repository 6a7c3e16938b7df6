import { describe, expect, it, onTestFinished } from 'vitest';
import { DeskClient } from '../../electron/desk-client';
import { followingOfficeMode, OfficePort } from '../../electron/office-port';
import { readHostFingerprint } from '../../electron/workstation-pairing';
import type { OfficeStatusView } from '../../shared/contract';
import { formatFingerprint } from '../../shared/domain/office';
import { ADMIN, COUNTY, PASSWORD, PATHS, deskFiles, expectOk } from './helpers';

/**
 * 系统管理 → 办公室模式 in a running app: switching office mode on opens the
 * office port at once, switching it off closes it — no restart — through the
 * real desk thread and real TLS on loopback.
 */
async function runningApp() {
  const files = deskFiles();
  const desk = new DeskClient(new URL('../../electron/desk-thread.mjs', import.meta.url), {
    dbPath: files.dbPath,
    keySource: { kind: 'files', keyFile: files.keyFile },
    migrationsDir: PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir,
    appVersion: '0.0.0-test',
    lock: '测试中的工作台',
    offerDemo: false,
    schedulers: { exchange: false, backups: false },
  });
  const port = new OfficePort(desk, { port: 0, names: ['127.0.0.1'], osUser: 'tester' });
  onTestFinished(async () => {
    await port.close();
    await desk.close();
  });
  const window = followingOfficeMode(desk, port);
  let session: string | null = null;
  const call = async (method: string, input: unknown) => {
    const outcome = await window.call(session, method, input, '本机窗口');
    if (outcome.session && 'set' in outcome.session) session = outcome.session.set;
    return outcome.result;
  };
  expectOk(await call('setup.initialize', { countyCode: COUNTY, adminUsername: ADMIN, adminDisplayName: '王芳', password: PASSWORD, alsoFrontDesk: false }));
  expectOk(await call('auth.login', { username: ADMIN, password: PASSWORD }));
  return { port, call };
}

describe('switching office mode on and off in a running app', () => {
  it('opens the office port when the administrator switches it on, closes it when she switches it off, and opens it again', async () => {
    const app = await runningApp();
    await app.port.follow();
    expect(app.port.listeningOn).toBeNull();

    const on = expectOk<OfficeStatusView>(await app.call('office.switchOn', { names: ['127.0.0.1'] }));
    const port = app.port.listeningOn;
    expect(port).not.toBeNull();
    const seen = await readHostFingerprint('127.0.0.1', port!);
    expect(seen.ok && formatFingerprint(seen.fingerprint)).toBe(on.fingerprint);

    expectOk(await app.call('office.switchOff', {}));
    expect(app.port.listeningOn).toBeNull();
    const closed = await readHostFingerprint('127.0.0.1', port!, 2_000);
    expect(!closed.ok && closed.error.code).toBe('HOST_UNREACHABLE');

    expectOk(await app.call('office.switchOn', { names: ['127.0.0.1'] }));
    // The same port again: the workstations were paired with it.
    expect(app.port.listeningOn).toBe(port);
  });

  it('a refused switch-on opens nothing', async () => {
    const app = await runningApp();
    const refused = await app.call('office.switchOn', { names: ['not a host!'] });
    expect(refused.ok).toBe(false);
    expect(app.port.listeningOn).toBeNull();
  });
});
