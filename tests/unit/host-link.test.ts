import { describe, expect, it } from 'vitest';
import { HostLinkTracker } from '../../renderer/api/host-link';
import { isHostLinkState } from '../../shared/live';

const unreachable = { ok: false as const, error: { code: 'HOST_UNREACHABLE' as const, message: '连接不上办公室主机' } };

describe('the 主机连接中断 banner', () => {
  it('shows when a call cannot reach the host and clears at the next answer from it, a refusal included', () => {
    const link = new HostLinkTracker();
    const seen: boolean[] = [];
    link.subscribe(() => seen.push(link.unreachable));
    expect(link.unreachable).toBe(false);
    link.noteResult(unreachable);
    expect(link.unreachable).toBe(true);
    link.noteResult(unreachable);
    link.noteResult({ ok: false, error: { code: 'CONFLICT', message: '已被他人修改' } });
    expect(link.unreachable).toBe(false);
    link.noteResult(unreachable);
    link.noteResult({ ok: true, value: null });
    // Told once per change, not once per call.
    expect(seen).toEqual([true, false, true, false]);
  });

  it('follows the workstation’s event stream: broken when it cannot reach the host, mended when it reopens', () => {
    const link = new HostLinkTracker();
    link.noteStream('unreachable');
    expect(link.unreachable).toBe(true);
    link.noteStream('connecting');
    expect(link.unreachable).toBe(true);
    link.noteStream('open');
    expect(link.unreachable).toBe(false);
    link.noteStream('unreachable');
    link.noteStream('refused');
    expect(link.unreachable).toBe(false);
  });

  it('a certificate that changed or a revoked workstation is not a broken link: the call says so itself', () => {
    const link = new HostLinkTracker();
    link.noteResult({ ok: false, error: { code: 'HOST_CERTIFICATE_CHANGED', message: '证书不一致' } });
    link.noteResult({ ok: false, error: { code: 'WORKSTATION_REFUSED', message: '已被撤销' } });
    expect(link.unreachable).toBe(false);
  });

  it('takes from the shell only the four stream states', () => {
    expect(['open', 'connecting', 'unreachable', 'refused'].every(isHostLinkState)).toBe(true);
    expect([undefined, 'OPEN', { state: 'open' }, 1].some(isHostLinkState)).toBe(false);
  });
});
