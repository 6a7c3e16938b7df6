import type { HostLinkState } from '../../shared/live';
import type { RpcResult } from '../../shared/rpc';

/**
 * Whether this window can reach the desk behind it — on a workstation
 * (办公室模式), the office host across the LAN. It is told by two witnesses:
 * every call's answer (HOST_UNREACHABLE: the host could not be reached;
 * anything else, a refusal included, came from the host), and, under
 * Electron on a workstation, the state of the shell's event stream
 * (electron/workstation-events.ts), which keeps trying to reconnect and so
 * also says when the host is back while nobody is calling.
 *
 * Kept free of React and Electron so its rules are tested as they are
 * (tests/unit/host-link.test.ts); renderer/shell/host-link-banner.tsx shows it.
 */
export const HOST_LINK_BROKEN = '主机连接中断，正在重新连接…';
export const HOST_LINK_BROKEN_DETAIL = '页面上已填写但未保存的内容仍在；恢复连接后请再保存。中断时点击的保存可能未完成，请核对后再操作。';


export class HostLinkTracker {
  private broken = false;
  private readonly listeners = new Set<() => void>();

  /** True while the host cannot be reached: the banner shows. */
  get unreachable(): boolean {
    return this.broken;
  }

  /** A call's answer. Only HOST_UNREACHABLE breaks the link; any answer at all mends it. */
  noteResult(result: RpcResult<unknown>): void {
    this.set(!result.ok && result.error.code === 'HOST_UNREACHABLE');
  }

  /**
   * The event stream's state. `open` and `refused` are answers of the host
   * (a refused workstation is told why by its next call, not by this banner);
   * `connecting` says nothing new.
   */
  noteStream(signal: HostLinkState): void {
    if (signal === 'connecting') return;
    this.set(signal === 'unreachable');
  }

  /** For React's useSyncExternalStore; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(broken: boolean): void {
    if (broken === this.broken) return;
    this.broken = broken;
    for (const listener of this.listeners) listener();
  }
}

/** The window's one tracker: the API bridge reports every answer to it. */
export const hostLink = new HostLinkTracker();
