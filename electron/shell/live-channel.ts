/**
 * The push channel that carries the desk's change announcements (shared/live.ts)
 * from Electron's main process to the window, kept free of `electron` imports
 * so vitest can check it. The preload passes on only what has this shape: a
 * short topic and a time, nothing else.
 */
export const LIVE_CHANNEL = 'live';

export interface LivePush {
  topic: string;
  at: string;
}

export function isLivePush(value: unknown): value is LivePush {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  const { topic, at } = value as Record<string, unknown>;
  return keys.length === 2 && typeof topic === 'string' && /^[a-z]+(\.[a-z]+)?$/.test(topic) && typeof at === 'string' && at.length <= 40;
}

/** Only a window whose session is signed in hears changes: the login screen has nothing to refresh. */
export function shouldPush(windowSessions: ReadonlyMap<number, string>, webContentsId: number): boolean {
  return windowSessions.has(webContentsId);
}

/** The workstation's link to the office host (shared/live.ts HostLinkState), pushed to the window for its 主机连接中断 banner. */
export const HOST_LINK_CHANNEL = 'host-link';
