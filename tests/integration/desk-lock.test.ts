import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it, onTestFinished } from 'vitest';
import { lockPathFor } from '../../db/desk-lock';
import { runCliAsync } from '../../electron/cli/run';
import { deskFiles, expectOk, openDesk, readyDesk, type DeskFiles } from './helpers';
import { SERVING_PATTERN } from '../../shared/labels/console-lines';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCliAsync(argv, {}, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

/** The real host (`electron/host.ts`) on the desk's files; resolves with its output once it listens or exits. */
function startHost(files: DeskFiles): Promise<{ child: ChildProcess; listening: boolean; exitCode: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', '--db', files.dbPath, '--key-file', files.keyFile, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host neither listened nor exited:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (SERVING_PATTERN.test(out)) {
        clearTimeout(timer);
        resolve({ child, listening: true, exitCode: null, out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ child, listening: false, exitCode: code, out });
    });
  });
}

/** A desk set up and closed, so its files can be opened by a host. */
function closedDesk(): DeskFiles {
  const ready = readyDesk({ login: false });
  ready.desk.close();
  return ready;
}

describe('one running desk per database', () => {
  it('a second host on an open database is refused with a message naming the running one, and the command line’s look-ups, accounts and backups still work beside it', async () => {
    const files = closedDesk();
    const first = await startHost(files);
    expect(first.listening, first.out).toBe(true);
    const pid = first.child.pid!;

    const second = await startHost(files);
    expect(second.listening).toBe(false);
    expect(second.exitCode).toBe(1);
    expect(second.out).toContain('已由另一个工作台打开');
    expect(second.out).toContain(`进程号 ${pid}`);
    expect(second.out).toContain('浏览器服务');

    // The app (a Desk in this process) is refused the same way, and answers setup.status with it.
    const app = openDesk(files);
    expect(app.state()).toMatchObject({ state: 'in_use', message: expect.stringContaining(`进程号 ${pid}`) });
    expect(expectOk(app.call(null, 'setup.status', {}).result)).toMatchObject({ state: 'in_use' });
    const init = app.call(null, 'setup.initialize', { countyCode: '320506', adminUsername: 'x', adminDisplayName: '某某', password: 'Another-123456' }).result;
    expect(init).toMatchObject({ ok: false });

    const db = ['--db', files.dbPath, '--key-file', files.keyFile];
    const exported = await cli('export', ...db);
    expect(exported.code).toBe(1);
    expect(exported.out).toContain(`进程号 ${pid}`);
    const listed = await cli('user', 'list', ...db);
    expect(listed, listed.out).toMatchObject({ code: 0 });
    expect(listed.out).toContain('wangfang');
    expect((await cli('audit', 'verify', ...db)).code).toBe(0);
    const backup = await cli('backup', 'create', ...db);
    expect(backup, backup.out).toMatchObject({ code: 0 });
    expect((await cli('db', 'check', ...db)).code).toBe(0);

    // Stopped normally, the host gives the lock back.
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(existsSync(lockPathFor(files.dbPath))).toBe(false);
    const after = openDesk(files);
    expect(after.state().state).toBe('ready');
  }, 60_000);

  it('a lock left by a desk that died (killed, or before the computer restarted) is taken over', () => {
    const files = closedDesk();
    const lock = lockPathFor(files.dbPath);
    // A process that has exited: its pid is free.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(lock, JSON.stringify({ pid: Number(gone.stdout.toString()), host: hostname(), program: '浏览器服务', startedAt: new Date().toISOString() }));
    const desk = openDesk(files);
    expect(desk.state().state).toBe('ready');
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    desk.close();
    expect(existsSync(lock)).toBe(false);

    // This very process, but recorded before the computer last started: another process that had our pid then.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), program: '主程序', startedAt: '2001-01-01T00:00:00.000Z' }));
    expect(openDesk(files).state().state).toBe('ready');
  });

  it('a half-written lock file (a crash between creating and filling it) does not keep the database shut', () => {
    const files = closedDesk();
    writeFileSync(lockPathFor(files.dbPath), '');
    expect(openDesk(files).state().state).toBe('ready');
  });

  it('a first start takes the lock before there is a database, so two first starts cannot both set one up', () => {
    const files = deskFiles();
    const first = openDesk(files);
    expect(first.state().state).toBe('uninitialized');
    const second = openDesk(files);
    expect(second.state().state).toBe('in_use');
    expect(second.call(null, 'setup.openDemo', {}).result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
