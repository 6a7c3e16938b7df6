import type { PairingForm, WorkstationSetupReply } from '../../shared/domain/office';
import type { RpcResult } from '../../shared/rpc';
import { hostLink } from './host-link';

/** What Electron's preload exposes as `window.bureau`: one call and the change announcements, no generic channel. */
export interface BureauBridge {
  call(method: string, input: unknown): Promise<RpcResult<unknown>>;
  /** The desk's change announcements (shared/live.ts); returns the unsubscribe. */
  onChange?(listener: (event: unknown) => void): () => void;
  /** On a workstation: the state of the shell's link to the office host (renderer/api/host-link.ts); returns the unsubscribe. */
  onHostLink?(listener: (state: unknown) => void): () => void;
  /** Electron only: the pairing screen's door, to make this installation a workstation of the office host. */
  workstation?: {
    readFingerprint(host: string, port: string): Promise<WorkstationSetupReply>;
    pair(form: PairingForm): Promise<WorkstationSetupReply>;
  };
}

declare global {
  interface Window {
    bureau?: BureauBridge;
  }
}

/** Under Electron, the preload's bridge; under the browser host, `POST /rpc` with the session cookie. */
export async function send(method: string, input: unknown): Promise<RpcResult<unknown>> {
  if (window.bureau) {
    const result = await window.bureau.call(method, input);
    // Every answer tells whether the office host could be reached (the 主机连接中断 banner).
    hostLink.noteResult(result);
    return result;
  }
  let response: Response;
  try {
    response = await fetch('rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ method, input }),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到后台服务，请确认程序仍在运行' } };
  }
  try {
    return (await response.json()) as RpcResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `后台服务返回了无法识别的内容（HTTP ${response.status}）` } };
  }
}
