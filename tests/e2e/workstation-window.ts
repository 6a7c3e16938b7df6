import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DeskClient } from '../../electron/desk-client';
import { appPaths } from '../../electron/paths';
import { handleWorkstationSetup } from '../../electron/shell/workstation-setup';
import { WorkstationClient } from '../../electron/workstation-client';
import type { WorkstationConfig } from '../../electron/workstation-pairing';

/**
 * A workstation's window without Electron: the real renderer in Chromium,
 * whose `window.bureau` (the preload's bridge) is wired, through Playwright,
 * to a real WorkstationClient in this process, as Electron's main process
 * wires it (one session per window, the host's announcements and the link
 * state pushed to the page). Only the IPC hop is replaced.
 */
export interface WorkstationWindow {
  client: WorkstationClient;
  close(): Promise<void>;
}

type Push = (channel: 'live' | 'link', payload: unknown) => void;

/** Installs the bridge before the page's scripts run: its calls go to `call`. */
export async function installBridge(page: Page, call: (method: string, input: unknown) => Promise<unknown>, setup?: (request: unknown) => Promise<unknown>): Promise<void> {
  await page.exposeFunction('__workstationCall', call);
  if (setup) await page.exposeFunction('__workstationSetup', setup);
  await page.addInitScript((withSetup) => {
    const listeners = { live: new Set<(payload: unknown) => void>(), link: new Set<(payload: unknown) => void>() };
    const w = window as unknown as Record<string, unknown>;
    w.__push = ((channel, payload) => listeners[channel].forEach((listener) => listener(payload))) satisfies Push;
    const relay = (set: Set<(payload: unknown) => void>) => (listener: (payload: unknown) => void) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
    w.bureau = {
      call: (method: string, input: unknown) => (w.__workstationCall as (m: string, i: unknown) => Promise<unknown>)(method, input),
      onChange: relay(listeners.live),
      onHostLink: relay(listeners.link),
      ...(withSetup
        ? {
            workstation: {
              readFingerprint: (host: string, port: string) => (w.__workstationSetup as (r: unknown) => Promise<unknown>)({ kind: 'readFingerprint', host, port }),
              pair: (form: object) => (w.__workstationSetup as (r: unknown) => Promise<unknown>)({ ...form, kind: 'pair' }),
            },
          }
        : {}),
    };
  }, setup !== undefined);
}

export async function openWorkstationWindow(page: Page, config: WorkstationConfig): Promise<WorkstationWindow> {
  const client = new WorkstationClient({ ...config, events: { retryMs: [200, 500] } });
  let session: string | null = null;
  await installBridge(page, async (method, input) => {
    const outcome = await client.call(session, method, input);
    if (outcome.session && 'set' in outcome.session) session = outcome.session.set;
    else if (outcome.session) session = null;
    return outcome.result;
  });
  const push = (channel: 'live' | 'link', payload: unknown) =>
    void page.evaluate(([c, p]) => ((window as unknown as { __push?: Push }).__push)?.(c as 'live' | 'link', p), [channel, payload] as const).catch(() => undefined);
  client.subscribe((event) => session && push('live', event));
  client.onLinkState((state) => push('link', state));
  return { client, close: () => client.close() };
}

/**
 * A fresh installation's window, as Electron's main process runs it: a local
 * desk thread without a database (first start) and the pairing screen's door
 * (electron/shell/workstation-setup.ts); once paired, the calls go to the
 * office host through a WorkstationClient and the window reloads.
 */
export async function openFreshInstallation(page: Page, dataDir: string): Promise<WorkstationWindow> {
  const paths = appPaths();
  const local = new DeskClient(join(process.cwd(), 'electron', 'desk-thread.mjs'), {
    dbPath: join(dataDir, 'data', 'desk.db'),
    keySource: { kind: 'files', keyFile: join(dataDir, 'keys', 'desk.key') },
    migrationsDir: paths.migrationsDir,
    resourcesDir: paths.resourcesDir,
    appVersion: '0.0.0-e2e',
    lock: '工作站测试',
    offerDemo: false,
    schedulers: { exchange: false, backups: false },
  });
  let backend: DeskClient | WorkstationClient = local;
  let session: string | null = null;
  await installBridge(
    page,
    async (method, input) => {
      const outcome = await backend.call(session, method, input);
      if (outcome.session && 'set' in outcome.session) session = outcome.session.set;
      else if (outcome.session) session = null;
      return outcome.result;
    },
    (request) =>
      handleWorkstationSetup(request, {
        dataDir,
        deskState: () => local.state(),
        paired: (config) => {
          backend = new WorkstationClient(config);
          session = null;
          void local.close().then(() => page.reload());
        },
      }),
  );
  return { get client() { return backend as WorkstationClient; }, close: async () => { await backend.close(); await local.close(); } };
}

/** A cable between the workstation and the host that can be pulled out and plugged in again (a TCP relay on loopback). */
export interface Cable {
  port: number;
  pull(): void;
  plugIn(): void;
  close(): Promise<void>;
}

export async function cableTo(targetPort: number): Promise<Cable> {
  const open = new Set<Socket>();
  let pulled = false;
  const server: Server = createServer((socket) => {
    if (pulled) return void socket.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [socket, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    socket.pipe(upstream).pipe(socket);
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    pull: () => {
      pulled = true;
      open.forEach((s) => s.destroy());
    },
    plugIn: () => {
      pulled = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        open.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
