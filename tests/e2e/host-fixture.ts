import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { SERVING_PATTERN } from '../../shared/labels/console-lines';

export interface RunningHost {
  url: string;
  dir: string;
  dbPath: string;
  keyFile: string;
}

/** Starts the real host (`electron/host.ts`) on a free port with a fresh temp data folder. */
async function startHost(): Promise<{ host: RunningHost; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const dbPath = join(dir, 'data', 'desk.db');
  const keyFile = join(dir, 'keys', 'desk.key');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', '--db', dbPath, '--key-file', keyFile, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = SERVING_PATTERN.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  return { host: { url, dir, dbPath, keyFile }, child };
}

export const test = base.extend<{ host: RunningHost }>({
  // Playwright requires an object pattern for fixture dependencies, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const { host, child } = await startHost();
    await use(host);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(host.dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
