import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { DeskClient } from './desk-client';
import type { DeskCaller } from './desk-protocol';
import { DEFAULT_OFFICE_PORT, defaultOfficeNames } from './office-host-start';
import { OfficePort } from './office-port';
import { WorkstationClient } from './workstation-client';
import { loadWorkstationConfig } from './workstation-pairing';
import { appPaths, appVersion } from './paths';
import { SECURITY_HEADERS } from './shell/csp';
import { applicationMenuTemplate } from './shell/menu-template';
import { keySourceFor } from './shell/desk-key';
import { safeStorageKeyProvider } from './shell/safe-storage-keys';
import { HOST_LINK_CHANNEL, LIVE_CHANNEL, shouldPush } from './shell/live-channel';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl, isTrustedSender, mainWindowOptions, rendererFileFor, RPC_CHANNEL } from './shell/security';
import { handleWorkstationSetup, WORKSTATION_CHANNEL } from './shell/workstation-setup';

// The renderer is served from app://desk/, a privileged standard scheme, never file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database and confuse staff; focus the first one instead.
  app.quit();
}

let mainWindow: BrowserWindow | null = null;
/** The local desk thread, or — on a paired workstation (办公室模式) — the office host's client: the same call(). */
let desk: (DeskCaller & { close(): Promise<void> }) | null = null;
/** The office host's TLS port, open while office mode is on (electron/office-port.ts). */
let officePort: OfficePort | null = null;
/** One RPC session per window: the logged-in user of that window. */
const windowSessions = new Map<number, string>();

const CONTENT_TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2' };

/** The desk runs in its own thread (dist/electron/desk-thread.cjs): this process only relays calls and keeps the windows. */
function createDesk(): DeskClient {
  const paths = appPaths(app.getAppPath());
  const dataDir = app.getPath('userData');
  const dbPath = join(dataDir, 'data', 'desk.db');
  const keys = safeStorageKeyProvider(safeStorage, join(dataDir, 'keys', 'desk.key.enc'), process.env);
  return new DeskClient(join(__dirname, 'desk-thread.cjs'), {
    dbPath,
    keySource: keySourceFor(keys, existsSync(dbPath)),
    migrationsDir: paths.migrationsDir,
    resourcesDir: paths.resourcesDir,
    appVersion: appVersion(app.getAppPath()),
    lock: '就业服务工作台主程序',
    offerDemo: true,
    jobThreadEntry: join(__dirname, 'job-thread.cjs'),
    schedulers: { exchange: true, backups: true, dailyChecks: true },
    // In development the Electron build of the native module lives apart from Node's (see scripts/start.mjs).
    ...(!app.isPackaged && process.env.EMPLOYMENT_DESK_NATIVE_BINDING ? { nativeBinding: process.env.EMPLOYMENT_DESK_NATIVE_BINDING } : {}),
  });
}

function registerAppProtocol(): void {
  const rendererDir = appPaths(app.getAppPath()).rendererDir;
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(join(rendererDir, file));
      const type = CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** The IPC call comes from the app's own page in its main window. */
function fromAppPage(event: IpcMainInvokeEvent): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  return isTrustedSender({
    frameUrl: event.senderFrame?.url,
    isMainFrame: event.senderFrame === event.sender.mainFrame,
    fromAppWindow: window !== null && window === mainWindow,
  });
}

const FOREIGN_CALLER = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的调用' } } as const;

function registerRpc(): void {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!fromAppPage(event) || !desk) return FOREIGN_CALLER;
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: '请求应包含 method 字段' } };
    const outcome = await desk.call(windowSessions.get(event.sender.id) ?? null, method, input, '本机窗口');
    // 办公室模式 switched on or off here opens or closes the office port before the window hears the answer.
    await officePort?.afterCall(method, outcome);
    if (outcome.session && 'set' in outcome.session) windowSessions.set(event.sender.id, outcome.session.set);
    else if (outcome.session) windowSessions.delete(event.sender.id);
    return outcome.result;
  });
}

/**
 * The pairing screen (electron/shell/workstation-setup.ts): an installation
 * without a database of its own pairs with the office host; the local desk
 * thread is then closed and the window reloaded onto the host.
 */
function registerWorkstationSetup(): void {
  ipcMain.handle(WORKSTATION_CHANNEL, async (event, request: unknown) => {
    if (!fromAppPage(event)) return FOREIGN_CALLER;
    const local = desk;
    return handleWorkstationSetup(request, {
      dataDir: app.getPath('userData'),
      deskState: async () => (local instanceof DeskClient ? local.state() : { state: 'ready' }),
      paired: () => void becomeWorkstation(),
    });
  });
}

async function becomeWorkstation(): Promise<void> {
  await officePort?.close();
  officePort = null;
  const local = desk;
  desk = null;
  windowSessions.clear();
  await local?.close();
  createBackend();
  mainWindow?.webContents.reload();
}

/** The desk's change announcements go to the window while it is signed in; the window refetches what it shows. */
function forwardChanges(client: Required<Pick<DeskCaller, 'subscribe'>>): void {
  client.subscribe((event) => {
    const contents = mainWindow?.webContents;
    if (contents && !contents.isDestroyed() && shouldPush(windowSessions, contents.id)) contents.send(LIVE_CHANNEL, event);
  });
}

function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

function buildMenu(): void {
  const template = applicationMenuTemplate(process.platform).map((item) => ({
    ...item,
    submenu: item.submenu?.map((sub) =>
      sub.id === 'print' ? { ...sub, click: () => mainWindow?.webContents.print({ silent: false, printBackground: true }) } : sub,
    ),
  }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
}

function createWindow(): void {
  const options = mainWindowOptions(join(__dirname, 'preload.cjs'), app.isPackaged);
  mainWindow = new BrowserWindow(options);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

/**
 * A paired workstation keeps no database: its calls go to the office host
 * (userData/workstation.json, written by `npm run cli -- workstation pair`).
 * Otherwise the desk is local and, when its office mode is on, this
 * installation is the 办公室主机 and also serves workstations on the office port,
 * opened and closed as the administrator switches office mode on and off.
 */
function createBackend(): void {
  const workstation = loadWorkstationConfig(app.getPath('userData'));
  if (workstation) {
    // The host's announcements come over the office port's event stream (electron/workstation-events.ts).
    const client = new WorkstationClient(workstation);
    desk = client;
    forwardChanges(client);
    // Signed in or not, the window says when the host cannot be reached (renderer/shell/host-link-banner.tsx).
    client.onLinkState((state) => {
      const contents = mainWindow?.webContents;
      if (contents && !contents.isDestroyed()) contents.send(HOST_LINK_CHANNEL, state);
    });
    return;
  }
  const local = createDesk();
  desk = local;
  forwardChanges(local);
  officePort = new OfficePort(local, { port: DEFAULT_OFFICE_PORT, names: defaultOfficeNames(), osUser: 'office-host' });
  void officePort.follow();
}

app.whenReady().then(() => {
  createBackend();
  registerAppProtocol();
  registerRpc();
  registerWorkstationSetup();
  lockDownWebContents();
  buildMenu();
  createWindow();
});

app.on('window-all-closed', () => {
  // The desk thread stops its schedules and closes the database before the process ends.
  const closing = Promise.all([officePort?.close(), desk?.close()]);
  desk = null;
  void closing.finally(() => app.quit());
});
