import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICE_PATTERN, SERVING_PATTERN } from '../../shared/labels/console-lines';

export const PASSWORD = 'Admin-2026-pass';

/** A county database made by `cli init`, then `npm run host -- --office` on it: the hall's office host as a service. */
export async function officeHost(dir: string): Promise<{ uiUrl: string; officePort: number; fingerprint: string; stop(): Promise<void> }> {
  const dbPath = join(dir, 'data', 'desk.db');
  const keyFile = join(dir, 'keys', 'desk.key');
  mkdirSync(dir, { recursive: true });
  const passwordFile = join(dir, 'pw');
  writeFileSync(passwordFile, PASSWORD);
  execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'init', '--db', dbPath, '--county', '320506', '--admin', 'admin', '--admin-name', '王管理', '--key-file', keyFile, '--password-file', passwordFile]);
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', '--office', '--db', dbPath, '--key-file', keyFile, '--port', '0', '--ui-port', '0', '--name', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = await new Promise<{ uiUrl: string; officePort: number; fingerprint: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`office host did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const office = OFFICE_PATTERN.exec(out);
      const ui = SERVING_PATTERN.exec(out);
      if (office && ui) {
        clearTimeout(timer);
        const fingerprint = /证书指纹[^\n]*\n([0-9A-F ]+\n[0-9A-F ]+)/.exec(out)?.[1] ?? '';
        resolve({ uiUrl: ui[1]!, officePort: Number(office[1]), fingerprint });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`office host exited with ${code}:\n${out}`)));
  });
  return {
    ...started,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

