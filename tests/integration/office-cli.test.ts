import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../../electron/cli/run';
import { loadWorkstationConfig } from '../../electron/workstation-pairing';
import { formatFingerprint } from '../../shared/domain/office';
import { ADMIN, PASSWORD, expectOk, tempDir } from './helpers';
import { startOfficeHost, workstationFor } from './office-helpers';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCliAsync(argv, {}, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

describe('npm run cli -- workstation pair', () => {
  it('shows the host fingerprint to compare first, then pairs with the one typed from the host screen and the code', async () => {
    const host = await startOfficeHost();
    const dataDir = tempDir('desk-ws-cli-');
    const where = ['--data-dir', dataDir, '--host', '127.0.0.1', '--port', String(host.port)];
    const shown = await cli('workstation', 'pair', ...where);
    expect(shown.code).toBe(2);
    expect(shown.out).toContain(formatFingerprint(host.certificate.fingerprint));
    expect(loadWorkstationConfig(dataDir)).toBeNull();

    const wrongPrint = await cli('workstation', 'pair', ...where, '--fingerprint', 'AB'.repeat(32), '--code', host.issueCode(), '--name', '前台3号窗口');
    expect(wrongPrint.code).toBe(1);
    expect(wrongPrint.out).toContain('证书与配对时核对的指纹不一致');

    const typed = host.status.fingerprint!.replace(/\n/g, ' ');
    const paired = await cli('workstation', 'pair', ...where, '--fingerprint', typed, '--code', host.issueCode(), '--name', '前台3号窗口');
    expect(paired.out).toContain('配对成功');
    expect(paired.code).toBe(0);
    expect((await cli('workstation', 'status', '--data-dir', dataDir)).out).toContain('工作站「前台3号窗口」');

    const front = workstationFor(loadWorkstationConfig(dataDir)!);
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
  });
});
