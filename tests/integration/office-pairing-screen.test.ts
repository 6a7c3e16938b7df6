import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleWorkstationSetup, type WorkstationSetupDeps } from '../../electron/shell/workstation-setup';
import { loadWorkstationConfig, type WorkstationConfig } from '../../electron/workstation-pairing';
import type { DeskStateView } from '../../electron/desk-protocol';
import { formatFingerprint } from '../../shared/domain/office';
import { ADMIN, PASSWORD, expectOk, tempDir } from './helpers';
import { startOfficeHost, workstationFor } from './office-helpers';

/**
 * The workstation's pairing screen as the Electron shell answers it
 * (electron/shell/workstation-setup.ts), against a real office host on
 * loopback: read the fingerprint, compare, pair with the code, and the shell
 * is handed the saved pairing — or a clear refusal naming the field.
 */
function shell(state: DeskStateView['state'] = 'uninitialized') {
  const dataDir = tempDir('desk-ws-');
  const paired: WorkstationConfig[] = [];
  const deps: WorkstationSetupDeps = { dataDir, deskState: async () => ({ state }), paired: (config) => paired.push(config) };
  return { dataDir, paired, ask: (request: unknown) => handleWorkstationSetup(request, deps) };
}

describe('the workstation pairing screen', () => {
  it('shows the host’s fingerprint to compare, pairs with the code, saves the pairing privately and hands it to the shell', async () => {
    const host = await startOfficeHost();
    const ws = shell();
    const seen = await ws.ask({ kind: 'readFingerprint', host: '127.0.0.1', port: String(host.port) });
    expect(seen.ok && 'fingerprint' in seen && formatFingerprint(seen.fingerprint)).toBe(host.status.fingerprint);

    const fingerprint = seen.ok && 'fingerprint' in seen ? seen.fingerprint : '';
    const reply = await ws.ask({ kind: 'pair', host: '127.0.0.1', port: String(host.port), fingerprint, code: host.issueCode(), name: '前台3号窗口' });
    expect(reply).toEqual({ ok: true, paired: { name: '前台3号窗口', host: '127.0.0.1', port: host.port } });
    expect(ws.paired.map((c) => c.name)).toEqual(['前台3号窗口']);
    const saved = loadWorkstationConfig(ws.dataDir)!;
    expect(statSync(join(ws.dataDir, 'workstation.json')).mode & 0o077).toBe(0);
    // The saved pairing works: the workstation is let in by the host.
    const station = workstationFor(saved);
    expectOk(await station.call('auth.login', { username: ADMIN, password: PASSWORD }));

    const again = await ws.ask({ kind: 'readFingerprint', host: '127.0.0.1', port: String(host.port) });
    expect(!again.ok && again.error.message).toContain('本机已与办公室主机配对');
  });

  it('names the field that is wrong, and a wrong code is the host’s refusal; nothing is saved', async () => {
    const host = await startOfficeHost();
    const ws = shell();
    const empty = await ws.ask({ kind: 'readFingerprint', host: '', port: '99999' });
    expect(!empty.ok && empty.error.fields).toEqual({ host: '请填写办公室主机的地址（局域网 IP 或计算机名）', port: '端口应为 1–65535 之间的整数（默认 5681）' });
    const badForm = await ws.ask({ kind: 'pair', host: '127.0.0.1', port: String(host.port), fingerprint: 'ABCD', code: '1234', name: '' });
    expect(!badForm.ok && badForm.error.fields).toEqual({ fingerprint: '证书指纹应为 64 位十六进制数字', code: '配对码应为 8 位数字', name: '请填写工作站名称，例如 前台1号窗口' });
    const wrong = await ws.ask({ kind: 'pair', host: '127.0.0.1', port: String(host.port), fingerprint: host.certificate.fingerprint, code: '0000-0000', name: '窗口' });
    expect(!wrong.ok && wrong.error.message).toContain('配对码不正确');
    const nobody = await ws.ask({ kind: 'readFingerprint', host: '127.0.0.1', port: '1' });
    expect(!nobody.ok && nobody.error.code).toBe('HOST_UNREACHABLE');
    expect(loadWorkstationConfig(ws.dataDir)).toBeNull();
    expect(ws.paired).toEqual([]);
  });

  it('an installation with a county database of its own is not turned into a workstation', async () => {
    const host = await startOfficeHost();
    const ws = shell('ready');
    const reply = await ws.ask({ kind: 'pair', host: '127.0.0.1', port: String(host.port), fingerprint: host.certificate.fingerprint, code: host.issueCode(), name: '窗口' });
    expect(!reply.ok && reply.error.message).toContain('本机已有自己的数据库');
    expect(loadWorkstationConfig(ws.dataDir)).toBeNull();
  });
});
