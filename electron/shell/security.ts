/**
 * Window and IPC rules of the Electron shell, kept free of `electron` imports
 * so vitest can check them (requiring electron in Node tries to fetch a binary).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const RPC_CHANNEL = 'rpc';
/** The pairing screen's channel (electron/shell/workstation-setup.ts): offered only while this installation has no database. */
export const WORKSTATION_CHANNEL = 'workstation';

/** The subset of BrowserWindow options the shell sets (structurally compatible with Electron's type). */
export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    spellcheck: false;
    devTools: boolean;
  };
}

export function mainWindowOptions(preloadPath: string, isPackaged: boolean): MainWindowOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: '就业服务工作台',
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

/** Only the app's own pages may be shown; every other navigation is denied. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * An RPC call is answered only when it comes from the main frame of the app's
 * own window showing the app's own page (not an iframe, not another origin).
 */
export function isTrustedSender(sender: { frameUrl: string | undefined; isMainFrame: boolean; fromAppWindow: boolean }): boolean {
  return sender.fromAppWindow && sender.isMainFrame && sender.frameUrl !== undefined && isAppUrl(sender.frameUrl);
}

/** Maps `app://desk/<path>` to a file inside the renderer folder, or null when it would escape it. */
export function rendererFileFor(url: string): string | null {
  if (!isAppUrl(url)) return null;
  const path = decodeURIComponent(new URL(url).pathname);
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.includes('\\'))) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}
