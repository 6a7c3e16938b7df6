import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { PASSWORD, tempDir } from './helpers';

interface Run {
  code: number;
  out: string;
}

function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Run {
  const lines: string[] = [];
  const code = runCli(argv, env, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

/** A data folder, a separate key folder, and a password file (never a password in argv). */
function workspace() {
  const dir = tempDir('desk-cli-');
  mkdirSync(join(dir, 'keys'));
  const passwordFile = join(dir, 'password.txt');
  writeFileSync(passwordFile, `${PASSWORD}\n`);
  const dbPath = join(dir, 'data', 'desk.db');
  const keyFile = join(dir, 'keys', 'desk.key');
  const common = ['--db', dbPath, '--key-file', keyFile];
  const login = [...common, '--user', 'clerk', '--password-file', passwordFile];
  const init = () => cli(['init', ...common, '--county', '320506', '--admin', 'clerk', '--admin-name', '王芳', '--also-front-desk', '--password-file', passwordFile]);
  return { dir, dbPath, keyFile, passwordFile, common, login, init };
}

describe('command line: init', () => {
  it('creates the database and a key file readable by its owner only, and prints the recovery key', () => {
    const ws = workspace();
    const run = ws.init();
    expect(run.code, run.out).toBe(0);
    expect(existsSync(ws.dbPath)).toBe(true);
    expect(run.out).toContain('吴中区');
    const keyHex = readFileSync(ws.keyFile, 'utf8').trim();
    expect(keyHex).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(statSync(ws.keyFile).mode & 0o777).toBe(0o600);
    // The printed recovery key is the same 256 bits, for the administrator to keep on paper.
    const recovery = /([0-9A-F]{8}(?:-[0-9A-F]{8}){7})/.exec(run.out)?.[1];
    expect(recovery?.replace(/-/g, '').toLowerCase()).toBe(keyHex);
    expect(run.out).not.toContain(PASSWORD);
  });

  it('refuses to initialise over an existing database and leaves it and its key alone', () => {
    const ws = workspace();
    expect(ws.init().code).toBe(0);
    const db = readFileSync(ws.dbPath);
    const key = readFileSync(ws.keyFile);
    const again = ws.init();
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('已存在');
    expect(readFileSync(ws.dbPath).equals(db)).toBe(true);
    expect(readFileSync(ws.keyFile).equals(key)).toBe(true);
  });

  it('creates the key folder when it does not exist yet', () => {
    const ws = workspace();
    const keyFile = join(ws.dir, 'new-keys', 'desk.key');
    const run = cli(['init', '--db', ws.dbPath, '--key-file', keyFile, '--county', '320506', '--admin', 'clerk', '--password-file', ws.passwordFile]);
    expect(run.code, run.out).toBe(0);
    expect(existsSync(keyFile)).toBe(true);
  });

  it('refuses a county outside Jiangsu and a missing password without creating anything', () => {
    const ws = workspace();
    const county = cli(['init', ...ws.common, '--county', '110105', '--admin', 'clerk', '--password-file', ws.passwordFile]);
    expect(county.code).toBe(1);
    expect(county.out).toContain('江苏');
    const noPassword = cli(['init', ...ws.common, '--county', '320506', '--admin', 'clerk']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.out).toContain('--password-file');
    expect(existsSync(ws.dbPath)).toBe(false);
  });
});

describe('command line: persons and checks', () => {
  it('registers a person and finds them again, showing masked numbers', () => {
    const ws = workspace();
    expect(ws.init().code).toBe(0);
    const add = cli(['persons', 'add', ...ws.login, '--id-number', '32050619920115004x', '--name', '李秀英', '--phone', '13912345678']);
    expect(add.code, add.out).toBe(0);
    expect(add.out).toContain('已登记');
    expect(add.out).toContain('3205**********004X');
    expect(add.out).not.toContain('13912345678');

    const find = cli(['persons', 'find', ...ws.login, '--query', '李秀英']);
    expect(find.code, find.out).toBe(0);
    expect(find.out).toContain('共 1 人');
    expect(find.out).toContain('139****5678');

    const json = cli(['persons', 'find', ...ws.login, '--query', '5678', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ total: 1, items: [{ name: '李秀英' }] });
  });

  it('reports a mistyped ID number in one Chinese line with exit code 1', () => {
    const ws = workspace();
    expect(ws.init().code).toBe(0);
    const add = cli(['persons', 'add', ...ws.login, '--id-number', '320102199003071238', '--name', '张伟']);
    expect(add.code).toBe(1);
    expect(add.out).toMatch(/^错误：.*校验位/);
  });

  it('checks the database without changing it and reports 通过', () => {
    const ws = workspace();
    expect(ws.init().code).toBe(0);
    const check = cli(['db', 'check', ...ws.common]);
    expect(check.code, check.out).toBe(0);
    expect(check.out).toContain('完整性检查：通过');
    expect(check.out).toContain('外键检查：通过');
    expect(check.out).toContain('已是最新');
  });

  it('fails the check with a Chinese message when the key is wrong', () => {
    const ws = workspace();
    expect(ws.init().code).toBe(0);
    const wrongKey = join(ws.dir, 'keys', 'wrong.key');
    writeFileSync(wrongKey, `${'ab'.repeat(32)}\n`);
    const check = cli(['db', 'check', '--db', ws.dbPath, '--key-file', wrongKey]);
    expect(check.code).toBe(1);
    expect(check.out).toContain('密钥');
  });

  it('prints the contract as JSON, with the permission and write flag of each method', () => {
    const run = cli(['contract', '--json']);
    expect(run.code).toBe(0);
    const entries = JSON.parse(run.out) as { method: string; permission: string; writes: boolean; input: unknown }[];
    expect(entries.find((e) => e.method === 'persons.register')).toMatchObject({
      permission: 'persons.write',
      writes: true,
      input: { type: 'object', properties: { idNumber: { type: 'string' } } },
    });
    expect(entries.find((e) => e.method === 'persons.search')).toMatchObject({ writes: false });
  });

  it('shows the usage for an unknown command with exit code 2', () => {
    const run = cli(['persons', 'delete']);
    expect(run.code).toBe(2);
    expect(run.out).toContain('用法');
  });
});
