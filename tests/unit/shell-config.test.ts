import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLocations } from '../../electron/data-dir';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/shell/csp';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('Content Security Policy of the renderer', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('never allows eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  });

  it("runs scripts from the app itself only ('self', no inline, no other host)", () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('forbids plugins and being framed by another page', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('shows attachments from blob: URLs only: images and framed PDFs, never another site', () => {
    expect(csp.get('img-src')).toContain('blob:');
    expect(csp.get('frame-src')).toEqual(["'self'", 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('talks to its own origin only', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('is sent with every renderer file, with nosniff', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('default data and key locations', () => {
  const home = '/home/clerk';
  const cases: Array<[string, NodeJS.Platform, NodeJS.ProcessEnv]> = [
    ['Windows with APPDATA and LOCALAPPDATA', 'win32', { APPDATA: '/Users/clerk/AppData/Roaming', LOCALAPPDATA: '/Users/clerk/AppData/Local' }],
    ['Windows without the variables', 'win32', {}],
    ['Windows where both variables point to one folder', 'win32', { APPDATA: '/profile', LOCALAPPDATA: '/profile' }],
    ['Linux without XDG variables', 'linux', {}],
    ['Linux with XDG variables', 'linux', { XDG_DATA_HOME: '/data', XDG_CONFIG_HOME: '/config' }],
    ['Linux where XDG data and config are one folder', 'linux', { XDG_DATA_HOME: '/home/clerk/xdg', XDG_CONFIG_HOME: '/home/clerk/xdg' }],
  ];

  it.each(cases)('keeps the key out of the database folder: %s', (_label, platform, env) => {
    const { dbPath, keyFile } = defaultLocations(platform, env, home);
    const dataDir = posix.dirname(dbPath);
    const keyDir = posix.dirname(keyFile);
    expect(keyDir).not.toBe(dataDir);
    // Copying the data folder (or zipping it as a backup) must not take the key along.
    expect(posix.relative(dataDir, keyFile).startsWith('..')).toBe(true);
  });

  it('puts the database under the roaming profile on Windows and the key under the local one', () => {
    const { dbPath, keyFile } = defaultLocations('win32', { APPDATA: '/R', LOCALAPPDATA: '/L' }, home);
    expect(dbPath.startsWith('/R/')).toBe(true);
    expect(keyFile.startsWith('/L/')).toBe(true);
  });
});
