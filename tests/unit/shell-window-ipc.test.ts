import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../electron/shell/menu-template';
import { keySourceFor } from '../../electron/shell/desk-key';
import { safeStorageKeyProvider, type SafeStorageLike } from '../../electron/shell/safe-storage-keys';
import { APP_ENTRY_URL, isAppUrl, isTrustedSender, mainWindowOptions, rendererFileFor } from '../../electron/shell/security';

describe('BrowserWindow options', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs', true);

  it('isolates the renderer from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('closes developer tools in the packaged app only', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(mainWindowOptions('p', false).webPreferences.devTools).toBe(true);
  });

  it('is titled in Chinese and large enough for the forms', () => {
    expect(options.title).toBe('就业服务工作台');
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
  });
});

describe('navigation and IPC checks', () => {
  it('accepts only the app:// pages of the app itself', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://desk/#/persons/1')).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:5680/', 'not a url']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('answers RPC only from the main frame of the app window showing an app page', () => {
    const good = { frameUrl: APP_ENTRY_URL, isMainFrame: true, fromAppWindow: true };
    expect(isTrustedSender(good)).toBe(true);
    expect(isTrustedSender({ ...good, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...good, fromAppWindow: false })).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: undefined })).toBe(false);
  });

  it('maps app:// paths to renderer files and refuses to leave the folder', () => {
    expect(rendererFileFor('app://desk/')).toBe('index.html');
    expect(rendererFileFor('app://desk/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser resolves literal dot segments at the root, so this stays inside the folder.
    expect(rendererFileFor('app://desk/%2e%2e/index.html')).toBe('index.html');
    expect(rendererFileFor('app://desk/assets/%2e%2e%2f%2e%2e%2fpackage.json')).toBeNull();
    expect(rendererFileFor('app://desk/assets/..%5C..%5Cpackage.json')).toBeNull();
    expect(rendererFileFor('https://desk/index.html')).toBeNull();
  });
});

describe('application menu', () => {
  it('is in Chinese and offers print and quit', () => {
    const template = applicationMenuTemplate('linux');
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const file = template[0]!.submenu!;
    expect(file.find((i) => i.id === 'print')?.label).toBe('打印…');
    expect(file.find((i) => i.role === 'quit')?.label).toBe('退出');
  });
});

describe('database key wrapped by the OS key store', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A reversible stand-in for DPAPI/libsecret: what cases is that the file never holds the key in clear. */
  function fakeStorage(available = true): SafeStorageLike {
    return {
      isEncryptionAvailable: () => available,
      encryptString: (plain) => Buffer.from(plain.split('').reverse().join(''), 'utf8'),
      decryptString: (data) => data.toString('utf8').split('').reverse().join(''),
    };
  }

  it('creates a key, stores it wrapped, and loads the same key again', () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-keys-'));
    const path = join(dir, 'keys', 'desk.key.enc');
    const provider = safeStorageKeyProvider(fakeStorage(), path, {});
    expect(provider.load()).toBeNull();
    const key = provider.create();
    expect(readFileSync(path, 'utf8')).not.toContain(key.toString('hex'));
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(safeStorageKeyProvider(fakeStorage(), path, {}).load()?.equals(key)).toBe(true);
  });

  it('accepts the printed recovery key from the environment and wraps it again', () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-keys-'));
    const path = join(dir, 'desk.key.enc');
    const hex = 'ab'.repeat(32);
    const recovery = (hex.toUpperCase().match(/.{8}/g) ?? []).join('-');
    const key = safeStorageKeyProvider(fakeStorage(), path, { EMPLOYMENT_DESK_DB_KEY: recovery }).load();
    expect(key?.toString('hex')).toBe(hex);
    expect(safeStorageKeyProvider(fakeStorage(), path, {}).load()?.toString('hex')).toBe(hex);
  });

  it('refuses to store a key when the OS key store is unavailable', () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-keys-'));
    expect(() => safeStorageKeyProvider(fakeStorage(false), join(dir, 'k'), {}).create()).toThrow(/系统密钥服务不可用/);
  });

  it('main hands the desk thread the unwrapped key: made before the first run, never made for an existing database, the reason when unreadable', () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-keys-'));
    const path = join(dir, 'desk.key.enc');
    const first = keySourceFor(safeStorageKeyProvider(fakeStorage(), path, {}), false);
    expect(first).toMatchObject({ kind: 'key', key: expect.any(Buffer) });
    const again = keySourceFor(safeStorageKeyProvider(fakeStorage(), path, {}), true);
    expect(Buffer.from((again as { key: Uint8Array }).key).equals(Buffer.from((first as { key: Uint8Array }).key))).toBe(true);
    // An existing database whose wrapped key is gone: no new key, the thread shows the recovery screen.
    expect(keySourceFor(safeStorageKeyProvider(fakeStorage(), join(dir, 'lost.key.enc'), {}), true)).toMatchObject({ key: null });
    expect(keySourceFor(safeStorageKeyProvider(fakeStorage(false), join(dir, 'other.key.enc'), {}), false)).toMatchObject({
      key: null,
      problem: expect.stringContaining('系统密钥服务不可用'),
    });
  });
});
